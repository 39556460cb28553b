import { ruleTester } from './rule-tester.js';
import cases from './cases/ssl-keepalive-enabled.js';

ruleTester.run('ssl-keepalive-enabled', cases);
