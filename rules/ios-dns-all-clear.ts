import { createRule } from '../src/engine/types.js';
import { enterIn, policyLabel } from '../src/engine/rule-kit.js';

export default createRule({
  meta: {
    id: 'ios-dns-all-clear',
    severity: 'warning',
    severities: ['warning', 'info'],
    title: 'On iOS every DNS query of this split-tunnelling profile goes in the clear',
    rationale:
      'The guide: with split tunnelling, `split-dns none` and `default-domain none`, iOS sends every DNS query to the local resolver, so internal names do not resolve and queries leak.',
    basis: 'guide',
    scope: 'profile',
    messages: {
      allClear:
        'On iOS all DNS queries of {{profile}} go in the clear (row D5): split tunnelling with no split-dns list and no default domain ({{policy}}). Internal names will not resolve. List the internal domains in split-dns.',
      literalAllClear:
        'excludespecified with no split-dns list and no default domain ({{policy}}): read literally, the guide puts this in row D5, every DNS query of {{profile}} in the clear; the inferred reading (the tunnel is the default route) tunnels them. Test on an iPhone, or list the internal domains in split-dns so both readings agree.',
    },
  },
  check({ device, profiles, report }) {
    for (const p of profiles) {
      const literal = p.dns.problems.literalAllClear;
      if (p.dns.row !== 'D5' && !literal) continue;
      const a = p.resolved.attributes;
      const deciding = [a.splitDns.line, a.defaultDomain.line].filter((l): l is number => l !== null);
      const domainName = device.model.domainName.state === 'value' ? device.model.domainName.value : '';
      report.profile(p, {
        messageId: literal ? 'literalAllClear' : 'allClear',
        ...(literal ? { severity: 'info' as const } : {}),
        setting: 'splitDns',
        // The row rests on these too: a built-in default among them ([recalled]) weakens the basis.
        restsOn: [a.defaultDomain, a.splitTunnelPolicy, a.splitTunnelAllDns],
        data: { profile: p.resolved.name, policy: policyLabel(p.resolved) },
        at: deciding.length > 0 ? Math.max(...deciding) : { line: p.resolved.groupPolicyLine ?? p.resolved.tunnelGroup.firstLine, role: 'should-set' },
        needsInput: `the internal domains iOS should resolve through the tunnel, as \`split-dns value DOMAIN ...\` in ${enterIn(p.resolved, device, 'splitDns', 'split-dns')}${device.model.domainName.state === 'value' ? ` (the device's own domain is ${domainName})` : ''}`,
      });
    }
  },
});
