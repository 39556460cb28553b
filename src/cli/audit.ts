// `asa-mobile-audit audit FILE|DIR ...`: findings per connection profile, with fixes; exit codes for CI.

import { auditPaths, type AuditTarget } from '../audit.js';
import { SEVERITY_RANK, type Severity } from '../engine/types.js';
import { renderAuditJson } from '../report/audit-json.js';
import { colourWanted, paint } from '../report/colour.js';
import { RULES } from '../../rules/index.js';
import { ExitCode } from './exit-codes.js';
import { complain, TOOL_NAME, type CliIo } from './io.js';
import { toolVersion } from './package-info.js';
import { UsageError } from './usage-error.js';

export type FailOn = Severity | 'never';

export interface AuditCliOptions {
  format: 'table' | 'json';
  failOn: FailOn;
  profile: string[];
  allowIncomplete?: boolean;
  verbose?: boolean;
}

export async function auditCommand(paths: string[], opts: AuditCliOptions, io: CliIo): Promise<number> {
  if (paths.length === 0) throw new UsageError('audit: give at least one configuration file or directory');
  const run = auditPaths(paths, { rules: RULES, profiles: opts.profile });

  for (const wanted of opts.profile) {
    const known = run.targets.some((t) => t.analysed.resolved.profiles.some((p) => p.name === wanted));
    if (!known && run.targets.length > 0) complain(io, `--profile ${wanted}: no connection profile of that name in the audited configuration(s)`);
  }

  if (opts.format === 'json') {
    io.stdout(renderAuditJson(run.targets, { name: TOOL_NAME, version: toolVersion() }));
  } else {
    // `table` costs ~20 ms to load; machine formats (CI, benchmarks) do not pay for it.
    const { renderAuditTable } = await import('../report/audit-table.js');
    io.stdout(renderAuditTable(run.targets, paint(colourWanted(io.isTTY, io.env)), { verbose: opts.verbose }));
  }

  if (opts.verbose) for (const s of run.skippedFiles) complain(io, `skipped ${s.file}: ${s.reason}`);
  for (const err of run.inputErrors) complain(io, err.describe());
  const incomplete = run.targets.filter((t) => !t.summary.complete);
  for (const t of incomplete) {
    const problem = t.summary.parseProblems.find((p) => p.code === 'incomplete');
    complain(
      io,
      `${t.summary.source}${problem?.line ? `:${problem.line}` : ''}: ${problem?.message ?? 'configuration is incomplete'}` +
        (opts.allowIncomplete ? ' (audited as far as it goes: --allow-incomplete)' : ' (use --allow-incomplete to accept it)'),
    );
  }
  if (run.targets.length === 0 && run.inputErrors.length === 0) {
    complain(io, `no ASA configuration found in ${paths.join(', ')}`);
    return ExitCode.InputError;
  }
  return exitCodeFor(run.targets, run.inputErrors.length > 0 || (incomplete.length > 0 && !opts.allowIncomplete), opts.failOn);
}

export function exitCodeFor(targets: AuditTarget[], inputProblem: boolean, failOn: FailOn): number {
  if (inputProblem) return ExitCode.InputError;
  if (failOn === 'never') return ExitCode.Ok;
  const threshold = SEVERITY_RANK[failOn];
  const failing = targets.some((t) => t.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold));
  return failing ? ExitCode.Findings : ExitCode.Ok;
}
