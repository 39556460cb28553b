import { ruleTester } from './rule-tester.js';
import cases from './cases/dhe-ciphers-old-asa.js';

ruleTester.run('dhe-ciphers-old-asa', cases);
