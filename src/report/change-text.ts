// Plain-text reports of `diff`, `what-if` and `plan`: per device, what changes for each connection
// profile (settings with where they come from, the iOS DNS outcome), then the findings.

import type { ReportedFinding } from '../audit/result.js';
import type { DeviceDiff, NotPlanned, PlanTarget, ProfileDiff } from '../change/result.js';
import { introducedParts } from '../change/result.js';
import { visibleLines } from '../common/control-chars.js';
import {
  copyWords,
  DEVICE_WIDE,
  deviceTitle,
  dnsChangeLines,
  hasOldSide,
  incompleteLines,
  notComparedWhy,
  plural,
  reachWords,
  removedReach,
  resolvedParts,
  goneHeading,
  findingTotals,
  goneWords,
  settingLine,
  type ChangeReportInput,
  undoHeading,
  pasteWhere,
  groupedRemains,
  UNSURE_HEADING,
  UNSEEN_HEADING,
  UNSEEN_OLD_HEADING,
  LOWERED_HEADING,
  loweredPrefix,
  unseenWords,
  NOT_PLANNED_HEADING,
  notPlannedWords,
} from './change-words.js';

/** `old`: a finding of the old side, whose line is the old file's (the device heading names the new one too). */
function findingLine(f: ReportedFinding, old = false): string {
  const where = [f.tunnelGroup, f.line !== null ? `${f.file !== null ? `${f.file} ` : old ? 'old ' : ''}line ${f.line}` : null].filter(Boolean).join(', ');
  return `${f.severity.padEnd(7)} ${f.ruleId}${where ? ` (${where})` : ''}: ${f.message}`;
}

/** `profiles`: the device's other profile entries (see reachWords). */
export function profileLines(p: ProfileDiff, indent: string, profiles: readonly ProfileDiff[] = []): string[] {
  const reach = reachWords(p, profiles);
  const out = [`${indent}${p.tunnelGroup}: ${p.status}${unseenWords(p)}${copyWords(p)}${reach ? `, ${reach}` : ''}`];
  if (p.status === 'removed') {
    const reached = removedReach(p);
    return reached === null ? out : [...out, `${indent}  ${reached}`];
  }
  const settings = hasOldSide(p) ? p.settings : [];
  for (const s of settings) out.push(`${indent}  ${settingLine(s)}`);
  for (const l of dnsChangeLines(hasOldSide(p) ? p.iosDns.old : null, p.iosDns.new)) out.push(`${indent}  ${l}`);
  return out;
}

function deviceLines(d: DeviceDiff): string[] {
  const out = [`${deviceTitle(d)}: ${d.old ?? '(none)'} → ${d.new ?? '(none)'}`];
  for (const l of incompleteLines(d)) out.push(`  ${l}`);
  if (!d.compared) return out;
  for (const l of d.linesNotRead) out.push(`  ${l.line !== null ? `line ${l.line}: ` : ''}not read: ${l.message}`);
  for (const l of d.inputWarnings) out.push(`  ${l.line !== null ? `line ${l.line}: ` : ''}warning: ${l.message}`);
  if (d.old === null || d.new === null) out.push(`  device ${d.old === null ? 'added' : 'removed'}`);
  for (const s of d.device) out.push(`  ${settingLine(s)}`);
  const changed = d.profiles.filter((p) => p.status !== 'unchanged');
  for (const p of changed) out.push(...profileLines(p, '  ', d.profiles));
  const same = d.profiles.length - changed.length;
  if (same > 0) out.push(`  ${plural(same, 'profile')} unchanged`);
  const { news: introduced, unseen: unseenOld } = introducedParts(d);
  if (introduced.length > 0) out.push(`  findings introduced (${introduced.length}):`, ...introduced.map((f) => `    ${findingLine(f)}`));
  if (unseenOld.length > 0) out.push(`  ${UNSEEN_OLD_HEADING} (${unseenOld.length}):`, ...unseenOld.map((f) => `    ${findingLine(f)}`));
  const { lowered } = d.findings;
  if (lowered.length > 0)
    out.push(
      `  ${LOWERED_HEADING} (${lowered.length}):`,
      ...lowered.map((l) => `    ${findingLine(l.finding).replace(/^\S+ */, `${l.finding.severity} ${loweredPrefix(l)} `)}`),
    );
  const { fixed, gone, unsure, unseen } = resolvedParts(d);
  if (fixed.length > 0) out.push(`  findings resolved (${fixed.length}):`, ...fixed.map((f) => `    ${findingLine(f, true)}`));
  if (unsure.length > 0) out.push(`  ${UNSURE_HEADING} (${unsure.length}):`, ...unsure.map((f) => `    ${findingLine(f, true)}`));
  if (gone.length > 0) out.push(`  ${goneHeading(d)} (${gone.length}):`, ...gone.map((f) => `    ${findingLine(f, true)}`));
  if (unseen.length > 0) out.push(`  ${UNSEEN_HEADING} (${unseen.length}):`, ...unseen.map((f) => `    ${findingLine(f, true)}`));
  return out;
}

export function renderDiffText(input: ChangeReportInput): string {
  const out: string[] = [];
  for (const p of input.problems ?? []) out.push(`${input.scriptFile ?? 'change'}:${p.line}: ${p.severity}: ${p.message}`);
  if ((input.problems ?? []).length > 0) out.push('');
  const changed = input.diffs.filter(isChanged);
  for (const d of changed) out.push(...deviceLines(d), '');
  const totals = findingTotals(input.diffs);
  const { introduced, resolved } = totals;
  const notCompared = input.diffs.filter((d) => !d.compared).length;
  const compared = input.diffs.length - notCompared;
  const changedCount = changedDevices(input.diffs);
  out.push(
    (changedCount === 0
      ? `no change to any connection profile (${plural(compared, 'device')} compared)`
      : `${plural(changedCount, 'device')} changed of ${compared}; findings: ${introduced} introduced, ${resolved} resolved${goneWords(totals)}`) +
      (notCompared > 0 ? `; ${plural(notCompared, 'device')} not compared ${notComparedWhy(input.diffs)}` : ''),
  );
  return `${visibleLines(out.join('\n'))}\n`;
}

