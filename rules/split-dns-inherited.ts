import { createRule } from '../src/engine/types.js';
import { policyCli } from '../src/engine/rule-kit.js';
import { isUnder } from '../src/explain/ios-dns.js';

export default createRule({
  meta: {
    id: 'split-dns-inherited',
    severity: 'warning',
    severities: ['warning', 'info'],
    title: "A split-tunnelling profile's policy is silent on split-dns and inherits DfltGrpPolicy's list",
    rationale:
      "The guide: a group policy without split-dns inherits DfltGrpPolicy's domain list; use `split-dns none` to stop that. On iOS only those domains are tunnelled, which is often not what the policy's author meant.",
    basis: 'guide',
    scope: 'profile',
    messages: {
      inherited: "group-policy {{policy}} does not set split-dns, so it inherits DfltGrpPolicy's `split-dns value {{domains}}` (line {{line}}); {{effect}}",
    },
  },
  check({ device, profiles, report }) {
    for (const p of profiles) {
      if (p.resolved.policyLayer !== 'defined' || p.dns.splitTunnel === 'tunnelall') continue;
      const a = p.resolved.attributes;
      const s = a.splitDns;
      if (s.from !== 'DfltGrpPolicy' || s.state !== 'value') continue;
      const gp = device.model.groupPolicies.get(p.resolved.groupPolicy);
      const dd = a.defaultDomain;
      const domain = dd.state === 'value' ? dd.value : null;
      const covered = domain === null || s.value.some((d) => isUnder(domain, d));
      const ddSource = dd.from === 'group-policy' ? "the policy's own default domain" : 'the default domain (inherited from DfltGrpPolicy)';
      const effect =
        p.dns.splitTunnel === 'excludespecified'
          ? 'the mobile guide does not say what iOS does with it under excludespecified, so make the choice explicit.'
          : covered
            ? 'iOS tunnels only those domains. Set split-dns in the policy so the choice is explicit.'
            : `iOS tunnels only those domains, and ${ddSource} ${domain} goes in the clear.`;
      // Lists replace rather than merge across layers: keep the inherited domains and add the default domain.
      const list = covered ? s.value : [...s.value, domain];
      report.profile(p, {
        messageId: 'inherited',
        data: { policy: p.resolved.groupPolicy, domains: s.value.join(' '), line: s.line, effect },
        at: gp ? { line: gp.attributeBlockLines[0] ?? s.line, role: 'should-set' } : s.line,
        ...(covered ? { severity: 'info' as const } : {}),
        fix: policyCli(p.resolved.groupPolicy, 'attributes', [`split-dns value ${list.join(' ')}`]),
      });
    }
  },
});
