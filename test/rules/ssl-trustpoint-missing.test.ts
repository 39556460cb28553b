import { ruleTester } from './rule-tester.js';
import cases from './cases/ssl-trustpoint-missing.js';

ruleTester.run('ssl-trustpoint-missing', cases);
