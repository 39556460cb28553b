import { ruleTester } from './rule-tester.js';
import cases from './cases/scep-fips-incompatible.js';

ruleTester.run('scep-fips-incompatible', cases);
