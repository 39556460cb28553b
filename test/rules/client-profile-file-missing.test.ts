import { ruleTester } from './rule-tester.js';
import cases from './cases/client-profile-file-missing.js';

ruleTester.run('client-profile-file-missing', cases);
