import { createRule } from '../src/engine/types.js';
import { profileList } from '../src/engine/rule-kit.js';

const MAXIMUM = 3600;

export default createRule({
  meta: {
    id: 'natt-keepalive-short',
    severity: 'warning',
    severities: ['warning'],
    title: 'NAT-T keepalive is below 3600 s while AnyConnect IPsec (IKEv2) is in use',
    rationale: 'NAT-T keepalives (every 20 s by default) cannot be disabled and drain mobile batteries; the guide says to set them to the maximum, 3600 s.',
    basis: 'guide',
    scope: 'device',
    messages: {
      short:
        'NAT-T keepalive is {{seconds}} s (line {{line}}) while IKEv2 client services serve {{profiles}}. Set it to 3600 s; this is global and also applies to site-to-site peers.',
      defaultShort:
        'No `crypto isakmp nat-traversal` line: the keepalive is the default {{seconds}} s [{{basis}}] while IKEv2 client services serve {{profiles}}. Set it to 3600 s; this is global and also applies to site-to-site peers.',
    },
  },
  check({ device, profiles, report }) {
    const ikev2 = profiles.filter((p) => p.transports.ikev2);
    const natt = device.natTraversal;
    if (ikev2.length === 0 || natt.state !== 'value' || natt.value >= MAXIMUM) return;
    const served = profileList(ikev2.map((p) => p.resolved.name));
    const remedy = { kind: 'lines' as const, lines: [`crypto isakmp nat-traversal ${MAXIMUM}`] };
    if (natt.from === 'default') {
      const clientServices = device.model.global.ikev2Enable.find((e) => e.clientServices);
      report.device({
        messageId: 'defaultShort',
        data: { seconds: natt.value, basis: natt.basis, profiles: served },
        // What an absent line means is the default's basis, not the guide's.
        restsOn: [natt],
        at: { line: clientServices?.line ?? null, role: 'should-set' },
        remedy,
      });
    } else {
      report.device({ messageId: 'short', data: { seconds: natt.value, line: natt.line, profiles: served }, at: natt.line, remedy });
    }
  },
});
