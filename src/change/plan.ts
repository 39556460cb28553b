// `plan`: one remediation script per device (or context), composed from the findings' remedies with the
// whole configuration in view, then proven: applied with the merge engine, re-audited and compared
// before it is printed. What needs the user's knowledge is listed apart, never pasted as a placeholder.

import type { AuditOptions } from '../audit/audit.js';
import type { ReportedFinding } from '../audit/result.js';
import { cmp } from '../common/problem.js';
import { someNames } from '../common/some-names.js';
import { hasControlInLines } from '../common/control-chars.js';
import {
  customTypeRenameClash,
  fixCaveats,
  helpCharacterNote,
  copyBlockers,
  existingCopies,
  recreateProfile,
  renameCustomType,
  renderRemedy,
  underWebvpn,
  unusedName,
  type Remedy,
} from '../engine/remedy.js';
import { listUsesOutsideProfiles } from '../engine/list-users.js';
import { POLICY_REACH } from '../engine/rule-kit.js';
import { nameCharacters, ownPolicyBase, safeName } from '../engine/names.js';
import { SEVERITY_RANK, type Severity } from '../engine/types.js';
import { renderSteps, stepsOf } from '../model/cli-script.js';
import { builtInTunnelGroupType, mergeCommands, policyKey, renderUndo } from '../model/merge.js';
import { DEFAULT_GROUP_POLICY, type DeviceModel } from '../model/types.js';
import type { PolicyAttributes } from '../model/policy-attributes.js';
import { holdsSecret } from '../parse/redact.js';
import { atLeast } from '../parse/version.js';
import { cliName, tokenize } from '../parse/tokenize.js';
import { REMOTE_ACCESS_TYPES, valueOf, type Effective, type ResolvedProfile } from '../resolve/resolve.js';
import { diffDevices, originalsOf } from './diff.js';
import type { NeedsInputItem, PlanItem, PlanTarget, ProfileDiff } from './result.js';
import { changedLines } from './line-names.js';
import { reanalyse, type DeviceSnapshot } from './snapshot.js';

export interface PlanOptions {
  /** Only these rule ids (all when absent). */
  rules?: readonly string[];
  /** Only findings at or above this severity (all when absent). */
  severity?: Severity;
  /** `narrow`: never change what other profiles get; `shared`: fix DfltGrpPolicy itself and list who else changes. */
  scope: 'narrow' | 'shared';
  /**
   * What the configuration file does to a device's findings (ignores, severity overrides), applied to
   * the re-audited configuration as it was to `before`: the proof compares like with like.
   */
  configure?: (snapshot: DeviceSnapshot, copies: ReadonlyMap<string, string>) => DeviceSnapshot;
  /** Whether the configuration file names a profile (an ignore's or a filter's glob): a copy of it needs those entries too. */
  configNames?: (profile: string) => boolean;
}

const item = (f: ReportedFinding): PlanItem => ({ ruleId: f.ruleId, tunnelGroup: f.tunnelGroup, groupPolicy: f.groupPolicy });

export function planDevice(before: DeviceSnapshot, auditOptions: AuditOptions, options: PlanOptions): PlanTarget {
  const selected = before.target.findings.filter(
    (f) =>
      (options.rules === undefined || options.rules.includes(f.ruleId)) &&
      (options.severity === undefined || SEVERITY_RANK[f.severity] >= SEVERITY_RANK[options.severity]),
  );
  const context = before.target.summary.context;
  const parsed = before.analysed.parsed;
  const section = parsed.sections[before.analysed.sectionIndex]!;
  // A profile the plan copies is the same profile under a new name: what the file says of it holds for the copy.
  const configured = (x: DeviceSnapshot, copies: ReadonlyMap<string, string> = new Map()): DeviceSnapshot =>
    options.configure ? options.configure(x, copies) : x;
  // Compose, apply, re-audit. A finding the plan itself brings (a policy made for one profile now
  // inherits what DfltGrpPolicy gave it) is fixed in the same plan when it has a remedy: compose again.
  const followUps: ReportedFinding[] = [];
  let round = 0;
  // A spelling correction that would make clients apply a per-app policy with errors of its own
  // (revealed: there today, hidden by the misspelling; data missing or too long) is held: pasting it
  // would switch every phone on the profile to that policy; the next plan, once the policy is right,
  // writes it. (A warning revealed, such as an iOS policy without `*.*` [inferred], is said before the
  // paste instead: the correction the guide asks for still goes in.)
  let hold: HeldCorrection | null = null;
  const heldNow = (f: ReportedFinding): boolean => hold !== null && f.remedy?.kind === 'rename-custom-type';
  for (;;) {
    const composer = new Composer(before, options.scope);
    composer.findExistingCopies(before.target.findings);
    for (const f of selected) if (f.remedy && !heldNow(f)) composer.add(f.remedy, f);
    for (const f of followUps) if (f.remedy && !heldNow(f)) composer.add(f.remedy, f, true);
    const composed = composer.compose();
    if (hold !== null) holdCorrection(composed, hold, selected.filter(heldNow));
    const script = composed.script === '' ? '' : [...contextLines(context), composed.script].join('\n');
    // Proof: apply the script to the configuration, audit the result, compare.
    const merged = mergeCommands(parsed, section, script);
    const copies = originalsOf(composed.renamed);
    const after = configured(reanalyse(before, merged.lines, withCopies(auditOptions, copies), changedLines(merged.origins, 'plan', null)), copies);
    const diff = diffDevices(before, after, { renamed: composed.renamed });
    // Not a finding the copy only repeats: its fix is the original's, which the selection left out
    // (a misspelled type's correction is device-wide: it would change profiles nobody asked about).
    const repeated = repeatsOnCopy(before, composed.ownPolicy);
    const fixable = diff.findings.introduced.filter((f) => f.remedy !== null && repeated(f) === undefined);
    if (fixable.length > 0 && round++ < 2) {
      followUps.push(...fixable);
      continue;
    }
    // What the findings are once the held `?` lines are typed, as the plan tells the user to: a finding
    // "closed" only because such a line is not pasted comes back with it, so it remains.
    const typed =
      composed.typedLater === ''
        ? after
        : configured(
            reanalyse(before, mergeCommands(parsed, section, [script, composed.typedLater].join('\n')).lines, withCopies(auditOptions, copies)),
            copies,
          );
    const plan = verified(before, auditOptions, selected, { ...composed, script }, merged, after, diff, configured, typed);
    const serious = plan.revealed.filter((f) => f.severity === 'error');
    if (hold === null && serious.length > 0 && composed.corrections !== '') {
      hold = { revealed: serious };
      followUps.length = 0;
      round = 0;
      continue;
    }
    for (const [old, copy] of composed.renamed)
      if (options.configNames?.(old) === true && !options.configNames(copy))
        plan.notes.push(
          `Entries of the configuration file that name ${old} (ignores, profile filters) do not name ${copy}: the proof treated ${copy} as ${old}; add ${copy} to them when users move.`,
        );
    return plan;
  }
}

/** A spelling correction held back, and the errors it would reveal. */
interface HeldCorrection {
  /** Its error findings, there today behind the misspelling. */
  revealed: ReportedFinding[];
}

/**
 * The held correction under "Needs your input", and why each finding it fixes remains. No lines to
 * paste later: the correction depends on the fix the user makes first (the data it must carry), so
 * the next plan, made after that fix, writes it.
 */
function holdCorrection(composed: ReturnType<Composer['compose']>, hold: HeldCorrection, heldFindings: readonly ReportedFinding[]): void {
  const first = heldFindings[0];
  if (first === undefined) return;
  const problems = hold.revealed.map((f) => `${f.ruleId}${f.tunnelGroup ? ` (${f.tunnelGroup})` : ''}`).join(', ');
  composed.needsInput.push({
    ...item(first),
    what: `the spelling correction, once the per-app policy is right: corrected, the type makes clients apply the policy, which has ${problems} today (see the notes); fix that first (with a value from the Application Selector), then run plan again, which writes the correction`,
  });
  for (const f of heldFindings)
    composed.held.set(f, 'held: corrected, the type would make clients apply a per-app policy with problems of its own (see "Needs your input")');
  for (const f of hold.revealed)
    composed.notes.push(
      // (Its lines were those of a script not pasted: not named.)
      `${f.ruleId}${f.tunnelGroup ? ` (${f.tunnelGroup})` : ''} is hidden by a misspelling this plan leaves for later; correcting it would bring it out: ${f.message.replace(/ \(plan line \d+\)/g, '')}`,
    );
}

/** The policies this plan makes for one profile each, and the policy each copies. */
function copiedPolicies(before: DeviceSnapshot, ownPolicy: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...ownPolicy].map(([profile, own]) => [own, before.analysed.resolved.profiles.find((p) => p.name === profile)?.groupPolicy ?? own]));
}

/**
 * A finding on a policy this plan copies for one profile, repeated on the copy (a misspelled type
 * the plan was not asked to rename), is the original's, not a new one: the copy it repeats on and
 * the policy it copies (undefined: not a repeat).
 */
function repeatsOnCopy(before: DeviceSnapshot, ownPolicy: ReadonlyMap<string, string>): (f: ReportedFinding) => [string, string] | undefined {
  const copyOf = copiedPolicies(before, ownPolicy);
  const beforeKeys = new Set(before.target.findings.map(findingKey));
  return (f) =>
    typeof f.object !== 'string'
      ? undefined
      : [...copyOf].find(
          ([own, original]) =>
            f.object!.endsWith(` in ${own}`) && beforeKeys.has(findingKey({ ...f, object: `${f.object!.slice(0, -own.length)}${original}` })),
        );
}

