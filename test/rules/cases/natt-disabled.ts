import type { RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

export default {
  valid: [
    { name: 'NAT-T on by default', config: mobile() },
    { name: 'no IKEv2 client services for AnyConnect', config: mobile({ protocols: 'ssl-client', global: ['no crypto isakmp nat-traversal'] }) },
    { name: 'a real config with NAT-T disabled but IKEv1 only', file: 'corpus/dlandberg-asa5505-84.cfg' },
  ],
  invalid: [
    {
      name: '`no crypto isakmp nat-traversal` with IKEv2 client services',
      config: mobile({ global: ['no crypto isakmp nat-traversal'] }),
      findings: [
        {
          profile: null,
          at: 'no crypto isakmp nat-traversal',
          severity: 'error',
          messageId: 'disabledByLine',
          data: { profiles: 'mobile profile MOBILE' },
          fix: 'crypto isakmp nat-traversal 3600',
        },
      ],
    },
  ],
} satisfies RuleTests;
