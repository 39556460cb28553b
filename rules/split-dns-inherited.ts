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
        const domain = a.defaultDomain.state === 'value' ? a.defaultDomain.value : null;
        const covered = domain === null || s.value.some((d) => isUnder(domain, d));
        return [
          {
            message:
              `group-policy ${p.resolved.groupPolicy} does not set split-dns, so it inherits DfltGrpPolicy's \`split-dns value ${s.value.join(' ')}\` (line ${s.line}); ` +
              (covered
                ? 'iOS tunnels only those domains. Set split-dns in the policy so the choice is explicit.'
                : `iOS tunnels only those domains, and the policy's own default domain ${domain} goes in the clear.`),
            line: gp?.attributeBlockLines[0] ?? s.line,
            lineRole: gp ? ('should-set' as const) : ('offending' as const),
            tunnelGroup: p.resolved.name,
            groupPolicy: p.resolved.groupPolicy,
            severity: covered ? ('info' as const) : undefined,
            fix: policyCli(p.resolved.groupPolicy, 'attributes', [`split-dns value ${covered ? s.value.join(' ') : domain}`]),
          },
        ];
      });
  },
});
