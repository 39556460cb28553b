// `--format compact`: one line per finding, `file:line:col: severity: message [rule-id]`, the shape
// editors' problem matchers and grep understand. A finding with no line (a value no line sets: a
// built-in default) is `file: severity: message [rule-id]`: no `:line:col`, rather than a made-up line
// that would send an editor to the wrong place. In a file of several security contexts, each line
// names its context (`(context vpn, profile X)`), so the same finding of two contexts reads as two.

import { visible } from '../common/control-chars.js';
import { incompleteReport, reportPath, type ReportInput } from './report-input.js';

export default function renderCompact(input: ReportInput): string {
  const { targets, inputErrors, cwd } = input;
  const out: string[] = [];
  for (const e of inputErrors) out.push(`${reportPath(e.file, cwd)}${e.line !== null ? `:${e.line}:1` : ''}: error: ${e.message} [input]`);
  for (const t of targets) {
    const configFile = reportPath(t.summary.source, cwd);
    const context = t.summary.context;
    const incomplete = incompleteReport(input, t);
    if (incomplete !== null)
      out.push(
        `${configFile}${incomplete.line ? `:${incomplete.line}:1` : ''}: ${incomplete.level}: ${incomplete.message}${context !== null ? ` (context ${context})` : ''} [incomplete]`,
      );
    for (const f of t.findings) {
      const where = f.line === null ? '' : `:${f.line}:1`;
      const file = f.file !== null ? reportPath(f.file, cwd) : configFile;
      const about = [...(context !== null ? [`context ${context}`] : []), ...(f.tunnelGroup ? [`profile ${f.tunnelGroup}`] : [])];
      out.push(`${file}${where}: ${f.severity}: ${f.message.replace(/\s+/g, ' ')}${about.length > 0 ? ` (${about.join(', ')})` : ''} [${f.ruleId}]`);
    }
  }
  // One line per finding: a newline or control character from the config is shown escaped.
  return out.length > 0 ? `${out.map(visible).join('\n')}\n` : '';
}
