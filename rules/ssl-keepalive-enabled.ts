import { createRule } from '../src/engine/types.js';

/** From here on a keepalive is the guide's "longer interval" mitigation (600 s is the recalled maximum). */
const LONG_INTERVAL = 600;
import { clientKeyword, lineFor, policyLabel, profileRemedy, shouldSetClause, sourcePhrase } from '../src/engine/rule-kit.js';

export default createRule({
  meta: {
    id: 'ssl-keepalive-enabled',
    severity: 'warning',
    severities: ['warning', 'info'],
    title: 'SSL keepalives are on for a mobile profile',
    rationale: 'The guide says to disable SSL keepalives on mobile policies to save battery, especially when client-side DPD is on.',
    basis: 'guide',
    scope: 'profile',
    messages: {
      keepaliveOn:
        'SSL keepalives are on (every {{seconds}} s), {{source}}; they wake the phone and drain its battery. Set `{{line}}` in {{policy}}, or a long interval ({{longInterval}} s) if a proxy or NAT device needs keepalives.{{where}}',
      longInterval:
        'SSL keepalives are on with a long interval ({{seconds}} s), {{source}}: the mitigation the guide allows when a proxy or NAT device needs them. `{{line}}` saves more battery if nothing in the path needs keepalives.',
    },
  },
  check({ device, profiles, report }) {
    for (const p of profiles.filter((x) => x.transports.ssl)) {
      const e = p.resolved.attributes.sslKeepalive;
      if (e.state !== 'value') continue;
      const at = lineFor(device.model, p.resolved, e, 'webvpn');
      const line = clientKeyword(device.model, e) === 'svc' ? 'svc keepalive none' : 'anyconnect ssl keepalive none';
      if (e.value >= LONG_INTERVAL) {
        report.profile(p, {
          messageId: 'longInterval',
          severity: 'info',
          setting: 'sslKeepalive',
          data: { seconds: e.value, source: sourcePhrase(e), line },
          at,
        });
        continue;
      }
      report.profile(p, {
        messageId: 'keepaliveOn',
        setting: 'sslKeepalive',
        data: {
          seconds: e.value,
          source: sourcePhrase(e),
          line,
          longInterval: LONG_INTERVAL,
          policy: policyLabel(p.resolved),
          where: shouldSetClause(at, 'it'),
        },
        at,
        remedy: profileRemedy(p.resolved, 'webvpn', [line]),
      });
    }
  },
});
