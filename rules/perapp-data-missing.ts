import { defineRule } from '../src/engine/types.js';

export default defineRule({
  id: 'perapp-data-missing',
  severity: 'error',
  title: 'A policy refers to per-app data that no anyconnect-custom-data line defines',
  rationale: 'The guide: the per-app policy (base64 from the Application Selector) is stored as `anyconnect-custom-data perapp NAME VALUE`; a policy naming data that does not exist sends nothing.',
  basis: 'inferred',
  scope: 'profile',
  check({ device, profiles }) {
    return profiles.flatMap((p) => {
      const perapp = p.resolved.customAttributes.get('perapp');
      if (!perapp || perapp.state !== 'value' || !perapp.value) return [];
      if (device.model.global.customData.has(`perapp ${perapp.value}`)) return [];
      return [
        {
          message: `${p.resolved.name} uses per-app data \`${perapp.value}\` (line ${perapp.line}) but no \`anyconnect-custom-data perapp ${perapp.value} ...\` line defines it.`,
          line: perapp.line,
          tunnelGroup: p.resolved.name,
          groupPolicy: p.resolved.groupPolicy,
          fix: `anyconnect-custom-data perapp ${perapp.value} BASE64-POLICY-FROM-APPLICATION-SELECTOR`,
        },
      ];
    });
  },
});
