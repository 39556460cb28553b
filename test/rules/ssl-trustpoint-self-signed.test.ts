import { ruleTester } from './rule-tester.js';
import cases from './cases/ssl-trustpoint-self-signed.js';

ruleTester.run('ssl-trustpoint-self-signed', cases);
