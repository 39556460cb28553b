import { createRule } from '../src/engine/types.js';
import { lineFor, lineRef, profileRemedy, sourcePhrase } from '../src/engine/rule-kit.js';

const RECOMMENDED_MINUTES = 1440;
const DEFAULT_IDLE_SECONDS = 1800;

export default createRule({
  meta: {
    id: 'idle-timeout-short',
    severity: 'info',
    severities: ['info'],
    title: 'AAA-authenticated mobile profile has an idle timeout under 24 hours',
    rationale:
      'The guide recommends a very long idle timeout (e.g. 24 hours) for AAA-authenticated mobile profiles, so the client can stay in "reconnecting" while the phone sleeps or roams without asking for credentials again.',
    basis: 'guide',
    scope: 'profile',
    messages: {
      short:
        'Idle timeout is {{minutes}} minutes, {{source}}; users of this AAA-authenticated profile must log in again after that much time asleep. The guide suggests about 24 hours (1440 minutes) for mobile.{{sessionCap}}',
      noneFallback:
        'Idle timeout is `vpn-idle-timeout none` ({{source}}), which for AnyConnect falls back to webvpn `default-idle-timeout`: {{fallback}} ({{fallbackSource}}); users of this AAA-authenticated profile must log in again after that much time asleep. The guide suggests about 24 hours (1440 minutes) for mobile.{{sessionCap}}',
    },
  },
  check({ device, profiles, report }) {
    for (const p of profiles) {
      const auth = p.resolved.tunnelGroup.webvpn.authentication;
      // Certificate-only profiles (Connect On Demand) are meant to time out quickly.
      const methods = auth.state === 'value' ? auth.value : ['aaa'];
      if (!methods.some((m) => m === 'aaa' || m === 'saml')) continue;
      const e = p.resolved.attributes.vpnIdleTimeout;
      if (e.state === 'value' && e.value >= RECOMMENDED_MINUTES) continue;
      // `none` means the global webvpn default-idle-timeout for AnyConnect (1800 s unless set [cmd-ref 8.4]).
      const fallback = device.model.global.webvpn?.defaultIdleTimeout;
      const fallbackSeconds = fallback?.state === 'value' ? fallback.value : DEFAULT_IDLE_SECONDS;
      if (e.state === 'none' && fallbackSeconds >= RECOMMENDED_MINUTES * 60) continue;
      // A session timeout below the target ends sessions first: the longer idle timeout alone does not help.
      const session = p.resolved.attributes.vpnSessionTimeout;
      const sessionCap =
        session.state === 'value' && session.value < RECOMMENDED_MINUTES
          ? ` Sessions also end after ${session.value} minutes whatever the idle timeout (\`vpn-session-timeout\`, ${sourcePhrase(session)}): raise that too if phones should stay connected for a day.`
          : '';
      const common = {
        setting: 'vpnIdleTimeout' as const,
        at: lineFor(device.model, p.resolved, e, 'attributes'),
        remedy: profileRemedy(p.resolved, 'attributes', [`vpn-idle-timeout ${RECOMMENDED_MINUTES}`]),
      };
      if (e.state === 'value') {
        report.profile(p, { messageId: 'short', data: { minutes: e.value, source: sourcePhrase(e), sessionCap }, ...common });
      } else {
        const fallbackSource = fallback?.state === 'value' ? lineRef(fallback.line) : 'its default [cmd-ref]';
        report.profile(p, {
          messageId: 'noneFallback',
          data: { source: sourcePhrase(e), fallback: `${fallbackSeconds} s`, fallbackSource, sessionCap },
          ...common,
        });
      }
    }
  },
});
