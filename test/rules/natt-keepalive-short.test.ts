import { ruleTester } from './rule-tester.js';
import cases from './cases/natt-keepalive-short.js';

ruleTester.run('natt-keepalive-short', cases);
