import { defineRule } from '../src/engine/types.js';
import { lineFor, profileFix, sourcePhrase } from '../src/engine/rule-kit.js';

const RECOMMENDED_MINUTES = 1440;

export default defineRule({
  id: 'idle-timeout-short',
  severity: 'info',
  title: 'AAA-authenticated mobile profile has an idle timeout under 24 hours',
  rationale:
    'The guide recommends a very long idle timeout (e.g. 24 hours) for AAA-authenticated mobile profiles, so the client can stay in "reconnecting" while the phone sleeps or roams without asking for credentials again.',
  basis: 'guide',
  scope: 'profile',
  check({ device, profiles }) {
    return profiles.flatMap((p) => {
      const auth = p.resolved.tunnelGroup.webvpn.authentication;
      // Certificate-only profiles (Connect On Demand) are meant to time out quickly.
      const methods = auth.state === 'value' ? auth.value : ['aaa'];
      if (!methods.some((m) => m === 'aaa' || m === 'saml')) return [];
      const e = p.resolved.attributes.vpnIdleTimeout;
      if (e.state === 'value' && (e.value ?? 0) >= RECOMMENDED_MINUTES) return [];
      const where = lineFor(device.model, p.resolved, e, 'attributes');
      const now =
        e.state === 'none'
          ? '`vpn-idle-timeout none`, which for AnyConnect falls back to webvpn `default-idle-timeout` (1800 s unless set)'
          : `${e.value} minutes`;
      return [
        {
          message: `Idle timeout is ${now}, ${sourcePhrase(e)}; users of this AAA-authenticated profile must log in again after that much time asleep. The guide suggests about 24 hours (1440 minutes) for mobile.`,
          line: where.line,
          lineRole: where.role,
          tunnelGroup: p.resolved.name,
          groupPolicy: p.resolved.groupPolicy,
          fix: profileFix(p.resolved, 'attributes', [`vpn-idle-timeout ${RECOMMENDED_MINUTES}`]),
        },
      ];
    });
  },
});
