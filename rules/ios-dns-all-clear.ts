import { defineRule } from '../src/engine/types.js';
import { policyLabel, profileFix } from '../src/engine/rule-kit.js';

export default defineRule({
  id: 'ios-dns-all-clear',
  severity: 'warning',
  title: 'On iOS every DNS query of this split-tunnelling profile goes in the clear',
  rationale:
    'The guide: with split tunnelling, `split-dns none` and `default-domain none`, iOS sends every DNS query to the local resolver, so internal names do not resolve and queries leak.',
  basis: 'guide',
  scope: 'profile',
  check({ device, profiles }) {
    return profiles
      .filter((p) => p.dns.outcome === 'all-clear')
      .map((p) => {
        const a = p.resolved.attributes;
        const deciding = [a.splitDns, a.defaultDomain].filter((e) => e.line !== null).map((e) => e.line as number);
        const domainName = device.model.domainName.state === 'value' ? device.model.domainName.value : 'DOMAIN';
        return {
          message:
            `On iOS all DNS queries of ${p.resolved.name} go in the clear: split tunnelling with no split-dns list and no default domain (${policyLabel(p.resolved)}). ` +
            'Internal names will not resolve. List the internal domains in split-dns.',
          line: deciding.length > 0 ? Math.max(...deciding) : (p.resolved.groupPolicyLine ?? p.resolved.tunnelGroup.firstLine),
          lineRole: deciding.length > 0 ? ('offending' as const) : ('should-set' as const),
          tunnelGroup: p.resolved.name,
          groupPolicy: p.resolved.groupPolicy,
          fix: profileFix(p.resolved, 'attributes', [`split-dns value ${domainName}`]),
        };
      });
  },
});
