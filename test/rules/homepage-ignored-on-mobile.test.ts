import { ruleTester } from './rule-tester.js';
import cases from './cases/homepage-ignored-on-mobile.js';

ruleTester.run('homepage-ignored-on-mobile', cases);
