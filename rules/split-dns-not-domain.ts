import { createRule } from '../src/engine/types.js';
import { enterIn, policyRemedy } from '../src/engine/rule-kit.js';
import { notADomain } from '../src/common/domain-name.js';
import { DEFAULT_GROUP_POLICY } from '../src/model/types.js';

export default createRule({
  meta: {
    id: 'split-dns-not-domain',
    severity: 'warning',
    severities: ['warning'],
    title: 'A split-dns entry is an IP address or not a valid domain name',
    rationale:
      'split-dns takes domain names: iOS tunnels the queries for names under them. An IP address or a malformed name matches nothing, so those queries go in the clear.',
    basis: 'inferred',
    scope: 'profile',
    messages: {
      notDomain: 'split-dns lists {{entries}}{{inherited}}: split-dns takes domain names, so this entry matches no query.',
    },
  },
  check({ device, profiles, report }) {
    for (const p of profiles) {
      const s = p.resolved.attributes.splitDns;
      // Only where the list decides what iOS tunnels (row D3, or excludespecified read literally).
      if (s.state !== 'value' || !p.dns.splitDnsInEffect) continue;
      const bad = s.value.map((d) => [d, notADomain(d)] as const).filter(([, why]) => why !== null);
      if (bad.length === 0) continue;
      const good = s.value.filter((d) => notADomain(d) === null);
      // Fix the line where the list is: the policy (or DfltGrpPolicy) that set it.
      const policy = s.groupPolicy ?? p.resolved.groupPolicy;
      // With no valid entry and no default domain, `split-dns none` would send every query in the
      // clear (row D5): what belongs there is the internal domains, which only the user knows.
      // (A default domain that is no domain name is no fallback either; and in DfltGrpPolicy itself,
      // `split-dns none` would reach profiles whose policies clear the default domain.)
      const dd = p.resolved.attributes.defaultDomain;
      const noFallback = good.length === 0 && (dd.state !== 'value' || notADomain(dd.value) !== null || p.resolved.groupPolicy === DEFAULT_GROUP_POLICY);
      // Where the list is the profile's own, the rewritten list also takes the default domain it misses:
      // the same line default-domain-not-in-split-dns writes, so a plan enters one split-dns, fixing both.
      const missed = p.dns.problems.defaultDomainInClear;
      const uncovered = s.groupPolicy === p.resolved.groupPolicy && missed !== null && notADomain(missed) === null ? missed : null;
      const listed = [...good, ...(uncovered !== null ? [uncovered] : [])];
      report.profile(p, {
        messageId: 'notDomain',
        setting: 'splitDns',
        data: { entries: bad.map(([d, why]) => `\`${d}\` (${why})`).join(', '), inherited: s.from === 'DfltGrpPolicy' ? ', inherited from DfltGrpPolicy' : '' },
        at: s.line,
        // `split-dns none` rests on this profile's default domain (row D4): it goes in the profile's own
        // policy, not in DfltGrpPolicy, where it would reach profiles with no default domain (row D5).
        remedy: noFallback
          ? null
          : listed.length > 0
            ? policyRemedy(policy, 'attributes', [`split-dns value ${listed.join(' ')}`], p.resolved.name)
            : policyRemedy(p.resolved.groupPolicy, 'attributes', ['split-dns none'], p.resolved.name),
        ...(noFallback
          ? {
              needsInput: `the internal domains iOS should resolve through the tunnel, as \`split-dns value DOMAIN ...\` in ${s.from === 'DfltGrpPolicy' || s.groupPolicy === null ? enterIn(p.resolved, device, 'splitDns', 'split-dns') : `group-policy ${policy}`} (removing the entries alone, \`split-dns none\`, could send every query in the clear: row D5)`,
            }
          : {}),
      });
    }
  },
});
