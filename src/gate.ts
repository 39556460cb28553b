// The CI gate as a library stage: what a run's findings become under the configuration file (severity
// overrides, ignores with expiry), a baseline, and the exit decision. The CLI adds only argv and output;
// library users get exactly what the CLI gets.

import type { AuditRun, ReportedFinding } from './audit/result.js';
import { applyBaseline, buildBaseline, type BaselineFile, type BaselineResult, type FileKey } from './baseline/baseline.js';
import { deviceKeyOf, entryDeviceKey, findingKey, keyString, type FindingKey } from './baseline/identity.js';
import { filteredOut } from './engine/engine.js';
import { ExitCode } from './common/exit-codes.js';
import { applyIgnores, applySeverityOverrides, ignorePaths } from './config/apply.js';
import type { AuditConfig } from './config/schema.js';
import { SEVERITY_RANK, type Severity } from './engine/types.js';

export type FailOn = Severity | 'never';

export interface GateOptions {
  config: AuditConfig;
  failOn: FailOn;
  /** Today as YYYY-MM-DD: ignores are in force through their `until` day. */
  today: string;
  /** Hide the findings this baseline records. */
  baseline?: BaselineFile;
  /** Truncated or partial configurations do not fail the gate (they are still reported as such). */
  allowIncomplete?: boolean;
  /** Exit code when nothing at all was audited (no config found): 2 for named paths, 0 for a change list. */
  whenNothingAudited?: typeof ExitCode.Ok | typeof ExitCode.InputError;
  /** `--quiet`: only errors are kept (reported and judged). */
  quiet?: boolean;
  /** `--max-warnings N`: more than N warnings fail the gate (exit 1) whatever failOn says. */
  maxWarnings?: number;
  /** `--fail-on-unused-ignores`: an ignore entry that matched no finding, or is past its `until` day, is an error (exit 2). */
  failOnUnusedIgnores?: boolean;
  /** The working directory the run's paths are relative to: ignores name files relative to the configuration file too. */
  cwd?: string;
  /** How files are named in the `source` of the baseline read and of the one written (relative to each file). */
  fileKeys?: { baseline?: FileKey; write?: FileKey };
}

export interface GateResult {
  /** The run with each target's findings overridden, ignored and baselined (kept ones only). */
  run: AuditRun;
  /** The findings after ignores, as a baseline file would record them (`--write-baseline`). */
  snapshot: BaselineFile;
  baseline?: BaselineResult<ReportedFinding>;
  /** True when no configuration at all was audited and nothing failed to read. */
  nothingAudited: boolean;
  /** Ignore entries of the configuration file that matched no finding in this run. */
  unusedIgnores: AuditConfig['ignore'];
  /** Ignore entries past their `until` day that still match a finding (which is reported again). */
  expiredIgnores: AuditConfig['ignore'];
  /** Findings not in the kept lists: ignored by the file, in the baseline, below error with --quiet. */
  hidden: { ignored: number; baselined: number; quiet: number };
  /** More warnings than --max-warnings allows. */
  tooManyWarnings: boolean;
  exitCode: number;
}

