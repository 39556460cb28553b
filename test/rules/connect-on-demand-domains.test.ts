import { ruleTester } from './rule-tester.js';
import cases from './cases/connect-on-demand-domains.js';

ruleTester.run('connect-on-demand-domains', cases);
