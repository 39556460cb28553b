// Per-app VPN assigned by a DAP record (`anyconnect-custom perapp value NAME` inside
// `dynamic-access-policy-record`) needs what a group-policy assignment needs: the declared `perapp`
// type and the named data. The per-app rules on profiles read group-policies; this one reads DAP.
import { createRule } from '../src/engine/types.js';

const looksLikePerapp = (type: string): boolean => type !== 'perapp' && type.toLowerCase().replace(/[-_]/g, '') === 'perapp';

export default createRule({
  meta: {
    id: 'dap-perapp-broken',
    severity: 'error',
    severities: ['error'],
    title: 'A DAP record assigns per-app VPN that cannot reach a phone (type not declared, data missing, type misspelled)',
    rationale:
      'The guide: per-app VPN can be assigned by a group policy or a dynamic access policy; either way the custom attribute type `perapp` must be declared under webvpn and the named data must exist.',
    basis: 'guide',
    scope: 'device',
    messages: {
      notDeclared:
        'DAP record {{record}} assigns `anyconnect-custom perapp value {{name}}` (line {{line}}) but webvpn has no `anyconnect-custom-attr perapp`: the per-app policy is not sent to the phones the record matches.',
      dataMissing:
        'DAP record {{record}} assigns per-app data `{{name}}` (line {{line}}) but no `anyconnect-custom-data perapp {{name}} ...` line defines it: the phones the record matches get no per-app policy.',
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
          report.device({ messageId: 'misspelled', data, at: value.line, object: `DAP ${r.name} ${type}` });
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
        if (!g.customData.has(`perapp ${value.value}`))
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
