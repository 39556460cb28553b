import type { RuleTests } from '../rule-tester.js';
import { mobile, SPLIT } from './_kit.js';

export default {
  valid: [
    { name: 'a default domain is tunnelled (D4)', config: mobile({ policy: [...SPLIT, 'split-dns none', 'default-domain value corp.example.com'] }) },
    { name: 'a split-dns list (D3)', config: mobile({ policy: [...SPLIT, 'split-dns value corp.example.com'] }) },
    {
      name: 'excludespecified with a split-dns list: the literal reading tunnels the list',
      config: mobile({ policy: ['split-tunnel-policy excludespecified', 'split-dns value corp.example.com'] }),
    },
    { name: 'tunnel-all (D1)', config: mobile({ policy: ['split-tunnel-policy tunnelall', 'split-dns none', 'default-domain none'] }) },
  ],
  invalid: [
    {
      name: 'split-dns none and default-domain none in the policy: points at the later deciding line',
      config: mobile({ policy: [...SPLIT, 'split-dns none', 'default-domain none'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' default-domain none',
          severity: 'warning',
          messageId: 'allClear',
          data: { profile: 'MOBILE' },
          fix: null,
          needsInput: 'the internal domains iOS should resolve through the tunnel',
        },
      ],
    },
    {
      name: 'the nones inherited from DfltGrpPolicy; the input asked for names the device domain-name',
      config: mobile({ global: ['domain-name corp.example.com'], dflt: ['split-dns none', 'default-domain none'], policy: SPLIT }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' default-domain none',
          severity: 'warning',
          messageId: 'allClear',
          fix: null,
          needsInput: "(the device's own domain is corp.example.com)",
        },
      ],
    },
    {
      name: 'excludespecified with no list and no default domain: read literally, all in the clear (info)',
      config: mobile({ policy: ['split-tunnel-policy excludespecified', 'split-tunnel-network-list value LOCAL', 'split-dns none', 'default-domain none'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' default-domain none',
          severity: 'info',
          messageId: 'literalAllClear',
          data: { profile: 'MOBILE' },
          fix: null,
          needsInput: 'the internal domains iOS should resolve through the tunnel',
        },
      ],
    },
    {
      name: 'the demo headend: Lab&Partners',
      file: 'demo/demo-headend.cfg',
      findings: [
        {
          profile: 'Lab&Partners',
          at: ' default-domain none',
          severity: 'warning',
          messageId: 'allClear',
          fix: null,
          needsInput: 'in group-policy GP-CLEAR',
        },
      ],
    },
  ],
} satisfies RuleTests;
