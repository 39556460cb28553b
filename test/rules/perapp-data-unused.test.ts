import { ruleTester } from './rule-tester.js';
import cases from './cases/perapp-data-unused.js';

ruleTester.run('perapp-data-unused', cases);
