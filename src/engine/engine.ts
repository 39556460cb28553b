// Runs rules over a resolved device and returns findings in a stable order. Knows no single rule: it
// hands each rule its profiles and a `report` object, renders messages from the rule's templates, and
// fills in what every finding carries (profile, policy, line role).

import { hasControl, hasControlInLines, visible } from '../common/control-chars.js';
import { cmp } from '../common/problem.js';
import { explainOnDevice } from '../explain/ios-dns.js';
import type { Basis } from '../model/basis.js';
import { attributeSpec, type PolicyAttributeKey } from '../model/policy-attributes.js';
import type { Provenance, ResolvedDevice } from '../resolve/resolve.js';
import { classifyProfiles } from './mobile-facing.js';
import { fixCaveats, helpCharacterNote, renderRemedy } from './remedy.js';
import { lineRef, withLineNames } from './line-names.js';
import { RuleContractError, type Finding, type MobileProfile, type Report, type ReportDescriptor, type RuleModule } from './types.js';

export interface EngineOptions {
  /** Only these connection profiles (by exact name); all mobile-facing ones when empty. */
  profiles?: string[];
  /** A further filter on profile names (config file include/exclude globs). */
  profileFilter?: (name: string) => boolean;
  /** How messages name configuration lines (`line 12` unless a simulated change names them by origin). */
  lineName?: (line: number) => string;
  /** The configuration is cut short (a partial capture): what it does not enable may be in the part that is missing. */
  partial?: boolean;
}

/** How clients reach one mobile-facing profile, as plain data for reports. */
export interface ProfileReach {
  tunnelGroup: string;
  ssl: boolean;
  ikev2: boolean;
  via: string[];
  /** Set when the profile is mobile-facing only on an assumed built-in default. */
  assumption: string | null;
  /**
   * Whether phones on it may get a per-app VPN policy (`anyconnect-custom perapp value NAME`): from its
   * group-policy, or from a DAP record (which sessions a record matches is in dap.xml).
   */
  perApp: boolean;
}

export interface EngineResult {
  findings: Finding[];
  mobileProfiles: string[];
  /** How AnyConnect clients reach each mobile-facing profile, in the order of mobileProfiles. */
  reach: ProfileReach[];
  skippedProfiles: Array<{ tunnelGroup: string; reason: string }>;
}

/** The skip reason of a profile left out by --profile (reports tell it from the profiles that were picked). */
export const NOT_SELECTED_REASON = 'not selected by --profile';
/** The skip reason of a profile the configuration file's profiles.include/exclude leaves out. */
export const FILTERED_REASON = 'excluded by the configuration file (profiles.include/exclude)';

/** Whether a skip reason says the profile was left out by a filter, not judged unreachable. */
export function filteredOut(reason: string): boolean {
  return reason.startsWith(NOT_SELECTED_REASON) || reason.startsWith(FILTERED_REASON);
}

export function runRules(device: ResolvedDevice, rules: readonly RuleModule[], options: EngineOptions = {}): EngineResult {
  const scope = classifyProfiles(device, options.partial === true);
  const wanted = options.profiles && options.profiles.length > 0 ? new Set(options.profiles) : null;
  const skipped = [...scope.skipped];
  const profiles: MobileProfile[] = [];
  for (const { profile, reach } of scope.mobile) {
    if (wanted && !wanted.has(profile.name)) {
      skipped.push({ tunnelGroup: profile.name, reason: NOT_SELECTED_REASON });
      continue;
    }
    if (options.profileFilter && !options.profileFilter(profile.name)) {
      skipped.push({ tunnelGroup: profile.name, reason: FILTERED_REASON });
      continue;
    }
    profiles.push({ resolved: profile, transports: reach.transports, reach, dns: explainOnDevice(device, profile) });
  }
  if (wanted) {
    for (const s of skipped) if (!wanted.has(s.tunnelGroup) && s.reason !== NOT_SELECTED_REASON) s.reason += `; ${NOT_SELECTED_REASON}`;
  }

  const findings: Finding[] = [];
  // Device-wide rules still need a mobile-facing profile to be relevant.
  if (profiles.length > 0)
    withLineNames(options.lineName, () => {
      for (const rule of rules) rule.check({ device, profiles, report: reporterFor(rule, device, profiles, findings) });
    });
  findings.sort(compareFindings);
  const dapPerApp = device.model.global.dapRecords.some((r) => r.customAttributes.get('perapp')?.state === 'value');
  return {
    findings,
    mobileProfiles: profiles.map((p) => p.resolved.name),
    reach: profiles.map((p) => ({
      tunnelGroup: p.resolved.name,
      ...p.reach.transports,
      via: p.reach.via,
      assumption: p.reach.assumption,
      perApp: p.resolved.customAttributes.get('perapp')?.state === 'value' || dapPerApp,
    })),
    skippedProfiles: skipped,
  };
}

