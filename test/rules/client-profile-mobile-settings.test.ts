import { ruleTester } from './rule-tester.js';
import cases from './cases/client-profile-mobile-settings.js';

ruleTester.run('client-profile-mobile-settings', cases);
