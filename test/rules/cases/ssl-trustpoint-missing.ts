import type { RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

export default {
  valid: [
    { name: 'a trust-point for the interface', config: mobile({ global: ['ssl trust-point TP outside'] }) },
    { name: 'a trust-point for every interface', config: mobile({ global: ['ssl trust-point TP'] }) },
    { name: 'no SSL profile (IKEv2 only)', config: mobile({ protocols: 'ikev2' }) },
    { name: 'the demo headend', file: 'demo/demo-headend.cfg' },
    {
      name: 'the real SSL-only lab config names a trust-point for outside (self-signed there, which the config cannot show)',
      file: 'corpus/wosm-asa91-sslvpn-only.cfg',
    },
  ],
  invalid: [
    {
      name: 'per webvpn interface without a trust-point',
      config: mobile({ global: ['webvpn', ' enable inside', 'ssl trust-point TP inside'] }),
      findings: [
        {
          profile: null,
          at: ' enable outside',
          severity: 'warning',
          messageId: 'missing',
          data: { interface: 'outside' },
          object: 'interface outside',
          fix: null,
          needsInput: '`ssl trust-point NAME outside`',
        },
      ],
    },
    {
      name: 'the plain 9.16 fixture',
      file: 'synthetic/plain-916.cfg',
      findings: [
        {
          profile: null,
          at: ' enable outside',
          severity: 'warning',
          messageId: 'missing',
          object: 'interface outside',
          fix: null,
          needsInput: '`ssl trust-point NAME outside`',
        },
      ],
    },
  ],
} satisfies RuleTests;
