// `asa-mobile-audit audit FILE|DIR ...`: findings per connection profile with fixes, in the
// formats CI systems read, gated by exit codes.

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { auditFileList, emptyRun, parseFileList, planPaths, type AuditRun, type ReportedFinding } from '../audit.js';
import { auditPlanned } from '../audit-parallel.js';
import { applyBaseline, buildBaseline, readBaseline, writeBaseline, type BaselineResult } from '../baseline/baseline.js';
import { applyIgnores, applySeverityOverrides, configuredRules, fileFilter, profileFilter } from '../config/apply.js';
import { configFor } from '../config/config-file.js';
import { SEVERITY_RANK, type Severity } from '../engine/types.js';
import { InputError } from '../input/load.js';
import { renderAuditJson } from '../report/audit-json.js';
import { colourWanted, paint } from '../report/colour.js';
import { renderGithub } from '../report/github.js';
import { renderJunit } from '../report/junit.js';
import { renderMarkdown } from '../report/markdown.js';
import type { ReportInput } from '../report/report-input.js';
import { renderSarif } from '../report/sarif.js';
import { RULES } from '../../rules/index.js';
import { ExitCode } from './exit-codes.js';
import { complain, TOOL_NAME, type CliIo } from './io.js';
import { DEFAULT_HELP_URI_BASE, toolVersion } from './package-info.js';
import { UsageError } from './usage-error.js';
import type { SshCliOptions } from './ssh-audit.js';

export type FailOn = Severity | 'never';
import { FORMATS, type Format } from './audit-formats.js';
export { FORMATS, type Format };

export interface AuditCliOptions extends SshCliOptions {
  format: string[];
  output: string[];
  failOn?: string;
  profile: string[];
  allowIncomplete?: boolean;
  verbose?: boolean;
  config?: string;
  baseline?: string;
  writeBaseline?: string;
  filesFrom?: string;
  helpUriBase?: string;
}

function outputsFor(opts: AuditCliOptions): Array<{ format: Format; file: string | null }> {
  const formats = opts.format.length > 0 ? opts.format : ['table'];
  for (const f of formats) if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format: \`${f}\` is not one of ${FORMATS.join(', ')}`);
  if (opts.output.length > formats.length) throw new UsageError('--output: each --output needs a --format before it (pairs are matched in order)');
  const pairs = formats.map((format, i) => ({ format: format as Format, file: opts.output[i] ?? null }));
  if (pairs.filter((p) => p.file === null).length > 1) throw new UsageError('only one --format can go to standard output; give the others an --output FILE');
  return pairs;
}

export async function auditCommand(paths: string[], opts: AuditCliOptions, io: CliIo): Promise<number> {
  const outputs = outputsFor(opts);
  if (opts.failOn !== undefined && !['error', 'warning', 'info', 'never'].includes(opts.failOn)) {
    throw new UsageError(`--fail-on: \`${opts.failOn}\` is not one of error, warning, info, never`);
  }
  const live = opts.ssh.length > 0 || opts.inventory !== undefined;
  if (live && (paths.length > 0 || opts.filesFrom !== undefined)) throw new UsageError('give either files (paths, --files-from) or devices (--ssh, --inventory), not both');
  if (paths.length > 0 && opts.filesFrom !== undefined) throw new UsageError('give either paths or --files-from, not both');
  if (!live && paths.length === 0 && opts.filesFrom === undefined) throw new UsageError('audit: give at least one configuration file or directory (or --files-from, --ssh, --inventory)');

  const cfg = await configFor(io.cwd, opts.config === undefined ? undefined : resolve(io.cwd, opts.config), RULES.map((r) => r.meta.id));
  const failOn = (opts.failOn ?? cfg.failOn ?? 'warning') as FailOn;
  const rules = configuredRules(RULES, cfg);
  const auditOptions = {
    rules,
    profiles: opts.profile,
    profileFilter: profileFilter(cfg),
    fileFilter: fileFilter(cfg, cfg.source ? dirname(cfg.source) : io.cwd),
  };
  const abs = (p: string): string => resolve(io.cwd, p);
  let run: AuditRun;
  if (live) {
    run = await (await import('./ssh-audit.js')).collectOverSsh(opts, io, auditOptions);
  } else if (opts.filesFrom !== undefined) {
    const list = parseFileList(opts.filesFrom === '-' ? io.readStdin() : readListFile(abs(opts.filesFrom)));
    run = auditFileList(list.map((f) => (isAbsoluteLike(f) ? f : abs(f))), auditOptions);
    relabel(run, io.cwd);
  } else {
    run = emptyRun();
    const plan = planPaths(paths.map(abs), auditOptions);
    const workers = await auditPlanned(plan, auditOptions, { ruleSettings: cfg.rules, profiles: opts.profile, profileGlobs: cfg.profiles }, run, io.env);
    if (opts.verbose && workers > 0) complain(io, `audited ${plan.filter((p) => p.skip === null).length} files on ${workers} worker threads`);
    relabel(run, io.cwd);
  }

  const today = io.now().toISOString().slice(0, 10);
  for (const t of run.targets) {
    const r = applyIgnores(applySeverityOverrides(t.findings, cfg), cfg.ignore, { hostname: t.summary.hostname, source: t.summary.source }, today);
    t.findings = r.kept;
    t.ignored = r.ignored;
  }
  const devices = run.targets.map((t) => ({ device: { hostname: t.summary.hostname, source: t.summary.source, context: t.summary.context }, findings: t.findings }));
  if (opts.writeBaseline !== undefined) writeBaseline(abs(opts.writeBaseline), buildBaseline(devices));
  let baseline: BaselineResult<ReportedFinding> | undefined;
  if (opts.baseline !== undefined) {
    baseline = applyBaseline(readBaseline(abs(opts.baseline)), devices);
    run.targets.forEach((t, i) => (t.findings = baseline!.kept[i]!));
  }

  const input: ReportInput = {
    targets: run.targets,
    inputErrors: run.inputErrors,
    rules,
    tool: { name: TOOL_NAME, version: toolVersion() },
    failOn,
    cwd: io.cwd,
    helpUriBase: opts.helpUriBase ?? cfg.helpUriBase ?? DEFAULT_HELP_URI_BASE,
    ...(baseline ? { baseline: { suppressed: baseline.suppressed, stale: baseline.stale } } : {}),
  };
  for (const out of outputs) {
    const text = await render(out.format, input, io, opts);
    if (out.file === null) io.stdout(text);
    else writeFileSync(abs(out.file), text);
  }

  reportOnStderr(run, baseline, opts, io);
  if (run.targets.length === 0 && run.inputErrors.length === 0) {
    complain(io, `no ASA configuration found in ${opts.filesFrom !== undefined ? `the list from --files-from ${opts.filesFrom}` : paths.join(', ')}`);
    return opts.filesFrom !== undefined ? ExitCode.Ok : ExitCode.InputError;
  }
  const incomplete = run.targets.some((t) => !t.summary.complete);
  return exitCodeFor(run.targets, run.inputErrors.length > 0 || (incomplete && !opts.allowIncomplete), failOn);
}

