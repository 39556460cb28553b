// `audit --format table` (the default human format; the name is a contract): per device, a readiness
// matrix (mobile profiles × checks), then one block per finding in ESLint's "stylish" manner — line,
// severity, message wrapped to the terminal, rule id — then what needs your input and the fixes.
// Identical findings on several profiles (one policy, many profiles) are shown once with all of them.

import { countBySeverity } from '../audit/result.js';
import { clientProfilesNotChecked, dapNotChecked, pickedNotMobile } from './target-notes.js';
import type { Finding } from '../engine/types.js';
import { NOT_SELECTED_REASON } from '../engine/engine.js';
import { mixesConfigurations, type TargetSummary } from '../model/summary.js';
import { paint, type Paint } from './colour.js';
import { targetHeading } from './explain-text.js';
import { renderReadiness } from './readiness.js';
import { visible } from '../common/control-chars.js';
import { visibleTarget } from './safe-text.js';
import { reportPath, type ReportInput } from './report-input.js';
import { visibleWidth, wrapText } from './wrap.js';

interface Group {
  finding: Finding;
  profiles: string[];
}

export function groupFindings(findings: readonly Finding[]): Group[] {
  const groups = new Map<string, Group>();
  for (const f of findings) {
    const key = JSON.stringify([f.ruleId, f.severity, f.groupPolicy, f.file, f.line, f.fix, f.tunnelGroup === null]);
    const g = groups.get(key);
    if (g && f.tunnelGroup) g.profiles.push(f.tunnelGroup);
    else groups.set(key, { finding: f, profiles: f.tunnelGroup ? [f.tunnelGroup] : [] });
  }
  return [...groups.values()];
}

const SEVERITY_WIDTH = 7; // "warning"

function findingBlock(g: Group, lineWidth: number, width: number, p: Paint): string[] {
  const f = g.finding;
  const line = f.line === null ? '' : f.lineRole === 'should-set' ? `${f.line}*` : String(f.line);
  if (width < 60) {
    // Narrow terminals: line, severity and rule on one line, the message below it.
    const lead = `  ${line.padStart(lineWidth)}${lineWidth > 0 ? '  ' : ''}${p.severity(f.severity)}`;
    const fits = visibleWidth(lead) + 2 + f.ruleId.length <= width;
    const head = fits ? [`${lead}  ${p.dim(f.ruleId)}`] : [lead, `    ${p.dim(f.ruleId)}`];
    const body = [...wrapText(f.message, width - 4), ...(f.file !== null ? wrapText(`in ${f.file}`, width - 4) : [])].map((t) => `    ${t}`);
    const who =
      g.profiles.length > 0
        ? wrapText(`${g.profiles.length === 1 ? 'profile' : 'profiles'}: ${g.profiles.join(', ')}`, width - 4).map((t) => `    ${p.dim(t)}`)
        : [];
    return [...head, ...body, ...who];
  }
  const lead = `  ${line.padStart(lineWidth)}  ${p.severity(f.severity, f.severity.padEnd(SEVERITY_WIDTH))}  `;
  const indent = ' '.repeat(2 + lineWidth + 2 + SEVERITY_WIDTH + 2);
  const room = Math.max(20, width - indent.length);
  const text = wrapText(f.message, room);
  // The rule id ends the block, on the last line when it fits (as ESLint prints it), else below.
  const rule = p.dim(f.ruleId);
  const last = text[text.length - 1]!;
  if (visibleWidth(last) + 2 + f.ruleId.length <= room) text[text.length - 1] = `${last}  ${rule}`;
  else text.push(rule);
  const out = text.map((t, i) => `${i === 0 ? lead : indent}${t}`);
  if (f.file !== null) out.push(...wrapText(`in ${f.file}`, room).map((t) => `${indent}${p.dim(t)}`));
  if (g.profiles.length > 0)
    out.push(...wrapText(`${g.profiles.length === 1 ? 'profile' : 'profiles'}: ${g.profiles.join(', ')}`, room).map((t) => `${indent}${p.dim(t)}`));
  return out;
}

