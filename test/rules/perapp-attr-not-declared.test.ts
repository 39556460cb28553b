import { ruleTester } from './rule-tester.js';
import cases from './cases/perapp-attr-not-declared.js';

ruleTester.run('perapp-attr-not-declared', cases);