async function render(format: Format, input: ReportInput, io: CliIo, opts: AuditCliOptions): Promise<string> {
  switch (format) {
    case 'json':
      return renderAuditJson(input.targets, input.tool, input.baseline);
    case 'sarif':
      return renderSarif(input);
    case 'junit':
      return renderJunit(input);
    case 'github':
      return renderGithub(input);
    case 'markdown':
      return renderMarkdown(input);
    case 'table': {
      // `table` costs ~20 ms to load; machine formats (CI, benchmarks) do not pay for it.
      const { renderAuditTable } = await import('../report/audit-table.js');
      return renderAuditTable(input.targets, paint(colourWanted(io.isTTY, io.env)), { verbose: opts.verbose });
    }
  }
}

function reportOnStderr(run: AuditRun, baseline: BaselineResult | undefined, opts: AuditCliOptions, io: CliIo): void {
  if (opts.verbose) for (const s of run.skippedFiles) complain(io, `skipped ${s.file}: ${s.reason}`);
  for (const err of run.inputErrors) complain(io, err.describe());
  for (const t of run.targets) {
    if (t.summary.complete) continue;
    const problem = t.summary.parseProblems.find((p) => p.code === 'incomplete');
    complain(
      io,
      // `ssh://host:port:21` would read as a port: live sources name the line in words.
      `${t.summary.source}${problem?.line ? (t.summary.source.startsWith('ssh://') ? ` (line ${problem.line})` : `:${problem.line}`) : ''}: ${problem?.message ?? 'configuration is incomplete'}` +
        (opts.allowIncomplete ? ' (audited as far as it goes: --allow-incomplete)' : ' (use --allow-incomplete to accept it)'),
    );
  }
  if (opts.verbose) {
    for (const t of run.targets) for (const i of t.ignored) complain(io, `ignored ${i.finding.ruleId} on ${t.summary.hostname ?? t.summary.source}${i.finding.tunnelGroup ? ` (${i.finding.tunnelGroup})` : ''}: ${i.entry.reason}`);
  }
  if (baseline && baseline.stale.length > 0) {
    complain(io, `baseline: ${baseline.stale.length} stale entr${baseline.stale.length === 1 ? 'y' : 'ies'} (fixed since the baseline was written); rewrite it with --write-baseline to shrink it`);
    if (opts.verbose) for (const s of baseline.stale) complain(io, `  stale: ${s.ruleId} on ${s.device}${s.tunnelGroup ? ` (${s.tunnelGroup})` : ''}`);
  }
  for (const wanted of opts.profile) {
    const known = run.targets.some((t) => t.profileNames.includes(wanted));
    if (!known && run.targets.length > 0) complain(io, `--profile ${wanted}: no connection profile of that name in the audited configuration(s)`);
  }
}

function readListFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`--files-from ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(err)}`);
  }
}

function isAbsoluteLike(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p);
}

/** Reports name files the way the user (or the list) named them: relative to the working directory. */
function relabel(run: AuditRun, cwd: string): void {
  const rel = (p: string): string => {
    const prefix = cwd.endsWith('/') ? cwd : `${cwd}/`;
    return p.startsWith(prefix) ? p.slice(prefix.length) : p;
  };
  for (const t of run.targets) {
    t.summary.source = rel(t.summary.source);
  }
  run.inputErrors = run.inputErrors.map((e) => new InputError(rel(e.file), e.message, e.line, e.kind));
  for (const s of run.skippedFiles) s.file = rel(s.file);
}

export function exitCodeFor(targets: Array<{ findings: Array<{ severity: Severity }> }>, inputProblem: boolean, failOn: FailOn): number {
  if (inputProblem) return ExitCode.InputError;
  if (failOn === 'never') return ExitCode.Ok;
  const threshold = SEVERITY_RANK[failOn];
  const failing = targets.some((t) => t.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold));
  return failing ? ExitCode.Findings : ExitCode.Ok;
}
