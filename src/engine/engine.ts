// Runs rules over a resolved device and returns findings in a stable order. Knows no single rule.

import { explainProfile } from '../explain/ios-dns.js';
import type { ResolvedDevice } from '../resolve/resolve.js';
import { classifyProfiles } from './mobile-facing.js';
import type { Finding, MobileProfile, RuleModule } from './types.js';

export interface EngineOptions {
  /** Only these connection profiles (by exact name); all mobile-facing ones when empty. */
  profiles?: string[];
  /** A further filter on profile names (config file include/exclude globs). */
  profileFilter?: (name: string) => boolean;
}

export interface EngineResult {
  findings: Finding[];
  mobileProfiles: string[];
  skippedProfiles: Array<{ tunnelGroup: string; reason: string }>;
}

export function runRules(device: ResolvedDevice, rules: readonly RuleModule[], options: EngineOptions = {}): EngineResult {
  const scope = classifyProfiles(device);
  const wanted = options.profiles && options.profiles.length > 0 ? new Set(options.profiles) : null;
  const dapOverrides = device.model.global.dapRecords.some((r) => r.name !== 'DfltAccessPolicy');
  const skipped = [...scope.skipped];
  const profiles: MobileProfile[] = [];
  for (const { profile, transports } of scope.mobile) {
    if (wanted && !wanted.has(profile.name)) {
      skipped.push({ tunnelGroup: profile.name, reason: 'not selected by --profile' });
      continue;
    }
    if (options.profileFilter && !options.profileFilter(profile.name)) {
      skipped.push({ tunnelGroup: profile.name, reason: 'excluded by the configuration file (profiles.include/exclude)' });
      continue;
    }
    profiles.push({ resolved: profile, transports, dns: explainProfile(profile, { dapOverrides }) });
  }
  if (wanted) {
    for (const s of skipped) if (!wanted.has(s.tunnelGroup) && s.reason !== 'not selected by --profile') s.reason += '; not selected by --profile';
  }

  const findings: Finding[] = [];
  for (const rule of rules) {
    // Device-wide rules still need a mobile-facing profile to be relevant.
    if (profiles.length === 0) break;
    for (const draft of rule.check({ device, profiles })) {
      findings.push({
        ruleId: rule.id,
        severity: draft.severity ?? rule.severity,
        message: draft.message,
        line: draft.line,
        lineRole: draft.lineRole ?? 'offending',
        tunnelGroup: draft.tunnelGroup,
        groupPolicy: draft.groupPolicy,
        fix: draft.fix,
        object: draft.object ?? null,
      });
    }
  }
  findings.sort(compareFindings);
  return { findings, mobileProfiles: profiles.map((p) => p.resolved.name), skippedProfiles: skipped };
}

/** Code-point order, the same on every machine and locale. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Device-wide findings first, then by profile name, line, rule id (and message, for ties). */
export function compareFindings(a: Finding, b: Finding): number {
  if ((a.tunnelGroup === null) !== (b.tunnelGroup === null)) return a.tunnelGroup === null ? -1 : 1;
  return cmp(a.tunnelGroup ?? '', b.tunnelGroup ?? '') || (a.line ?? 0) - (b.line ?? 0) || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message);
}
