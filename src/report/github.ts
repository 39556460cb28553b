// GitHub Actions workflow commands (`::error file=...,line=...,title=...::message`), escaped as the
// Actions toolkit does: data escapes % CR LF; property values also escape : and ,.

import type { Severity } from '../engine/types.js';
import { reportPath, type ReportInput } from './report-input.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function command(kind: string, props: Record<string, string | number | null>, message: string): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${kind}${p ? ` ${p}` : ''}::${escapeData(message)}`;
}

export default function renderGithub(input: ReportInput): string {
  const lines: string[] = [];
  for (const e of input.inputErrors)
    lines.push(command('error', { file: reportPath(e.file, input.cwd), line: e.line, title: 'asa-mobile-audit: unreadable input' }, e.message));
  for (const t of input.targets) {
    const file = reportPath(t.summary.source, input.cwd);
    if (!t.summary.complete) {
      const p = t.summary.parseProblems.find((x) => x.code === 'incomplete');
      lines.push(
        command('error', { file, line: p?.line ?? null, title: 'asa-mobile-audit: incomplete configuration' }, p?.message ?? 'configuration is incomplete'),
      );
    }
    for (const f of t.findings) {
      const title = `${f.ruleId}${f.tunnelGroup ? ` (${f.tunnelGroup})` : ''}`;
      lines.push(command(COMMAND[f.severity], { file, line: f.line, title }, f.fix ? `${f.message}\n\nFix:\n${f.fix}` : f.message));
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
