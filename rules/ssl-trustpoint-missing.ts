import { defineRule } from '../src/engine/types.js';
import { profileList } from '../src/engine/rule-kit.js';

export default defineRule({
  id: 'ssl-trustpoint-missing',
  severity: 'warning',
  title: 'No ssl trust-point for an interface where AnyConnect SSL is enabled',
  rationale:
    'Mobile clients block untrusted or invalid gateway certificates by default (Block Untrusted Servers). Without an `ssl trust-point` the ASA presents a self-signed certificate [recalled], which phones refuse.',
  basis: 'recalled',
  scope: 'device',
  check({ device, profiles }) {
    const ssl = profiles.filter((p) => p.transports.ssl);
    const g = device.model.global;
    if (ssl.length === 0 || !g.webvpn) return [];
    // A trust-point line without an interface applies to every interface.
    if (g.sslTrustPoints.some((t) => t.interface === null)) return [];
    return g.webvpn.enabledInterfaces
      .filter((i) => !g.sslTrustPoints.some((t) => t.interface === i.name))
      .map((i) => ({
        message: `AnyConnect SSL is enabled on ${i.name} (line ${i.line}) but no \`ssl trust-point\` names that interface: the ASA presents a self-signed certificate [recalled], which mobile clients block by default. It serves ${profileList(ssl.map((p) => p.resolved.name))}.`,
        line: i.line,
        object: `interface ${i.name}`,
        tunnelGroup: null,
        groupPolicy: null,
        fix: `ssl trust-point TRUSTPOINT-WITH-PUBLIC-CERT ${i.name}`,
      }));
  },
});
