import { ruleTester } from './rule-tester.js';
import cases from './cases/connect-on-demand-certificate.js';

ruleTester.run('connect-on-demand-certificate', cases);
