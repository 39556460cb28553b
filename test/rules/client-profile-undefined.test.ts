import { ruleTester } from './rule-tester.js';
import cases from './cases/client-profile-undefined.js';

ruleTester.run('client-profile-undefined', cases);
