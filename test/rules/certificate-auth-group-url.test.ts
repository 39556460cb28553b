import { ruleTester } from './rule-tester.js';
import cases from './cases/certificate-auth-group-url.js';

ruleTester.run('certificate-auth-group-url', cases);