function reporterFor(rule: RuleModule, device: ResolvedDevice, inScope: readonly MobileProfile[], out: Finding[]): Report {
  const { meta } = rule;
  const scoped = new Set(inScope);
  const add = (d: ReportDescriptor, profile: MobileProfile | null): void => {
    const template = (meta.messages as Record<string, string | undefined>)[d.messageId];
    if (template === undefined) throw new RuleContractError(meta.id, `reported unknown messageId \`${d.messageId}\``);
    const reported = d.severity ?? meta.severity;
    if (!meta.severities.includes(reported)) throw new RuleContractError(meta.id, `reported severity ${reported}, which meta.severities does not list`);
    // Not a hard failure on a [recalled] fact (the reference's rule for them): an error on a profile
    // phones reach only by assumption (for a device-wide one, every profile so reached) is reported
    // as a warning that says when it is an error. (An error resting on a built-in default stays one:
    // the same finding whether `show running-config all` prints the default or not.)
    const assumed = reachAssumed(profile, inScope);
    const basis = findingBasis(assumed ? weakest(meta.basis, 'recalled') : meta.basis, profile, d);
    const capped = reported === 'error' && assumed;
    const severity = capped ? 'warning' : reported;
    const whenError = capped ? ` It is an error if phones do reach ${profile === null ? 'these profiles' : 'this profile'}.` : '';
    const at =
      d.at === undefined || d.at === null
        ? { line: null, role: 'offending' as const }
        : typeof d.at === 'number'
          ? { line: d.at, role: 'offending' as const }
          : d.at;
    const data = d.data ?? {};
    const candidate = d.remedy ? renderRemedy(device.model, d.remedy) : null;
    // CLI holding a control character (from a name in the config) is never printed for pasting:
    // a terminal would act on it. The user types the fix after checking the name.
    // (A held rename's move, lines to paste later, is CLI too: it names the original profile.)
    const cliText = candidate === null ? '' : [candidate.cli, candidate.move?.cli ?? '', candidate.move?.undo ?? ''].join('\n');
    const unsafe = candidate !== null && hasControlInLines(cliText);
    const rendered = unsafe ? null : candidate;
    const needsInput = [
      ...(d.needsInput ? [d.needsInput] : []),
      ...(rendered?.needsInput ?? []),
      ...(unsafe
        ? [
            `the fix is not printed: it would hold a control character from a name in the configuration (\`${visible(cliText.split('\n').find(hasControl)!.trim())}\`); check that name on the device and type the fix yourself`,
          ]
        : []),
    ];
    out.push({
      ruleId: meta.id,
      severity,
      messageId: d.messageId,
      data,
      // `line {{n}}` with a number names a configuration line; a finding in an XML file quotes its own lines.
      message:
        renderMessage(meta.id, template, data, d.file === undefined || d.file === device.model.source ? lineRef : undefined) +
        hedges(profile, d.setting) +
        whenError +
        fixNotes(rendered?.cli ?? null),
      line: at.line,
      lineRole: at.role,
      file: d.file !== undefined && d.file !== device.model.source ? d.file : null,
      tunnelGroup: profile?.resolved.name ?? null,
      groupPolicy: profile?.resolved.groupPolicy ?? null,
      fix: rendered?.cli || null, // (nothing to paste: no fix, as when there is no remedy)
      remedy: unsafe ? null : (d.remedy ?? null),
      needsInput: needsInput.length > 0 ? needsInput.join('; ') : null,
      // XML quoted from a side file goes to terminals too: withheld when it holds a control character.
      xmlFix: d.xmlFix !== undefined && !hasControlInLines(d.xmlFix) ? d.xmlFix : null,
      object: d.object ?? null,
      basis,
    });
  };
  return {
    profile(p, d) {
      if (meta.scope !== 'profile') throw new RuleContractError(meta.id, 'a device-scope rule reported a profile finding');
      if (!scoped.has(p)) throw new RuleContractError(meta.id, `reported on profile ${p.resolved.name}, which is not in scope`);
      add(d, p);
    },
    device(d) {
      if (meta.scope !== 'device') throw new RuleContractError(meta.id, 'a profile-scope rule reported a device finding');
      add(d, null);
    },
  };
}

