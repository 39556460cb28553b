import { xmlAt } from '../src/engine/client-profiles.js';
import { createRule } from '../src/engine/types.js';

// `endpoint.anyconnect.platform` values [recalled]: the guide's example is apple-ios.
const PLATFORMS = new Set(['android', 'apple-ios', 'win', 'mac-intel', 'linux', 'linux-64', 'chromeos']);

export default createRule({
  meta: {
    id: 'dap-mobile-criteria',
    severity: 'warning',
    severities: ['warning'],
    title: 'DAP criteria for mobile devices that no longer match, or never do',
    rationale:
      'The guide: mobile clients report endpoint attributes such as endpoint.anyconnect.platform (apple-ios) and .deviceuniqueid; newer Android clients report a new device ID (SHA-256 based) and the new iOS app no longer reports the UDID, so DAP rules on the old 40-hex IDs must be updated.',
    basis: 'inferred',
    scope: 'device',
    messages: {
      legacyDeviceId:
        'DAP record {{record}} matches endpoint.anyconnect.deviceuniqueid {{value}}, a 40-hex legacy device ID: newer Android clients report a SHA-256 based ID and the new iOS app none, so this criterion no longer matches those phones. Update the device IDs in the DAP endpoint criteria (ASDM).',
      platform:
        'DAP record {{record}} matches endpoint.anyconnect.platform {{value}}, which is not a platform name AnyConnect reports (apple-ios, android, win, mac-intel, linux-64 [recalled]): the criterion never matches.',
    },
  },
  check({ device, report }) {
    const dap = device.model.dapXml;
    if (dap === null || dap.records === null) return;
    for (const r of dap.records)
      for (const c of r.criteria) {
        const name = c.name.toLowerCase();
        if (name === 'endpoint.anyconnect.deviceuniqueid' && /^[0-9a-f]{40}$/i.test(c.value))
          report.device({
            messageId: 'legacyDeviceId',
            data: { record: r.name, value: c.value },
            ...xmlAt(dap.origin, c.line),
            object: `${r.name} ${c.value}`,
          });
        if (name === 'endpoint.anyconnect.platform' && !PLATFORMS.has(c.value.toLowerCase()))
          report.device({ messageId: 'platform', data: { record: r.name, value: c.value }, ...xmlAt(dap.origin, c.line), object: `${r.name} ${c.value}` });
      }
  },
});
