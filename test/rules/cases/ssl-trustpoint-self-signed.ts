import type { RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

const TP = (name: string, enrollment: string): string[] => [`crypto ca trustpoint ${name}`, ` enrollment ${enrollment}`, ' subject-name CN=vpn.example.com'];

export default {
  valid: [
    {
      name: 'a CA-signed certificate (enrollment terminal)',
      config: mobile({ global: [...TP('TP-PUBLIC', 'terminal'), 'ssl trust-point TP-PUBLIC outside'] }),
    },
    { name: 'a trustpoint the config does not show', config: mobile({ global: ['ssl trust-point TP-ELSEWHERE outside'] }) },
  ],
  invalid: [
    {
      name: 'ssl trust-point on a self-signed trustpoint',
      config: mobile({ global: [...TP('TP-SELF', 'self'), 'ssl trust-point TP-SELF outside'] }),
      findings: [
        {
          profile: null,
          at: 'ssl trust-point TP-SELF outside',
          severity: 'warning',
          messageId: 'selfSigned',
          data: { trustpoint: 'TP-SELF' },
          object: 'ssl trust-point TP-SELF outside',
          fix: null,
          needsInput: '`ssl trust-point NAME outside`',
        },
      ],
    },
    {
      name: 'the IKEv2 remote-access trustpoint is self-signed',
      config: mobile({ protocols: 'ikev2', global: [...TP('TP-SELF', 'self'), 'crypto ikev2 remote-access trustpoint TP-SELF'] }),
      findings: [
        {
          profile: null,
          at: 'crypto ikev2 remote-access trustpoint TP-SELF',
          severity: 'warning',
          messageId: 'selfSigned',
          object: 'crypto ikev2 remote-access trustpoint TP-SELF',
          fix: null,
          needsInput: '`crypto ikev2 remote-access trustpoint NAME`',
        },
      ],
    },
  ],
} satisfies RuleTests;
