import { ruleTester } from './rule-tester.js';
import cases from './cases/perapp-data-too-long.js';

ruleTester.run('perapp-data-too-long', cases);
