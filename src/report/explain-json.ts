// `explain-dns --format json`. The fields named in the issue are a contract (schemaVersion 1):
// add fields, never rename or remove them.

import {
  iosDnsSummary,
  type ExplainedClientProfile,
  type BecauseEntry,
  type DnsProblems,
  type IosDnsExplanation,
  type IosDnsSummary,
  type QueryVerdict,
} from '../explain/ios-dns.js';
import type { SplitTunnelPolicy } from '../model/policy-attributes.js';
import type { TargetSummary } from '../model/summary.js';

/** The document `explain-dns --format json` prints. */
export interface ExplainJsonDocument {
  schemaVersion: 1;
  targets: Array<TargetSummary & { profiles: ExplainJsonProfile[] }>;
}

export interface ExplainJsonProfile {
  tunnelGroup: string;
  groupPolicy: string;
  splitTunnel: SplitTunnelPolicy;
  iosDns: IosDnsSummary;
  /** What is wrong with the outcome, as facts (the DNS rules report exactly these). */
  problems: DnsProblems;
  because: BecauseEntry[];
  dnsServers: string[];
  warnings: string[];
  desktopNote: string;
  query?: QueryVerdict;
  /** Whether AnyConnect clients can reach the profile (what `audit` checks); explained either way. */
  mobileFacing: boolean;
  /** Why it is not mobile-facing, as `audit --verbose` says (null when it is). */
  notMobileFacingBecause: string | null;
  /** The client profiles this profile's policy pushes (what the phone receives), and whether each was read. */
  clientProfiles: ExplainedClientProfile[];
}

export interface ExplainTarget {
  summary: TargetSummary;
  explanations: IosDnsExplanation[];
  queries?: Map<IosDnsExplanation, QueryVerdict>;
  /** Why a profile AnyConnect clients cannot reach is not mobile-facing, by tunnel-group name. */
  notMobileFacing: ReadonlyMap<string, string>;
}

export function renderExplainJson(targets: ExplainTarget[]): string {
  const doc: ExplainJsonDocument = {
    schemaVersion: 1,
    targets: targets.map((t) => ({
      ...t.summary,
      profiles: t.explanations.map((e): ExplainJsonProfile => {
        const q = t.queries?.get(e);
        return {
          tunnelGroup: e.profile.name,
          groupPolicy: e.profile.groupPolicy,
          splitTunnel: e.splitTunnel,
          iosDns: iosDnsSummary(e),
          problems: e.problems,
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
          mobileFacing: !t.notMobileFacing.has(e.profile.name),
          notMobileFacingBecause: t.notMobileFacing.get(e.profile.name) ?? null,
          clientProfiles: e.clientProfiles,
        };
      }),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
