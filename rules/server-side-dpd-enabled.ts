import { createRule } from '../src/engine/types.js';
import { clientKeyword, lineFor, policyLabel, profileRemedy, shouldSetClause, sourcePhrase } from '../src/engine/rule-kit.js';

export default createRule({
  meta: {
    id: 'server-side-dpd-enabled',
    severity: 'warning',
    severities: ['warning'],
    title: 'Server-side (gateway) DPD is on for a mobile profile',
    rationale:
      'The guide says to switch off server-side dead peer detection for mobile devices: the gateway probes keep the phone from sleeping and drain its battery.',
    basis: 'guide',
    scope: 'profile',
    messages: {
      gatewayDpdOn:
        "Gateway DPD is on ({{seconds}} s), {{source}}; the gateway's probes keep the phone awake. Set `{{keyword}} dpd-interval gateway none` in {{policy}}.{{where}}",
    },
  },
  check({ device, profiles, report }) {
    // DPD applies to SSL tunnels, not IPsec.
    for (const p of profiles.filter((x) => x.transports.ssl)) {
      const e = p.resolved.attributes.dpdGateway;
      if (e.state !== 'value') continue;
      const at = lineFor(device.model, p.resolved, e, 'webvpn');
      const keyword = clientKeyword(device.model, e);
      report.profile(p, {
        messageId: 'gatewayDpdOn',
        setting: 'dpdGateway',
        data: { seconds: e.value, source: sourcePhrase(e), keyword, policy: policyLabel(p.resolved), where: shouldSetClause(at, 'it') },
        at,
        remedy: profileRemedy(p.resolved, 'webvpn', [`${keyword} dpd-interval gateway none`]),
      });
    }
  },
});
