import { match } from 'ts-pattern';
import { createRule, type Severity } from '../src/engine/types.js';
import { clientKeyword, lineFor, policyLabel, profileRemedy, sourcePhrase } from '../src/engine/rule-kit.js';

export default createRule({
  meta: {
    id: 'client-side-dpd-disabled',
    severity: 'warning',
    severities: ['warning', 'error'],
    title: 'Client-side DPD is off for a mobile profile',
    rationale: 'The guide says to keep client-side dead peer detection on, so the client notices a dead tunnel and reconnects.',
    basis: 'guide',
    scope: 'profile',
    messages: {
      clientDpdOff:
        'Client DPD is off (`{{keyword}} dpd-interval client none`), {{source}}; the client will not notice a dead tunnel. Set it to 30 s in {{policy}}.',
      clientDpdOffNoFallback:
        'Client DPD is off (`{{keyword}} dpd-interval client none`), {{source}}; the client will not notice a dead tunnel. Set it to 30 s in {{policy}}. Gateway DPD is off as well and DTLS is on ({{dtlsSource}}), so nothing detects a dead DTLS tunnel to fall back to TLS.',
    },
  },
  check({ device, profiles, report }) {
    for (const p of profiles) {
      const a = p.resolved.attributes;
      const e = a.dpdClient;
      if (!p.transports.ssl || e.state !== 'none') continue;
      const keyword = clientKeyword(device.model, e);
      // With DTLS on and gateway DPD off too, nothing drives the fallback from DTLS to TLS.
      const escalation = match({ dtls: a.sslDtls.state === 'value' && a.sslDtls.value, gatewayDpd: a.dpdGateway.state })
        .returnType<{ messageId: 'clientDpdOff' | 'clientDpdOffNoFallback'; severity: Severity }>()
        .with({ dtls: true, gatewayDpd: 'none' }, () => ({ messageId: 'clientDpdOffNoFallback', severity: 'error' }))
        .with({ dtls: true, gatewayDpd: 'value' }, { dtls: false }, () => ({ messageId: 'clientDpdOff', severity: 'warning' }))
        .exhaustive();
      report.profile(p, {
        ...escalation,
        setting: 'dpdClient',
        data: { keyword, source: sourcePhrase(e), policy: policyLabel(p.resolved), dtlsSource: sourcePhrase(a.sslDtls) },
        // The error rests on DTLS being on, and on gateway DPD being off: either may be a built-in default.
        ...(escalation.severity === 'error' ? { restsOn: [a.sslDtls, a.dpdGateway] } : {}),
        at: lineFor(device.model, p.resolved, e, 'webvpn'),
        remedy: profileRemedy(p.resolved, 'webvpn', [`${keyword} dpd-interval client 30`]),
      });
    }
  },
});