/**
 * The built-in profiles a plan changes serve every client that names no profile (or names one the
 * headend does not have), desktop ones included: the mobile settings reach them too.
 */
function builtInProfilesNote(changed: readonly ProfileDiff[]): string[] {
  // DefaultWEBVPNGroup: the AnyConnect SSL default; DefaultRAGroup: the IKEv2 default [cmd-ref].
  const builtIn = changed.flatMap((p) =>
    p.tunnelGroup === 'DefaultWEBVPNGroup'
      ? ['DefaultWEBVPNGroup (the SSL default)']
      : p.tunnelGroup === 'DefaultRAGroup'
        ? ['DefaultRAGroup (the IKEv2 default)']
        : [],
  );
  if (builtIn.length === 0) return [];
  const one = builtIn.length === 1;
  return [
    `${builtIn.join(' and ')} ${one ? 'is a built-in profile' : 'are built-in profiles'}: clients that select no connection profile land there, desktop ones included, so these settings reach them too; if phones never use ${one ? 'it' : 'them'}, leave ${one ? 'it' : 'them'} out (\`profiles: exclude\` in .asa-mobile-audit.yaml).`,
  ];
}

function verified(
  before: DeviceSnapshot,
  auditOptions: AuditOptions,
  selected: readonly ReportedFinding[],
  composed: ReturnType<Composer['compose']>,
  merged: ReturnType<typeof mergeCommands>,
  after: DeviceSnapshot,
  diff: ReturnType<typeof diffDevices>,
  configured: (snapshot: DeviceSnapshot) => DeviceSnapshot,
  /** The configuration once the lines the user types after the paste are in (`after` when there are none). */
  typed: DeviceSnapshot = after,
): PlanTarget {
  const { script, renamed, named, notes, needsInput } = composed;
  const context = before.target.summary.context;
  // Findings a spelling correction uncovers were there all along: audit with only the corrections.
  const corrected =
    composed.corrections === ''
      ? null
      : configured(
          reanalyse(
            before,
            mergeCommands(before.analysed.parsed, before.analysed.parsed.sections[before.analysed.sectionIndex]!, composed.corrections).lines,
            auditOptions,
          ),
        );
  const correctedKeys = new Set(corrected ? afterKeys(corrected, new Map()) : []);
  const revealed = diff.findings.introduced.filter((f) => correctedKeys.has(findingKey(f)));
  const copyOf = copiedPolicies(before, composed.ownPolicy);
  const repeatedOn = repeatsOnCopy(before, composed.ownPolicy);
  // A profile that used DfltGrpPolicy itself and gets a policy of its own still gets DfltGrpPolicy's
  // split-dns, as before: that the new policy "inherits" it is the same state, not a new problem (its
  // fix would pin the list, and there is no valid entry to pin).
  // (A recreated profile's copy is looked up as the original it copies.)
  const originalOf = originalsOf(composed.renamed);
  const ownOf = (profile: string): string | undefined => composed.ownPolicy.get(originalOf.get(profile) ?? profile);
  const inheritsAsBefore = (f: ReportedFinding): boolean =>
    f.ruleId === 'split-dns-inherited' && f.remedy === null && f.tunnelGroup !== null && copyOf.get(ownOf(f.tunnelGroup) ?? '') === DEFAULT_GROUP_POLICY;
  const unrevealed = diff.findings.introduced.filter((f) => !correctedKeys.has(findingKey(f)));
  const isRestated = (f: ReportedFinding): boolean => repeatedOn(f) !== undefined || inheritsAsBefore(f);
  const introduced = unrevealed.filter((f) => !isRestated(f));
  const restated = unrevealed.filter(isRestated);
  const changed = diff.profiles.filter((p) => p.status !== 'unchanged');
  // Profiles the plan changes that no selected finding names, and named ones a shared fix reaches for
  // a setting they did not ask to change.
  const collateral = changed.map((p) => p.tunnelGroup).filter((n) => !named.has(n) || composed.unasked.has(n));
  const stillThere = new Set([...afterKeys(after, renamed), ...(typed === after ? [] : afterKeys(typed, renamed))]);
  // A finding the plan only makes less severe is still there (the diff pairs it with its old self).
  const back = originalsOf(renamed);
  for (const l of diff.findings.lowered) {
    const tunnelGroup = l.finding.tunnelGroup === null ? null : (back.get(l.finding.tunnelGroup) ?? l.finding.tunnelGroup);
    stillThere.add(findingKey({ ...l.finding, severity: l.oldSeverity, tunnelGroup }));
  }
  // A finding's input, where this plan gives the profile a policy of its own: entered there (said
  // instead of DfltGrpPolicy's reach).
  const inputFor = (f: ReportedFinding): string => {
    const hint = ownPolicyHint(f, composed.ownPolicy, composed.renamed);
    return (hint === '' ? f.needsInput! : f.needsInput!.replace(POLICY_REACH, '')) + hint;
  };
  const closes: PlanItem[] = [];
  const remains: Array<PlanItem & { why: string }> = [];
  for (const f of selected) {
    if (!stillThere.has(findingKey(f))) closes.push(item(f));
    else {
      const copy = f.tunnelGroup === null ? undefined : composed.leaving.get(f.tunnelGroup);
      remains.push({ ...item(f), why: composed.held.get(f) ?? (copy === undefined ? whyRemains(f, renamed, inputFor) : leavingWhy(f.tunnelGroup!, copy)) });
    }
  }
  const chosen = new Set(selected);
  const alsoCloses = diff.findings.resolved.filter((f) => !chosen.has(f)).map(item);
  const rollbackBody = renderUndo(merged.undo);
  // Never a paste-ready script holding a control character (the engine withholds such fixes; this
  // guards what composition adds, such as copied lines).
  // (Nor lines to paste later: a held move names the original profile.)
  const later = needsInput.flatMap((n) => [n.cli ?? '', n.rollback ?? '']);
  if ([script, rollbackBody, ...later].some(hasControlInLines)) return withheld(before, selected);
  return {
    source: before.target.summary.source,
    hostname: before.target.summary.hostname,
    context,
    script,
    rollback: rollbackBody === '' ? '' : [...contextLines(context), rollbackBody].join('\n'),
    // A recreated profile's inputs come from the plan's copy (its name may differ from the finding's).
    // Lines to paste later enter the context first, like the script.
    needsInput: [
      ...selected
        .filter((f) => f.needsInput !== null && f.remedy?.kind !== 'recreate-profile' && !(f.tunnelGroup !== null && composed.leaving.has(f.tunnelGroup)))
        .map((f) => ({ ...item(f), what: inputFor(f) })),
      // Lines to paste later that hold a `?`: the same care as in the script.
      ...needsInput
        .map((n) => {
          // (Each line once: the move and its undo name the same blocks.)
          const lines = n.cli === undefined ? [] : [...new Set([...n.cli.split('\n'), ...(n.rollback ?? '').split('\n')].map((l) => l.trim()))];
          const held = lines.filter((l) => l.includes('?'));
          return held.length === 0
            ? n
            : {
                ...n,
                what: `${n.what}; but type the lines that hold \`?\` by hand rather than paste them (the ASA CLI reads a pasted \`?\` as a request for help [recalled]; on Cisco CLIs, Ctrl-V before the \`?\` types it): ${held.map((l) => `\`${l}\``).join(', ')}`,
              };
        })
        .map((n) =>
          n.cli === undefined || context === null
            ? n
            : {
                ...n,
                cli: [...contextLines(context), n.cli].join('\n'),
                ...(n.rollback === undefined ? {} : { rollback: [...contextLines(context), n.rollback].join('\n') }),
              },
        ),
    ],
    closes,
    alsoCloses,
    remains,
    changes: changed,
    deviceChanges: diff.device,
    collateral,
    introduced,
    revealed,
    restated,
    // A line applied with something to check (a length the ASA is recalled to refuse) is a note, not a fault of the plan.
    problems: merged.problems.filter((p) => p.severity !== 'info'),
    notes: [
      ...notes,
      ...copyRepeatsNote(after, renamed),
      ...siteToSiteReachNote(before, diff),
      // (Those a shared fix reaches unasked are in the collateral notes.)
      ...builtInProfilesNote(changed.filter((p) => named.has(p.tunnelGroup))),
      // A file of one context (a capture made in it) does not name it: the user knows where to paste.
      ...(context === null && before.analysed.model.space === 'context' && script !== '' ? [contextOnlyNote(before.analysed.model)] : []),
      // The script enters the context itself; lines typed later, from Needs your input, must too.
      ...(context !== null && (needsInput.some((n) => n.cli === undefined) || selected.some((f) => f.needsInput !== null))
        ? [
            `Lines under "Needs your input" are for context ${context}: enter them after \`changeto context ${context}\` and \`configure terminal\`${needsInput.some((n) => n.cli !== undefined) ? ' (the blocks to paste start with those lines already)' : ''}.`,
          ]
        : []),
      // The rollback removes a held copy, and with it any way in a pasted move gave it.
      ...(needsInput.some((n) => n.rollback !== undefined && [...renamed.values()].includes(n.tunnelGroup ?? ''))
        ? [
            'The rollback removes the copies this plan makes: if you pasted a move under "Needs your input", paste its undo first, or the ways in that moved to a copy go with it.',
          ]
        : []),
      ...merged.problems.filter((p) => p.severity === 'info').map((p) => `Script line ${p.line} (\`${shortened(p.command)}\`): ${p.message}.`),
      ...notUtf8Note(before, [script, rollbackBody]),
      ...(
        [
          ['In the script', script],
          ['In the rollback', rollbackBody],
        ] as const
      ).flatMap(([where, text]) => {
        const note = helpCharacterNote(text);
        return note === null ? [] : [`${where}, ${note}.`];
      }),
      ...restated.map((f) => {
        const copy = repeatedOn(f);
        return copy !== undefined
          ? `${f.ruleId} repeats on group-policy ${copy[0]}, the copy of ${copy[1]} this plan makes: it is ${copy[1]}'s finding, which the plan leaves as it is.`
          : `${f.tunnelGroup!}'s new group-policy ${ownOf(f.tunnelGroup!)!} inherits DfltGrpPolicy's split-dns, as ${f.tunnelGroup!} did before; set split-dns there once you know the internal domains.`;
      }),
      ...collateralNotes(collateral, named),
      ...revealed.map(
        (f) => `${f.ruleId}${f.tunnelGroup ? ` (${f.tunnelGroup})` : ''} was hidden by a misspelling this plan corrects; it is there today: ${f.message}`,
      ),
    ],
  };
}

