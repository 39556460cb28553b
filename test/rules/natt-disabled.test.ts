import { ruleTester } from './rule-tester.js';
import cases from './cases/natt-disabled.js';

ruleTester.run('natt-disabled', cases);
