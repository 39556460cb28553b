import { ruleTester } from './rule-tester.js';
import cases from './cases/saml-prerequisites.js';

ruleTester.run('saml-prerequisites', cases);
