import { createRule } from '../src/engine/types.js';
import { profileList } from '../src/engine/rule-kit.js';
import { atLeast } from '../src/parse/version.js';

const MINIMUM = '9.7(1)';

export default createRule({
  meta: {
    id: 'saml-prerequisites',
    severity: 'warning',
    severities: ['error', 'warning', 'info'],
    title: 'SAML for mobile clients: ASA release, NTP, and re-authentication',
    rationale:
      'The guide: SAML 2.0 for AnyConnect needs ASA 9.7(1) or later, and the ASA clock must be synchronised with the IdP (NTP); reconnects skip SAML, and a fresh IdP login per session comes from the client profile, not the gateway.',
    basis: 'guide',
    scope: 'device',
    messages: {
      tooOld: '{{profiles}} authenticate with SAML, but this ASA runs {{version}}: SAML for AnyConnect needs {{minimum}} or later. Upgrade the ASA.',
      noNtp:
        '{{profiles}} authenticate with SAML, but no `ntp server` is configured: SAML assertions are time-stamped, and the guide says to keep the ASA clock synchronised with the IdP. Add the NTP source the IdP uses.',
      forceReauthentication:
        'saml idp {{idp}} sets `force re-authentication`: for Secure Client on phones, reconnects skip SAML altogether, and the guide gets a fresh IdP login per session from the client profile (Auto Reconnect: ReconnectAfterResume), not from this setting [inferred].',
    },
  },
  check({ device, profiles, report }) {
    const saml = profiles.filter((p) => {
      const w = p.resolved.tunnelGroup.webvpn;
      return w.samlIdentityProvider.state === 'value' || (w.authentication.state === 'value' && w.authentication.value.includes('saml'));
    });
    if (saml.length === 0) return;
    const names = profileList(saml.map((p) => p.resolved.name));
    const lineOf = (s: { state: string; line?: number }): number | null => (s.state === 'unset' ? null : (s.line ?? null));
    const firstSamlLine =
      saml
        .map((p) => lineOf(p.resolved.tunnelGroup.webvpn.samlIdentityProvider) ?? lineOf(p.resolved.tunnelGroup.webvpn.authentication))
        .find((l) => l !== null) ?? null;
    const version = device.model.version;
    if (version && !atLeast(version, MINIMUM)) {
      report.device({
        messageId: 'tooOld',
        severity: 'error',
        data: { profiles: names, version: version.text, minimum: MINIMUM },
        at: device.model.versionLine,
        object: 'release',
      });
    }
    if (device.model.global.ntpServers.length === 0) {
      report.device({
        messageId: 'noNtp',
        data: { profiles: names },
        at: { line: firstSamlLine, role: 'offending' },
        object: 'ntp',
        needsInput: 'the NTP server the IdP keeps time with: `ntp server IP` (with `source IF` where needed)',
      });
    }
    for (const idp of device.model.global.webvpn?.samlIdps ?? []) {
      if (idp.forceReauthentication.state !== 'value' || !idp.forceReauthentication.value) continue;
      report.device({
        messageId: 'forceReauthentication',
        severity: 'info',
        data: { idp: idp.entityId },
        at: idp.forceReauthentication.line,
        object: `saml idp ${idp.entityId}`,
      });
    }
  },
});
