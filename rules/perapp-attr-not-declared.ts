import { createRule } from '../src/engine/types.js';

export default createRule({
  meta: {
    id: 'perapp-attr-not-declared',
    severity: 'error',
    severities: ['error'],
    title: 'A policy uses a per-app value but webvpn does not declare the perapp custom attribute',
    rationale: 'The guide: per-app VPN needs a custom attribute type named exactly `perapp` declared under webvpn before a policy can use it.',
    // The guide gives the steps in this order; that the policy is not sent without the type is our reading.
    basis: 'inferred',
    scope: 'profile',
    messages: {
      notDeclared:
        '{{profile}} uses `anyconnect-custom perapp value {{name}}` (line {{line}}) but webvpn has no `anyconnect-custom-attr perapp`: the per-app policy is not sent.',
    },
  },
  check({ device, profiles, report }) {
    if (device.model.global.webvpn?.customAttributeTypes.some((t) => t.type === 'perapp')) return;
    for (const p of profiles) {
      const perapp = p.resolved.customAttributes.get('perapp');
      if (perapp?.state !== 'value' || perapp.line === null) continue;
      report.profile(p, {
        messageId: 'notDeclared',
        data: { profile: p.resolved.name, name: perapp.value, line: perapp.line },
        at: perapp.line,
        remedy: { kind: 'block', header: 'webvpn', lines: ['anyconnect-custom-attr perapp description Per-app VPN policy'] },
      });
    }
  },
});
