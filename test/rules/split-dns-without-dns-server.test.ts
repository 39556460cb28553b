import { ruleTester } from './rule-tester.js';
import cases from './cases/split-dns-without-dns-server.js';

ruleTester.run('split-dns-without-dns-server', cases);