/** What a finding's verdict rests on beyond the rule itself, in words appended to its message. */
function hedges(profile: MobileProfile | null, setting: PolicyAttributeKey | undefined): string {
  let out = '';
  if (profile && setting !== undefined && profile.resolved.policyLayer === 'external') {
    const spec = attributeSpec(setting);
    const attribute = spec.radius ? ` (RADIUS attribute ${spec.radius} [src])` : '';
    out += ` Group-policy ${profile.resolved.groupPolicy} is external: unless the AAA server returns \`${spec.keyword}\`${attribute} for this group at login, phones get the value above; check what the server sends.`;
  }
  if (profile?.reach.assumption) out += ` (Audited because ${profile.reach.assumption}.)`;
  return out;
}

/** What to check before pasting a fix: a value that may be too long for the ASA, a `?` the CLI would take as help. */
function fixNotes(cli: string | null): string {
  if (cli === null) return '';
  const help = helpCharacterNote(cli);
  let out = help === null ? '' : ` In the fix, ${help}.`;
  // A fix pasted on its own into DfltGrpPolicy reaches more than this profile: say so where it is printed.
  if (/^group-policy DfltGrpPolicy attributes$/m.test(cli))
    out +=
      ' The fix changes DfltGrpPolicy, which every policy that does not set this itself inherits: it reaches those profiles too (and site-to-site tunnels, for session settings); `plan` gives this profile a group-policy of its own instead whenever the change would reach anyone who did not ask for it.';
  for (const note of fixCaveats(cli.split('\n')).overLong) out += ` In the fix, ${note}.`;
  return out;
}

/** Phones reach the profile only by assumption; for a device-wide finding, every profile in scope. */
function reachAssumed(profile: MobileProfile | null, inScope: readonly MobileProfile[]): boolean {
  return profile === null ? inScope.every((p) => p.reach.assumption !== null) : profile.reach.assumption !== null;
}

/**
 * The weakest of what a verdict rests on: `own` (the rule's basis, already weakened when phones reach
 * the profile only by assumption) and the built-in defaults among the values it names (`setting`,
 * `restsOn`).
 */
function findingBasis(own: Basis, profile: MobileProfile | null, d: ReportDescriptor): Basis {
  let basis = own;
  const facts: Array<Provenance | Basis> = [...(profile && d.setting !== undefined ? [profile.resolved.attributes[d.setting]] : []), ...(d.restsOn ?? [])];
  for (const fact of facts) {
    if (typeof fact === 'string') basis = weakest(basis, fact);
    else if (fact.from === 'default') basis = weakest(basis, fact.basis);
  }
  return basis;
}

const BASIS_STRENGTH: Record<Basis, number> = { guide: 4, 'cmd-ref': 3, src: 3, inferred: 2, recalled: 1 };

function weakest(a: Basis, b: Basis): Basis {
  return BASIS_STRENGTH[a] <= BASIS_STRENGTH[b] ? a : b;
}

/** Fills `{{name}}` placeholders; a placeholder without data is a bug in the rule. */
/** `lineName`: how `line {{n}}` with a number in `n` is written (a configuration line's name). */
export function renderMessage(ruleId: string, template: string, data: Readonly<Record<string, string | number>>, lineName?: (line: number) => string): string {
  return template.replace(/(\bline )?\{\{\s*(\w+)\s*\}\}/g, (_, word: string | undefined, name: string) => {
    const v = data[name];
    if (v === undefined) throw new RuleContractError(ruleId, `message needs \`${name}\`, which the report's data lacks`);
    return word !== undefined && typeof v === 'number' && lineName ? lineName(v) : `${word ?? ''}${String(v)}`;
  });
}

/** Device-wide findings first, then by profile name, line, rule id (and message, for ties). */
export function compareFindings(a: Finding, b: Finding): number {
  if ((a.tunnelGroup === null) !== (b.tunnelGroup === null)) return a.tunnelGroup === null ? -1 : 1;
  // Lines of the configuration first, then each XML file's own lines: numbers of different files are not compared.
  return (
    cmp(a.tunnelGroup ?? '', b.tunnelGroup ?? '') ||
    (a.file === null ? 0 : 1) - (b.file === null ? 0 : 1) ||
    cmp(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.message, b.message)
  );
}
