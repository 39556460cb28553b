import { describe, expect, it } from 'vitest';
import type { IosDnsSummary } from '../../src/explain/ios-dns.js';
import { dnsChangeLines } from '../../src/report/change-words.js';

const side = (over: Partial<IosDnsSummary>): IosDnsSummary => ({
  outcome: 'split-dns-list',
  tunneledDomains: [],
  row: 'D3',
  basis: 'guide',
  sentence: '',
  literal: null,
  noResolver: false,
  excludedDnsServers: [],
  allDnsServersExcluded: false,
  perApp: null,
  ...over,
});

describe('dnsChangeLines', () => {
  it('judges a domain as iOS matches names: under a tunnelled domain, in any case of letters', () => {
    // split-dns corp.example.com lab.example.com → example.com: both names still go through the tunnel;
    // only the rest of example.com is new to it.
    const old = side({ tunneledDomains: ['corp.example.com', 'lab.example.com'] });
    expect(dnsChangeLines(old, side({ tunneledDomains: ['example.com'] }))).toEqual(['iOS DNS example.com: in the clear → tunnelled']);
    // A change of case alone moves nothing.
    expect(dnsChangeLines(old, side({ tunneledDomains: ['LAB.example.com', 'Corp.Example.com'] }))).toEqual([]);
    // Narrowing does move names: lab.example.com leaves the tunnel.
    expect(dnsChangeLines(old, side({ tunneledDomains: ['corp.example.com'] }))).toEqual(['iOS DNS lab.example.com: tunnelled → in the clear']);
  });

  it('names what stays tunnelled when everything was', () => {
    const lines = dnsChangeLines(side({ outcome: 'all-tunneled', row: 'D1', basis: 'inferred' }), side({ tunneledDomains: ['legacy.example.net'] }));
    // (Row D1 is the tool's inference, D3 the guide's statement: the line says which.)
    expect(lines).toEqual(['iOS DNS: every query tunnelled (D1, inferred) → only legacy.example.net tunnelled, the rest in the clear (D3)']);
  });

  it('shows a change of the literal reading of excludespecified while the row stays', () => {
    const literal = (d: string): IosDnsSummary['literal'] => ({ row: 'D3', outcome: 'split-dns-list', tunneledDomains: [d], sentence: '' });
    const old = side({ outcome: 'undocumented', row: 'D6', basis: 'inferred', literal: literal('legacy.example.net') });
    const neu = side({ outcome: 'undocumented', row: 'D6', basis: 'inferred', literal: literal('corp.example.com') });
    // Per domain, both readings: a name the literal reading tunnels is tunnelled under both.
    expect(dnsChangeLines(old, neu)).toEqual([
      'iOS DNS corp.example.com: most likely tunnelled, in the clear read literally → tunnelled under both readings',
      'iOS DNS legacy.example.net: tunnelled under both readings → most likely tunnelled, in the clear read literally',
      'iOS DNS, the guide read literally: only legacy.example.net tunnelled, the rest in the clear (D3) → only corp.example.com tunnelled, the rest in the clear (D3)',
    ]);
    expect(dnsChangeLines(old, old)).toEqual([]);
  });

  it('keeps a domain tunnelled by both readings of excludespecified as tunnelled (no line), and says when every DNS server becomes excluded', () => {
    const literal: IosDnsSummary['literal'] = { row: 'D3', outcome: 'split-dns-list', tunneledDomains: ['corp.example.com'], sentence: '' };
    const d3 = side({ tunneledDomains: ['corp.example.com'] });
    const d6 = side({ outcome: 'undocumented', row: 'D6', basis: 'inferred', literal });
    expect(dnsChangeLines(d3, d6)).toEqual([
      'iOS DNS: only corp.example.com tunnelled, the rest in the clear (D3) → not documented by the guide (D6, inferred)',
    ]);
    const excluded = side({ ...d6, excludedDnsServers: ['10.0.0.53'], allDnsServersExcluded: true });
    expect(dnsChangeLines(d6, excluded)).toEqual([
      'iOS DNS corp.example.com: tunnelled under both readings → most likely in the clear (every DNS server excluded; inferred)',
      'iOS DNS servers in excluded networks: none → 10.0.0.53 (every one pushed: queries most likely leave the tunnel, in the clear; inferred)',
    ]);
  });

  it("says when per-app VPN makes the outcome the selected apps' only", () => {
    const d1 = side({ outcome: 'all-tunneled', row: 'D1', basis: 'inferred' });
    expect(dnsChangeLines(d1, side({ ...d1, perApp: 'PA-MAIL' }))).toEqual([
      "iOS DNS applies to: off (every app) → per-app VPN PA-MAIL: only the selected apps' queries; other apps' DNS stays outside [inferred]",
    ]);
  });
});
