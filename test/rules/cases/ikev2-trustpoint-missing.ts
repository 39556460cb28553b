import type { RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

export default {
  valid: [
    { name: 'a remote-access trustpoint is named', config: mobile({ global: ['crypto ikev2 remote-access trustpoint TP-PUBLIC'] }) },
    { name: 'no IKEv2 profile', config: mobile({ protocols: 'ssl-client' }) },
  ],
  invalid: [
    {
      name: 'IKEv2 client services without a remote-access trustpoint',
      config: mobile(),
      findings: [
        {
          profile: null,
          at: 'crypto ikev2 enable outside client-services port 443',
          lineRole: 'should-set',
          severity: 'warning',
          messageId: 'missing',
          data: { profiles: 'mobile profile MOBILE' },
          fix: null,
          needsInput: 'a trustpoint whose certificate phones trust',
        },
      ],
    },
    {
      name: 'the one trusted SSL trustpoint is offered for IKEv2 too',
      config: mobile({ global: ['crypto ca trustpoint TP-PUBLIC', ' enrollment terminal', 'ssl trust-point TP-PUBLIC outside'] }),
      findings: [
        {
          profile: null,
          at: 'crypto ikev2 enable outside client-services port 443',
          lineRole: 'should-set',
          severity: 'warning',
          messageId: 'missing',
          fix: 'crypto ikev2 remote-access trustpoint TP-PUBLIC',
          needsInput: null,
        },
      ],
    },
  ],
} satisfies RuleTests;
