import { defineRule } from '../src/engine/types.js';
import { clientKeyword, lineFor, policyLabel, profileFix, sourcePhrase } from '../src/engine/rule-kit.js';

export default defineRule({
  id: 'client-side-dpd-disabled',
  severity: 'warning',
  title: 'Client-side DPD is off for a mobile profile',
  rationale: 'The guide says to keep client-side dead peer detection on, so the client notices a dead tunnel and reconnects.',
  basis: 'guide',
  scope: 'profile',
  check({ device, profiles }) {
    return profiles
      .filter((p) => p.transports.ssl && p.resolved.attributes.dpdClient.state === 'none')
      .map((p) => {
        const e = p.resolved.attributes.dpdClient;
        const where = lineFor(device.model, p.resolved, e, 'webvpn');
        const kw = clientKeyword(device.model, e);
        // With DTLS on and gateway DPD off too, nothing drives the fallback from DTLS to TLS.
        const a = p.resolved.attributes;
        const noFallback = a.sslDtls.value === true && a.dpdGateway.state === 'none';
        return {
          message:
            `Client DPD is off (\`${kw} dpd-interval client none\`), ${sourcePhrase(e)}; the client will not notice a dead tunnel. Set it to 30 s in ${policyLabel(p.resolved)}.` +
            (noFallback ? ' Gateway DPD is off as well and DTLS is on, so nothing detects a dead DTLS tunnel to fall back to TLS.' : ''),
          severity: noFallback ? ('error' as const) : undefined,
          line: where.line,
          lineRole: where.role,
          tunnelGroup: p.resolved.name,
          groupPolicy: p.resolved.groupPolicy,
          fix: profileFix(p.resolved, 'webvpn', [`${kw} dpd-interval client 30`]),
        };
      });
  },
});
