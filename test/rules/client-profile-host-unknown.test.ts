import { ruleTester } from './rule-tester.js';
import cases from './cases/client-profile-host-unknown.js';

ruleTester.run('client-profile-host-unknown', cases);
