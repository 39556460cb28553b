import type { RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

export default {
  valid: [{ name: 'no SCEP enrolment', config: mobile() }],
  invalid: [
    {
      name: 'scep-enrollment enable on a mobile profile',
      config: `${mobile()}\ntunnel-group MOBILE general-attributes\n scep-enrollment enable`,
      findings: [{ profile: 'MOBILE', at: ' scep-enrollment enable', severity: 'info', messageId: 'scep', fix: null }],
    },
  ],
} satisfies RuleTests;
