import { defineRule } from '../src/engine/types.js';
import { profileList } from '../src/engine/rule-kit.js';

const MAXIMUM = 3600;

export default defineRule({
  id: 'natt-keepalive-short',
  severity: 'warning',
  title: 'NAT-T keepalive is below 3600 s while AnyConnect IPsec (IKEv2) is in use',
  rationale:
    'NAT-T keepalives (every 20 s by default) cannot be disabled and drain mobile batteries; the guide says to set them to the maximum, 3600 s.',
  basis: 'guide',
  scope: 'device',
  check({ device, profiles }) {
    const ikev2 = profiles.filter((p) => p.transports.ikev2);
    const natt = device.natTraversal;
    if (ikev2.length === 0 || natt.state !== 'value' || natt.value === null || natt.value >= MAXIMUM) return [];
    const clientServices = device.model.global.ikev2Enable.find((e) => e.clientServices);
    const implicit = natt.line === null;
    return [
      {
        message:
          (implicit
            ? `No \`crypto isakmp nat-traversal\` line: the keepalive is the default ${natt.value} s [${natt.basis ?? 'recalled'}]`
            : `NAT-T keepalive is ${natt.value} s (line ${natt.line})`) +
          ` while IKEv2 client services serve ${profileList(ikev2.map((p) => p.resolved.name))}. ` +
          'Set it to 3600 s; this is global and also applies to site-to-site peers.',
        line: natt.line ?? clientServices?.line ?? null,
        lineRole: implicit ? 'should-set' : 'offending',
        tunnelGroup: null,
        groupPolicy: null,
        fix: `crypto isakmp nat-traversal ${MAXIMUM}`,
      },
    ];
  },
});
