import type { RuleTests } from '../rule-tester.js';
import { mobile, SPLIT } from './_kit.js';

export default {
  valid: [
    { name: 'the policy sets split-dns (even none)', config: mobile({ dflt: ['split-dns value old.example.net'], policy: [...SPLIT, 'split-dns none'] }) },
    { name: 'tunnel-all', config: mobile({ dflt: ['split-dns value old.example.net'], policy: ['split-tunnel-policy tunnelall'] }) },
    { name: 'the profile uses DfltGrpPolicy itself', config: mobile({ noPolicy: true, dflt: ['split-dns value old.example.net', ...SPLIT] }) },
  ],
  invalid: [
    {
      name: "the inherited list leaves the policy's default domain in the clear; the fix keeps what was inherited",
      config: mobile({ dflt: ['split-dns value old.example.net'], policy: [...SPLIT, 'default-domain value corp.example.com'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: 'group-policy GP attributes',
          lineRole: 'should-set',
          severity: 'warning',
          messageId: 'inherited',
          data: {
            policy: 'GP',
            domains: 'old.example.net',
            effect: "iOS tunnels only those domains, and the policy's own default domain corp.example.com goes in the clear.",
          },
          fix: 'group-policy GP attributes\n split-dns value old.example.net corp.example.com',
        },
      ],
    },
    {
      name: 'info when the inherited list covers the default domain',
      config: mobile({ dflt: ['split-dns value example.com'], policy: [...SPLIT, 'default-domain value corp.example.com'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: 'group-policy GP attributes',
          lineRole: 'should-set',
          severity: 'info',
          messageId: 'inherited',
          fix: 'group-policy GP attributes\n split-dns value example.com',
        },
      ],
    },
    {
      name: 'excludespecified: the guide is silent',
      config: mobile({ dflt: ['split-dns value old.example.net'], policy: ['split-tunnel-policy excludespecified'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: 'group-policy GP attributes',
          lineRole: 'should-set',
          severity: 'info',
          messageId: 'inherited',
          data: { effect: 'the mobile guide does not say what iOS does with it under excludespecified, so make the choice explicit.' },
          fix: 'group-policy GP attributes\n split-dns value old.example.net',
        },
      ],
    },
    {
      name: 'an inherited default domain is named as such',
      config: mobile({ dflt: ['split-dns value old.example.net', 'default-domain value corp.example.com'], policy: SPLIT }),
      findings: [
        {
          profile: 'MOBILE',
          at: 'group-policy GP attributes',
          lineRole: 'should-set',
          severity: 'warning',
          messageId: 'inherited',
          data: { effect: 'iOS tunnels only those domains, and the default domain (inherited from DfltGrpPolicy) corp.example.com goes in the clear.' },
          fix: 'group-policy GP attributes\n split-dns value old.example.net corp.example.com',
        },
      ],
    },
    {
      name: 'the demo headend: MOBILE-INHERIT (warning) and MOBILE-PERAPP (info)',
      file: 'demo/demo-headend.cfg',
      findings: [
        {
          profile: 'MOBILE-INHERIT',
          at: 'group-policy GP-INHERIT attributes',
          lineRole: 'should-set',
          severity: 'warning',
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
