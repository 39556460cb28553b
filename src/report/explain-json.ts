// `explain-dns --format json`. The fields named in the issue are a contract (schemaVersion 1):
// add fields, never rename or remove them.

import type { IosDnsExplanation, QueryVerdict } from '../explain/ios-dns.js';
import type { TargetSummary } from '../model/summary.js';

export interface ExplainTarget {
  summary: TargetSummary;
  explanations: IosDnsExplanation[];
  queries?: Map<IosDnsExplanation, QueryVerdict>;
}

export function renderExplainJson(targets: ExplainTarget[]): string {
  const doc = {
    schemaVersion: 1,
    targets: targets.map((t) => ({
      ...t.summary,
      profiles: t.explanations.map((e) => {
        const q = t.queries?.get(e);
        return {
          tunnelGroup: e.profile.name,
          groupPolicy: e.profile.groupPolicy,
          splitTunnel: e.splitTunnel,
          iosDns: {
            outcome: e.outcome,
            tunneledDomains: e.tunneledDomains,
            row: e.row,
            basis: e.basis,
            sentence: e.sentence,
          },
          because: e.because.map((b) => ({
            setting: b.setting,
            value: b.value,
            from: b.from,
            groupPolicy: b.groupPolicy,
            line: b.line,
            ...(b.basis ? { basis: b.basis } : {}),
          })),
          dnsServers: e.dnsServers,
          warnings: e.warnings,
          desktopNote: e.desktopNote,
          ...(q ? { query: q } : {}),
        };
      }),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
