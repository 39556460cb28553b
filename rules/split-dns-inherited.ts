import { createRule } from '../src/engine/types.js';
import { policyRemedy } from '../src/engine/rule-kit.js';
import { notADomain } from '../src/common/domain-name.js';

export default createRule({
  meta: {
    id: 'split-dns-inherited',
    severity: 'info',
    severities: ['info'],
    title: "A split-tunnelling profile's policy is silent on split-dns and inherits DfltGrpPolicy's list",
    rationale:
      "The guide: a group policy without split-dns inherits DfltGrpPolicy's domain list; use `split-dns none` to stop that. On iOS only those domains are tunnelled, which is often not what the policy's author meant.",
    basis: 'guide',
    scope: 'profile',
    messages: {
      inherited:
        "group-policy {{policy}} does not set split-dns, so it inherits DfltGrpPolicy's `split-dns value {{domains}}` (line {{line}}), and on iOS {{effect}} Set split-dns in the policy so the choice is explicit and survives a change to DfltGrpPolicy.",
    },
  },
  check({ device, profiles, report }) {
    for (const p of profiles) {
      const inherited = p.dns.problems.inheritedSplitDns;
      const s = p.resolved.attributes.splitDns;
      if (!inherited || s.state !== 'value') continue;
      const gp = device.model.groupPolicies.get(p.resolved.groupPolicy);
      const effect =
        p.dns.row === 'D3'
          ? `only those domains are tunnelled${p.dns.problems.defaultDomainInClear ? ` (the default domain ${p.dns.problems.defaultDomainInClear} is not among them: see default-domain-not-in-split-dns)` : ''}.`
          : 'they decide what is tunnelled when the guide is read literally for excludespecified.';
      const domain = p.dns.problems.defaultDomainInClear;
      const pinned = [...s.value.filter((d) => notADomain(d) === null), ...(domain !== null && notADomain(domain) === null ? [domain] : [])];
      report.profile(p, {
        messageId: 'inherited',
        setting: 'splitDns',
        data: { policy: p.resolved.groupPolicy, domains: s.value.join(' '), line: inherited.line, effect },
        at: gp ? { line: gp.attributeBlockLines[0] ?? inherited.line, role: 'should-set' } : inherited.line,
        // Lists replace rather than merge across layers: keep the inherited domains (and add an uncovered
        // default domain). Entries that are no domain name are not pinned (split-dns-not-domain says
        // what belongs there); with none left, the choice is the user's.
        remedy: pinned.length === 0 ? null : policyRemedy(p.resolved.groupPolicy, 'attributes', [`split-dns value ${pinned.join(' ')}`], p.resolved.name),
      });
    }
  },
});