/**
 * Lines of the configuration that are not UTF-8 were read as Windows-1252. A name from one, written
 * into the script, is pasted in the terminal's encoding, which may not be the bytes the device holds:
 * said when the script or rollback holds a character outside ASCII, which only such a name brings.
 */
function notUtf8Note(before: DeviceSnapshot, texts: readonly string[]): string[] {
  // (Of this device's section only: a backup of several contexts holds the others too.)
  const section = before.analysed.parsed.sections[before.analysed.sectionIndex];
  const inSection = (line: number): boolean => section === undefined || (line > section.start && line <= section.end);
  const lines = before.analysed.parsed.problems.filter((p) => p.code === 'not-utf8' && p.line !== null && inSection(p.line)).map((p) => String(p.line));
  if (lines.length === 0 || !texts.some((t) => /[^\x00-\x7f]/.test(t))) return [];
  return [
    `The configuration has ${lines.length === 1 ? 'a line' : `${lines.length} lines`} that ${lines.length === 1 ? 'is' : 'are'} not UTF-8 (line ${someNames(lines)}, read as Windows-1252), and this plan writes characters outside ASCII: check that each name with them is spelled as the device has it (\`show running-config\`) before you paste.`,
  ];
}

/**
 * While a copy and its original both exist, an audit of the changed configuration finds the
 * original's remaining findings on the copy too; the plan (as diff) counts each once. Said, so a
 * count after the change window is not taken for a plan that left more than it said.
 */
function copyRepeatsNote(after: DeviceSnapshot, renamed: ReadonlyMap<string, string>): string[] {
  if (renamed.size === 0) return [];
  const key = (f: ReportedFinding, profile: string | null): string => JSON.stringify([f.ruleId, f.severity, profile, f.object]);
  const onOriginals = new Set(after.target.findings.map((f) => key(f, f.tunnelGroup)));
  const repeats = [...renamed].flatMap(([original, copy]) =>
    after.target.findings.filter((f) => f.tunnelGroup === copy && onOriginals.has(key(f, original))).map(() => `${copy} (copy of ${original})`),
  );
  if (repeats.length === 0) return [];
  const where = [...new Set(repeats)];
  return [
    `An audit of the changed configuration counts ${repeats.length} more finding${repeats.length === 1 ? '' : 's'} than "remain" above: the same as on the original, repeated on ${where.join(', ')} while both exist. This plan counts each once; they go when the original is removed.`,
  ];
}

/** What to know before pasting into a configuration that is one security context, unnamed in the file. */
function contextOnlyNote(model: DeviceModel): string {
  const old = model.version !== null && !atLeast(model.version, '9.5(1)');
  return `This configuration is one security context (its version line says \`<context>\`; the file does not say which): paste the script and the rollback in that context, after \`changeto context NAME\` and \`configure terminal\` from the system execution space, or in a session on the context itself.${
    old ? ` Remote-access VPN in multiple-context mode needs a 9.5-era release or later [recalled]; this one is ${model.version!.text}.` : ''
  }`;
}

/**
 * A finding's input that belongs in DfltGrpPolicy or a policy other profiles share, for a profile this
 * plan gives its own policy: the user's line goes there too, or it would reach those other profiles.
 */
function ownPolicyHint(f: ReportedFinding, ownPolicy: ReadonlyMap<string, string>, renamed: ReadonlyMap<string, string>): string {
  const own = f.tunnelGroup === null ? undefined : ownPolicy.get(f.tunnelGroup);
  if (own === undefined || f.groupPolicy === own) return '';
  // A recreated profile's policy is its copy's: the original keeps DfltGrpPolicy until it goes.
  const copy = renamed.get(f.tunnelGroup!);
  const holder = copy === undefined ? f.tunnelGroup! : `${f.tunnelGroup!}'s copy ${copy}`;
  return ` (this plan gives ${holder} its own group-policy ${own}: enter it there to change only ${copy ?? f.tunnelGroup!})`;
}

/**
 * Audit options for the configuration a plan changes: a profile it copies is selected (by --profile or
 * the configuration file's filters) exactly when the original is, so the proof sees the copy's findings.
 */
function withCopies(options: AuditOptions, original: ReadonlyMap<string, string>): AuditOptions {
  if (original.size === 0) return options;
  const { profiles, profileFilter } = options;
  return {
    ...options,
    ...(profiles !== undefined ? { profiles: [...profiles, ...[...original].filter(([, o]) => profiles.includes(o)).map(([n]) => n)] } : {}),
    ...(profileFilter !== undefined ? { profileFilter: (name: string) => profileFilter(original.get(name) ?? name) } : {}),
  };
}

/**
 * How a script reaches a context: `changeto context X` lands in the context's privileged EXEC mode
 * (prompt `host/X#`, Cisco's configuration guide), so configuration mode is entered again there.
 */
function contextLines(context: string | null): string[] {
  return context === null ? [] : [`changeto context ${context}`, 'configure terminal'];
}

function withheld(before: DeviceSnapshot, selected: readonly ReportedFinding[]): PlanTarget {
  const why = 'the script would hold a control character from a name in the configuration; check the names on the device and type the fixes yourself';
  return {
    source: before.target.summary.source,
    hostname: before.target.summary.hostname,
    context: before.target.summary.context,
    script: '',
    rollback: '',
    needsInput: selected.map((f) => ({ ...item(f), what: why })),
    closes: [],
    alsoCloses: [],
    remains: selected.map((f) => ({ ...item(f), why })),
    changes: [],
    deviceChanges: [],
    collateral: [],
    introduced: [],
    revealed: [],
    restated: [],
    problems: [],
    notes: [`No script: ${why}.`],
  };
}

/**
 * NAT-T is one device-wide setting: a plan that changes it changes it for the site-to-site peers too
 * (reference 6.5, [inferred]), which no connection profile entry shows.
 */
function siteToSiteReachNote(before: DeviceSnapshot, diff: ReturnType<typeof diffDevices>): string[] {
  const peers = [...before.siteToSite.keys()].sort(cmp);
  if (peers.length === 0 || !diff.device.some((c) => c.setting === 'crypto isakmp nat-traversal')) return [];
  return [
    `The crypto isakmp nat-traversal change is device-wide: it applies to the site-to-site tunnel-group${peers.length === 1 ? '' : 's'} ${someNames(peers)} as well [inferred] (NAT-T is used where a NAT sits between the peers; its keepalive is how often they send through it): tell whoever runs ${peers.length === 1 ? 'that tunnel' : 'those tunnels'} before the change window.`,
  ];
}

/** A script line quoted in a note: its start, when it is long (a split-dns list). */
function shortened(command: string): string {
  return command.length <= 60 ? command : `${command.slice(0, 57)}...`;
}

function findingKey(f: Pick<ReportedFinding, 'ruleId' | 'severity' | 'tunnelGroup' | 'object'>): string {
  return JSON.stringify([f.ruleId, f.severity, f.tunnelGroup, f.object]);
}

/** Findings after the plan, a recreated profile's copy counted as the original (so shared findings match). */
function afterKeys(after: DeviceSnapshot, renamed: ReadonlyMap<string, string>): string[] {
  const back = originalsOf(renamed);
  return after.target.findings.map((f) => findingKey({ ...f, tunnelGroup: f.tunnelGroup === null ? null : (back.get(f.tunnelGroup) ?? f.tunnelGroup) }));
}

/** `inputFor`: the finding's input as the plan words it (see verified). */
function whyRemains(f: ReportedFinding, renamed: ReadonlyMap<string, string>, inputFor: (f: ReportedFinding) => string): string {
  const copy = f.tunnelGroup === null ? undefined : renamed.get(f.tunnelGroup);
  if (f.needsInput !== null && f.remedy === null) return `needs your input: ${inputFor(f)}`;
  // A finding in a client profile or dap.xml is fixed in that file, which no CLI script touches.
  if (f.file !== null)
    return `in ${f.file}, not the configuration: ${f.xmlFix !== null ? 'make the XML change the finding gives, then upload the file again' : 'see the finding'}`;
  if (copy !== undefined)
    return `${f.tunnelGroup!} stays until you remove it (\`clear configure tunnel-group ${cliName(f.tunnelGroup!)}\`) once its users have moved to ${copy}${f.remedy?.kind === 'recreate-profile' ? ', which does not have this problem' : ''}`;
  if (f.needsInput !== null) return `needs your input: ${inputFor(f)}`;
  if (f.remedy === null)
    return f.severity === 'info' ? 'informational: the tool proposes no change (see the finding)' : 'no configuration change fixes it: see the finding';
  return 'still present after the plan';
}

