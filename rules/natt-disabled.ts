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
      disabledByLine: '`no crypto isakmp nat-traversal` (line {{line}}) while IKEv2 client services serve {{profiles}}: AnyConnect IPsec from behind NAT will fail.',
      offByDefault: 'NAT-T is off by default on ASA {{version}} while IKEv2 client services serve {{profiles}}: AnyConnect IPsec from behind NAT will fail.',
    },
  },
  check({ device, profiles, report }) {
    const ikev2 = profiles.filter((p) => p.transports.ikev2);
    const natt = device.natTraversal;
    if (ikev2.length === 0 || natt.state !== 'none') return;
    const served = profileList(ikev2.map((p) => p.resolved.name));
    const fix = 'crypto isakmp nat-traversal 3600';
    if (natt.line !== null) {
      report.device({ messageId: 'disabledByLine', data: { line: natt.line, profiles: served }, at: natt.line, fix });
    } else {
      const clientServices = device.model.global.ikev2Enable.find((e) => e.clientServices);
      report.device({ messageId: 'offByDefault', data: { version: device.model.version?.text ?? 'this release', profiles: served }, at: { line: clientServices?.line ?? null, role: 'should-set' }, fix });
    }
  },
});
