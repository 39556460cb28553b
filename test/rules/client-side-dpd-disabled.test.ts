import { ruleTester } from './rule-tester.js';
import cases from './cases/client-side-dpd-disabled.js';

ruleTester.run('client-side-dpd-disabled', cases);
