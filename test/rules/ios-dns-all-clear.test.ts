import { ruleTester } from './rule-tester.js';
import cases from './cases/ios-dns-all-clear.js';

ruleTester.run('ios-dns-all-clear', cases);
