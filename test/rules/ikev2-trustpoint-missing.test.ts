import { ruleTester } from './rule-tester.js';
import cases from './cases/ikev2-trustpoint-missing.js';

ruleTester.run('ikev2-trustpoint-missing', cases);
