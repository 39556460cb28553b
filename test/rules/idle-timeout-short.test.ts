import { ruleTester } from './rule-tester.js';
import cases from './cases/idle-timeout-short.js';

ruleTester.run('idle-timeout-short', cases);
