import { defineRule } from '../src/engine/types.js';
import { policyCli } from '../src/engine/rule-kit.js';
import { isUnder } from '../src/explain/ios-dns.js';

export default defineRule({
  id: 'split-dns-inherited',
  severity: 'warning',
  title: "A split-tunnelling profile's policy is silent on split-dns and inherits DfltGrpPolicy's list",
  rationale:
    "The guide: a group policy without split-dns inherits DfltGrpPolicy's domain list; use `split-dns none` to stop that. On iOS only those domains are tunnelled, which is often not what the policy's author meant.",
  basis: 'guide',
  scope: 'profile',
  check({ device, profiles }) {
    return profiles
      .filter((p) => p.resolved.policyLayer === 'defined' && p.dns.splitTunnel !== 'tunnelall')
      .flatMap((p) => {
        const a = p.resolved.attributes;
        const s = a.splitDns;
        if (s.from !== 'DfltGrpPolicy' || s.state !== 'value' || !s.value) return [];
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
        const list = covered || domain === null ? s.value : [...s.value, domain];
        return [
          {
            message: `group-policy ${p.resolved.groupPolicy} does not set split-dns, so it inherits DfltGrpPolicy's \`split-dns value ${s.value.join(' ')}\` (line ${s.line}); ${effect}`,
            line: gp?.attributeBlockLines[0] ?? s.line,
            lineRole: gp ? ('should-set' as const) : ('offending' as const),
            tunnelGroup: p.resolved.name,
            groupPolicy: p.resolved.groupPolicy,
            severity: covered ? ('info' as const) : undefined,
            fix: policyCli(p.resolved.groupPolicy, 'attributes', [`split-dns value ${list.join(' ')}`]),
          },
        ];
      });
  },
});
