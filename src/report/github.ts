// GitHub Actions workflow commands (`::error file=...,line=...,title=...::message`), escaped as the
// Actions toolkit does: data escapes % CR LF; property values also escape : and ,.
// In a file of several security contexts, each title names its context (`[context vpn]`, as JUnit
// names the suite), so the same finding of two contexts is two distinct annotations.

import { visible } from '../common/control-chars.js';
import type { Severity } from '../engine/types.js';
import { incompleteReport, reportPath, type ReportInput } from './report-input.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(s: string): string {
  // Other control characters would reach the job log raw (ANSI there is live): shown escaped.
  return visible(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
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

/** GitHub shows at most this many annotations of each level (error, warning, notice) per step. */
export const ANNOTATIONS_PER_LEVEL = 10;

export default function renderGithub(input: ReportInput): string {
  const byLevel: Record<string, string[]> = { error: [], warning: [], notice: [] };
  for (const e of input.inputErrors)
    byLevel.error!.push(command('error', { file: reportPath(e.file, input.cwd), line: e.line, title: 'asa-mobile-audit: unreadable input' }, e.message));
  for (const t of input.targets) {
    const file = reportPath(t.summary.source, input.cwd);
    const context = contextTag(t.summary.context);
    const incomplete = incompleteReport(input, t);
    if (incomplete !== null)
      byLevel[incomplete.level]!.push(
        command(incomplete.level, { file, line: incomplete.line, title: `asa-mobile-audit: incomplete configuration${context}` }, incomplete.message),
      );
    for (const f of t.findings) {
      const title = `${f.ruleId}${f.tunnelGroup ? ` (${f.tunnelGroup})` : ''}${context}`;
      byLevel[COMMAND[f.severity]]!.push(
        command(
          COMMAND[f.severity],
          { file: f.file !== null ? reportPath(f.file, input.cwd) : file, line: f.line, title },
          f.fix ? `${f.message}\n\nFix:\n${f.fix}` : f.needsInput !== null ? `${f.message}\n\nNeeds your input: ${f.needsInput}` : f.message,
        ),
      );
    }
  }
  const lines = capAnnotations(byLevel);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** ` [context NAME]` after an annotation's title for a security context; '' for a single-mode device. */
export function contextTag(context: string | null): string {
  return context === null ? '' : ` [context ${context}]`;
}

/** Most severe first, each level up to what GitHub shows; one notice says what was left out. */
export function capAnnotations(byLevel: Record<string, string[]>): string[] {
  const cut = Object.values(byLevel).some((l) => l.length > ANNOTATIONS_PER_LEVEL);
  const keep = (level: string): string[] => byLevel[level]!.slice(0, level === 'notice' && cut ? ANNOTATIONS_PER_LEVEL - 1 : ANNOTATIONS_PER_LEVEL);
  const lines = [...keep('error'), ...keep('warning'), ...keep('notice')];
  if (cut) {
    const left = Object.entries(byLevel)
      .map(([level, l]) => [level, l.length - keep(level).length] as const)
      .filter(([, n]) => n > 0);
    lines.push(
      command(
        'notice',
        { title: 'asa-mobile-audit: more findings' },
        `${left.reduce((n, [, k]) => n + k, 0)} more not annotated (${left.map(([level, n]) => `${n} ${level}${n === 1 ? '' : 's'}`).join(', ')}): GitHub shows ${ANNOTATIONS_PER_LEVEL} annotations of each level per step. The job's full report (--format markdown into $GITHUB_STEP_SUMMARY, or --format json) lists every finding.`,
      ),
    );
  }
  return lines;
}
