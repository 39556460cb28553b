import { createRule } from '../src/engine/types.js';
import { profileList } from '../src/engine/rule-kit.js';

export default createRule({
  meta: {
    id: 'natt-disabled',
    severity: 'error',
    severities: ['error'],
    title: 'NAT-T is disabled while AnyConnect IPsec (IKEv2) is in use',
    rationale: 'The guide says NAT-T must be enabled for AnyConnect IPsec: phones are almost always behind NAT.',
    basis: 'guide',
    scope: 'device',
    messages: {
      disabledByLine:
        '`no crypto isakmp nat-traversal` (line {{line}}) while IKEv2 client services serve {{profiles}}: AnyConnect IPsec from behind NAT will fail.',
    },
  },
  check({ device, profiles, report }) {
    const ikev2 = profiles.filter((p) => p.transports.ikev2);
    const natt = device.natTraversal;
    // Only an explicit `no crypto isakmp nat-traversal`: NAT-T is off by default only on 7.0, which has no IKEv2.
    if (ikev2.length === 0 || natt.state !== 'none' || natt.from !== 'global') return;
    report.device({
      messageId: 'disabledByLine',
      data: { line: natt.line, profiles: profileList(ikev2.map((p) => p.resolved.name)) },
      at: natt.line,
      remedy: { kind: 'lines', lines: ['crypto isakmp nat-traversal 3600'] },
    });
  },
});
