// Per-app VPN assigned by a DAP record (`anyconnect-custom perapp value NAME` inside
// `dynamic-access-policy-record`) needs what a group-policy assignment needs: the declared `perapp`
// type and the named data. The per-app rules on profiles read group-policies; this one reads DAP.
import { createRule } from '../src/engine/types.js';
import { iosPolicyNotAllApps, looksLikePerapp, PERAPP_MINIMUM_ASA as MINIMUM } from '../src/engine/perapp.js';
import { atLeast } from '../src/parse/version.js';
import { renameToPerapp } from '../src/engine/rule-kit.js';

export default createRule({
  meta: {
    id: 'dap-perapp-broken',
    severity: 'error',
    severities: ['error', 'warning'],
    title:
      'A DAP record assigns per-app VPN that cannot work as meant (type not declared, data missing, type misspelled, ASA too old, iOS policy narrower than all apps)',
    rationale:
      'The guide: per-app VPN can be assigned by a group policy or a dynamic access policy; either way the custom attribute type `perapp` must be declared under webvpn and the named data must exist.',
    basis: 'guide',
    scope: 'device',
    messages: {
      notDeclared:
        'DAP record {{record}} assigns `anyconnect-custom perapp value {{name}}` (line {{line}}) but webvpn has no `anyconnect-custom-attr perapp`: the per-app policy is not sent to the phones the record matches.',
      dataMissing:
        'DAP record {{record}} assigns per-app data `{{name}}` (line {{line}}) but no `anyconnect-custom-data perapp {{name}} ...` line defines it: the phones the record matches get no per-app policy.',
      tooOld: 'DAP record {{record}} assigns per-app VPN (line {{line}}) but this ASA runs {{version}}; per-app needs {{minimum}} or later. Upgrade the ASA.',
      iosNotAllApps:
        'DAP record {{record}} assigns per-app data {{name}} (line {{line}}), whose decoded policy names iOS but has no all-apps rule `*.*`: the guide says the ASA policy must allow all apps on iOS and leave the choice to the MDM. (The decoded format is not documented; this reading is inferred.) Regenerate the value with the Application Selector allowing `*.*` for iOS.',
      misspelled:
        'DAP record {{record}} uses `anyconnect-custom {{type}}` (line {{line}}); Per App VPN needs the type `perapp`, so the client ignores it. Re-enter it in the record as `anyconnect-custom perapp value {{name}}`.',
    },
  },
  check({ device, report }) {
    const g = device.model.global;
    const declared = g.webvpn?.customAttributeTypes.some((t) => t.type === 'perapp') ?? false;
    let declareReported = false;
    for (const r of g.dapRecords) {
      for (const [type, value] of r.customAttributes) {
        if (value.state !== 'value') continue;
        const data = { record: r.name, name: value.value, line: value.line, type };
        if (looksLikePerapp(type)) {
          report.device({
            messageId: 'misspelled',
            data,
            at: value.line,
            object: `DAP ${r.name} ${type}`,
            // The same change as for a policy using the type: every user switches, then the old type goes.
            ...renameToPerapp(device.model, type),
          });
          continue;
        }
        if (type !== 'perapp') continue;
        if (!declared) {
          // One declaration fixes every record: the CLI is printed once.
          report.device({
            messageId: 'notDeclared',
            data,
            at: value.line,
            object: `DAP ${r.name} perapp`,
            ...(declareReported
              ? {}
              : { remedy: { kind: 'block', header: 'webvpn', lines: ['anyconnect-custom-attr perapp description Per-app VPN policy'] } }),
          });
          declareReported = true;
        }
        const version = device.model.version;
        if (version && !atLeast(version, MINIMUM))
          report.device({
            messageId: 'tooOld',
            data: { ...data, version: version.text, minimum: MINIMUM },
            at: value.line,
            object: `DAP ${r.name} perapp version`,
          });
        const perappData = g.customData.get(`perapp ${value.value}`);
        if (perappData && iosPolicyNotAllApps(perappData.value))
          report.device({ messageId: 'iosNotAllApps', severity: 'warning', data, at: value.line, object: `DAP ${r.name} perapp ios` });
        if (!perappData)
          report.device({
            messageId: 'dataMissing',
            data,
            at: value.line,
            object: `DAP ${r.name} perapp data`,
            needsInput: `the base64 policy from Cisco's Application Selector, as \`anyconnect-custom-data perapp ${value.value} VALUE\` lines of at most 420 characters each`,
          });
      }
    }
  },
});