interface PolicyFix {
  policy: string;
  create: boolean;
  mode: 'attributes' | 'webvpn';
  lines: string[];
  /** The profiles whose findings ask for this fix. */
  requesters: Set<string>;
}

interface PolicyEdit {
  create: boolean;
  /** Lines copied from the policy this one replaces for a profile (a dedicated copy), and where from. */
  copied: Array<{ mode: 'attributes' | 'webvpn'; text: string; from?: { policy: string; line: number; profile: string } }>;
  attributes: string[];
  webvpn: string[];
}

/**
 * Collects the remedies of the selected findings as data, then writes one script with the whole
 * device in view: names claimed once, a fix moved to a profile's own policy when the policy it names
 * is shared with profiles that did not ask for it (narrow scope), blocks of a recreated profile
 * applied to its copy, and every mode entered once, in an order where what is referenced exists.
 */
/**
 * Why a finding's fix cannot go in the paste block as it is: a line holding `?` (the ASA CLI reads a
 * pasted `?` as a request for help [recalled], so the line would go in without it, and its rollback
 * would not restore it), or a value longer than the ASA is recalled to take. Null when it can.
 */
function unpastableFix(f: ReportedFinding, fixLines?: readonly string[]): { why: string; what: string } | null {
  if (f.fix === null) return null;
  const lines = fixLines ?? f.fix.split('\n');
  const { helpLines, overLong } = fixCaveats(lines);
  const quoted = lines.map((l) => `\`${l.trim()}\``).join(', then ');
  if (helpLines.length > 0) {
    const help = helpLines.map((l) => `\`${l.trim()}\``);
    return {
      why: `not in the script: ${help.join(', ')} ${help.length === 1 ? 'holds' : 'hold'} \`?\`, which the ASA CLI reads as a request for help when pasted [recalled]; type the fix by hand (see "Needs your input")`,
      what: `type this fix by hand, pressing Ctrl-V before each \`?\` so the CLI takes it as a character [recalled], and check the result: ${quoted}`,
    };
  }
  if (overLong.length > 0)
    return {
      why: `not in the script: ${overLong[0]!.replace(': check that your release accepts it', ', so the ASA may refuse the line: check that your release accepts it')} (see "Needs your input")`,
      what: `the fix makes a value longer than the ASA is recalled to take: shorten it (or check that your release takes it), then enter it: ${quoted}`,
    };
  return null;
}

class Composer {
  private readonly globals: string[] = [];
  private readonly webvpn: string[] = [];
  private readonly customRenames: Array<Extract<Remedy, { kind: 'rename-custom-type' }>> = [];
  /** Entries added to access-lists, by list: the lines and the profiles whose findings ask for them. */
  private readonly listFixes = new Map<string, { lines: string[]; requesters: Set<string>; findings: ReportedFinding[] }>();
  /** Selected findings the plan leaves alone, and why (a fix that would reach other profiles, a rename that clashes, a profile on its way out). */
  private readonly held = new Map<ReportedFinding, string>();
  private readonly policyFixes = new Map<string, PolicyFix>();
  private readonly tunnelGroupLines = new Map<string, Map<string, string[]>>();
  private readonly aliasRenames = new Map<string, Map<string, string>>();
  private readonly recreated = new Map<string, string>();
  /** Profiles on their way out: an earlier plan made their copy (see existingCopies in remedy.ts); no other copy is made, the move is a later step. */
  private readonly leaving = new Map<string, string>();
  /** Findings whose alias fix a move to an existing copy makes instead (the alias is renamed as it moves). */
  private readonly aliasFindings = new Map<string, ReportedFinding[]>();
  private readonly claimed = new Set<string>();
  private readonly notes: string[] = [];
  private readonly needsInput: NeedsInputItem[] = [];
  /** Copied lines held out of the paste (a `?`), as the commands the user types after it: the state the proof judges. */
  private readonly typedLater: string[] = [];
  /** Profiles the selected findings name, and the copies the plan creates. */
  readonly named = new Set<string>();
  private readonly model: DeviceModel;
  private readonly profiles: Map<string, ResolvedProfile>;
  private readonly affectedCache = new Map<PolicyFix, Set<string>>();

  constructor(
    private readonly before: DeviceSnapshot,
    private readonly scope: 'narrow' | 'shared',
  ) {
    this.model = before.analysed.model;
    this.profiles = new Map(before.analysed.resolved.profiles.map((p) => [p.name, p]));
  }

  /**
   * Lines of the configuration that name `list` other than its own entries and split-tunnel lists
   * (`route-map ... match ip address`, `access-group`, a crypto map): at most three, with their lines,
   * from the model's index.
   */
  private otherUsesOf(list: string): string[] {
    return this.model.global.accessListUses.of(list).map((u) => `\`${u.text}\`, line ${u.line}`);
  }

  /** A copied policy line with a custom attribute type this plan renames, under the new name (the rename's switches reach only existing policies). */
  private renamedType(line: string): string {
    const words = tokenize(line);
    const rename = words[0] === 'anyconnect-custom' ? this.customRenames.find((r) => r.from === words[1]) : undefined;
    return rename === undefined ? line : line.replace(/^anyconnect-custom\s+\S+/, `anyconnect-custom ${rename.to}`);
  }

  /**
   * Why renaming custom attribute type `from` to `to` would merge two things into one (null: it would
   * not): a data name `to` already holds, or another renamed type brings (its lines would append to
   * the other's, one base64 blob after another), or a group-policy or DAP record that assigns both
   * types (it can keep only one value).
   */
  private renameClash(from: string, to: string): string | null {
    // Every other type this plan renames to `to` would end up there too.
    const others = this.pendingRenames.filter((r) => r.remedy.to === to && r.remedy.from !== from).map((r) => r.remedy.from);
    return customTypeRenameClash(this.model, from, to, others);
  }

  private readonly pendingRenames: Array<{ remedy: Extract<Remedy, { kind: 'rename-custom-type' }>; findings: ReportedFinding[] }> = [];

  /**
   * The custom type renames the plan makes: each is checked against all the others into the same
   * type, so two renames that would merge are both held, not the later one alone (the earlier one
   * would already have picked a value for a policy that assigns both).
   */
  private settleRenames(): void {
    for (const { remedy, findings } of this.pendingRenames) {
      const clash = this.renameClash(remedy.from, remedy.to);
      if (clash !== null) {
        for (const f of findings) this.held.set(f, `not renamed by this plan: ${clash}; rename it by hand`);
        continue;
      }
      this.customRenames.push(remedy);
      // The profiles that use the type change with it: that is the fix, not collateral.
      for (const p of this.profiles.values()) if (p.customAttributes.has(remedy.from)) this.named.add(p.name);
    }
  }

  /**
   * Profiles to rename (whatever the selection) whose copy an earlier plan made: the rest of their
   * fixes wait with them (see add).
   */
  findExistingCopies(findings: readonly ReportedFinding[]): void {
    const originals = [...new Set(findings.flatMap((f) => (f.remedy?.kind === 'recreate-profile' ? [f.remedy.tunnelGroup] : [])))];
    for (const [original, copy] of existingCopies(this.model, originals)) this.leaving.set(original, copy);
  }

