import { createRule } from '../src/engine/types.js';
import { profileList } from '../src/engine/rule-kit.js';

export default createRule({
  meta: {
    id: 'ssl-trustpoint-self-signed',
    severity: 'warning',
    severities: ['warning'],
    title: 'The SSL or IKEv2 trustpoint mobile clients see holds a self-signed certificate',
    rationale:
      'The guide: the app blocks untrusted gateway certificates by default (Block Untrusted Servers), and the safest setup is a valid, trusted certificate. A trustpoint enrolled with `enrollment self` presents a self-signed one.',
    basis: 'inferred',
    scope: 'device',
    messages: {
      selfSigned:
        '`{{command}}` (line {{line}}) uses trustpoint {{trustpoint}}, which is enrolled with `enrollment self` (line {{enrollmentLine}}): phones see a self-signed certificate and block it by default. It serves {{profiles}}. Enroll a certificate from a CA the phones trust.',
    },
  },
  check({ device, profiles, report }) {
    const g = device.model.global;
    const uses: Array<{ command: string; trustpoint: string; line: number; serves: string[] }> = [];
    const ssl = profiles.filter((p) => p.transports.ssl).map((p) => p.resolved.name);
    const ikev2 = profiles.filter((p) => p.transports.ikev2).map((p) => p.resolved.name);
    if (ssl.length > 0)
      for (const t of g.sslTrustPoints)
        uses.push({ command: `ssl trust-point ${t.trustpoint}${t.interface ? ` ${t.interface}` : ''}`, trustpoint: t.trustpoint, line: t.line, serves: ssl });
    const ra = g.ikev2RemoteAccessTrustpoint;
    if (ikev2.length > 0 && ra.state === 'value')
      uses.push({ command: `crypto ikev2 remote-access trustpoint ${ra.value}`, trustpoint: ra.value, line: ra.line, serves: ikev2 });
    for (const use of uses) {
      const tp = g.trustpoints.get(use.trustpoint);
      if (tp?.enrollment.state !== 'value' || tp.enrollment.value !== 'self') continue;
      report.device({
        messageId: 'selfSigned',
        data: { command: use.command, line: use.line, trustpoint: use.trustpoint, enrollmentLine: tp.enrollment.line, profiles: profileList(use.serves) },
        at: use.line,
        object: use.command,
        needsInput: `a certificate from a CA the phones trust, enrolled in a trustpoint (\`crypto ca trustpoint NAME\`, then \`crypto ca enroll NAME\` or an imported PKCS#12); then \`${use.command.replace(use.trustpoint, 'NAME')}\``,
      });
    }
  },
});
