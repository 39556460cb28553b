import { ruleTester } from './rule-tester.js';
import cases from './cases/perapp-ios-not-all-apps.js';

ruleTester.run('perapp-ios-not-all-apps', cases);
