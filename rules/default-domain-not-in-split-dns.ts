import { notADomain } from '../src/common/domain-name.js';
import { createRule } from '../src/engine/types.js';
import { profileRemedy, sourcePhrase } from '../src/engine/rule-kit.js';

export default createRule({
  meta: {
    id: 'default-domain-not-in-split-dns',
    severity: 'warning',
    severities: ['warning', 'info'],
    title: 'On iOS the default domain is outside the split-dns list, so its names go in the clear',
    rationale:
      'The guide: with a split-dns list, iOS tunnels only queries for the listed domains. The default domain is not added to the list, so names in it (and single-label names completed with it) go to the local resolver in the clear.',
    // The guide says only the listed domains are tunnelled; that the default domain is not among them
    // is our reading (its doc page says so).
    basis: 'inferred',
    scope: 'profile',
    messages: {
      outside:
        'The default domain {{domain}} ({{domainSource}}) is not under any split-dns domain ({{splitDnsSource}}): on iOS, names in it and single-label names completed with it go in the clear [inferred]. Add it to split-dns.',
    },
  },
  check({ profiles, report }) {
    for (const p of profiles) {
      const domain = p.dns.problems.defaultDomainInClear;
      const s = p.resolved.attributes.splitDns;
      if (domain === null || s.state !== 'value') continue;
      report.profile(p, {
        messageId: 'outside',
        // Under excludespecified this holds only when the guide is read literally.
        ...(p.dns.literal ? { severity: 'info' as const } : {}),
        setting: 'splitDns',
        // The row (D3) rests on these too: a built-in default among them ([recalled]) weakens the basis.
        restsOn: [p.resolved.attributes.defaultDomain, p.resolved.attributes.splitTunnelPolicy, p.resolved.attributes.splitTunnelAllDns],
        data: { domain, domainSource: sourcePhrase(p.resolved.attributes.defaultDomain), splitDnsSource: sourcePhrase(s) },
        at: s.line,
        // Lists replace rather than merge across layers: the fix keeps the listed domains and adds the default domain.
        // Entries that are no domain name match nothing: the rewritten list leaves them out (split-dns-not-domain reports them).
        // A default domain that is no domain name itself would only add a bad entry: the user names the right one.
        ...(notADomain(domain) === null
          ? { remedy: profileRemedy(p.resolved, 'attributes', [`split-dns value ${[...s.value.filter((d) => notADomain(d) === null), domain].join(' ')}`]) }
          : {
              needsInput: `the default domain \`${domain}\` is ${notADomain(domain)!}: the internal domain the phones should complete names with, as \`default-domain value DOMAIN\`, and the same domain in split-dns`,
            }),
      });
    }
  },
});
