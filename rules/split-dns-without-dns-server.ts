import { createRule } from '../src/engine/types.js';
import { enterIn, lineFor, sourcePhrase } from '../src/engine/rule-kit.js';
import { ownResolverPath } from '../src/explain/ios-dns.js';

// The id is historical (it once fired only with a split-dns list); users' configs and baselines name it.
export default createRule({
  meta: {
    id: 'split-dns-without-dns-server',
    severity: 'error',
    severities: ['error'],
    title: 'DNS queries go into the tunnel but no dns-server is pushed (row D0)',
    rationale:
      'Queries the phone sends into the tunnel are answered by the DNS servers the ASA pushes; with no dns-server there is no resolver in the tunnel, so those names cannot resolve.',
    // Row D0: the command reference for what dns-server does, our inference for what iOS then does.
    basis: 'inferred',
    scope: 'profile',
    messages: {
      noResolver:
        'On iOS {{what}} {{go}} into the tunnel (row {{row}}), but no dns-server is in effect ({{dnsServerSource}}): nothing in the tunnel answers them, and the phone may send them to its own resolver instead, outside the tunnel {{path}} [inferred] (row D0). Push the corporate DNS servers.',
    },
  },
  check({ device, profiles, report }) {
    for (const p of profiles) {
      if (!p.dns.problems.noResolver) continue;
      const a = p.resolved.attributes;
      const what =
        p.dns.outcome === 'split-dns-list' && p.dns.tunneledDomains.length === 0
          ? 'the queries its split-dns list names (none yet: no entry is a domain name)'
          : p.dns.outcome === 'split-dns-list' || p.dns.outcome === 'default-domain-only'
            ? `queries for ${p.dns.tunneledDomains.join(', ')}`
            : 'DNS queries';
      report.profile(p, {
        messageId: 'noResolver',
        setting: 'dnsServer',
        // Row D6 is the low-confidence reading of excludespecified: said as likely, not as fact.
        data: {
          what,
          go: p.dns.row === 'D6' ? 'most likely go' : 'go',
          row: p.dns.row,
          dnsServerSource: sourcePhrase(a.dnsServer),
          path: ownResolverPath(p.dns.row),
        },
        restsOn: [p.dns.basis],
        at: lineFor(device.model, p.resolved, a.dnsServer, 'attributes'),
        needsInput: `the DNS servers that resolve internal names for VPN users, as \`dns-server value IP [IP]\` in ${enterIn(p.resolved, device, 'dnsServer', 'dns-server')}`,
      });
    }
  },
});
