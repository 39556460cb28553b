import { defineRule, type FindingDraft } from '../src/engine/types.js';

/** `PerApp`, `per-app`, `per_app`: spellings an admin might type for the one the client understands. */
function looksLikePerapp(type: string): boolean {
  return type !== 'perapp' && type.toLowerCase().replace(/[-_]/g, '') === 'perapp';
}

export default defineRule({
  id: 'perapp-type-misspelled',
  severity: 'error',
  title: 'A custom attribute type looks like per-app but is not spelled `perapp`',
  rationale: 'The guide: the custom attribute type for Per App VPN must be named exactly `perapp`; the client ignores any other name.',
  basis: 'guide',
  scope: 'device',
  check({ device, profiles }) {
    const declared = device.model.global.webvpn?.customAttributeTypes.filter((t) => looksLikePerapp(t.type)) ?? [];
    const used = profiles.flatMap((p) =>
      [...p.resolved.customAttributes.entries()].filter(([type, e]) => looksLikePerapp(type) && e.line !== null).map(([type, e]) => ({ type, line: e.line!, profile: p.resolved })),
    );
    const findings: FindingDraft[] = declared.map((t) => ({
      message: `webvpn declares custom attribute type \`${t.type}\` (line ${t.line}); Per App VPN needs exactly \`perapp\`, so the client ignores this one.`,
      line: t.line,
      object: `anyconnect-custom-attr ${t.type}`,
      tunnelGroup: null,
      groupPolicy: null,
      fix: `webvpn\n no anyconnect-custom-attr ${t.type}\n anyconnect-custom-attr perapp${t.description ? ` description ${t.description}` : ''}`,
    }));
    const seen = new Set<number>();
    for (const u of used) {
      if (seen.has(u.line)) continue;
      seen.add(u.line);
      // one finding per policy line, whichever profile led to it
      findings.push({
        message: `A policy uses \`anyconnect-custom ${u.type}\` (line ${u.line}); Per App VPN needs the type \`perapp\`.`,
        line: u.line,
        object: `anyconnect-custom ${u.type} in ${u.profile.groupPolicy}`,
        tunnelGroup: null,
        groupPolicy: null,
        fix: null,
      });
    }
    return findings;
  },
});
