import { ruleTester } from './rule-tester.js';
import cases from './cases/dap-mobile-criteria.js';

ruleTester.run('dap-mobile-criteria', cases);
