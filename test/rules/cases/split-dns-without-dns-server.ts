import type { RuleTests } from '../rule-tester.js';
import { mobile, SPLIT } from './_kit.js';

const fix = null;
const needsInput = '`dns-server value IP [IP]` in group-policy GP';

export default {
  valid: [
    {
      name: 'a dns-server inherited from DfltGrpPolicy',
      config: mobile({ dflt: ['dns-server value 10.0.0.53'], policy: [...SPLIT, 'split-dns value corp.example.com'] }),
    },
    {
      name: 'every query in the clear (D5): nothing goes into the tunnel',
      config: mobile({ policy: [...SPLIT, 'split-dns none', 'default-domain none', 'dns-server none'] }),
    },
  ],
  invalid: [
    {
      name: 'dns-server none under a split-dns list (D3)',
      config: mobile({ policy: [...SPLIT, 'split-dns value corp.example.com', 'dns-server none'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' dns-server none',
          severity: 'error',
          messageId: 'noResolver',
          data: { what: 'queries for corp.example.com', row: 'D3', path: 'by the path split tunnelling leaves outside the tunnel' },
          fix,
        },
      ],
    },
    {
      name: 'none inherited from DfltGrpPolicy',
      config: mobile({ dflt: ['dns-server none'], policy: [...SPLIT, 'split-dns value corp.example.com'] }),
      findings: [{ profile: 'MOBILE', at: ' dns-server none', severity: 'error', messageId: 'noResolver', fix, needsInput }],
    },
    {
      // The needs-input names the other profiles the policy reaches (found by the seventh review).
      name: 'a policy another profile names too: the input says so, and how to change this profile alone',
      config: `${mobile({ dflt: ['dns-server none'], policy: [...SPLIT, 'split-dns value corp.example.com'] })}
tunnel-group DESKTOP type remote-access
tunnel-group DESKTOP general-attributes
 default-group-policy GP`,
      findings: [
        {
          profile: 'DESKTOP',
          at: ' dns-server none',
          severity: 'error',
          messageId: 'noResolver',
          fix,
          needsInput: '`dns-server value IP [IP]` in group-policy GP (profile MOBILE uses it too; to change DESKTOP alone, give it a group-policy of its own)',
        },
        {
          profile: 'MOBILE',
          at: ' dns-server none',
          severity: 'error',
          messageId: 'noResolver',
          fix,
          needsInput: '`dns-server value IP [IP]` in group-policy GP (profile DESKTOP uses it too; to change MOBILE alone, give it a group-policy of its own)',
        },
      ],
    },
    {
      name: 'tunnel-all (D1) with no dns-server anywhere: the same finding, at the line that should set it',
      config: mobile({ policy: ['split-tunnel-policy tunnelall'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: 'group-policy GP attributes',
          lineRole: 'should-set',
          severity: 'error',
          messageId: 'noResolver',
          data: { what: 'DNS queries', row: 'D1', path: 'over the local LAN access mobile clients always allow (modifier M4)' },
          fix,
        },
      ],
    },
    {
      name: 'only the default domain is tunnelled (D4)',
      config: mobile({ policy: [...SPLIT, 'split-dns none', 'default-domain value corp.example.com'] }),
      findings: [
        { profile: 'MOBILE', at: 'group-policy GP attributes', lineRole: 'should-set', severity: 'error', messageId: 'noResolver', data: { row: 'D4' }, fix },
      ],
    },
  ],
} satisfies RuleTests;
