// `asa-mobile-audit audit FILE|DIR ...`: findings per connection profile with fixes, in the
// formats CI systems read, gated by exit codes. This file holds argv and output only: the audit is in
// audit/, the gate (ignores, baselines, exit decision) in gate.ts, the formats in report/.

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { auditFileList, emptyRun, parseFileList, planPaths } from '../audit/audit.js';
import { auditPlanned } from '../audit/parallel.js';
import type { AuditRun } from '../audit/result.js';
import { readBaseline, writeBaseline, type BaselineResult } from '../baseline/baseline.js';
import { ExitCode } from '../common/exit-codes.js';
import { configuredRules, fileFilter, fileIncluded, profileFilter } from '../config/apply.js';
import { configFor } from '../config/config-file.js';
import { gate, type FailOn } from '../gate.js';
import { InputError } from '../input/load.js';
import { colourWanted } from '../report/colour.js';
import { FORMATS, formatter, isFormat, type Format } from '../report/formats.js';
import type { ReportInput } from '../report/report-input.js';
import { RULES } from '../../rules/index.js';
import { complain, TOOL_NAME, type CliIo } from './io.js';
import { DEFAULT_HELP_URI_BASE, toolVersion } from './package-info.js';
import { UsageError } from './usage-error.js';
import type { SshCliOptions } from './ssh-audit.js';

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
  /** `-z`: the --files-from list is NUL-separated. */
  nul?: boolean;
  helpUriBase?: string;
}

function outputsFor(opts: AuditCliOptions): Array<{ format: Format; file: string | null }> {
  const formats = opts.format.length > 0 ? opts.format : ['table'];
  for (const f of formats) if (!isFormat(f)) throw new UsageError(`--format: \`${f}\` is not one of ${FORMATS.join(', ')}`);
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
  if (live && (paths.length > 0 || opts.filesFrom !== undefined))
    throw new UsageError('give either files (paths, --files-from) or devices (--ssh, --inventory), not both');
  if (paths.length > 0 && opts.filesFrom !== undefined) throw new UsageError('give either paths or --files-from, not both');
  if (!live && paths.length === 0 && opts.filesFrom === undefined)
    throw new UsageError('audit: give at least one configuration file or directory (or --files-from, --ssh, --inventory)');

  const cfg = await configFor(
    io.cwd,
    opts.config === undefined ? undefined : resolve(io.cwd, opts.config),
    RULES.map((r) => r.meta.id),
  );
  const failOn = (opts.failOn ?? cfg.failOn ?? 'warning') as FailOn;
  const rules = configuredRules(RULES, cfg);
  const auditOptions = {
    rules,
    profiles: opts.profile,
    profileFilter: profileFilter(cfg),
    fileFilter: fileFilter(cfg, cfg.source ? dirname(cfg.source) : io.cwd),
    fileIncluded: fileIncluded(cfg, cfg.source ? dirname(cfg.source) : io.cwd),
  };
  const abs = (p: string): string => resolve(io.cwd, p);
  let run: AuditRun;
  if (live) {
    run = await (await import('./ssh-audit.js')).collectOverSsh(opts, io, auditOptions);
  } else if (opts.filesFrom !== undefined) {
    const list = parseFileList(opts.filesFrom === '-' ? io.readStdin() : readListFile(abs(opts.filesFrom)), Boolean(opts.nul));
    run = auditFileList(
      list.map((f) => (isAbsoluteLike(f) ? f : abs(f))),
      auditOptions,
    );
    relabel(run, io.cwd);
  } else {
    run = emptyRun();
    const plan = planPaths(paths.map(abs), auditOptions);
    const workers = await auditPlanned(plan, auditOptions, { ruleSettings: cfg.rules, profiles: opts.profile, profileGlobs: cfg.profiles }, run, io.env);
    if (opts.verbose && workers > 0) complain(io, `audited ${plan.filter((p) => p.skip === null).length} files on ${workers} worker threads`);
    relabel(run, io.cwd);
  }

  const result = gate(run, {
    config: cfg,
    failOn,
    today: io.now().toISOString().slice(0, 10),
    ...(opts.baseline !== undefined ? { baseline: readBaseline(abs(opts.baseline)) } : {}),
    ...(opts.allowIncomplete ? { allowIncomplete: true } : {}),
    whenNothingAudited: opts.filesFrom !== undefined ? ExitCode.Ok : ExitCode.InputError,
  });
  if (opts.writeBaseline !== undefined) writeBaseline(abs(opts.writeBaseline), result.snapshot);

  const input: ReportInput = {
    targets: run.targets,
    inputErrors: run.inputErrors,
    rules,
    tool: { name: TOOL_NAME, version: toolVersion() },
    failOn,
    cwd: io.cwd,
    helpUriBase: opts.helpUriBase ?? cfg.helpUriBase ?? DEFAULT_HELP_URI_BASE,
    ...(result.baseline ? { baseline: { suppressed: result.baseline.suppressed, stale: result.baseline.stale } } : {}),
    display: { color: colourWanted(io.isTTY, io.env), verbose: Boolean(opts.verbose) },
  };
  for (const out of outputs) {
    const text = (await formatter(out.format))(input);
    if (out.file === null) io.stdout(text);
    else writeFileSync(abs(out.file), text);
  }

  reportOnStderr(run, result.baseline, opts, io);
  if (result.nothingAudited)
    complain(io, `no ASA configuration found in ${opts.filesFrom !== undefined ? `the list from --files-from ${opts.filesFrom}` : paths.join(', ')}`);
  return result.exitCode;
}

function reportOnStderr(run: AuditRun, baseline: BaselineResult | undefined, opts: AuditCliOptions, io: CliIo): void {
  // Files the user named or listed are reported when skipped; files found by scanning with --verbose.
  for (const s of run.skippedFiles) if (s.named || opts.verbose) complain(io, `skipped ${s.file}${s.line ? `:${s.line}` : ''}: ${s.reason}`);
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
    for (const t of run.targets)
      for (const i of t.ignored)
        complain(
          io,
          `ignored ${i.finding.ruleId} on ${t.summary.hostname ?? t.summary.source}${i.finding.tunnelGroup ? ` (${i.finding.tunnelGroup})` : ''}: ${i.entry.reason}`,
        );
  }
  if (baseline && baseline.stale.length > 0) {
    complain(
      io,
      `baseline: ${baseline.stale.length} stale entr${baseline.stale.length === 1 ? 'y' : 'ies'} (fixed since the baseline was written); rewrite it with --write-baseline to shrink it`,
    );
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
