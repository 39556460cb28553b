// Markdown reports of `diff` (a pull-request comment: what the change does to each profile and which
// findings it brings or closes) and of `plan`.

import { capitalised } from '../common/capitalised.js';
import type { ReportedFinding } from '../audit/result.js';
import type { NotPlanned, PlanTarget, ProfileDiff } from '../change/result.js';
import { introducedParts } from '../change/result.js';
import { visible } from '../common/control-chars.js';
import { changedDevices, isChanged, verdictLine } from './change-text.js';
import { mdCode, mdFence } from './safe-text.js';
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
  UNSEEN_HEADING,
  UNSEEN_OLD_HEADING,
  LOWERED_HEADING,
  loweredPrefix,
  unseenWords,
  findingTotals,
  goneWords,
  settingLine,
  type ChangeReportInput,
  undoHeading,
  pasteWhere,
  groupedRemains,
  UNSURE_HEADING,
  NOT_PLANNED_HEADING,
  notPlannedWords,
} from './change-words.js';

function md(text: string): string {
  return visible(text).replace(/([\\`*_[\]|<>&])/g, '\\$1');
}

/** A code span: a backtick run, what it holds, and the same run again (CommonMark). */
const CODE_SPAN = /(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g;

/**
 * Prose that may hold `code spans` of CLI: the spans are kept as they are (a backslash there would
 * show: `Lab\&Partners` is not the profile's name), and what would break HTML is escaped around them.
 */
function prose(text: string): string {
  const t = visible(text);
  let out = '';
  let last = 0;
  for (const m of t.matchAll(CODE_SPAN)) {
    out += t.slice(last, m.index).replace(/([\\|<>&])/g, '\\$1') + m[0];
    last = m.index + m[0].length;
  }
  return out + t.slice(last).replace(/([\\|<>&])/g, '\\$1');
}

/** `old`: a finding of the old side, whose line is the old file's. */
function findingItem(f: ReportedFinding, old = false): string {
  const where = [
    f.tunnelGroup ? `profile ${mdCode(f.tunnelGroup)}` : null,
    f.line !== null ? `${f.file !== null ? `${mdCode(f.file)} ` : old ? 'old ' : ''}line ${f.line}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return `- **${f.severity}** \`${f.ruleId}\`${where ? ` — ${where}` : ''}: ${md(f.message)}`;
}

function profileRow(p: ProfileDiff, profiles: readonly ProfileDiff[]): string {
  const reach = reachWords(p, profiles);
  const details = [
    ...(p.status === 'removed' ? [removedReach(p)].filter((x) => x !== null) : !hasOldSide(p) ? [] : p.settings.map(settingLine)),
    ...dnsChangeLines(hasOldSide(p) ? p.iosDns.old : null, p.iosDns.new),
  ];
  return `| ${mdCode(p.tunnelGroup, true)} | ${p.status}${md(unseenWords(p))}${md(copyWords(p))}${reach ? `, ${reach}` : ''} | ${details.map(md).join('<br>') || '—'} |`;
}

export function renderDiffMarkdown(input: ChangeReportInput): string {
  const totals = findingTotals(input.diffs);
  const { introduced, resolved } = totals;
  const changed = input.diffs.filter(isChanged);
  const notCompared = input.diffs.filter((d) => !d.compared).length;
  const head = [
    `## ${input.tool.name} ${input.scriptFile === undefined ? 'diff' : 'what-if'}: ${plural(changedDevices(input.diffs), 'device')} changed, ${introduced} finding(s) introduced, ${resolved} resolved${goneWords(totals)}${notCompared > 0 ? `, ${plural(notCompared, 'device')} not compared ${notComparedWhy(input.diffs)}` : ''}`,
    '',
  ];
  // The script's problems and the files not read: each line a block, cut like the devices' blocks.
  const lead: string[][] = [
    ...(input.problems ?? []).map((p) => [
      `- ${p.severity === 'error' ? ':x:' : p.severity === 'warning' ? ':warning:' : ':information_source:'} ${mdCode(input.scriptFile ?? 'change')} line ${p.line}: ${prose(p.message)}`,
    ]),
    ...(input.notRead ?? []).map((e) => [`- :x: ${mdCode(input.fileOf(e.source))}${e.line !== null ? ` line ${e.line}` : ''}: not read: ${md(e.message)}`]),
  ];
  // Each device as blocks (a heading, a table row, a finding with its fix): the unit a cut keeps or
  // drops whole. A heading travels with its first row or item, so no heading stands alone.
  const sections = changed.map((d) => {
    const blocks: string[][] = [[`### ${md(deviceTitle(d))}`, '', `${mdCode(d.old ?? '(none)')} → ${mdCode(d.new ?? '(none)')}`, '']];
    if (d.incomplete.length > 0) blocks.push([...incompleteLines(d).map((l) => `- :warning: ${md(l)}`), '']);
    if (!d.compared) return blocks;
    if (d.linesNotRead.length > 0)
      blocks.push([...d.linesNotRead.map((l) => `- :warning: ${l.line !== null ? `line ${l.line}: ` : ''}not read: ${md(l.message)}`), '']);
    if (d.inputWarnings.length > 0)
      blocks.push([...d.inputWarnings.map((l) => `- :warning: ${l.line !== null ? `line ${l.line}: ` : ''}${md(l.message)}`), '']);
    if (d.device.length > 0) blocks.push(['Device settings:', ...d.device.map((s) => `- ${md(settingLine(s))}`), '']);
    const items = (heading: string[], rows: string[]): void => {
      if (rows.length === 0) return;
      blocks.push([...heading, rows[0]!], ...rows.slice(1).map((r) => [r]), ['']);
    };
    items(
      ['| Connection profile | Change | Details |', '|---|---|---|'],
      d.profiles.filter((p) => p.status !== 'unchanged').map((p) => profileRow(p, d.profiles)),
    );
    const list = (heading: string, findings: readonly ReportedFinding[], resolved = false): void => {
      items(
        [heading, ''],
        findings.map((f) => findingItem(f, resolved)),
      );
    };
    const { news, unseen: unseenOld } = introducedParts(d);
    list(`**Findings introduced (${news.length})**`, news);
    list(`**${capitalised(UNSEEN_OLD_HEADING)} (${unseenOld.length})**`, unseenOld);
    items(
      [`**${capitalised(LOWERED_HEADING)} (${d.findings.lowered.length})**`, ''],
      d.findings.lowered.map((l) => findingItem(l.finding).replace(/^- \*\*\w+\*\*/, (m) => `${m} ${md(loweredPrefix(l))}`)),
    );
    const { fixed, gone, unsure, unseen } = resolvedParts(d);
    list(`**Findings resolved (${fixed.length})**`, fixed, true);
    list(`**${capitalised(UNSURE_HEADING)} (${unsure.length})**`, unsure, true);
    list(`**${capitalised(goneHeading(d))} (${gone.length})**`, gone, true);
    list(`**${capitalised(UNSEEN_HEADING)} (${unseen.length})**`, unseen, true);
    // The device's title travels with what follows it, so a cut never ends on a bare title.
    return blocks.length > 1 ? [[...blocks[0]!, ...blocks[1]!], ...blocks.slice(2)] : blocks;
  });
  // A blank line ends the lead list: what follows is not glued onto its last item.
  const gap = lead.length > 0 ? [''] : [];
  const none = changed.length === 0 ? ['No change to any connection profile.'] : [];
  const finish = (lines: string[]): string => `${lines.join('\n').trimEnd()}\n`;
  const full = finish([...head, ...lead.flat(), ...gap, ...none, ...sections.flat(2)]);
  const limit = input.maxBytes ?? CHANGE_MARKDOWN_MAX_BYTES;
  if (Buffer.byteLength(full) <= limit) return full;
  // Too long for a pull-request comment: whole blocks in order while they fit (the heading's totals
  // count everything), then a note on what was left out.
  let size = Buffer.byteLength(finish(head)) + 500;
  const fits = (b: string[]): boolean => {
    const n = Buffer.byteLength(b.join('\n')) + 1;
    if (size + n > limit) return false;
    size += n;
    return true;
  };
  const keptLead: string[] = [];
  let leadCut = 0;
  for (const [i, b] of lead.entries()) {
    if (!fits(b)) {
      leadCut = lead.length - i;
      break;
    }
    keptLead.push(...b);
  }
  const kept: string[] = [];
  let devicesCut = leadCut > 0 ? sections.length : 0;
  let partCut = false;
  for (const [i, blocks] of leadCut > 0 ? [] : sections.entries()) {
    let shown = 0;
    for (const b of blocks) {
      if (!fits(b)) break;
      kept.push(...b);
      shown++;
    }
    if (shown < blocks.length) {
      // (The cut stops at the first block that does not fit: what follows would read out of order.)
      partCut = shown > 0;
      devicesCut = sections.length - i - (partCut ? 1 : 0);
      break;
    }
  }
  const left = [
    leadCut > 0 ? `${leadCut} more line${leadCut === 1 ? '' : 's'} of the list above` : null,
    partCut ? 'the rest of the last device shown' : null,
    devicesCut > 0 ? plural(devicesCut, 'changed device') : null,
  ].filter((x): x is string => x !== null);
  const note = `> **Cut to ${limit} bytes** (--max-bytes): not shown here: ${left.join(', ') || 'nothing'}; the heading counts everything, and --format json lists it all.`;
  return finish([...head, ...keptLead, ...(keptLead.length > 0 ? [''] : []), note, '', ...none, ...kept]);
}

/** A pull-request comment's limit (GitHub takes 65,536 characters): what --max-bytes defaults to for a change report. */
export const CHANGE_MARKDOWN_MAX_BYTES = 65536;

export function renderPlanMarkdown(targets: readonly PlanTarget[], tool: { name: string }, notPlanned: readonly NotPlanned[] = []): string {
  const out = [`## ${tool.name} plan`, ''];
  for (const t of targets) {
    out.push(`### ${md(t.hostname ?? t.source)}${t.context ? ` [context ${md(t.context)}]` : ''} — ${mdCode(t.source)}`, '');
    out.push(`**${md(verdictLine(t))}**`, '');
    if (t.script !== '') out.push(`${pasteWhere(t.script)}:`, '', ...mdFence(t.script.split('\n')), '');
    if (t.needsInput.length > 0)
      out.push(
        '**Needs your input** (not in the script):',
        '',
        ...t.needsInput.flatMap((n) => [
          `- \`${n.ruleId}\`${n.tunnelGroup ? ` (${md(n.tunnelGroup)})` : ''}: ${prose(n.what)}${n.cli === undefined ? '' : ':'}`,
          // Lines to paste later: a code block inside the list item.
          ...(n.cli === undefined ? [] : ['', ...mdFence(n.cli.split('\n'), '  ')]),
          ...(n.rollback === undefined ? [] : ['', `  ${undoHeading(n)}:`, '', ...mdFence(n.rollback.split('\n'), '  ')]),
        ]),
        '',
      );
    if (t.notes.length > 0) out.push('**Before you paste:**', '', ...t.notes.map((n) => `- ${prose(n)}`), '');
    if (t.remains.length > 0)
      out.push(
        '**Remains:**',
        '',
        ...groupedRemains(t.remains).map(
          (r) => `- \`${r.ruleId}\`${r.tunnelGroup ? ` (${md(r.tunnelGroup)})` : ''}${r.count > 1 ? ` (${r.count} findings)` : ''}: ${prose(r.why)}`,
        ),
        '',
      );
    if (t.deviceChanges.length > 0) out.push(`**${DEVICE_WIDE}:**`, '', ...t.deviceChanges.map((s) => `- ${md(settingLine(s))}`), '');
    if (t.changes.length > 0) out.push('| Connection profile | Change | Details |', '|---|---|---|', ...t.changes.map((p) => profileRow(p, t.changes)), '');
    if (t.rollback !== '') out.push('<details><summary>Rollback</summary>', '', ...mdFence(t.rollback.split('\n')), '', '</details>', '');
  }
  if (notPlanned.length > 0) out.push(`**${NOT_PLANNED_HEADING}:**`, '', ...notPlanned.map((n) => `- ${md(notPlannedWords(n))}`), '');
  return `${out.join('\n').trimEnd()}\n`;
}
