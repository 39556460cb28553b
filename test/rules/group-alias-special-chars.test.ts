import { ruleTester } from './rule-tester.js';
import cases from './cases/group-alias-special-chars.js';

ruleTester.run('group-alias-special-chars', cases);
