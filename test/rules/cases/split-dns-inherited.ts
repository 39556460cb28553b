import type { RuleTests } from '../rule-tester.js';
import { mobile, SPLIT } from './_kit.js';

export default {
  valid: [
    { name: 'the policy sets split-dns (even none)', config: mobile({ dflt: ['split-dns value old.example.net'], policy: [...SPLIT, 'split-dns none'] }) },
    {
      name: 'tunnel-all: the list has no effect on iOS (D1)',
      config: mobile({ dflt: ['split-dns value old.example.net'], policy: ['split-tunnel-policy tunnelall'] }),
    },
    {
      name: 'split-tunnel-all-dns enable: every query is tunnelled (D2), the list has no effect',
      config: mobile({ dflt: ['split-dns value old.example.net'], policy: [...SPLIT, 'split-tunnel-all-dns enable', 'default-domain value corp.example.com'] }),
    },
    { name: 'the profile uses DfltGrpPolicy itself', config: mobile({ noPolicy: true, dflt: ['split-dns value old.example.net', ...SPLIT] }) },
  ],
  invalid: [
    {
      name: "the inherited list decides (D3); the fix keeps it and adds the policy's default domain",
      config: mobile({ dflt: ['split-dns value old.example.net'], policy: [...SPLIT, 'default-domain value corp.example.com'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: 'group-policy GP attributes',
          lineRole: 'should-set',
          severity: 'info',
          messageId: 'inherited',
          data: {
            policy: 'GP',
            domains: 'old.example.net',
            effect: 'only those domains are tunnelled (the default domain corp.example.com is not among them: see default-domain-not-in-split-dns).',
          },
          fix: 'group-policy GP attributes\n split-dns value old.example.net corp.example.com',
        },
      ],
    },
    {
      name: 'the inherited list covers the default domain',
      config: mobile({ dflt: ['split-dns value example.com'], policy: [...SPLIT, 'default-domain value corp.example.com'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: 'group-policy GP attributes',
          lineRole: 'should-set',
          severity: 'info',
          messageId: 'inherited',
          data: { effect: 'only those domains are tunnelled.' },
          fix: 'group-policy GP attributes\n split-dns value example.com',
        },
      ],
    },
    {
      name: 'excludespecified: the list decides only when the guide is read literally',
      config: mobile({ dflt: ['split-dns value old.example.net'], policy: ['split-tunnel-policy excludespecified'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: 'group-policy GP attributes',
          lineRole: 'should-set',
          severity: 'info',
          messageId: 'inherited',
          data: { effect: 'they decide what is tunnelled when the guide is read literally for excludespecified.' },
          fix: 'group-policy GP attributes\n split-dns value old.example.net',
        },
      ],
    },
    {
      name: 'the demo headend: MOBILE-INHERIT, and MOBILE-PERAPP under excludespecified',
      file: 'demo/demo-headend.cfg',
      findings: [
        {
          profile: 'MOBILE-INHERIT',
          at: 'group-policy GP-INHERIT attributes',
          lineRole: 'should-set',
          severity: 'info',
          messageId: 'inherited',
          fix: 'group-policy GP-INHERIT attributes\n split-dns value legacy.example.net corp.example.com',
        },
        {
          profile: 'MOBILE-PERAPP',
          at: 'group-policy GP-PERAPP attributes',
          lineRole: 'should-set',
          severity: 'info',
          messageId: 'inherited',
          fix: 'group-policy GP-PERAPP attributes\n split-dns value legacy.example.net',
        },
      ],
    },
    {
      name: 'show running-config all prints DfltGrpPolicy in full; PHONES is split and silent on split-dns',
      file: 'synthetic/run-all-916.cfg',
      findings: [
        {
          profile: 'PHONES',
          at: 'group-policy GP-PHONES attributes',
          lineRole: 'should-set',
          severity: 'info',
          messageId: 'inherited',
          fix: 'group-policy GP-PHONES attributes\n split-dns value hq.example.com',
        },
      ],
    },
  ],
} satisfies RuleTests;
