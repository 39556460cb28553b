import type { RuleTests } from '../rule-tester.js';
import { mobile, SPLIT } from './_kit.js';

export default {
  valid: [
    {
      name: 'the list covers the default domain',
      config: mobile({ policy: [...SPLIT, 'split-dns value example.com', 'default-domain value corp.example.com'] }),
    },
    {
      name: 'tunnel-all: the list has no effect',
      config: mobile({ policy: ['split-tunnel-policy tunnelall', 'split-dns value old.example.net', 'default-domain value corp.example.com'] }),
    },
    {
      name: 'split-tunnel-all-dns enable (D2)',
      config: mobile({ policy: [...SPLIT, 'split-tunnel-all-dns enable', 'split-dns value old.example.net', 'default-domain value corp.example.com'] }),
    },
  ],
  invalid: [
    {
      // Adding a default domain that is no domain name would only add a bad entry: the user names the right one.
      name: 'a default domain that is no domain name: no CLI, it asks for the right domain',
      config: mobile({ policy: [...SPLIT, 'split-dns value lab.example.com 10.0.0.53', 'default-domain value host.123'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' split-dns value lab.example.com 10.0.0.53',
          severity: 'warning',
          messageId: 'outside',
          data: { domain: 'host.123' },
          fix: null,
          needsInput: 'the default domain `host.123` is not a valid domain name (numeric top-level label): the internal domain',
        },
      ],
    },
    {
      name: "the policy's own list omits its own default domain",
      config: mobile({ policy: [...SPLIT, 'split-dns value lab.example.com', 'default-domain value corp.example.com'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' split-dns value lab.example.com',
          severity: 'warning',
          messageId: 'outside',
          data: { domain: 'corp.example.com' },
          fix: 'group-policy GP attributes\n split-dns value lab.example.com corp.example.com',
        },
      ],
    },
    {
      name: 'an inherited list: the same finding, fixed in the profile policy',
      config: mobile({ dflt: ['split-dns value old.example.net'], policy: [...SPLIT, 'default-domain value corp.example.com'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' split-dns value old.example.net',
          severity: 'warning',
          messageId: 'outside',
          data: { domain: 'corp.example.com' },
          fix: 'group-policy GP attributes\n split-dns value old.example.net corp.example.com',
        },
      ],
    },
    {
      name: 'excludespecified: only the literal reading puts the list in charge (info)',
      config: mobile({ policy: ['split-tunnel-policy excludespecified', 'split-dns value lab.example.com', 'default-domain value corp.example.com'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' split-dns value lab.example.com',
          severity: 'info',
          messageId: 'outside',
          fix: 'group-policy GP attributes\n split-dns value lab.example.com corp.example.com',
        },
      ],
    },
  ],
} satisfies RuleTests;
