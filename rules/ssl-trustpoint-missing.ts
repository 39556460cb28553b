import { createRule } from '../src/engine/types.js';
import { profileList } from '../src/engine/rule-kit.js';

export default createRule({
  meta: {
    id: 'ssl-trustpoint-missing',
    severity: 'warning',
    severities: ['warning'],
    title: 'No ssl trust-point for an interface where AnyConnect SSL is enabled',
    rationale:
      'Mobile clients block untrusted or invalid gateway certificates by default (Block Untrusted Servers). Without an `ssl trust-point` the ASA presents a self-signed certificate [recalled], which phones refuse.',
    basis: 'recalled',
    scope: 'device',
    messages: {
      missing:
        'AnyConnect SSL is enabled on {{interface}} (line {{line}}) but no `ssl trust-point` names that interface: the ASA presents a self-signed certificate [recalled], which mobile clients block by default. It serves {{profiles}}.',
    },
  },
  check({ device, profiles, report }) {
    const ssl = profiles.filter((p) => p.transports.ssl);
    const g = device.model.global;
    if (ssl.length === 0 || !g.webvpn) return;
    // A trust-point line without an interface applies to every interface.
    if (g.sslTrustPoints.some((t) => t.interface === null)) return;
    for (const i of g.webvpn.enabledInterfaces.filter((x) => !g.sslTrustPoints.some((t) => t.interface === x.name))) {
      report.device({
        messageId: 'missing',
        data: { interface: i.name, line: i.line, profiles: profileList(ssl.map((p) => p.resolved.name)) },
        at: i.line,
        object: `interface ${i.name}`,
        needsInput: `a trustpoint holding a certificate from a CA phones trust (\`crypto ca trustpoint NAME\`, enrolled), then \`ssl trust-point NAME ${i.name}\``,
      });
    }
  },
});
