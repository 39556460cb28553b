import { expect } from 'vitest';
import type { ExpectedFinding, RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

const ACL = ['access-list ST-CORP standard permit 10.1.0.0 255.255.0.0', 'access-list ST-CORP standard permit host 10.0.0.53'];
const SPLIT_ST = ['split-tunnel-policy tunnelspecified', 'split-tunnel-network-list value ST-CORP', 'split-dns value corp.example.com'];

/** (Typed apart: beside the warning below, its `data` would not infer as the tester's type.) */
const IPV6_UNCHECKED: ExpectedFinding = {
  profile: 'MOBILE',
  at: ' dns-server value 2001:db8::53 10.9.9.9',
  severity: 'info',
  messageId: 'unchecked',
  data: { servers: '2001:db8::53', them: 'it', why: expect.stringContaining('IPv6') },
  fix: null,
};

export default {
  valid: [
    { name: 'the DNS server is in the list', config: mobile({ global: ACL, policy: [...SPLIT_ST, 'dns-server value 10.0.0.53'] }) },
    { name: 'tunnel-all', config: mobile({ global: ACL, policy: ['split-tunnel-policy tunnelall', 'dns-server value 10.9.9.9'] }) },
    {
      name: 'an extended list the model does not read, on a profile that tunnels everything: nothing to check',
      config: mobile({
        global: ['access-list ST-CORP extended permit ip 10.0.0.0 255.0.0.0 any'],
        policy: ['split-tunnel-policy tunnelall', 'split-tunnel-network-list value ST-CORP', 'dns-server value 10.9.9.9'],
      }),
    },
  ],
  invalid: [
    {
      name: 'split-tunnel-all-dns enable (row D2) sends every query to a server the list leaves outside: still reported',
      config: mobile({ global: ACL, policy: [...SPLIT_ST, 'split-tunnel-all-dns enable', 'dns-server value 10.9.9.9'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' split-tunnel-network-list value ST-CORP',
          severity: 'warning',
          messageId: 'outside',
          data: { servers: '10.9.9.9' },
          fix: 'access-list ST-CORP standard permit host 10.9.9.9',
        },
      ],
    },
    {
      name: 'tunnelspecified with no split-tunnel list: not checked, and said (info)',
      config: mobile({ policy: ['split-tunnel-policy tunnelspecified', 'split-dns value corp.example.com', 'dns-server value 10.0.0.53'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' dns-server value 10.0.0.53',
          severity: 'info',
          messageId: 'noList',
          data: { servers: '10.0.0.53', policy: 'group-policy GP', them: 'it' },
          fix: null,
        },
      ],
    },
    {
      name: 'an IPv6 DNS server is not judged by the IPv4 list: said (info), while an IPv4 one outside is still reported',
      config: mobile({ global: ACL, policy: [...SPLIT_ST, 'dns-server value 2001:db8::53 10.9.9.9'] }),
      findings: [
        IPV6_UNCHECKED,
        {
          profile: 'MOBILE',
          at: ' split-tunnel-network-list value ST-CORP',
          severity: 'warning',
          messageId: 'outside',
          data: { servers: '10.9.9.9', them: 'it' },
          fix: 'access-list ST-CORP standard permit host 10.9.9.9',
        },
      ],
    },
    {
      name: 'an extended list the model does not read: no verdict, and the finding says the check did not run (info, no CLI)',
      config: mobile({ global: ['access-list ST-CORP extended permit ip 10.0.0.0 255.0.0.0 any'], policy: [...SPLIT_ST, 'dns-server value 10.9.9.9'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' split-tunnel-network-list value ST-CORP',
          severity: 'info',
          messageId: 'unchecked',
          data: { servers: '10.9.9.9', them: 'it', why: 'no standard access-list ST-CORP is in the configuration (an extended list is not read)' },
          fix: null,
        },
      ],
    },
    {
      // Cleared (`clear configure access-list ST-CORP`) or misspelt: before, an info finding said
      // "an extended list is not read", and a diff gate at warning passed (found by a user trial).
      name: 'a split-tunnel list that is not in the configuration at all: a warning, with what to fill in (no CLI)',
      config: mobile({ policy: [...SPLIT_ST, 'dns-server value 10.0.0.53 10.0.1.53'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' split-tunnel-network-list value ST-CORP',
          severity: 'warning',
          messageId: 'listMissing',
          data: { servers: '10.0.0.53, 10.0.1.53', name: 'ST-CORP', them: 'them', policy: 'group-policy GP' },
          fix: null,
          needsInput: 'the networks access-list ST-CORP should send into the tunnel (the DNS servers 10.0.0.53, 10.0.1.53 among them)',
        },
      ],
    },
    {
      name: 'a standard list with an entry the tool cannot read (a name with no `name` line): not checked, with the line',
      config: mobile({
        global: ['access-list ST-CORP standard permit 10.1.0.0 255.255.0.0', 'access-list ST-CORP standard permit host DNS-PRIMARY'],
        policy: [...SPLIT_ST, 'dns-server value 10.0.0.53 10.0.1.53'],
      }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' split-tunnel-network-list value ST-CORP',
          severity: 'info',
          messageId: 'unchecked',
          data: {
            servers: '10.0.0.53, 10.0.1.53',
            them: 'them',
            why: expect.stringMatching(/^access-list ST-CORP has lines the tool does not read \(line \d+\)$/),
          },
          fix: null,
        },
      ],
    },
    {
      name: 'one of two DNS servers is outside the list',
      config: mobile({ global: ACL, policy: [...SPLIT_ST, 'dns-server value 10.0.0.53 10.9.9.9'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' split-tunnel-network-list value ST-CORP',
          severity: 'warning',
          messageId: 'outside',
          data: { servers: '10.9.9.9', them: 'it', advice: 'Add it to the list.' },
          fix: 'access-list ST-CORP standard permit host 10.9.9.9',
        },
      ],
    },
    {
      name: 'a list a route-map also matches on: the fix says what else it changes',
      config: mobile({ global: [...ACL, 'route-map REDIST permit 10', ' match ip address ST-CORP'], policy: [...SPLIT_ST, 'dns-server value 10.9.9.9'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' split-tunnel-network-list value ST-CORP',
          severity: 'warning',
          messageId: 'outside',
          data: {
            servers: '10.9.9.9',
            advice: expect.stringMatching(
              /^Add it to the list\. Adding it also changes what `match ip address ST-CORP` \(line \d+\) matches: check that, or give GP a list of its own\.$/,
            ),
          },
          fix: 'access-list ST-CORP standard permit host 10.9.9.9',
        },
      ],
    },
    {
      name: 'a deny before the permit: first match wins',
      config: mobile({ global: ['access-list ST-CORP standard deny host 10.1.0.53', ...ACL], policy: [...SPLIT_ST, 'dns-server value 10.1.0.53'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' split-tunnel-network-list value ST-CORP',
          severity: 'warning',
          messageId: 'outside',
          data: { servers: '10.1.0.53', advice: 'Take out the deny entry that keeps it out of the list, or build a new list with the permit first.' },
          fix: null,
          needsInput: 'keeps 10.1.0.53 out of access-list ST-CORP: an entry added at the end of a standard access-list comes after it',
        },
      ],
    },
    {
      name: 'excludespecified: one of two servers is in an excluded network (row D6: its queries leave the tunnel; info, no CLI)',
      config: mobile({
        global: ['access-list EXCL standard permit 10.0.0.0 255.255.0.0'],
        policy: [
          'split-tunnel-policy excludespecified',
          'split-tunnel-network-list value EXCL',
          'split-dns value corp.example.com',
          'dns-server value 10.0.0.53 10.9.0.53',
        ],
      }),
      findings: [
        { profile: 'MOBILE', at: ' split-tunnel-network-list value EXCL', severity: 'info', messageId: 'excluded', data: { servers: '10.0.0.53' }, fix: null },
      ],
    },
    {
      name: 'excludespecified with split-tunnel-all-dns enable (row D7): the exclusion rule of row D6 applies, and with every server excluded both readings send the queries out (warning)',
      config: mobile({
        global: ['access-list EXCL standard permit 10.0.0.0 255.255.0.0'],
        policy: ['split-tunnel-policy excludespecified', 'split-tunnel-all-dns enable', 'split-tunnel-network-list value EXCL', 'dns-server value 10.0.0.53'],
      }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' split-tunnel-network-list value EXCL',
          severity: 'warning',
          messageId: 'excluded',
          data: { servers: '10.0.0.53', row: 'row D7, by the exclusion rule of row D6' },
          fix: null,
        },
      ],
    },
    {
      // The inferred reading sends every query to the pushed server, so the exclusion matters even
      // where the literal reading has nothing to tunnel (no split-dns, no default domain).
      name: 'excludespecified with no split-dns and no default domain: still excluded',
      config: mobile({
        global: ['access-list EXCL standard permit host 10.0.0.53'],
        policy: ['split-tunnel-policy excludespecified', 'split-tunnel-network-list value EXCL', 'dns-server value 10.0.0.53 10.0.0.54'],
      }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' split-tunnel-network-list value EXCL',
          severity: 'info',
          messageId: 'excluded',
          data: { servers: '10.0.0.53', them: 'it' },
          fix: null,
        },
      ],
    },
  ],
} satisfies RuleTests;
