import { ruleTester } from './rule-tester.js';
import cases from './cases/dns-server-outside-split-tunnel.js';

ruleTester.run('dns-server-outside-split-tunnel', cases);
