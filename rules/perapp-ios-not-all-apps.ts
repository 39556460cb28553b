import { createRule } from '../src/engine/types.js';
import { iosPolicyNotAllApps } from '../src/engine/perapp.js';

export default createRule({
  meta: {
    id: 'perapp-ios-not-all-apps',
    severity: 'warning',
    severities: ['warning'],
    title: 'A per-app policy for iOS does not allow all apps (`*.*`)',
    rationale:
      'The guide: on iOS the ASA per-app policy must allow all apps (`*.*`); the MDM decides which apps use the tunnel. A narrower ASA policy conflicts with the MDM.',
    basis: 'inferred',
    scope: 'profile',
    messages: {
      narrow:
        '{{profile}} uses per-app data {{name}} (line {{line}}), whose decoded policy names iOS but has no all-apps rule `*.*`: the guide says the ASA policy must allow all apps on iOS and leave the choice to the MDM. (The decoded format is not documented; this reading is inferred.) Regenerate the value with the Application Selector allowing `*.*` for iOS.',
    },
  },
  check({ device, profiles, report }) {
    for (const p of profiles) {
      const perapp = p.resolved.customAttributes.get('perapp');
      if (perapp?.state !== 'value') continue;
      const data = device.model.global.customData.get(`perapp ${perapp.value}`);
      if (!data) continue;
      if (!iosPolicyNotAllApps(data.value)) continue;
      report.profile(p, {
        messageId: 'narrow',
        data: { profile: p.resolved.name, name: perapp.value, line: data.lines[0]! },
        at: perapp.line,
        object: `perapp ${perapp.value}`,
      });
    }
  },
});
