import { match, P } from 'ts-pattern';
import { defineRule } from '../src/engine/types.js';
import { clientKeyword, lineFor, policyLabel, profileFix, shouldSetClause, sourcePhrase } from '../src/engine/rule-kit.js';

export default defineRule({
  id: 'ssl-keepalive-enabled',
  severity: 'warning',
  title: 'SSL keepalives are on for a mobile profile',
  rationale: 'The guide says to disable SSL keepalives on mobile policies to save battery, especially when client-side DPD is on.',
  basis: 'guide',
  scope: 'profile',
  check({ device, profiles }) {
    return profiles
      .filter((p) => p.transports.ssl)
      .flatMap((p) =>
        match(p.resolved.attributes.sslKeepalive)
          .with({ state: 'value', value: P.number }, (on) => {
            const where = lineFor(device.model, p.resolved, on, 'webvpn');
            const kw = clientKeyword(device.model, on);
            const line = kw === 'svc' ? 'svc keepalive none' : 'anyconnect ssl keepalive none';
            return [
              {
                message:
                  `SSL keepalives are on (every ${on.value} s), ${sourcePhrase(on)}; they wake the phone and drain its battery. ` +
                  `Set \`${line}\` in ${policyLabel(p.resolved)}, or a long interval if a proxy or NAT device needs keepalives.` +
                  shouldSetClause(where, 'it'),
                line: where.line,
                lineRole: where.role,
                tunnelGroup: p.resolved.name,
                groupPolicy: p.resolved.groupPolicy,
                fix: profileFix(p.resolved, 'webvpn', [line]),
              },
            ];
          })
          .otherwise(() => []),
      );
  },
});
