import { defineRule } from '../src/engine/types.js';

export default defineRule({
  id: 'perapp-attr-not-declared',
  severity: 'error',
  title: 'A policy uses a per-app value but webvpn does not declare the perapp custom attribute',
  rationale: 'The guide: per-app VPN needs a custom attribute type named exactly `perapp` declared under webvpn before a policy can use it.',
  basis: 'guide',
  scope: 'profile',
  check({ device, profiles }) {
    const declared = device.model.global.webvpn?.customAttributeTypes.some((t) => t.type === 'perapp') ?? false;
    if (declared) return [];
    return profiles.flatMap((p) => {
      const perapp = p.resolved.customAttributes.get('perapp');
      if (!perapp || perapp.state !== 'value') return [];
      return [
        {
          message: `${p.resolved.name} uses \`anyconnect-custom perapp value ${perapp.value}\` (line ${perapp.line}) but webvpn has no \`anyconnect-custom-attr perapp\`: the per-app policy is not sent.`,
          line: perapp.line,
          tunnelGroup: p.resolved.name,
          groupPolicy: p.resolved.groupPolicy,
          fix: 'webvpn\n anyconnect-custom-attr perapp description Per-app VPN policy',
        },
      ];
    });
  },
});
