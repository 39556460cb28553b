import { ruleTester } from './rule-tester.js';
import cases from './cases/profile-name-special-chars.js';

ruleTester.run('profile-name-special-chars', cases);
