import { ruleTester } from './rule-tester.js';
import cases from './cases/perapp-asa-version.js';

ruleTester.run('perapp-asa-version', cases);
