import { ruleTester } from './rule-tester.js';
import cases from './cases/dap-perapp-broken.js';

ruleTester.run('dap-perapp-broken', cases);
