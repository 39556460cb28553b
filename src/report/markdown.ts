// A Markdown summary for pull-request comments: per device, counts, then findings with fixes.

import { countBySeverity } from '../audit/result.js';
import { helpUri, reportPath, type ReportInput } from './report-input.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Escapes characters that would turn table cells or inline text into Markdown syntax. */
function md(text: string): string {
  return text.replace(/([\\`*_[\]|<>])/g, '\\$1');
}

export default function renderMarkdown(input: ReportInput): string {
  const total = countBySeverity(input.targets);
  const out: string[] = [`## ${input.tool.name}: ${plural(total.error, 'error')}, ${plural(total.warning, 'warning')}, ${total.info} info`, ''];
  if (input.baseline) {
    out.push(
      `Baseline: ${input.baseline.suppressed} known finding(s) hidden, ${input.baseline.stale.length} stale entr${input.baseline.stale.length === 1 ? 'y' : 'ies'}.`,
      '',
    );
  }
  for (const e of input.inputErrors) out.push(`- :x: \`${reportPath(e.file, input.cwd)}\`: ${md(e.message)}`);
  if (input.inputErrors.length > 0) out.push('');
  for (const t of input.targets) {
    const path = reportPath(t.summary.source, input.cwd);
    const c = countBySeverity([t]);
    out.push(
      `### ${md(t.summary.hostname ?? path)}${t.summary.context ? ` [${md(t.summary.context)}]` : ''} — \`${path}\`${t.summary.asaVersion ? ` (ASA ${t.summary.asaVersion})` : ''}`,
      '',
    );
    if (!t.summary.complete) out.push('> **Incomplete configuration**: findings cover only what the file holds.', '');
    out.push('| error | warning | info |', '|---:|---:|---:|', `| ${c.error} | ${c.warning} | ${c.info} |`, '');
    for (const f of t.findings) {
      const where = [
        f.tunnelGroup ? `profile \`${f.tunnelGroup}\`` : null,
        f.groupPolicy ? `policy \`${f.groupPolicy}\`` : null,
        f.line !== null ? `line ${f.line}` : null,
      ]
        .filter(Boolean)
        .join(', ');
      out.push(`- **${f.severity}** [\`${f.ruleId}\`](${helpUri(input.helpUriBase, f.ruleId)})${where ? ` — ${where}` : ''}: ${md(f.message)}`);
      if (f.fix) out.push('', '  ```', ...f.fix.split('\n').map((l) => `  ${l}`), '  ```', '');
    }
    if (t.findings.length === 0) out.push('No findings.');
    out.push('');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
