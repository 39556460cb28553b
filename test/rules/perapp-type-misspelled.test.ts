import { ruleTester } from './rule-tester.js';
import cases from './cases/perapp-type-misspelled.js';

ruleTester.run('perapp-type-misspelled', cases);