  /** `followUp`: a finding this plan itself brings, fixed in the same plan (see planDevice), whoever it is on. */
  add(remedy: Remedy, f: ReportedFinding, followUp = false): void {
    if (f.tunnelGroup !== null) this.named.add(f.tunnelGroup);
    // A profile whose copy exists is on its way out: its other findings stay with it, as the first plan
    // left them. Not one the plan brings there itself: that would be a new finding the plan left behind.
    const goingTo = f.tunnelGroup === null || followUp ? undefined : this.leaving.get(f.tunnelGroup);
    if (goingTo !== undefined && remedy.kind !== 'recreate-profile' && remedy.kind !== 'replace-alias') {
      this.held.set(f, leavingWhy(f.tunnelGroup!, goingTo));
      return;
    }
    // A fix whose lines cannot be pasted as they are waits for the user, with its lines. A new alias
    // it names is claimed all the same, so no name this plan makes takes it.
    let unpastable = unpastableFix(f);
    if (unpastable !== null && remedy.kind === 'replace-alias') {
      const alias = this.claim(remedy.newAlias);
      const lines = [
        `tunnel-group ${cliName(remedy.tunnelGroup)} webvpn-attributes`,
        ` group-alias ${cliName(alias)} enable`,
        ` no group-alias ${cliName(remedy.alias)}`,
      ];
      const typed = unpastableFix(f, lines)!;
      unpastable = {
        why: typed.why,
        what: `${typed.what}; links and client profiles that name the old alias (an anyconnect:// link's prefill_group_list) stop working: update them`,
      };
    }
    if (unpastable !== null) {
      this.held.set(f, unpastable.why);
      if (!this.needsInput.some((n) => n.what === unpastable.what)) {
        const step = { ...item(f), what: unpastable.what };
        this.needsInput.push(step);
        this.typedSteps.set(f, step);
      }
      return;
    }
    switch (remedy.kind) {
      case 'policy': {
        const key = JSON.stringify([remedy.policy, remedy.mode, remedy.lines]);
        const fix = this.policyFixes.get(key) ?? {
          policy: remedy.policy,
          create: remedy.create,
          mode: remedy.mode,
          lines: remedy.lines,
          requesters: new Set<string>(),
        };
        if (remedy.profile !== null) fix.requesters.add(remedy.profile);
        this.policyFixes.set(key, fix);
        return;
      }
      case 'lines': {
        // Entries for a split-tunnel list: every profile whose tunnel the list defines gets them.
        const list = splitListOf(remedy.lines);
        if (list === null) {
          pushNew(this.globals, remedy.lines);
          return;
        }
        const fix = this.listFixes.get(list) ?? { lines: [], requesters: new Set<string>(), findings: [] };
        pushNew(fix.lines, remedy.lines);
        if (f.tunnelGroup !== null) fix.requesters.add(f.tunnelGroup);
        fix.findings.push(f);
        this.listFixes.set(list, fix);
        return;
      }
      case 'block': {
        if (remedy.then !== undefined && !this.notes.includes(remedy.then)) this.notes.push(remedy.then);
        const [first, name, kind] = tokenize(remedy.header);
        if (first === 'tunnel-group' && name && kind)
          this.tunnelGroupBlock(name, kind).push(...remedy.lines.filter((l) => !this.tunnelGroupBlock(name, kind).includes(l)));
        else if (remedy.header === 'webvpn') pushNew(this.webvpn, remedy.lines);
        else pushNew(this.globals, [remedy.header, ...remedy.lines.map((l) => ` ${l}`)]);
        return;
      }
      case 'rename-custom-type': {
        // Settled together when the plan is composed: whether one rename clashes depends on the others.
        const pending = this.pendingRenames.find((r) => r.remedy.from === remedy.from);
        if (pending) pending.findings.push(f);
        else this.pendingRenames.push({ remedy, findings: [f] });
        return;
      }
      case 'replace-alias': {
        this.aliasFindings.set(remedy.tunnelGroup, [...(this.aliasFindings.get(remedy.tunnelGroup) ?? []), f]);
        const renames = this.aliasRenames.get(remedy.tunnelGroup) ?? new Map<string, string>();
        if (renames.has(remedy.alias)) return;
        renames.set(remedy.alias, this.claim(remedy.newAlias));
        this.aliasRenames.set(remedy.tunnelGroup, renames);
        return;
      }
      case 'recreate-profile': {
        if (this.recreated.has(remedy.tunnelGroup)) return;
        // Planned again after an earlier plan's paste: its copy is there; another would be one more profile.
        const existing = this.leaving.get(remedy.tunnelGroup);
        if (existing !== undefined) {
          this.held.set(
            f,
            `its copy ${existing} exists already: this plan makes no other (${existing} is taken for it: a name made from its name, and its lines or the ways in it no longer has); move the users of ${remedy.tunnelGroup} there (the lines are under "Needs your input" when any are left), then remove ${remedy.tunnelGroup} (\`clear configure tunnel-group ${cliName(remedy.tunnelGroup)}\`)`,
          );
          return;
        }
        const newName = this.claim(remedy.newName);
        this.recreated.set(remedy.tunnelGroup, newName);
        this.named.add(newName);
        return;
      }
    }
  }

  /** Steps to type by hand (a fix holding `?`), by the finding they stand for. */
  private readonly typedSteps = new Map<ReportedFinding, NeedsInputItem>();

  /**
   * Steps to type by hand, made whole: a profile renamed by hand takes its aliases to the copy under
   * safe names, so an alias step of the same profile would only add a clashing name to the one going
   * away; and a copy typed by hand needs the group-policy this plan's script gives the original.
   */
  private settleTypedSteps(ownPolicy: ReadonlyMap<string, string>): void {
    const renamedByHand = new Set([...this.typedSteps.keys()].filter((f) => f.remedy?.kind === 'recreate-profile').map((f) => f.tunnelGroup));
    for (const [f, step] of this.typedSteps) {
      if (f.remedy?.kind === 'replace-alias' && renamedByHand.has(f.tunnelGroup)) {
        this.needsInput.splice(this.needsInput.indexOf(step), 1);
        this.held.set(
          f,
          `not in the script: the rename of ${f.tunnelGroup!}, typed by hand too (see "Needs your input"), gives the copy a safe alias in its place`,
        );
      }
      const own = f.remedy?.kind === 'recreate-profile' && f.tunnelGroup !== null ? ownPolicy.get(f.tunnelGroup) : undefined;
      if (own !== undefined)
        step.what += `; the script gives ${f.tunnelGroup!} its own group-policy ${own}: give the copy \`default-group-policy ${cliName(own)}\` under its general-attributes too`;
    }
  }

  private tunnelGroupBlock(name: string, kind: string): string[] {
    const blocks = this.tunnelGroupLines.get(name) ?? new Map<string, string[]>();
    this.tunnelGroupLines.set(name, blocks);
    const lines = blocks.get(kind) ?? [];
    blocks.set(kind, lines);
    return lines;
  }

  /** A name nothing on the device, and nothing this plan created, uses. */
  private claim(wanted: string): string {
    const name = unusedName(this.model, wanted, this.claimed);
    this.claimed.add(name);
    return name;
  }

  /** The profiles whose effective settings change when these lines go into this policy (asked again and again while composing). */
  private affected(fix: PolicyFix): Set<string> {
    let out = this.affectedCache.get(fix);
    if (out === undefined) {
      out = this.profilesAffected(fix);
      this.affectedCache.set(fix, out);
    }
    return out;
  }

  private profilesAffected(fix: PolicyFix): Set<string> {
    // A policy other than DfltGrpPolicy reaches exactly the profiles that use it.
    if (fix.policy !== DEFAULT_GROUP_POLICY) return new Set(this.profilesByPolicy().get(fix.policy) ?? []);
    const keys = fix.lines.map((l) => policyKey(fix.mode, tokenize(l)));
    const out = new Set<string>();
    for (const p of this.profiles.values()) {
      const inherits = keys.some((k) => {
        if (k === null || k.startsWith('other ')) return p.groupPolicy === DEFAULT_GROUP_POLICY;
        const e = k.startsWith('custom ') ? p.customAttributes.get(k.slice(7)) : p.attributes[k.replace(/^\+/, '') as keyof typeof p.attributes];
        return e === undefined ? p.groupPolicy === DEFAULT_GROUP_POLICY : e.from === 'DfltGrpPolicy' || e.from === 'default';
      });
      if (inherits) out.add(p.name);
    }
    return out;
  }

  private byPolicy: Map<string, string[]> | null = null;
  private siteToSite: Array<{ name: string; own: string }> | null = null;

  /**
   * Whether an internal group-policy other than DfltGrpPolicy reaches this profile alone: no other
   * profile names it, no site-to-site tunnel-group, no local user's vpn-group-policy.
   */
  private usedByAlone(policy: string, profile: string): boolean {
    if (policy === DEFAULT_GROUP_POLICY || this.model.groupPolicies.get(policy)?.type !== 'internal') return false;
    const users = this.profilesByPolicy().get(policy) ?? [];
    if (users.length !== 1 || users[0] !== profile) return false;
    // Who else names each policy (every tunnel-group, site-to-site included, and local users): counted once.
    if (this.namers === null) {
      this.namers = new Map();
      const count = (p: string): void => void this.namers!.set(p, (this.namers!.get(p) ?? 0) + 1);
      for (const tg of this.model.tunnelGroups.values()) if (tg.general.defaultGroupPolicy.state === 'value') count(tg.general.defaultGroupPolicy.value);
      for (const u of this.model.users.values()) if (u.vpnGroupPolicy.state === 'value') count(u.vpnGroupPolicy.value);
    }
    // The profile itself is one of them.
    return (this.namers.get(policy) ?? 0) === 1;
  }

  private namers: Map<string, number> | null = null;

  private profilesByPolicy(): Map<string, string[]> {
    if (this.byPolicy === null) {
      this.byPolicy = new Map();
      for (const p of this.profiles.values()) (this.byPolicy.get(p.groupPolicy) ?? this.byPolicy.set(p.groupPolicy, []).get(p.groupPolicy)!).push(p.name);
    }
    return this.byPolicy;
  }

  /**
   * Site-to-site tunnel-groups a policy fix reaches: they are no connection profile, but their
   * group-policy's session attributes (idle and session timeouts, tunnel protocols) apply to them too.
   */
  private siteToSiteReached(fix: PolicyFix): string[] {
    // Site-to-site tunnel-groups and their policies, found once (most headends have few or none).
    // DefaultL2LGroup is site-to-site without a `type` line (built in): configured, it takes peers no other tunnel-group names.
    this.siteToSite ??= [...this.model.tunnelGroups.values()]
      .filter((tg) => {
        const type = tg.type ?? builtInTunnelGroupType(tg.name);
        return type !== null && !REMOTE_ACCESS_TYPES.has(type);
      })
      .map((tg) => ({ name: tg.name, own: tg.general.defaultGroupPolicy.state === 'value' ? tg.general.defaultGroupPolicy.value : DEFAULT_GROUP_POLICY }));
    if (this.siteToSite.length === 0) return [];
    const session = sessionLines(fix).map((s) => s.key);
    if (session.length === 0) return [];
    const out: string[] = [];
    for (const tg of this.siteToSite) {
      const own = tg.own;
      const policy = this.model.groupPolicies.get(own);
      // DfltGrpPolicy reaches the tunnel for an attribute its own policy leaves unset.
      const reached =
        own === fix.policy || (fix.policy === DEFAULT_GROUP_POLICY && session.some((k) => policy === undefined || policy.attributes[k].state === 'unset'));
      if (reached) out.push(tg.name);
    }
    return out.sort(cmp);
  }

