import type { RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

const fix = 'crypto isakmp nat-traversal 3600';

export default {
  valid: [
    { name: 'the maximum, 3600 s', config: mobile({ global: ['crypto isakmp nat-traversal 3600'] }) },
    { name: 'no AnyConnect IKEv2 profile', config: mobile({ protocols: 'ssl-client' }) },
    { name: 'NAT-T disabled is the other rule', config: mobile({ global: ['no crypto isakmp nat-traversal'] }) },
    { name: 'NAT-T 120 without IKEv2 client services (real 8.0 config)', file: 'corpus/prometheus-asa1-80-svc.cfg' },
  ],
  invalid: [
    {
      name: 'no line: the recalled 20 s default, at the client-services line',
      config: mobile(),
      findings: [
        {
          profile: null,
          at: 'crypto ikev2 enable outside client-services port 443',
          lineRole: 'should-set',
          severity: 'warning',
          messageId: 'defaultShort',
          data: { seconds: 20, basis: 'recalled', profiles: 'mobile profile MOBILE' },
          fix,
        },
      ],
    },
    {
      name: 'an explicit short keepalive',
      config: mobile({ global: ['crypto isakmp nat-traversal 120'] }),
      findings: [{ profile: null, at: 'crypto isakmp nat-traversal 120', severity: 'warning', messageId: 'short', data: { seconds: 120 }, fix }],
    },
    {
      name: 'show running-config all prints the default: that line is the offending one',
      file: 'synthetic/run-all-916.cfg',
      findings: [{ profile: null, at: 'crypto isakmp nat-traversal 20', severity: 'warning', messageId: 'short', fix }],
    },
  ],
} satisfies RuleTests;
