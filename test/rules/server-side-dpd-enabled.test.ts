import { ruleTester } from './rule-tester.js';
import cases from './cases/server-side-dpd-enabled.js';

ruleTester.run('server-side-dpd-enabled', cases);
