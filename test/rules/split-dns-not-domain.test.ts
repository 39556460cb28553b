import { ruleTester } from './rule-tester.js';
import cases from './cases/split-dns-not-domain.js';

ruleTester.run('split-dns-not-domain', cases);
