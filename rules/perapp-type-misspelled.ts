import { looksLikePerapp } from '../src/engine/perapp.js';
import { renameToPerapp } from '../src/engine/rule-kit.js';
import { createRule } from '../src/engine/types.js';

export default createRule({
  meta: {
    id: 'perapp-type-misspelled',
    severity: 'error',
    severities: ['error'],
    title: 'A custom attribute type looks like per-app but is not spelled `perapp`',
    rationale: 'The guide: the custom attribute type for Per App VPN must be named exactly `perapp`; the client ignores any other name.',
    basis: 'guide',
    scope: 'device',
    messages: {
      declared: 'webvpn declares custom attribute type `{{type}}` (line {{line}}); Per App VPN needs exactly `perapp`, so the client ignores this one.',
      used: 'A policy uses `anyconnect-custom {{type}}` (line {{line}}); Per App VPN needs the type `perapp`.',
    },
  },
  check({ device, profiles, report }) {
    for (const t of device.model.global.webvpn?.customAttributeTypes.filter((x) => looksLikePerapp(x.type)) ?? []) {
      report.device({
        messageId: 'declared',
        data: { type: t.type, line: t.line },
        at: t.line,
        object: `anyconnect-custom-attr ${t.type}`,
        ...renameToPerapp(device.model, t.type),
      });
    }
    // One finding per policy line, whichever profile led to it.
    const seen = new Set<number>();
    for (const p of profiles) {
      for (const [type, e] of p.resolved.customAttributes) {
        if (!looksLikePerapp(type) || e.line === null || seen.has(e.line)) continue;
        seen.add(e.line);
        report.device({
          messageId: 'used',
          data: { type, line: e.line },
          at: e.line,
          // Named by the policy that holds the line, not by the first profile's policy that inherits it:
          // the finding's identity must not move with which profile is looked at first.
          object: `anyconnect-custom ${type} in ${e.groupPolicy ?? p.resolved.groupPolicy}`,
          ...renameToPerapp(device.model, type),
        });
      }
    }
  },
});