  /**
   * The group-policies no profile uses (a local user, a RADIUS class or an LDAP map hands them out)
   * that inherit what a DfltGrpPolicy fix sets: their users get it too. Such a user's policy ranks
   * above any profile's, so a policy of the profile's own would not spare them: a note says so.
   */
  private inheritingUnused(fix: PolicyFix): string[] {
    const out: string[] = [];
    if (fix.policy === DEFAULT_GROUP_POLICY) {
      const used = new Set([...this.profiles.values()].map((p) => p.groupPolicy));
      const keys = fix.lines.map((l) => policyKey(fix.mode, tokenize(l))?.replace(/^\+/, '') ?? null);
      for (const gp of this.model.groupPolicies.values()) {
        if (gp.name === DEFAULT_GROUP_POLICY || gp.type === 'external' || used.has(gp.name)) continue;
        const inherits = keys.some((k) => {
          if (k === null || k.startsWith('other ')) return false;
          const s = k.startsWith('custom ') ? gp.customAttributes.get(k.slice(7)) : gp.attributes[k as keyof typeof gp.attributes];
          return s === undefined || s.state === 'unset';
        });
        if (inherits) out.push(gp.name);
      }
    }
    return out.sort(cmp);
  }

  /** Profiles that get a policy of their own so a fix reaches them and nobody else (narrow scope). */
  private dedicatedProfiles(): Set<string> {
    const dedicated = new Set<string>();
    if (this.scope === 'shared') return dedicated;
    const fixes = [...this.policyFixes.values()].filter((f) => !f.create && this.model.groupPolicies.get(f.policy)?.type !== 'external');
    for (let changed = true; changed;) {
      changed = false;
      for (const fix of fixes) {
        const reaches = [...this.affected(fix)].filter((p) => !dedicated.has(p));
        if (reaches.every((p) => fix.requesters.has(p)) && this.siteToSiteReached(fix).length === 0) continue;
        for (const r of fix.requesters) {
          if (dedicated.has(r) || !this.profiles.has(r)) continue;
          dedicated.add(r);
          changed = true;
        }
      }
    }
    return dedicated;
  }

  /**
   * Copied lines holding `?` come out of the paste: pasted, a `?` asks the CLI for help [recalled] and
   * the rest of the paste lands on that line. They are typed by hand after it, with every copied line
   * of the same setting (banner lines add up in order: typing one of them later would reorder them);
   * a line the plan's own fix replaces is not copied at all, so it is not held either.
   */
  private holdHelpLines(policy: string, e: PolicyEdit): void {
    const fixed = fixedKeys(e);
    const keyOf = (c: PolicyEdit['copied'][number]): string => `${c.mode} ${policyKey(c.mode, tokenize(c.text)) ?? c.text}`;
    const help = new Set(e.copied.filter((c) => c.text.includes('?') && !fixed.has(policyKey(c.mode, tokenize(c.text)))).map(keyOf));
    if (help.size === 0) return;
    const held = e.copied.filter((c) => help.has(keyOf(c)));
    e.copied = e.copied.filter((c) => !help.has(keyOf(c)));
    const from = held[0]!.from!;
    const lines = held.map((c) => `\`${c.mode === 'webvpn' ? 'webvpn' + ': ' : ''}${c.text}\``);
    const attributes = held.filter((c) => c.mode === 'attributes').map((c) => ` ${c.text}`);
    const webvpn = held.filter((c) => c.mode === 'webvpn').map((c) => `  ${c.text}`);
    this.typedLater.push(`group-policy ${cliName(policy)} attributes`, ...attributes, ...(webvpn.length > 0 ? [' webvpn', ...webvpn] : []));
    const fromLines = held.map((c) => c.from?.line).filter((l): l is number => l !== undefined);
    this.needsInput.push({
      ruleId: 'plan',
      tunnelGroup: from.profile,
      groupPolicy: policy,
      what: `after the paste, type by hand in group-policy ${policy} (\`group-policy ${cliName(policy)} attributes\`${held.some((c) => c.mode === 'webvpn') ? ', then `webvpn` for the lines marked so' : ''}), in this order, the line${held.length === 1 ? '' : 's'} ${from.policy} has there (line${fromLines.length === 1 ? '' : 's'} ${fromLines.join(', ')}): ${lines.join(', ')}; ${held.length === 1 ? 'it holds' : 'they include one holding'} \`?\`, which the ASA CLI reads as a request for help when pasted [recalled] (on Cisco CLIs, Ctrl-V before the \`?\` types it); until then ${from.profile} gets ${policy} without ${held.length === 1 ? 'it' : 'them'}`,
    });
  }

