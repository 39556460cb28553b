import type { RuleTests } from '../rule-tester.js';
import { mobile, SPLIT } from './_kit.js';

export default {
  valid: [
    { name: 'domain names only', config: mobile({ policy: [...SPLIT, 'split-dns value corp.example.com lab'] }) },
    { name: 'a real 8.8.8.8 entry on an IKEv1-only profile (not mobile-facing)', file: 'corpus/dlandberg-asa5505-84.cfg' },
  ],
  invalid: [
    {
      name: 'an IP address in the list; the fix keeps the names',
      config: mobile({ policy: [...SPLIT, 'split-dns value corp.example.com 10.0.0.53'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' split-dns value corp.example.com 10.0.0.53',
          severity: 'warning',
          messageId: 'notDomain',
          data: { entries: '`10.0.0.53` (an IP address)', inherited: '' },
          fix: 'group-policy GP attributes\n split-dns value corp.example.com',
        },
      ],
    },
    {
      // `split-dns none` would leave no default domain either: row D5, every query in the clear.
      name: "nothing valid and no default domain: no CLI, the domains are the user's to give",
      config: mobile({
        policy: ['split-tunnel-policy tunnelspecified', 'split-tunnel-network-list value ST', 'dns-server value 10.0.0.53', 'split-dns value 10.0.0.53'],
      }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' split-dns value 10.0.0.53',
          severity: 'warning',
          messageId: 'notDomain',
          fix: null,
          needsInput:
            'the internal domains iOS should resolve through the tunnel, as `split-dns value DOMAIN ...` in group-policy GP (removing the entries alone',
        },
      ],
    },
    {
      // With a default domain, `split-dns none` leaves row D4: the default domain is tunnelled. It goes
      // in the profile's own policy: in DfltGrpPolicy it would reach profiles with no default domain.
      name: 'an inherited list with nothing valid: split-dns none in the policy with the default domain',
      config: mobile({ dflt: ['split-dns value 8.8.8.8'], policy: [...SPLIT, 'default-domain value corp.example.com'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' split-dns value 8.8.8.8',
          severity: 'warning',
          messageId: 'notDomain',
          data: { inherited: ', inherited from DfltGrpPolicy' },
          fix: 'group-policy GP attributes\n split-dns none',
        },
      ],
    },
    {
      name: 'an inherited list with valid names is fixed in DfltGrpPolicy, for every policy that inherits it',
      config: mobile({ dflt: ['split-dns value 8.8.8.8 corp.example.com'], policy: SPLIT }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' split-dns value 8.8.8.8 corp.example.com',
          severity: 'warning',
          messageId: 'notDomain',
          data: { inherited: ', inherited from DfltGrpPolicy' },
          fix: 'group-policy DfltGrpPolicy attributes\n split-dns value corp.example.com',
        },
      ],
    },
    {
      name: 'IPv6 addresses, bad labels and numeric top-level labels',
      config: mobile({ policy: [...SPLIT, 'split-dns value 2001:db8::53 -bad.example a..b host.123 ok.example'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' split-dns value 2001:db8::53 -bad.example a..b host.123 ok.example',
          severity: 'warning',
          messageId: 'notDomain',
          data: {
            entries:
              '`2001:db8::53` (an IP address), `-bad.example` (not a valid domain name), `a..b` (not a valid domain name), `host.123` (not a valid domain name (numeric top-level label))',
          },
          fix: 'group-policy GP attributes\n split-dns value ok.example',
        },
      ],
    },
  ],
} satisfies RuleTests;
