// A Markdown summary for pull-request comments: per device, counts, then findings with fixes.

import { countBySeverity, type AuditTarget } from '../audit/result.js';
import { visible } from '../common/control-chars.js';
import { clientProfilesNotChecked, dapNotChecked, pickedNotMobile } from './target-notes.js';
import { helpUri, incompleteReport, reportPath, type ReportInput } from './report-input.js';
import { mdCode, mdFence } from './safe-text.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Escapes characters that would turn table cells or inline text into Markdown syntax (or HTML). */
function md(text: string): string {
  return visible(text).replace(/([\\`*_[\]|<>&])/g, '\\$1');
}

/** GitHub drops a job summary larger than this; --max-bytes defaults to it. */
export const MARKDOWN_MAX_BYTES = 1024 * 1024;

export default function renderMarkdown(input: ReportInput): string {
  const total = countBySeverity(input.targets);
  const head: string[] = [`## ${input.tool.name}: ${plural(total.error, 'error')}, ${plural(total.warning, 'warning')}, ${total.info} info`, ''];
  if (input.baseline) {
    head.push(
      `Baseline: ${input.baseline.suppressed} known finding(s) hidden, ${input.baseline.stale.length} stale entr${input.baseline.stale.length === 1 ? 'y' : 'ies'}.`,
      '',
    );
  }
  for (const e of input.inputErrors) head.push(`- :x: ${mdCode(reportPath(e.file, input.cwd))}: ${md(e.message)}`);
  // A configuration cut short is said up here too: a report cut to its summary still says it.
  // (An error, as github and SARIF say, unless --allow-incomplete accepted it.)
  const cutShort = input.targets.filter((t) => !t.summary.complete);
  for (const t of cutShort)
    head.push(
      `- ${incompleteReport(input, t)?.level === 'error' ? ':x:' : ':warning:'} ${mdCode(reportPath(t.summary.source, input.cwd))}${t.summary.context ? ` [${md(t.summary.context)}]` : ''}: incomplete configuration; findings cover only what the file holds`,
    );
  if (input.inputErrors.length + cutShort.length > 0) head.push('');
  // The summary table comes first, so a cut report still says where every finding is.
  if (input.targets.length > 1) {
    head.push('| configuration | error | warning | info |', '|---|---:|---:|---:|');
    for (const t of input.targets) {
      const c = countBySeverity([t]);
      head.push(
        `| ${mdCode(reportPath(t.summary.source, input.cwd), true)}${t.summary.context ? ` [${md(t.summary.context)}]` : ''}${t.summary.complete ? '' : ' (incomplete)'} | ${c.error} | ${c.warning} | ${c.info} |`,
      );
    }
    head.push('');
  }
  const sections = input.targets.map((t) => deviceSection(t, input));
  const limit = input.maxBytes ?? MARKDOWN_MAX_BYTES;
  const finish = (parts: string[]): string =>
    `${parts
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd()}\n`;
  const full = finish([...head, ...sections]);
  if (Buffer.byteLength(full) <= limit) return full;
  // Too big for the destination (a step summary): whole device sections while they fit, then a note.
  // A summary (a table row per configuration, a line per input error) too long itself is cut from the
  // end, and says how many lines it lost.
  const room = limit - 600;
  let summaryCut = 0;
  if (Buffer.byteLength(finish(head)) > room) {
    while (head.length > 2 && Buffer.byteLength(finish(head)) + 80 > room) {
      if (head.pop() !== '') summaryCut++;
    }
    // A paragraph of its own: after a table row or a list item alike, it stays out of both.
    head.push('', `_… ${summaryCut} more line${summaryCut === 1 ? '' : 's'} of this summary cut (--max-bytes)_`, '');
  }
  const kept: string[] = [];
  let size = Buffer.byteLength(finish(head)) + 400;
  for (const s of sections) {
    const n = Buffer.byteLength(s) + 1;
    if (size + n > limit) break;
    kept.push(s);
    size += n;
  }
  const left = input.targets.slice(kept.length);
  const leftFindings = left.reduce((n, t) => n + t.findings.length, 0);
  const note = `> **Cut to ${limit} bytes** (--max-bytes): ${left.length} of ${input.targets.length} configuration sections (${leftFindings} findings) are not shown here; ${summaryCut > 0 ? 'the heading counts them' : 'the table above counts them'}, and --format json lists every finding.`;
  return finish([...head, note, '', ...kept]);
}

function deviceSection(t: AuditTarget, input: ReportInput): string {
  const out: string[] = [];
  const path = reportPath(t.summary.source, input.cwd);
  const c = countBySeverity([t]);
  out.push(
    `### ${md(t.summary.hostname ?? path)}${t.summary.context ? ` [${md(t.summary.context)}]` : ''} — ${mdCode(path)}${t.summary.asaVersion ? ` (ASA ${md(t.summary.asaVersion)})` : ''}`,
    '',
  );
  if (!t.summary.complete) out.push('> **Incomplete configuration**: findings cover only what the file holds.', '');
  const notes = [clientProfilesNotChecked(t), dapNotChecked(t.dap), ...pickedNotMobile(t)].filter((n): n is string => n !== null);
  for (const n of notes) out.push(`> ${md(n)}`, '');
  out.push('| error | warning | info |', '|---:|---:|---:|', `| ${c.error} | ${c.warning} | ${c.info} |`, '');
  for (const f of t.findings) {
    const where = [
      f.tunnelGroup ? `profile ${mdCode(f.tunnelGroup)}` : null,
      f.groupPolicy ? `policy ${mdCode(f.groupPolicy)}` : null,
      f.line !== null ? `${f.file !== null ? `${mdCode(reportPath(f.file, input.cwd))} ` : ''}line ${f.line}` : null,
    ]
      .filter(Boolean)
      .join(', ');
    out.push(`- **${f.severity}** [\`${f.ruleId}\`](${helpUri(input.helpUriBase, f.ruleId)})${where ? ` — ${where}` : ''}: ${md(f.message)}`);
    if (f.fix) out.push('', ...mdFence(f.fix.split('\n'), '  '), '');
    if (f.xmlFix) out.push('', ...mdFence(f.xmlFix.split('\n'), '  '), '');
    // What only the user can supply, where no fix could be written (as the table and HTML say).
    if (f.needsInput !== null) out.push('', `  Needs your input: ${md(f.needsInput)}`, '');
  }
  if (t.findings.length === 0) out.push(t.summary.complete ? 'No findings.' : 'No findings in the part the file holds.');
  out.push('');
  return out.join('\n');
}