  compose(): {
    script: string;
    /** The spelling corrections alone (custom attribute types): what the device meant all along. */
    corrections: string;
    unasked: Set<string>;
    renamed: Map<string, string>;
    /** Profiles on their way out: an earlier plan made their copy (original → copy). */
    leaving: Map<string, string>;
    /** Profiles this plan gives a group-policy of their own, and its name. */
    ownPolicy: Map<string, string>;
    named: Set<string>;
    held: Map<ReportedFinding, string>;
    notes: string[];
    needsInput: NeedsInputItem[];
    /** The held `?` lines as typed after the paste (mode lines included), or ''. */
    typedLater: string;
  } {
    this.settleRenames();
    const dedicated = this.dedicatedProfiles();
    // A profile whose policy is its own already (no other profile, site-to-site tunnel or local user
    // uses it) takes the fix there: a copy would change nothing more for others and orphan the policy.
    const alone = new Map<string, string>();
    for (const name of dedicated) {
      const policy = this.profiles.get(name)!.groupPolicy;
      if (this.usedByAlone(policy, name)) alone.set(name, policy);
    }
    for (const name of alone.keys()) dedicated.delete(name);
    const edits = new Map<string, PolicyEdit>();
    const editOf = (policy: string, create: boolean): PolicyEdit => {
      const e = edits.get(policy) ?? { create, copied: [], attributes: [], webvpn: [] };
      edits.set(policy, e);
      return e;
    };
    const ownPolicy = new Map<string, string>();
    for (const name of [...dedicated].sort(cmp)) {
      const profile = this.profiles.get(name)!;
      const own = this.claim(ownPolicyBase(name));
      ownPolicy.set(name, own);
      const base = this.model.groupPolicies.get(profile.groupPolicy);
      const edit = editOf(own, true);
      if (profile.groupPolicy !== DEFAULT_GROUP_POLICY && base) {
        for (const l of base.lines) {
          if (holdsSecret(l.text)) {
            this.needsInput.push({
              ruleId: 'plan',
              tunnelGroup: name,
              groupPolicy: own,
              what: `re-enter \`${l.text.split(' ')[0]!} ...\` (line ${l.line}) in group-policy ${own}: the tool never copies secrets`,
            });
            continue;
          }
          edit.copied.push({ mode: l.mode, text: this.renamedType(l.text), from: { policy: profile.groupPolicy, line: l.line, profile: name } });
        }
      }
      this.tunnelGroupBlock(name, 'general-attributes').unshift(`default-group-policy ${cliName(own)}`);
      // A recreated profile's policy goes to its copy (the original keeps its policy until it is removed).
      const copy = this.recreated.get(name);
      // The policy is the copy's alone: a lock to the original (its own or DfltGrpPolicy's) would refuse
      // every user the copy takes, so it locks to the copy (nobody reaches the copy before users move).
      if (copy !== undefined && valueOf(profile.attributes.groupLock) === name) {
        edit.copied = edit.copied.filter((l) => !(l.mode === 'attributes' && tokenize(l.text)[0] === 'group-lock'));
        edit.attributes.push(`group-lock value ${cliName(copy)}`);
      }
      const holder = copy === undefined ? 'it' : `its copy ${copy}`;
      // A local user whose own vpn-group-policy is the original keeps it on every profile (it ranks
      // above the profile's policy): the copy's fixes do not reach that user.
      const keepers = [...this.model.users.values()]
        .filter((u) => profile.groupPolicy !== DEFAULT_GROUP_POLICY && u.vpnGroupPolicy.state === 'value' && u.vpnGroupPolicy.value === profile.groupPolicy)
        .map((u) => u.name)
        .sort(cmp);
      if (keepers.length > 0)
        this.notes.push(
          `Local user${keepers.length === 1 ? '' : 's'} ${keepers.join(', ')} ${keepers.length === 1 ? 'has' : 'have'} vpn-group-policy ${profile.groupPolicy}, which ranks above a profile's policy: on ${name} the fixes in ${own} reach ${keepers.length === 1 ? 'that user' : 'them'} only for settings ${profile.groupPolicy} leaves unset; where ${profile.groupPolicy} sets one itself, ${keepers.length === 1 ? 'the user keeps' : 'they keep'} its value (point ${keepers.length === 1 ? 'the user' : 'them'} at ${own}, or use \`--scope shared\`).`,
        );
      this.notes.push(
        profile.groupPolicy === DEFAULT_GROUP_POLICY
          ? `${name} uses DfltGrpPolicy: ${holder} gets its own group-policy ${own} (inheriting everything else from DfltGrpPolicy), so no other profile changes. \`--scope shared\` changes DfltGrpPolicy instead.`
          : `${name} shares group-policy ${profile.groupPolicy} with profiles that did not ask for these fixes: ${holder} gets its own copy of ${profile.groupPolicy}, ${own}, so no other profile changes. \`--scope shared\` changes ${profile.groupPolicy} instead.`,
      );
    }
    // Profiles a shared fix reaches without having asked for it (listed as collateral with --scope shared).
    const direct: PolicyFix[] = [];
    for (const fix of this.policyFixes.values()) {
      const mine = [...fix.requesters].filter((r) => ownPolicy.has(r));
      for (const r of mine) setAttributes(editOf(ownPolicy.get(r)!, true)[fix.mode], fix.mode, fix.lines);
      const inOwn = [...fix.requesters].filter((r) => alone.has(r));
      for (const r of inOwn) setAttributes(editOf(alone.get(r)!, false)[fix.mode], fix.mode, fix.lines);
      if (mine.length + inOwn.length < fix.requesters.size || fix.requesters.size === 0) {
        setAttributes(editOf(fix.policy, fix.create)[fix.mode], fix.mode, fix.lines);
        direct.push(fix);
      }
    }
    for (const policy of [...new Set(direct.map((f) => f.policy))].sort(cmp)) {
      // A local user's own vpn-group-policy applies whatever profile the user connects with.
      const users = [...this.model.users.values()]
        .filter((u) => u.vpnGroupPolicy.state === 'value' && u.vpnGroupPolicy.value === policy)
        .map((u) => u.name)
        .sort(cmp);
      if (users.length > 0)
        this.notes.push(
          `group-policy ${policy}, which this plan changes, is the vpn-group-policy of local user${users.length === 1 ? '' : 's'} ${users.join(', ')}: the change reaches ${users.length === 1 ? 'that user' : 'those users'} on every profile they connect with.`,
        );
    }
    // Policies no profile uses that inherit a DfltGrpPolicy change: one note for all of its lines.
    const inheritedBy = new Map<string, Set<string>>();
    for (const fix of direct.filter((f) => f.policy === DEFAULT_GROUP_POLICY))
      for (const p of this.inheritingUnused(fix)) inheritedBy.set(p, new Set([...(inheritedBy.get(p) ?? []), ...fix.lines]));
    for (const [policy, lines] of [...inheritedBy].sort(([a], [b]) => cmp(a, b)))
      this.notes.push(
        `Group-policy ${policy}, which no connection profile uses, inherits this plan's change to DfltGrpPolicy (${[...lines].sort(cmp).join(', ')}): if a local user, a RADIUS class or an LDAP attribute map hands it out, its users get the change too, on the profiles whose own policy leaves it unset.`,
      );
    for (const fix of direct) {
      const tunnels = this.siteToSiteReached(fix);
      if (tunnels.length > 0)
        this.notes.push(
          `group-policy ${fix.policy}'s session settings in this plan (${sessionLines(fix)
            .map((s) => s.line)
            .join(
              ', ',
            )}) also apply to site-to-site tunnel-group${tunnels.length === 1 ? '' : 's'} ${tunnels.join(', ')}, which the tool does not audit: ${tunnels.length === 1 ? 'it changes' : 'they change'} too.`,
        );
    }
    // A profile a shared fix reaches gets it unasked, unless its own policy sets that attribute in this plan.
    const unasked = new Set<string>();
    for (const fix of direct) {
      const keys = new Set(fix.lines.map((l) => policyKey(fix.mode, tokenize(l))));
      for (const p of this.affected(fix)) {
        if (fix.requesters.has(p) || ownPolicy.has(p) || alone.has(p)) continue;
        const own = edits.get(this.profiles.get(p)?.groupPolicy ?? '');
        const setsItself = own !== undefined && own !== edits.get(fix.policy) && own[fix.mode].some((l) => keys.has(policyKey(fix.mode, tokenize(l))));
        if (!setsItself) unasked.add(p);
      }
    }

    const chunks: string[] = [];
    // 1. Global lines, then the global webvpn (declarations before the policies that use them).
    const profilePolicies = new Set([...this.profiles.values()].map((p) => p.groupPolicy));
    // Who uses each list, found once (a large configuration has hundreds of lists and profiles).
    const outsideByList = listUsesOutsideProfiles(this.model, profilePolicies);
    const profilesByList = new Map<unknown, ResolvedProfile[]>();
    for (const p of this.profiles.values()) {
      const list = valueOf(p.attributes.splitTunnelNetworkList as Effective<unknown>);
      (profilesByList.get(list) ?? profilesByList.set(list, []).get(list)!).push(p);
    }
    for (const [list, fix] of [...this.listFixes].sort(([a], [b]) => cmp(a, b))) {
      // A fix left out of the plan: its findings remain with why, and the notes say so.
      const hold = (why: string): void => {
        for (const f of fix.findings) this.held.set(f, why);
        this.notes.push(`Not in this plan: ${why}.`);
      };
      const others = (profilesByList.get(list) ?? [])
        .filter((p) => !fix.requesters.has(p.name))
        // A profile that tunnels everything ignores its list: the entries change nothing for it.
        .filter((p) => !['tunnelall', null].includes(valueOf(p.attributes.splitTunnelPolicy as Effective<unknown>) as string | null))
        .map((p) => p.name)
        .sort(cmp);
      // A profile that uses the list to exclude networks would send the added servers outside its
      // tunnel: no scope makes that safe, so the fix waits for a list of its own.
      const outside = outsideByList.get(list) ?? [];
      const excluders = [
        ...others.filter((name) => valueOf(this.profiles.get(name)?.attributes.splitTunnelPolicy as Effective<unknown>) === 'excludespecified'),
        ...outside.filter((u) => u.policy === 'excludespecified').map((u) => u.who),
      ];
      // Policies no profile uses (assigned by RADIUS or to local users) and users with their own list
      // tunnel by it too: a narrow plan leaves it alone, a shared one says whom else it changes.
      const alsoTunnelling = outside.filter((u) => u.policy === 'tunnelspecified').map((u) => u.who);
      if (excluders.length > 0) {
        hold(
          `access-list ${list} is also the exclude list (split-tunnel-policy excludespecified) of ${excluders.join(', ')}: adding the DNS servers to it would take them out of the tunnel there; give the policy its own split-tunnel list first`,
        );
        continue;
      }
      // The list may serve more than split tunnelling (a route-map's `match ip address`, an
      // access-group): entries added for phones change what those match too.
      const uses = this.otherUsesOf(list);
      if (uses.length > 0) {
        const what = `access-list ${list} is also used outside split tunnelling (${uses.join('; ')})`;
        if (this.scope === 'narrow') {
          hold(`${what}: adding to it would change those too; \`--scope shared\` adds the entries anyway (and says so)`);
          continue;
        }
        this.notes.push(`${what}: the entries this plan adds change what those match too; the tool does not simulate them.`);
      }
      if (this.scope === 'narrow' && others.length + alsoTunnelling.length > 0) {
        hold(
          `access-list ${list} is also the split-tunnel list of ${[...others, ...alsoTunnelling].join(', ')}: adding to it would change their tunnels too; \`--scope shared\` adds the entries to the shared list (those profiles then listed as collateral)`,
        );
        continue;
      }
      if (alsoTunnelling.length > 0)
        this.notes.push(
          `access-list ${list} is also the split-tunnel list of ${alsoTunnelling.join(', ')}, which no connection profile names: the entries this plan adds change their tunnels too.`,
        );
      pushNew(this.globals, fix.lines);
    }
    chunks.push(this.globals.join('\n'));
    if (this.webvpn.length > 0) chunks.push(['webvpn', ...this.webvpn.map((l) => ` ${l}`)].join('\n'));
    const renames = this.customRenames.map((r) => ({ to: r.to, ...renameCustomType(this.model, r.from, r.to) }));
    const corrections = this.customRenames.map((r) => renderRemedy(this.model, r).cli).join('\n');
    // Each new type declared once (two misspellings of `perapp` both declare it), before any data.
    const declarations = new Map<string, string>();
    for (const r of renames) if (r.declaration !== null && !declarations.has(r.to)) declarations.set(r.to, r.declaration);
    chunks.push([...underWebvpn([...declarations.values()]), ...renames.flatMap((r) => r.data)].join('\n'), renames.flatMap((r) => r.switches).join('\n'));
    // 2. Group-policies: created before any profile points at them.
    for (const [policy, e] of [...edits].sort(([a], [b]) => cmp(a, b))) {
      this.holdHelpLines(policy, e);
      chunks.push(renderPolicyEdit(policy, e));
    }
    // 3. Existing profiles (a recreated profile's fixes go to its copy).
    for (const [name, blocks] of [...this.tunnelGroupLines].sort(([a], [b]) => cmp(a, b))) {
      for (const [kind, lines] of blocks) {
        if (lines.length > 0 && !this.recreated.has(name)) chunks.push([`tunnel-group ${cliName(name)} ${kind}`, ...lines.map((l) => ` ${l}`)].join('\n'));
      }
    }
    // A recreated profile's aliases that break clients move under a safe spelling even when their own
    // finding was not selected: the copy must not carry the problem forward.
    for (const tg of [...this.recreated.keys(), ...this.leaving.keys()]) {
      for (const a of this.model.tunnelGroups.get(tg)?.webvpn.groupAliases ?? []) {
        const renames = this.aliasRenames.get(tg) ?? new Map<string, string>();
        if (renames.has(a.name) || nameCharacters(a.name).breaking.length === 0) continue;
        renames.set(a.name, this.claim(safeName(a.name)));
        this.aliasRenames.set(tg, renames);
      }
    }
    for (const [tg, renames] of [...this.aliasRenames].sort(([a], [b]) => cmp(a, b))) {
      for (const [old, n] of renames) {
        const links = `links and client profiles that name the old alias (anyconnect://...?prefill_group_list=${encodeURIComponent(old)}) stop working: update them`;
        const copy = this.recreated.get(tg) ?? this.leaving.get(tg);
        this.notes.push(
          copy !== undefined
            ? this.leaving.has(tg) || copyBlockers(this.model, tg, copy).length > 0
              ? `group-alias ${old} of ${tg} becomes ${n} on its copy ${copy} when users move (see "Needs your input"); ${links} then.`
              : `group-alias ${old} of ${tg} becomes ${n} on its copy ${copy}; ${links}.`
            : `group-alias ${old} of ${tg} is replaced by ${n} (the new one is added first, then the old one removed); ${links}. To keep them working for a while, paste the \`no group-alias ${cliName(old)}\` line later.`,
        );
      }
      if (this.recreated.has(tg)) continue;
      // Renamed as it moves to the existing copy (the move is under "Needs your input").
      if (this.leaving.has(tg)) {
        for (const f of this.aliasFindings.get(tg) ?? [])
          this.held.set(f, `renamed when the users of ${tg} move to ${this.leaving.get(tg)!}, its copy (see "Needs your input")`);
        continue;
      }
      const lines = [...renames].flatMap(([old, n]) => [`group-alias ${cliName(n)} enable`, `no group-alias ${cliName(old)}`]);
      chunks.push([`tunnel-group ${cliName(tg)} webvpn-attributes`, ...lines.map((l) => ` ${l}`)].join('\n'));
    }
    // 4. Recreated profiles: the copy, its aliases and group-urls released by the original right before it takes them.
    // Their certificate-map lines come after all of them, behind a barrier: in one global webvpn
    // entered earlier, a map would name a copy that does not exist yet.
    const maps: string[] = [];
    for (const [old, newName] of this.recreated) {
      const extra = new Map(this.tunnelGroupLines.get(old) ?? []);
      const own = ownPolicy.get(old);
      if (own !== undefined)
        extra.set(
          'general-attributes',
          (extra.get('general-attributes') ?? []).filter((l) => !l.startsWith('default-group-policy')),
        );
      const r = recreateProfile(this.model, old, newName, { aliasRenames: this.aliasRenames.get(old), defaultGroupPolicy: own, extra, taken: this.claimed });
      // Certificate maps point at the copies once every copy exists (see `maps` below).
      chunks.push(r.parts?.copy ?? r.cli);
      if (r.parts !== undefined) maps.push(r.parts.maps);
      this.notes.push(
        r.entryPointsHeld
          ? `${old} is copied to ${newName}, but nothing sends users there yet: users on ${newName} would be refused or treated differently until the steps under "Needs your input" are done${r.move === undefined ? '' : ', which end with the lines that move them'}; remove ${old} once no user needs it (\`clear configure tunnel-group ${cliName(old)}\`).`
          : `${old} is copied to ${newName}, which takes its aliases, group-urls and certificate maps; remove ${old} once no user needs it (\`clear configure tunnel-group ${cliName(old)}\`).`,
      );
      const p = this.profiles.get(old);
      const item = { ruleId: 'profile-name-special-chars', tunnelGroup: newName, groupPolicy: own ?? p?.groupPolicy ?? null };
      for (const what of r.needsInput) this.needsInput.push({ ...item, what });
      // The move is a block to paste later.
      if (r.move !== undefined) this.needsInput.push({ ...item, what: r.move.what, cli: r.move.cli, rollback: r.move.undo });
    }
    // Profiles whose copy exists: only the move is left, as a later step.
    for (const [old, copy] of this.leaving) {
      const r = recreateProfile(this.model, old, copy, { aliasRenames: this.aliasRenames.get(old), taken: this.claimed, existing: true });
      const item = { ruleId: 'profile-name-special-chars', tunnelGroup: copy, groupPolicy: this.profiles.get(copy)?.groupPolicy ?? null };
      for (const what of r.needsInput) this.needsInput.push({ ...item, what });
      if (r.move !== undefined) this.needsInput.push({ ...item, what: r.move.what, cli: r.move.cli, rollback: r.move.undo });
    }
    // Old custom types go last, once nothing uses them: a barrier keeps them after everything else.
    // Every renamed type's data goes before any type: a type still holding data cannot be removed.
    const cleanup = stepsOf([...renames.flatMap((r) => r.dataRemovals), ...underWebvpn(renames.flatMap((r) => r.typeRemoval ?? []))].join('\n'));
    if (cleanup[0]) cleanup[0].barrier = true;
    const mapSteps = stepsOf(maps.join('\n'));
    if (mapSteps[0]) mapSteps[0].barrier = true;
    const steps = [...chunks.filter((c) => c !== '').flatMap(stepsOf), ...mapSteps, ...cleanup];
    this.settleTypedSteps(ownPolicy);
    return {
      script: renderSteps(steps, 'first'),
      ownPolicy,
      unasked,
      corrections,
      renamed: this.recreated,
      leaving: this.leaving,
      named: this.named,
      held: this.held,
      notes: this.notes.sort(cmp),
      needsInput: this.needsInput,
      typedLater: this.typedLater.join('\n'),
    };
  }
}

