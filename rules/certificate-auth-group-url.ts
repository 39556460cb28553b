import { cliName } from '../src/parse/tokenize.js';
import { createRule } from '../src/engine/types.js';

export default createRule({
  meta: {
    id: 'certificate-auth-group-url',
    severity: 'warning',
    severities: ['warning'],
    title: 'A certificate-only profile lacks a group-url, or asks for secondary authentication',
    rationale:
      'The guide: certificate-only authentication gives mobile users the most transparent experience; when an authentication screen appears anyway, use a group URL and make sure no secondary authentication is configured. Connect On Demand needs both.',
    basis: 'guide',
    scope: 'profile',
    messages: {
      noGroupUrl:
        '{{profile}} authenticates with certificates only, but no enabled group-url selects it: a phone that does not land on it directly shows a login screen (and Connect On Demand cannot use it). Give it a group-url and point the client profile at it.',
      secondaryAuth:
        '{{profile}} authenticates with certificates only, but also names secondary-authentication-server-group {{group}}: phones get a login screen, and Connect On Demand cannot connect silently. Remove the secondary authentication for mobile users.',
    },
  },
  check({ profiles, report }) {
    for (const p of profiles) {
      const tg = p.resolved.tunnelGroup;
      const auth = tg.webvpn.authentication;
      if (auth.state !== 'value' || auth.value.length !== 1 || auth.value[0] !== 'certificate') continue;
      if (p.transports.ssl && !tg.webvpn.groupUrls.some((u) => u.enabled)) {
        report.profile(p, {
          messageId: 'noGroupUrl',
          data: { profile: tg.name },
          at: auth.line,
          object: 'group-url',
          fix: `tunnel-group ${cliName(tg.name)} webvpn-attributes\n group-url https://VPN-HOSTNAME/${tg.name.toLowerCase().replace(/[^a-z0-9-]+/g, '-')} enable`,
        });
      }
      const secondary = tg.general.secondaryAuthenticationServerGroup;
      if (secondary.state === 'value') {
        report.profile(p, {
          messageId: 'secondaryAuth',
          data: { profile: tg.name, group: secondary.value },
          at: secondary.line,
          object: 'secondary-authentication',
          fix: `tunnel-group ${cliName(tg.name)} general-attributes\n no secondary-authentication-server-group`,
        });
      }
    }
  },
});
