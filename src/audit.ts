// Audit = the pipeline plus the rule engine, for one or many files. Library users and the CLI
// share this; it never prints.

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runRules } from './engine/engine.js';
import type { Finding, RuleModule, Severity } from './engine/types.js';
import { InputError } from './input/load.js';
import { analyseFile, type AnalysedTarget } from './pipeline.js';
import type { TargetSummary } from './report/target.js';

export interface AuditTarget {
  analysed: AnalysedTarget;
  summary: TargetSummary;
  findings: Finding[];
  mobileProfiles: string[];
  skippedProfiles: Array<{ tunnelGroup: string; reason: string }>;
}

export interface AuditRun {
  targets: AuditTarget[];
  /** Files that could not be audited (named explicitly, or unreadable). */
  inputErrors: InputError[];
  /** Files found in a directory that are not ASA configs, skipped quietly. */
  skippedFiles: Array<{ file: string; reason: string }>;
}

export interface AuditOptions {
  rules: readonly RuleModule[];
  profiles?: string[];
}

export function auditPaths(paths: string[], options: AuditOptions): AuditRun {
  const run: AuditRun = { targets: [], inputErrors: [], skippedFiles: [] };
  for (const path of paths) {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      // reported by analyseFile below with a clear message
    }
    if (isDir) {
      for (const file of listFiles(path)) auditFile(file, options, run, true);
    } else {
      auditFile(path, options, run, false);
    }
  }
  return run;
}

function auditFile(file: string, options: AuditOptions, run: AuditRun, foundInDirectory: boolean): void {
  let analysed: AnalysedTarget[];
  try {
    analysed = analyseFile(file);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    if (foundInDirectory && (err.kind === 'not-asa' || err.kind === 'empty' || err.kind === 'binary')) {
      run.skippedFiles.push({ file, reason: err.message });
    } else {
      run.inputErrors.push(err);
    }
    return;
  }
  for (const t of analysed) run.targets.push(auditTarget(t, options));
}

export function auditTarget(t: AnalysedTarget, options: AuditOptions): AuditTarget {
  const result = runRules(t.resolved, options.rules, { profiles: options.profiles });
  return { analysed: t, summary: t.summary, findings: result.findings, mobileProfiles: result.mobileProfiles, skippedProfiles: result.skippedProfiles };
}

/** Regular files under a directory, sorted, skipping dot-folders such as .git. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(full));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

export function countBySeverity(targets: AuditTarget[]): Record<Severity, number> {
  const summary = { error: 0, warning: 0, info: 0 };
  for (const t of targets) for (const f of t.findings) summary[f.severity]++;
  return summary;
}
