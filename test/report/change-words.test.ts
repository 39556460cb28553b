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
    const lines = dnsChangeLines(side({ outcome: 'all-tunneled', row: 'D1' }), side({ tunneledDomains: ['legacy.example.net'] }));
    expect(lines).toEqual(['iOS DNS: every query tunnelled (D1) → only legacy.example.net tunnelled, the rest in the clear (D3)']);
  });

  it('shows a change of the literal reading of excludespecified while the row stays', () => {
    const literal = (d: string): IosDnsSummary['literal'] => ({ row: 'D3', outcome: 'split-dns-list', tunneledDomains: [d], sentence: '' });
    const old = side({ outcome: 'undocumented', row: 'D6', literal: literal('legacy.example.net') });
    const neu = side({ outcome: 'undocumented', row: 'D6', literal: literal('corp.example.com') });
    expect(dnsChangeLines(old, neu)).toEqual([
      'iOS DNS, the guide read literally: only legacy.example.net tunnelled, the rest in the clear (D3) → only corp.example.com tunnelled, the rest in the clear (D3)',
    ]);
    expect(dnsChangeLines(old, old)).toEqual([]);
  });
});
