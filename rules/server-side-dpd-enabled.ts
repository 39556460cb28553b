import { match, P } from 'ts-pattern';
import { defineRule } from '../src/engine/types.js';
import { clientKeyword, lineFor, policyLabel, profileFix, shouldSetClause, sourcePhrase } from '../src/engine/rule-kit.js';

export default defineRule({
  id: 'server-side-dpd-enabled',
  severity: 'warning',
  title: 'Server-side (gateway) DPD is on for a mobile profile',
  rationale: 'The guide says to switch off server-side dead peer detection for mobile devices: the gateway probes keep the phone from sleeping and drain its battery.',
  basis: 'guide',
  scope: 'profile',
  check({ device, profiles }) {
    return profiles
      .filter((p) => p.transports.ssl) // DPD applies to SSL tunnels, not IPsec
      .flatMap((p) => {
        const e = p.resolved.attributes.dpdGateway;
        return match(e)
          .with({ state: 'value', value: P.number }, (on) => {
            const where = lineFor(device.model, p.resolved, on, 'webvpn');
            const kw = clientKeyword(device.model, on);
            return [
              {
                message:
                  `Gateway DPD is on (${on.value} s), ${sourcePhrase(on)}; the gateway's probes keep the phone awake. ` +
                  `Set \`${kw} dpd-interval gateway none\` in ${policyLabel(p.resolved)}.` +
                  shouldSetClause(where, 'it'),
                line: where.line,
                lineRole: where.role,
                tunnelGroup: p.resolved.name,
                groupPolicy: p.resolved.groupPolicy,
                fix: profileFix(p.resolved, 'webvpn', [`${kw} dpd-interval gateway none`]),
              },
            ];
          })
          .otherwise(() => []);
      });
  },
});