export default function renderAuditTable({ targets: raw, display, summary, cwd, inputErrors }: ReportInput): string {
  // Names and lines from the config are data: control characters are shown, never sent to the terminal.
  // XML files are named as the other formats name them: relative to the working folder.
  const targets = raw
    .map(visibleTarget)
    .map((t) => ({ ...t, findings: t.findings.map((f) => (f.file === null ? f : { ...f, file: reportPath(f.file, cwd) })) }));
  const p = paint(display.color);
  const width = display.width;
  const out: string[] = [];
  let rows = 0;
  for (const t of targets) {
    if (out.length > 0) out.push('');
    const heading = targetHeading(t.summary);
    out.push(
      ...wrapText(heading[0]!, width, '  ').map((l) => p.bold(l)),
      ...heading.slice(1).flatMap((l) => wrapText(l.trim(), width - 2, '  ').map((x) => `  ${x}`)),
    );
    if (display.verbose) {
      out.push(`  mobile-facing profiles: ${t.mobileProfiles.length === 0 ? 'none' : ''}`);
      for (const r of t.reach)
        out.push(
          ...wrapText(
            `${r.tunnelGroup}: ${[r.ssl ? 'SSL' : null, r.ikev2 ? 'IKEv2' : null].filter(Boolean).join(' and ')} via ${r.via.join(', ')}${r.assumption ? ` (${r.assumption})` : ''}`,
            width - 4,
            '      ',
          ).map((l) => `    ${l}`),
        );
      for (const s of t.skippedProfiles) out.push(...wrapText(`skipped ${s.tunnelGroup}: ${s.reason}`, width - 2, '    ').map((l) => `  ${l}`));
    }
    // Checks that did not run, and why, before anything else is said about the configuration.
    for (const note of [clientProfilesNotChecked(t), dapNotChecked(t.dap)])
      if (note !== null) out.push(...wrapText(note, width - 2, '  ').map((l) => `  ${p.dim(l)}`));
    // Profiles picked with --profile that are not mobile-facing: said without --verbose (which lists every skip).
    const picked = display.verbose ? [] : pickedNotMobile(t);
    for (const note of picked) out.push(...wrapText(note, width - 2, '    ').map((l) => `  ${l}`));
    if (t.findings.length === 0) {
      // A cut-short file may hold its profiles, or their findings, in the part that is missing.
      const held = t.summary.complete ? '' : ' in the part the file holds';
      // (--profile naming none of them: that, not the profiles, is why; stderr says which names were meant.)
      const noneSelected = t.skippedProfiles.length > 0 && t.skippedProfiles.every((s) => s.reason.includes(NOT_SELECTED_REASON));
      const none =
        t.mobileProfiles.length > 0
          ? `No findings${held}.`
          : noneSelected
            ? `No connection profile${held} is one --profile names: nothing to audit.`
            : `No mobile-facing connection profiles${held}: nothing to audit${display.verbose || picked.length > 0 ? '.' : ' (use --verbose to see why).'}`;
      out.push(...wrapText(none, width - 2, '  ').map((l) => `  ${l}`));
      continue;
    }
    out.push('', ...renderReadiness(t, width, p), '');
    const groups = groupFindings(t.findings);
    rows += groups.length;
    const lineWidth = Math.max(
      ...groups.map((g) => (g.finding.line === null ? 0 : String(g.finding.line).length + (g.finding.lineRole === 'should-set' ? 1 : 0))),
    );
    for (const g of groups) out.push(...findingBlock(g, lineWidth, width, p));
    if (groups.some((g) => g.finding.lineRole === 'should-set'))
      out.push('', ...wrapText('* no line sets this value; the line shown is where it should be set', width - 2, '  ').map((l) => `  ${p.dim(l)}`));
    const inputs = groups.filter((g) => g.finding.needsInput !== null);
    if (inputs.length > 0) {
      out.push('', ...wrapText('Needs your input (no CLI printed):', width - 2).map((l) => `  ${l}`));
      for (const g of inputs)
        out.push(
          ...wrapText(`- ${g.finding.ruleId}${g.profiles.length > 0 ? ` (${g.profiles.join(', ')})` : ''}: ${g.finding.needsInput!}`, width - 2, '    ').map(
            (l) => `  ${l}`,
          ),
        );
    }
    const fixes = groups.filter((g) => g.finding.fix !== null);
    if (fixes.length > 0) {
      out.push('', ...wrapText('Fixes (paste in configuration mode; `plan` composes them into one verified script):', width - 2, '  ').map((l) => `  ${l}`));
      const seen = new Set<string>();
      for (const g of fixes) {
        const fix = g.finding.fix!;
        const key = `${g.finding.ruleId}\n${fix}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(
          ...wrapText(`${g.finding.ruleId}${g.profiles.length > 0 ? ` (${g.profiles.join(', ')}):` : ':'}`, width - 2, '  ').map((l) => `  ${p.dim(l)}`),
        );
        // CLI is never wrapped: a wrapped command is a different command.
        for (const l of fix.split('\n')) out.push(`    ${l}`);
      }
    }
    const xmlFixes = groups.filter((g) => g.finding.xmlFix !== null);
    if (xmlFixes.length > 0) {
      out.push('', ...wrapText('XML changes (edit the file named, then upload it to the device again):', width - 2, '  ').map((l) => `  ${l}`));
      for (const g of xmlFixes) {
        const where = `${g.finding.file !== null ? g.finding.file : 'the file'}${g.finding.line !== null ? ` line ${g.finding.line}` : ''}`;
        out.push(...wrapText(`${g.finding.ruleId} (${where}):`, width - 2, '  ').map((l) => `  ${p.dim(l)}`));
        for (const l of g.finding.xmlFix!.split('\n')) out.push(`    ${l}`);
      }
    }
  }
  const s = countBySeverity(targets);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const hidden = [
    summary.ignored > 0 ? `${summary.ignored} ignored by the configuration file` : null,
    summary.baselined > 0 ? `${summary.baselined} in the baseline` : null,
  ].filter(Boolean);
  // Findings only: the error and warning lines of a heading (a cut-short file) are about reading it.
  const counts =
    rows === 0 ? 'no findings' : `findings: ${plural(s.error, 'error')}, ${plural(s.warning, 'warning')}, ${s.info} info (${plural(rows, 'row')} above)`;
  out.push(
    // (Nothing audited: the summary is the whole report, with no blank line above it.)
    ...(out.length > 0 ? [''] : []),
    ...wrapText(
      `${counts} in ${plural(targets.length, 'configuration')}${inputErrors.length > 0 ? `; not audited: ${inputErrors.map((e) => visible(reportPath(e.file, cwd))).join(', ')}` : ''}${incompleteNote(targets)}${hidden.length > 0 ? `; not shown: ${hidden.join(', ')}` : ''}`,
      width,
    ),
  );
  return `${out.join('\n')}\n`;
}

/** The summary says when the counts cover only part of a configuration (an `error` line above names the cut). */
function incompleteNote(targets: readonly { summary: TargetSummary }[]): string {
  const n = targets.filter((t) => !t.summary.complete).length;
  if (n === 0) return '';
  const mixed = targets.filter((t) => mixesConfigurations(t.summary)).length;
  if (mixed === n) return targets.length === 1 ? ' (not one configuration: the counts mix two)' : ` (${n} not one configuration each: their counts mix two)`;
  return targets.length === 1 ? ' (incomplete: only what the file holds was audited)' : ` (${n} incomplete: only what those files hold was audited)`;
}