/** The keys of the attributes a policy edit's fixes set: copied lines of those keys are replaced. */
function fixedKeys(e: PolicyEdit): Set<string | null> {
  return new Set([...e.attributes.map((l) => policyKey('attributes', tokenize(l))), ...e.webvpn.map((l) => policyKey('webvpn', tokenize(l)))]);
}

function renderPolicyEdit(policy: string, e: PolicyEdit): string {
  const out: string[] = e.create ? [`group-policy ${cliName(policy)} internal`] : [];
  // A copied line the fixes replace is left out rather than written twice.
  const fixed = fixedKeys(e);
  const keep = (mode: 'attributes' | 'webvpn'): string[] =>
    e.copied.filter((c) => c.mode === mode && (c.text.startsWith('anyconnect profiles') || !fixed.has(policyKey(mode, tokenize(c.text))))).map((c) => c.text);
  const attributes = [...keep('attributes'), ...e.attributes];
  const webvpn = [...keep('webvpn'), ...e.webvpn];
  if (attributes.length + webvpn.length === 0) return out.join('\n');
  out.push(`group-policy ${cliName(policy)} attributes`, ...attributes.map((l) => ` ${l}`));
  if (webvpn.length > 0) out.push(' webvpn', ...webvpn.map((l) => `  ${l}`));
  return out.join('\n');
}

/** The access-list a remedy's lines add entries to, when that is all they do; else null. */
function splitListOf(lines: readonly string[]): string | null {
  const names = new Set(lines.map((l) => /^access-list (\S+) /.exec(l)?.[1] ?? null));
  const [only] = names;
  return names.size === 1 && only !== null && only !== undefined ? only : null;
}

/** Group-policy attributes that apply to site-to-site tunnels as well as to remote access [recalled]. */
const SITE_TO_SITE_ATTRIBUTES: ReadonlySet<string> = new Set(['vpnIdleTimeout', 'vpnSessionTimeout', 'vpnTunnelProtocol']);

/** The lines of a policy fix that set such a session attribute, with the attribute. */
function sessionLines(fix: PolicyFix): Array<{ line: string; key: keyof PolicyAttributes }> {
  const out: Array<{ line: string; key: keyof PolicyAttributes }> = [];
  for (const line of fix.lines) {
    const key = policyKey(fix.mode, tokenize(line))?.replace(/^\+/, '');
    if (key !== undefined && SITE_TO_SITE_ATTRIBUTES.has(key)) out.push({ line, key: key as keyof PolicyAttributes });
  }
  return out;
}

/**
 * Adds a fix's lines to a policy's block: a setting two fixes both write is entered once, with the
 * value of the later fix, as the ASA would keep it (split-dns: the union of both lists). Lines that
 * add up (`+` keys) are all kept.
 */
function setAttributes(into: string[], mode: 'attributes' | 'webvpn', lines: readonly string[]): void {
  for (const line of lines) {
    let l = line;
    const key = policyKey(mode, tokenize(l));
    if (key !== null && !key.startsWith('+')) {
      const earlier = into.findIndex((x) => x !== l && policyKey(mode, tokenize(x)) === key);
      if (earlier !== -1) {
        // Fixes only ever drop split-dns entries that are no domain name or add one that is missing:
        // two fixes' lists together are the union (and a list beats `none`), so both findings close.
        if (key === 'splitDns') l = unionOfSplitDns(into[earlier]!, l);
        into.splice(earlier, 1);
      }
    }
    if (!into.includes(l)) into.push(l);
  }
}

/** Two `split-dns` lines as one: the domains of both, in order, or `split-dns none` when neither lists any. */
function unionOfSplitDns(a: string, b: string): string {
  const domains = (l: string): string[] => {
    const w = tokenize(l);
    return w[1] === 'value' ? w.slice(2) : [];
  };
  const all = [...new Set([...domains(a), ...domains(b)])];
  return all.length === 0 ? b : `split-dns value ${all.join(' ')}`;
}

function pushNew(into: string[], lines: readonly string[]): void {
  for (const l of lines) if (!into.includes(l)) into.push(l);
}

/** Why a finding of a profile on its way out (its copy exists) is left alone. */
function leavingWhy(profile: string, copy: string): string {
  return `${profile} stays until you remove it (\`clear configure tunnel-group ${cliName(profile)}\`) once its users have moved to ${copy}, its copy`;
}

/**
 * The collateral said in words: profiles no selected finding names, and named ones a shared fix
 * changes in a setting their findings did not ask for (each said as what it is).
 */
function collateralNotes(collateral: readonly string[], named: ReadonlySet<string>): string[] {
  const unnamed = collateral.filter((n) => !named.has(n));
  const unasked = collateral.filter((n) => named.has(n));
  return [
    ...(unnamed.length > 0 ? [`These changes also reach profiles no selected finding names: ${unnamed.join(', ')} (see their changes below)`] : []),
    ...(unasked.length > 0
      ? [
          `These changes also change settings of ${unasked.join(', ')} that ${unasked.length === 1 ? 'its' : 'their'} selected findings do not ask for (see their changes below)`,
        ]
      : []),
  ];
}
