import { xmlAt } from '../src/engine/client-profiles.js';
import { createRule } from '../src/engine/types.js';

// `endpoint.anyconnect.platform` values [recalled]: the guide's example is apple-ios.
const PLATFORMS = new Set(['android', 'apple-ios', 'win', 'mac-intel', 'linux', 'linux-64', 'chromeos']);
const MOBILE = new Set(['android', 'apple-ios']);

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
      terminates:
        'DAP record {{record}} terminates the sessions it matches (line {{line}}), and its criteria select {{platform}} ({{where}}): those phones cannot connect. If only some were meant (old releases, unmanaged devices), narrow the criteria; if all, ignore this finding in the configuration file.',
      unreadable:
        "The DAP criteria ({{file}}) are not readable DAP XML: {{reason}}. The DAP checks did not run; phones matched by the records ({{records}}) get what the device makes of this file. Give the device's own copy (`more disk0:/dap.xml`) with --dap, or fix the file on the device in ASDM.",
      platform:
        'DAP record {{record}} matches endpoint.anyconnect.platform {{value}}, which is not a platform name AnyConnect reports (apple-ios, android, win, mac-intel, linux-64 [recalled]): the criterion never matches.',
    },
  },
  check({ device, report }) {
    const dap = device.model.dapXml;
    if (dap === null) return;
    if (dap.records === null) {
      const records = device.model.global.dapRecords.filter((r) => r.name !== 'DfltAccessPolicy').map((r) => r.name);
      report.device({
        messageId: 'unreadable',
        data: {
          // Its own file name (or the backup that embeds it): the message reads the same in any checkout.
          file: `${dap.origin.lineOffset > 0 ? 'dap.xml in ' : ''}${dap.origin.file.replace(/^.*[\\/]/, '')}`,
          reason: (dap.problem?.message ?? 'unreadable').replace(/\.+$/, ''),
          records: records.join(', '),
        },
        ...xmlAt(dap.origin, dap.problem?.line ?? null),
        object: 'dap.xml',
      });
      return;
    }
    // A record that turns phones away is worth saying: the audit otherwise looks only at what they get.
    for (const rec of device.model.global.dapRecords) {
      if (rec.action.state !== 'value' || rec.action.value !== 'terminate') continue;
      const mobile = dap.records
        .find((x) => x.name === rec.name)
        ?.criteria.filter(
          (c) => c.name.toLowerCase() === 'endpoint.anyconnect.platform' && c.operation.toUpperCase() === 'EQ' && MOBILE.has(c.value.toLowerCase()),
        );
      if (!mobile || mobile.length === 0) continue;
      report.device({
        messageId: 'terminates',
        data: {
          record: rec.name,
          line: rec.action.line,
          platform: mobile.map((c) => c.value).join(', '),
          // The file's own name: a message is the same wherever the repository is checked out.
          where: mobile.map((c) => `${dap.origin.file.replace(/^.*[\\/]/, '')} line ${c.line + dap.origin.lineOffset}`).join(', '),
        },
        at: rec.action.line,
        object: `${rec.name} terminate`,
      });
    }
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
