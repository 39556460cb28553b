import { createRule } from '../src/engine/types.js';

export default createRule({
  meta: {
    id: 'perapp-data-unused',
    severity: 'info',
    severities: ['info'],
    title: 'Per-app data is defined but no group-policy or DAP record uses it',
    rationale:
      'The guide: per-app data takes effect only when a group policy or a dynamic access policy assigns it with `anyconnect-custom perapp value NAME`; data nothing assigns is sent to nobody.',
    basis: 'inferred',
    scope: 'device',
    messages: {
      unused:
        '`anyconnect-custom-data perapp {{name}}` (line {{line}}) is assigned by no group-policy and no DAP record: no phone receives it. Assign it where it is meant to apply, or remove it.',
    },
  },
  check({ device, report }) {
    const g = device.model.global;
    const used = new Set<string>();
    for (const gp of device.model.groupPolicies.values()) {
      const s = gp.customAttributes.get('perapp');
      if (s?.state === 'value') used.add(s.value);
    }
    for (const r of g.dapRecords) {
      const s = r.customAttributes.get('perapp');
      if (s?.state === 'value') used.add(s.value);
    }
    for (const data of g.customData.values()) {
      if (data.type !== 'perapp' || used.has(data.name)) continue;
      report.device({ messageId: 'unused', data: { name: data.name, line: data.lines[0]! }, at: data.lines[0]!, object: `perapp ${data.name}` });
    }
  },
});
