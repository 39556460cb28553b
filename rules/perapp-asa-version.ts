import { defineRule } from '../src/engine/types.js';
import { atLeast } from '../src/model/version.js';

const MINIMUM = '9.3(1)';

export default defineRule({
  id: 'perapp-asa-version',
  severity: 'error',
  title: `Per-app VPN is configured on an ASA older than ${MINIMUM}`,
  rationale: `The guide: per-app tunnelling needs ASA ${MINIMUM} or later (and an AnyConnect Plus/Apex or Secure Client Advantage/Premier licence).`,
  basis: 'guide',
  scope: 'profile',
  check({ device, profiles }) {
    const version = device.model.version;
    if (!version || atLeast(version, MINIMUM)) return [];
    return profiles.flatMap((p) => {
      const perapp = p.resolved.customAttributes.get('perapp');
      if (!perapp || perapp.state !== 'value') return [];
      return [
        {
          message: `${p.resolved.name} uses per-app VPN (line ${perapp.line}) but this ASA runs ${version.text}; per-app needs ${MINIMUM} or later. Upgrade the ASA.`,
          line: perapp.line,
          tunnelGroup: p.resolved.name,
          groupPolicy: p.resolved.groupPolicy,
          fix: null,
        },
      ];
    });
  },
});
