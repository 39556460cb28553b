import { createRule } from '../src/engine/types.js';
import { profileList } from '../src/engine/rule-kit.js';

export default createRule({
  meta: {
    id: 'ikev2-trustpoint-missing',
    severity: 'warning',
    severities: ['warning'],
    title: 'IKEv2 client services are on without `crypto ikev2 remote-access trustpoint`',
    rationale:
      'AnyConnect IPsec (IKEv2) clients authenticate the gateway by its certificate, and phones block untrusted gateways by default; `crypto ikev2 remote-access trustpoint` names the certificate the ASA presents to them.',
    basis: 'inferred',
    scope: 'device',
    messages: {
      missing:
        'IKEv2 client services are enabled (line {{line}}) for {{profiles}}, but no `crypto ikev2 remote-access trustpoint` names the certificate presented to them: phones block a gateway they cannot verify. Name a trustpoint with a certificate the phones trust.',
    },
  },
  check({ device, profiles, report }) {
    const ikev2 = profiles.filter((p) => p.transports.ikev2);
    const clientServices = device.model.global.ikev2Enable.find((e) => e.clientServices);
    if (ikev2.length === 0 || !clientServices || device.model.global.ikev2RemoteAccessTrustpoint.state === 'value') return;
    const g = device.model.global;
    const trusted = [...new Set(g.sslTrustPoints.map((t) => t.trustpoint))].filter((name) => {
      const tp = g.trustpoints.get(name);
      return tp !== undefined && !(tp.enrollment.state === 'value' && tp.enrollment.value === 'self');
    });
    const sslTrustpoint = trusted.length === 1 ? trusted[0]! : null;
    report.device({
      messageId: 'missing',
      data: { line: clientServices.line, profiles: profileList(ikev2.map((p) => p.resolved.name)) },
      at: { line: clientServices.line, role: 'should-set' },
      // The SSL trustpoint phones already accept, when there is exactly one that is not self-signed.
      ...(sslTrustpoint === null
        ? { needsInput: 'a trustpoint whose certificate phones trust (`show crypto ca trustpoints`): `crypto ikev2 remote-access trustpoint NAME`' }
        : { remedy: { kind: 'lines', lines: [`crypto ikev2 remote-access trustpoint ${sslTrustpoint}`] } }),
    });
  },
});
