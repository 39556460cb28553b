import { ruleTester } from './rule-tester.js';
import cases from './cases/split-dns-inherited.js';

ruleTester.run('split-dns-inherited', cases);
