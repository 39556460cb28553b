import { createRule } from '../src/engine/types.js';
import { clientKeyword, lineFor, policyLabel, profileFix, shouldSetClause, sourcePhrase } from '../src/engine/rule-kit.js';

export default createRule({
  meta: {
    id: 'ssl-keepalive-enabled',
    severity: 'warning',
    severities: ['warning'],
    title: 'SSL keepalives are on for a mobile profile',
    rationale: 'The guide says to disable SSL keepalives on mobile policies to save battery, especially when client-side DPD is on.',
    basis: 'guide',
    scope: 'profile',
    messages: {
      keepaliveOn:
        'SSL keepalives are on (every {{seconds}} s), {{source}}; they wake the phone and drain its battery. Set `{{line}}` in {{policy}}, or a long interval if a proxy or NAT device needs keepalives.{{where}}',
    },
  },
  check({ device, profiles, report }) {
    for (const p of profiles.filter((x) => x.transports.ssl)) {
      const e = p.resolved.attributes.sslKeepalive;
      if (e.state !== 'value') continue;
      const at = lineFor(device.model, p.resolved, e, 'webvpn');
      const line = clientKeyword(device.model, e) === 'svc' ? 'svc keepalive none' : 'anyconnect ssl keepalive none';
      report.profile(p, {
        messageId: 'keepaliveOn',
        data: { seconds: e.value, source: sourcePhrase(e), line, policy: policyLabel(p.resolved), where: shouldSetClause(at, 'it') },
        at,
        fix: profileFix(p.resolved, 'webvpn', [line]),
      });
    }
  },
});
