import { defineRule } from '../src/engine/types.js';
import { profileList } from '../src/engine/rule-kit.js';

export default defineRule({
  id: 'natt-disabled',
  severity: 'error',
  title: 'NAT-T is disabled while AnyConnect IPsec (IKEv2) is in use',
  rationale: 'The guide says NAT-T must be enabled for AnyConnect IPsec: phones are almost always behind NAT.',
  basis: 'guide',
  scope: 'device',
  check({ device, profiles }) {
    const ikev2 = profiles.filter((p) => p.transports.ikev2);
    const natt = device.natTraversal;
    if (ikev2.length === 0 || natt.state !== 'none') return [];
    return [
      {
        message:
          (natt.line !== null ? `\`no crypto isakmp nat-traversal\` (line ${natt.line})` : `NAT-T is off by default on ASA ${device.model.version?.text ?? 'this release'}`) +
          ` while IKEv2 client services serve ${profileList(ikev2.map((p) => p.resolved.name))}: AnyConnect IPsec from behind NAT will fail.`,
        line: natt.line ?? device.model.global.ikev2Enable.find((e) => e.clientServices)?.line ?? null,
        lineRole: natt.line !== null ? 'offending' : 'should-set',
        tunnelGroup: null,
        groupPolicy: null,
        fix: 'crypto isakmp nat-traversal 3600',
      },
    ];
  },
});
