import { PERAPP_MINIMUM_ASA as MINIMUM } from '../src/engine/perapp.js';
import { createRule } from '../src/engine/types.js';
import { atLeast } from '../src/parse/version.js';

export default createRule({
  meta: {
    id: 'perapp-asa-version',
    severity: 'error',
    severities: ['error'],
    title: `Per-app VPN is configured on an ASA older than ${MINIMUM}`,
    rationale: `The guide: per-app tunnelling needs ASA ${MINIMUM} or later (and an AnyConnect Plus/Apex or Secure Client Advantage/Premier licence).`,
    basis: 'guide',
    scope: 'profile',
    messages: {
      tooOld: '{{profile}} uses per-app VPN (line {{line}}) but this ASA runs {{version}}; per-app needs {{minimum}} or later. Upgrade the ASA.',
    },
  },
  check({ device, profiles, report }) {
    const version = device.model.version;
    if (!version || atLeast(version, MINIMUM)) return;
    for (const p of profiles) {
      const perapp = p.resolved.customAttributes.get('perapp');
      if (perapp?.state !== 'value' || perapp.line === null) continue;
      report.profile(p, {
        messageId: 'tooOld',
        data: { profile: p.resolved.name, line: perapp.line, version: version.text, minimum: MINIMUM },
        at: perapp.line,
      });
    }
  },
});
