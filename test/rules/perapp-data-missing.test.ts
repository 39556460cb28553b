import { ruleTester } from './rule-tester.js';
import cases from './cases/perapp-data-missing.js';

ruleTester.run('perapp-data-missing', cases);
