import { createRule } from '../src/engine/types.js';

export default createRule({
  meta: {
    id: 'perapp-data-missing',
    severity: 'error',
    severities: ['error'],
    title: 'A policy refers to per-app data that no anyconnect-custom-data line defines',
    rationale:
      'The guide: the per-app policy (base64 from the Application Selector) is stored as `anyconnect-custom-data perapp NAME VALUE`; a policy naming data that does not exist sends nothing.',
    basis: 'inferred',
    scope: 'profile',
    messages: {
      missing: '{{profile}} uses per-app data `{{name}}` (line {{line}}) but no `anyconnect-custom-data perapp {{name}} ...` line defines it.',
    },
  },
  check({ device, profiles, report }) {
    for (const p of profiles) {
      const perapp = p.resolved.customAttributes.get('perapp');
      if (perapp?.state !== 'value' || perapp.line === null || !perapp.value) continue;
      if (device.model.global.customData.has(`perapp ${perapp.value}`)) continue;
      report.profile(p, {
        messageId: 'missing',
        data: { profile: p.resolved.name, name: perapp.value, line: perapp.line },
        at: perapp.line,
        needsInput: `the base64 policy from Cisco's Application Selector, as \`anyconnect-custom-data perapp ${perapp.value} VALUE\` lines of at most 420 characters each`,
      });
    }
  },
});
