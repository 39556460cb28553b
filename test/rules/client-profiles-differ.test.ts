import { ruleTester } from './rule-tester.js';
import cases from './cases/client-profiles-differ.js';

ruleTester.run('client-profiles-differ', cases);
