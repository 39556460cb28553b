import { ruleTester } from './rule-tester.js';
import cases from './cases/default-domain-not-in-split-dns.js';

ruleTester.run('default-domain-not-in-split-dns', cases);