/** Whether a device is shown: its configuration changed, or a side is not a whole configuration. */
export function isChanged(d: DeviceDiff): boolean {
  return d.incomplete.length > 0 || hasChange(d);
}

/** How many compared devices changed: an incomplete side alone (compared anyway) is no change. */
export function changedDevices(diffs: readonly DeviceDiff[]): number {
  return diffs.filter((d) => d.compared && hasChange(d)).length;
}

function hasChange(d: DeviceDiff): boolean {
  return (
    d.linesNotRead.length > 0 ||
    d.inputWarnings.length > 0 ||
    d.old === null ||
    d.new === null ||
    d.device.length > 0 ||
    d.profiles.some((p) => p.status !== 'unchanged') ||
    d.findings.introduced.length + d.findings.resolved.length > 0
  );
}

const RULE = '-'.repeat(60);

function targetTitle(t: PlanTarget): string {
  return `${t.hostname ?? t.source}${t.context ? ` [context ${t.context}]` : ''} (${t.source})`;
}

export function verdictLine(t: PlanTarget): string {
  const short = (why: string): string => (/ stays until you remove it/.test(why) ? 'an original profile stays until you remove it' : why.replace(/:.*$/, ''));
  const why = [...new Set(t.remains.map((r) => short(r.why)))];
  const also = t.alsoCloses.length > 0 ? ` (and ${t.alsoCloses.length} not selected: ${[...new Set(t.alsoCloses.map((c) => c.ruleId))].join(', ')})` : '';
  return `after this plan: ${plural(t.closes.length, 'finding')} closed${also}, ${t.remains.length} remain${t.remains.length > 0 ? ` (${why.join('; ')})` : ''}, ${t.introduced.length} new${t.restated.length > 0 ? ` (${t.restated.length} restated on a policy this plan makes, as today: see the notes)` : ''}${
    // Found once a misspelling is corrected: there today, so not new, but not closed either.
    t.revealed.length > 0 ? `, ${t.revealed.length} revealed (there today, hidden by a misspelling this plan corrects: see the notes)` : ''
  }`;
}

/** `notPlanned`: inputs that got no plan: named at the end, so a plan kept for review says what it leaves out. */
export function renderPlanText(targets: readonly PlanTarget[], notPlanned: readonly NotPlanned[] = []): string {
  const out: string[] = [];
  for (const t of targets) {
    out.push(`# ${targetTitle(t)}`, '');
    if (t.script === '')
      out.push(
        `Nothing to paste: ${
          t.remains.length > 0
            ? t.remains.some((r) => r.why.startsWith('held: '))
              ? 'this plan holds the fixes it could make (see why below)'
              : 'no selected finding has a fix this plan can make (see why below)'
            : t.needsInput.length > 0
              ? 'no selected finding has a configuration fix'
              : // (Nothing chosen at all: a rule with no finding here, or one --severity leaves out.)
                'no finding to fix here (none matches --rules / --severity, where given)'
        }.`,
        '',
      );
    else out.push(`${pasteWhere(t.script)} (between the lines):`, RULE, t.script, RULE, '');
    if (t.needsInput.length > 0) {
      out.push('Needs your input (not in the script):');
      for (const n of t.needsInput) {
        out.push(`  - ${n.ruleId}${n.tunnelGroup ? ` (${n.tunnelGroup})` : ''}: ${n.what}${n.cli === undefined ? '' : ':'}`);
        // Lines to paste later, as a block (indented under their item).
        if (n.cli !== undefined) out.push(...n.cli.split('\n').map((l) => `      ${l}`));
        if (n.rollback !== undefined) out.push(`    ${undoHeading(n)}:`, ...n.rollback.split('\n').map((l) => `      ${l}`));
      }
      out.push('');
    }
    if (t.notes.length > 0) out.push('Before you paste:', ...t.notes.map((n) => `  - ${n}`), '');
    out.push(verdictLine(t));
    for (const r of groupedRemains(t.remains))
      out.push(`  remains: ${r.ruleId}${r.tunnelGroup ? ` (${r.tunnelGroup})` : ''}${r.count > 1 ? ` (${r.count} findings)` : ''}: ${r.why}`);
    for (const f of t.introduced) out.push(`  NEW: ${findingLine(f)}`);
    for (const p of t.problems) out.push(`  not applied: script line ${p.line} \`${p.command}\`: ${p.message}`);
    out.push('');
    if (t.deviceChanges.length > 0) {
      out.push(`${DEVICE_WIDE}:`, ...t.deviceChanges.map((s) => `  ${settingLine(s)}`), '');
    }
    if (t.changes.length > 0) {
      out.push('What changes, per connection profile:');
      for (const p of t.changes) out.push(...profileLines(p, '  ', t.changes));
      out.push('');
    }
    if (t.rollback !== '') out.push('Rollback (paste to undo the whole plan):', RULE, t.rollback, RULE, '');
  }
  if (targets.length === 0 && notPlanned.length === 0) out.push('No configuration to plan for.');
  if (notPlanned.length > 0) out.push(`${NOT_PLANNED_HEADING}:`, ...notPlanned.map((n) => `  - ${notPlannedWords(n)}`));
  return `${visibleLines(out.join('\n').trimEnd())}\n`;
}