/** Applies the gate to a run, in place, and decides the exit code. */
export function gate(run: AuditRun, options: GateOptions): GateResult {
  const { config } = options;
  const used = new Set<unknown>();
  const expired = new Set<AuditConfig['ignore'][number]>();
  for (const t of run.targets) {
    const r = applyIgnores(
      applySeverityOverrides(t.findings, config),
      config.ignore,
      {
        hostname: t.summary.hostname,
        source: t.summary.source,
        ...(options.cwd !== undefined ? { alsoAs: ignorePaths(t.summary.source, options.cwd, config.source) } : {}),
      },
      options.today,
    );
    t.findings = r.kept;
    t.ignored = r.ignored;
    for (const i of r.ignored) used.add(i.entry);
    for (const e of r.expired) expired.add(e);
  }
  const devices = run.targets.map((t) => ({
    device: { hostname: t.summary.hostname, source: t.summary.source, context: t.summary.context },
    findings: t.findings,
  }));
  // The baseline file is built only when someone reads it (`--write-baseline`).
  let snapshot: BaselineFile | undefined;
  let baseline: BaselineResult<ReportedFinding> | undefined;
  if (options.baseline) {
    const b = applyBaseline(options.baseline, devices, options.fileKeys?.baseline);
    run.targets.forEach((t, i) => (t.findings = b.kept[i]!));
    // An entry this run did not judge is not fixed: its rule is off, its profile filtered out, or its
    // finding ignored by the configuration file. Called stale, it would be dropped on the next rewrite
    // and come back as new when the rule, filter or ignore changes.
    // Nor is one of a configuration cut short: its finding may be in the part the file lacks.
    const filteredProfiles = new Set<string>();
    const ignoredKeys = new Set<string>();
    const cutShort = new Set<string>();
    run.targets.forEach((t, i) => {
      const { device } = devices[i]!;
      if (!t.summary.complete) cutShort.add(deviceKeyOf(device));
      for (const s of t.skippedProfiles) if (filteredOut(s.reason)) filteredProfiles.add(JSON.stringify([deviceKeyOf(device), s.tunnelGroup]));
      for (const ignored of t.ignored) ignoredKeys.add(keyString(findingKey(ignored.finding, device)));
    });
    const judged = (e: FindingKey): boolean =>
      config.rules[e.ruleId] !== 'off' &&
      !cutShort.has(entryDeviceKey(e)) &&
      !filteredProfiles.has(JSON.stringify([entryDeviceKey(e), e.tunnelGroup])) &&
      !ignoredKeys.has(keyString(e));
    baseline = { ...b, stale: b.stale.filter(judged) };
  }
  let quiet = 0;
  if (options.quiet) {
    for (const t of run.targets) {
      const errors = t.findings.filter((f) => f.severity === 'error');
      quiet += t.findings.length - errors.length;
      t.findings = errors;
    }
  }
  // An expired entry that still matches is not unused: it is out of date (and said so).
  const unusedIgnores = config.ignore.filter((e) => !used.has(e) && !expired.has(e));
  const expiredIgnores = config.ignore.filter((e) => expired.has(e) && !used.has(e));
  const warnings = run.targets.reduce((n, t) => n + t.findings.filter((f) => f.severity === 'warning').length, 0);
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  const nothingAudited = run.targets.length === 0 && run.inputErrors.length === 0;
  const incomplete = run.targets.some((t) => !t.summary.complete);
  const inputProblem =
    run.inputErrors.length > 0 ||
    (incomplete && !options.allowIncomplete) ||
    (Boolean(options.failOnUnusedIgnores) && unusedIgnores.length + expiredIgnores.length > 0);
  const judged = exitCodeFor(run.targets, inputProblem, options.failOn);
  const exitCode = nothingAudited
    ? (options.whenNothingAudited ?? ExitCode.InputError)
    : judged === ExitCode.Ok && tooManyWarnings
      ? ExitCode.Findings
      : judged;
  return {
    unusedIgnores,
    expiredIgnores,
    hidden: { ignored: run.targets.reduce((n, t) => n + t.ignored.length, 0), baselined: baseline?.suppressed ?? 0, quiet },
    tooManyWarnings,
    run,
    get snapshot(): BaselineFile {
      snapshot ??= buildBaseline(devices, options.fileKeys?.write);
      return snapshot;
    },
    ...(baseline ? { baseline } : {}),
    nothingAudited,
    exitCode,
  };
}

export function exitCodeFor(targets: ReadonlyArray<{ findings: ReadonlyArray<{ severity: Severity }> }>, inputProblem: boolean, failOn: FailOn): number {
  if (inputProblem) return ExitCode.InputError;
  if (failOn === 'never') return ExitCode.Ok;
  const threshold = SEVERITY_RANK[failOn];
  return targets.some((t) => t.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold)) ? ExitCode.Findings : ExitCode.Ok;
}
