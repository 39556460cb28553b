// Runs rules over a resolved device and returns findings in a stable order. Knows no single rule: it
// hands each rule its profiles and a `report` object, renders messages from the rule's templates, and
// fills in what every finding carries (profile, policy, line role).

import { cmp } from '../common/problem.js';
import { explainProfile } from '../explain/ios-dns.js';
import type { ResolvedDevice } from '../resolve/resolve.js';
import { classifyProfiles } from './mobile-facing.js';
import { RuleContractError, type Finding, type MobileProfile, type Report, type ReportDescriptor, type RuleModule } from './types.js';

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
  // Device-wide rules still need a mobile-facing profile to be relevant.
  if (profiles.length > 0) for (const rule of rules) rule.check({ device, profiles, report: reporterFor(rule, profiles, findings) });
  findings.sort(compareFindings);
  return { findings, mobileProfiles: profiles.map((p) => p.resolved.name), skippedProfiles: skipped };
}

function reporterFor(rule: RuleModule, inScope: readonly MobileProfile[], out: Finding[]): Report {
  const { meta } = rule;
  const add = (d: ReportDescriptor, profile: MobileProfile | null): void => {
    const template = (meta.messages as Record<string, string | undefined>)[d.messageId];
    if (template === undefined) throw new RuleContractError(meta.id, `reported unknown messageId \`${d.messageId}\``);
    const severity = d.severity ?? meta.severity;
    if (!meta.severities.includes(severity)) throw new RuleContractError(meta.id, `reported severity ${severity}, which meta.severities does not list`);
    const at =
      d.at === undefined || d.at === null
        ? { line: null, role: 'offending' as const }
        : typeof d.at === 'number'
          ? { line: d.at, role: 'offending' as const }
          : d.at;
    const data = d.data ?? {};
    out.push({
      ruleId: meta.id,
      severity,
      messageId: d.messageId,
      data,
      message: renderMessage(meta.id, template, data),
      line: at.line,
      lineRole: at.role,
      tunnelGroup: profile?.resolved.name ?? null,
      groupPolicy: profile?.resolved.groupPolicy ?? null,
      fix: d.fix ?? null,
      object: d.object ?? null,
    });
  };
  return {
    profile(p, d) {
      if (meta.scope !== 'profile') throw new RuleContractError(meta.id, 'a device-scope rule reported a profile finding');
      if (!inScope.includes(p)) throw new RuleContractError(meta.id, `reported on profile ${p.resolved.name}, which is not in scope`);
      add(d, p);
    },
    device(d) {
      if (meta.scope !== 'device') throw new RuleContractError(meta.id, 'a profile-scope rule reported a device finding');
      add(d, null);
    },
  };
}

/** Fills `{{name}}` placeholders; a placeholder without data is a bug in the rule. */
export function renderMessage(ruleId: string, template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const v = data[name];
    if (v === undefined) throw new RuleContractError(ruleId, `message needs \`${name}\`, which the report's data lacks`);
    return String(v);
  });
}

/** Device-wide findings first, then by profile name, line, rule id (and message, for ties). */
export function compareFindings(a: Finding, b: Finding): number {
  if ((a.tunnelGroup === null) !== (b.tunnelGroup === null)) return a.tunnelGroup === null ? -1 : 1;
  return cmp(a.tunnelGroup ?? '', b.tunnelGroup ?? '') || (a.line ?? 0) - (b.line ?? 0) || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message);
}
