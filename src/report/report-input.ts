// Everything a CI report format needs about one run.
import { isAbsolute, relative } from 'node:path';
import type { AuditTarget } from '../audit/result.js';
import type { FindingKey } from '../baseline/identity.js';
import type { RuleModule, Severity } from '../engine/types.js';
import type { InputError } from '../input/load.js';

export interface ReportInput {
  targets: AuditTarget[];
  inputErrors: InputError[];
  rules: readonly RuleModule[];
  tool: { name: string; version: string };
  /** Findings at or above this severity fail the gate (JUnit failures). */
  failOn: Severity | 'never';
  /** Paths in reports are made relative to this directory (the repository root in CI). */
  cwd: string;
  helpUriBase: string;
  baseline?: { suppressed: number; stale: FindingKey[] };
  /** How human formats look: ANSI colour, the width to draw to, and whether to list skipped profiles. */
  display: { color: boolean; verbose: boolean; width: number };
  /** When the report was made (ISO 8601), shown only when asked for (`--timestamp`): reports diff cleanly. */
  generatedAt?: string;
  /** Files not audited and why (not configurations, excluded, devices marked down): the HTML summary lists them. `named`: given on the command line (the run then exits 2). */
  skippedFiles?: ReadonlyArray<{ file: string; reason: string; named?: boolean }>;
  /** Largest report in bytes where the destination has a limit (markdown for $GITHUB_STEP_SUMMARY). */
  maxBytes?: number;
  /** Findings not in `targets` because the configuration file ignores them or the baseline has them. */
  summary: { ignored: number; baselined: number };
  /**
   * `--allow-incomplete`: a configuration cut short does not fail the run, so the formats CI reads
   * (JUnit, GitHub, SARIF, compact) report it as a warning, not an error.
   */
  allowIncomplete?: boolean;
}

/**
 * How a target's configuration cut short is reported: an error, or a warning when the run accepts it
 * (its message then says so); where the parser saw it end; null for a complete one.
 */
export function incompleteReport(
  input: Pick<ReportInput, 'allowIncomplete'>,
  t: Pick<AuditTarget, 'summary'>,
): { level: 'error' | 'warning'; line: number | null; message: string } | null {
  if (t.summary.complete) return null;
  const p = t.summary.parseProblems.find((x) => x.code === 'incomplete');
  const message = p?.message ?? 'configuration is incomplete';
  return input.allowIncomplete
    ? { level: 'warning', line: p?.line ?? null, message: `${message} (accepted with --allow-incomplete)` }
    : { level: 'error', line: p?.line ?? null, message };
}

/** A repository-relative path with forward slashes; never absolute unless the file is on another drive. */
export function reportPath(source: string, cwd: string): string {
  const rel = isAbsolute(source) ? relative(cwd, source) : source;
  // A file outside the working folder keeps its absolute path: `../../tmp/x.cfg` helps nobody.
  if (rel.startsWith('..')) return source.split('\\').join('/');
  return (rel === '' ? source : rel).split('\\').join('/').replace(/^\.\//, '');
}

export function helpUri(base: string, ruleId: string): string {
  return `${base.replace(/\/+$/, '')}/${ruleId}.md`;
}
