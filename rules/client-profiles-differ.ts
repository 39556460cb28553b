import { createRule } from '../src/engine/types.js';

export default createRule({
  meta: {
    id: 'client-profiles-differ',
    severity: 'info',
    severities: ['info'],
    title: 'Mobile-facing profiles push different AnyConnect client profiles',
    rationale:
      "The guide: a mobile device keeps one client profile; a newly received profile replaces the old one entirely. Users who connect to profiles pushing different client profiles lose the other one's entries each time.",
    basis: 'guide',
    scope: 'device',
    messages: {
      differ:
        "Mobile-facing profiles push different client profiles: {{assignments}}. A phone keeps only the last one it imported, so users moving between these profiles lose the other profile's server entries.",
    },
  },
  check({ profiles, report }) {
    const byProfiles = new Map<string, string[]>();
    for (const p of profiles) {
      const e = p.resolved.attributes.clientProfiles;
      const key = e.state === 'value' ? [...e.value].sort().join(', ') : '';
      if (key === '') continue;
      byProfiles.set(key, [...(byProfiles.get(key) ?? []), p.resolved.name]);
    }
    if (byProfiles.size < 2) return;
    const assignments = [...byProfiles.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([names, users]) => `${names} (${users.join(', ')})`);
    const first = profiles.map((p) => p.resolved.attributes.clientProfiles.line).find((l) => l !== null) ?? null;
    report.device({ messageId: 'differ', data: { assignments: assignments.join('; ') }, at: first });
  },
});
