import { ruleTester } from './rule-tester.js';
import cases from './cases/anyconnect-mobile-license.js';

ruleTester.run('anyconnect-mobile-license', cases);
