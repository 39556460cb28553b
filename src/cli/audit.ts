// `asa-mobile-audit audit FILE|DIR ...`: findings per connection profile with fixes, in the
// formats CI systems read, gated by exit codes. This file holds argv and output only: the audit is in
// audit/, the gate (ignores, baselines, exit decision) in gate.ts, the formats in report/.

import { dirname, relative, resolve } from 'node:path';
import { auditFileList, auditTarget, emptyRun, parseFileList, planPaths, type AuditOptions } from '../audit/audit.js';
import { analyseBytes } from '../audit/pipeline.js';
import { auditPlanned } from '../audit/parallel.js';
import type { AuditRun } from '../audit/result.js';
import { baselineText, readBaseline, unauditedDevices, type BaselineFile, type BaselineResult, type FileKey } from '../baseline/baseline.js';
import { forwardSlashes } from '../baseline/identity.js';
import { nearest } from '../common/edit-distance.js';
import { ExitCode } from '../common/exit-codes.js';
import { configuredRules, fileFilter, fileIncluded, profileFilter, profileGlobMatches } from '../config/apply.js';
import { configFor } from '../config/config-file.js';
import { isWebUrl } from '../config/values.js';
import type { AuditConfig, RuleSetting } from '../config/schema.js';
import { gate, type FailOn } from '../gate.js';
import { InputError } from '../input/load.js';
import { colourWanted } from '../report/colour.js';
import { outputWidth } from '../report/wrap.js';
import { checkOutputsApart, checkWritable, refuseFolderName, writeOutput, type RunFile } from './write-output.js';
import { FORMATS, formatNotes, formatter, isFormat, type Format } from '../report/formats.js';
import type { ReportInput } from '../report/report-input.js';
import { RULES } from '../../rules/index.js';
import { complain, stdinBytes, TOOL_NAME, type CliIo } from './io.js';
import { defaultHelpUriBase, toolVersion } from './package-info.js';
import { UsageError } from './usage-error.js';
import { maxBytesOption } from './max-bytes.js';
import type { SshCliOptions } from './ssh-audit.js';
import { existsSync } from 'node:fs';
import { sideFileOptions } from './side-file-options.js';
import { isDirectory, maxConfigBytes, READ_LIMITS, ReadError, readUserText } from '../common/read-file.js';

export interface AuditCliOptions extends SshCliOptions {
  format: string[];
  clientProfiles?: string;
  dap?: string;
  output: string[];
  failOn?: string;
  profile: string[];
  allowIncomplete?: boolean;
  timestamp?: boolean;
  verbose?: boolean;
  config?: string;
  baseline?: string;
  writeBaseline?: string;
  filesFrom?: string;
  /** `-z`: the --files-from list is NUL-separated. */
  nul?: boolean;
  quiet?: boolean;
  maxWarnings?: string;
  rule: string[];
  printConfig?: boolean;
  /** `--color` / `--no-color`; undefined: decide per destination. */
  color?: boolean;
  failOnUnusedIgnores?: boolean;
  maxBytes?: string;
  /** `--no-error-on-no-config`: false when finding no configuration at all is not an error. */
  errorOnNoConfig?: boolean;
  helpUriBase?: string;
}

/**
 * What an audit reads, that an output must not overwrite, known before any work. Checked apart:
 * `--baseline` (writing the refreshed baseline over the one read, --write-baseline, is how a baseline
 * is updated), the configuration file (once loaded) and the configurations a directory holds (once found).
 */
function auditInputs(paths: readonly string[], opts: AuditCliOptions, cwd: string): RunFile[] {
  const named = (p: string | undefined, what: string): RunFile[] => (p === undefined || p === '-' ? [] : [{ path: resolve(cwd, p), what }]);
  return [
    ...paths.flatMap((p) => named(p, 'a configuration')),
    ...named(opts.filesFrom, 'the --files-from list'),
    ...named(opts.inventory, 'the --inventory'),
    ...named(opts.dap, 'the --dap file'),
  ];
}

/** Options that only live collection reads, with their flags. */
const SSH_ONLY_OPTIONS: ReadonlyArray<readonly [keyof SshCliOptions, string]> = [
  ['user', '--user'],
  ['passwordEnv', '--password-env'],
  ['enablePasswordEnv', '--enable-password-env'],
  ['identity', '--identity'],
  ['knownHosts', '--known-hosts'],
  ['acceptNew', '--accept-new'],
  ['legacyAlgorithms', '--legacy-algorithms'],
  ['context', '--context'],
  ['save', '--save'],
  ['keepSecrets', '--keep-secrets'],
  ['concurrency', '--concurrency'],
  ['timeout', '--timeout'],
  ['commandTimeout', '--command-timeout'],
  ['maxOutputMb', '--max-output-mb'],
  ['maxAuthRounds', '--max-auth-rounds'],
];

function outputsFor(opts: AuditCliOptions): Array<{ format: Format; file: string | null }> {
  const formats = opts.format.length > 0 ? opts.format : ['table'];
  for (const f of formats)
    if (!isFormat(f))
      // `text` is what diff, what-if and plan call their human format: audit's is `table`.
      throw new UsageError(`--format: \`${f}\` is not one of ${FORMATS.join(', ')}${f === 'text' ? ' (the human format of audit is `table`)' : ''}`);
  if (opts.output.length > formats.length) throw new UsageError('--output: each --output needs a --format before it (pairs are matched in order)');
  // `--output -` is standard output, as `-` is standard input among the paths.
  const pairs = formats.map((format, i) => ({ format: format as Format, file: opts.output[i] === '-' ? null : (opts.output[i] ?? null) }));
  if (pairs.filter((p) => p.file === null).length > 1) throw new UsageError('only one --format can go to standard output; give the others an --output FILE');
  return pairs;
}

export async function auditCommand(paths: string[], opts: AuditCliOptions, io: CliIo): Promise<number> {
  const outputs = outputsFor(opts);
  if (opts.timestamp && !outputs.some((o) => o.format === 'html'))
    complain(io, '--timestamp changes only --format html (the other formats carry no time, so they diff cleanly)');
  if (opts.failOn !== undefined && !['error', 'warning', 'info', 'never'].includes(opts.failOn)) {
    throw new UsageError(`--fail-on: \`${opts.failOn}\` is not one of error, warning, info, never`);
  }
  const maxWarnings = opts.maxWarnings === undefined ? undefined : nonNegativeInt(opts.maxWarnings, '--max-warnings');
  const maxBytes = maxBytesOption(opts.maxBytes);
  if (opts.helpUriBase !== undefined && !isWebUrl(opts.helpUriBase)) throw new UsageError(`--help-uri-base: \`${opts.helpUriBase}\` is not an http(s) URL`);
  // Where reports and baselines go is checked before the work: a typo must not cost a fleet run.
  for (const out of outputsFor(opts)) {
    if (out.file === null) continue;
    refuseFolderName(out.file, '--output');
    checkWritable(resolve(io.cwd, out.file), '--output');
  }
  if (opts.writeBaseline !== undefined) refuseFolderName(opts.writeBaseline, '--write-baseline');
  if (opts.writeBaseline !== undefined) checkWritable(resolve(io.cwd, opts.writeBaseline), '--write-baseline');
  const reports = outputs.flatMap((o) => (o.file === null ? [] : [{ path: resolve(io.cwd, o.file), what: `--output (--format ${o.format})` }]));
  const written = [...reports, ...(opts.writeBaseline === undefined ? [] : [{ path: resolve(io.cwd, opts.writeBaseline), what: '--write-baseline' }])];
  checkOutputsApart(written, auditInputs(paths, opts, io.cwd));
  // A report over the baseline it is judged against loses the baseline (a refreshed one may go there).
  if (opts.baseline !== undefined) checkOutputsApart(reports, [{ path: resolve(io.cwd, opts.baseline), what: 'the --baseline' }]);
  const live = opts.ssh.length > 0 || opts.inventory !== undefined;
  if (live && (paths.length > 0 || opts.filesFrom !== undefined))
    throw new UsageError('give either files (paths, --files-from) or devices (--ssh, --inventory), not both');
  if (paths.length > 0 && opts.filesFrom !== undefined) throw new UsageError('give either paths or --files-from, not both');
  if (!live && paths.length === 0 && opts.filesFrom === undefined && !opts.printConfig)
    throw new UsageError('audit: give at least one configuration file or directory, - for standard input (or --files-from, --ssh, --inventory)');
  // An option that does nothing here is said, not silently dropped: `--save` on a file audit saves nothing.
  if (!live) {
    const sshOnly = SSH_ONLY_OPTIONS.filter(([key]) => opts[key] !== undefined).map(([, flag]) => flag);
    if (sshOnly.length > 0) complain(io, `${sshOnly.join(', ')}: only with --ssh or --inventory; ignored for files`);
  }
  if (opts.nul && opts.filesFrom === undefined) complain(io, '-z: only with --files-from; ignored');

  const cfg = withRuleOverrides(
    await configFor(
      io.cwd,
      opts.config === undefined ? undefined : resolve(io.cwd, opts.config),
      RULES.map((r) => r.meta.id),
    ),
    opts.rule,
  );
  // `--max-warnings N` alone is ESLint's: errors fail, and more than N warnings do; N or fewer pass.
  // So without `--fail-on` on the command line it judges from `error` (the configuration file's
  // `failOn` gives way to it, as its rules give way to `--rule`); an explicit `--fail-on` keeps its meaning.
  const failOnSetting = opts.failOn ?? (maxWarnings !== undefined ? 'error' : (cfg.failOn ?? 'warning'));
  if (opts.printConfig) {
    io.stdout(await printConfig(cfg, failOnSetting));
    return ExitCode.Ok;
  }
  // The configuration file is read too, named (--config) or found by walking up.
  if (cfg.source !== null) checkOutputsApart(written, [{ path: cfg.source, what: 'the configuration file' }]);
  const failOn = failOnSetting as FailOn;
  const rules = configuredRules(RULES, cfg);
  const auditOptions = {
    rules,
    profiles: opts.profile,
    profileFilter: profileFilter(cfg),
    fileFilter: fileFilter(cfg, cfg.source ? dirname(cfg.source) : io.cwd),
    fileIncluded: fileIncluded(cfg, cfg.source ? dirname(cfg.source) : io.cwd),
    maxConfigBytes: maxConfigBytes(io.env),
    sideFiles: sideFileOptions(opts, io.cwd),
    // Only the HTML report draws the DNS picture and inheritance: other formats skip the work.
    views: outputs.some((o) => o.format === 'html'),
  };
  const abs = (p: string): string => resolve(io.cwd, p);
  let run: AuditRun;
  if (live) {
    run = await (await import('./ssh-audit.js')).collectOverSsh(opts, io, auditOptions);
  } else if (opts.filesFrom !== undefined) {
    const listText = opts.filesFrom === '-' ? io.readStdin() : readListFile(abs(opts.filesFrom));
    // A binary file given by mistake (a configuration's name where the list's goes) is no list: its
    // "paths" would be printed back as garbage. NUL only separates paths with -z; U+FFFD is bytes
    // that are not UTF-8.
    if ((!opts.nul && listText.includes('\u0000')) || listText.includes('\ufffd'))
      throw new UsageError(`--files-from ${opts.filesFrom}: not a list of paths (it holds binary data${opts.nul ? '' : '; a NUL-separated list takes -z'})`);
    const list = parseFileList(listText, Boolean(opts.nul)).filter((f) => !f.startsWith('#') || existsSync(abs(f)));
    run = auditFileList(
      list.map((f) => (isAbsoluteLike(f) ? f : abs(f))),
      auditOptions,
    );
    relabel(run, io.cwd);
  } else {
    run = emptyRun();
    const files = paths.filter((p) => p !== '-');
    const plan = planPaths(files.map(abs), auditOptions);
    const workers = await auditPlanned(
      plan,
      auditOptions,
      {
        ruleSettings: cfg.rules,
        profiles: opts.profile,
        profileGlobs: cfg.profiles,
        maxConfigBytes: auditOptions.maxConfigBytes,
        sideFiles: auditOptions.sideFiles,
        views: auditOptions.views,
      },
      run,
      io.env,
    );
    if (opts.verbose && workers > 0) complain(io, `audited ${plan.filter((p) => p.skip === null).length} files on ${workers} worker threads`);
    // `-`: a configuration on standard input (a pipe from ssh, git show, an editor).
    if (paths.includes('-')) auditStdin(stdinBytes(io), auditOptions, run);
    relabel(run, io.cwd);
  }
  // Now the configurations read are known (a directory's, a list's): no report or baseline over one.
  // (Stdin and live sources are no files; the check passes over what is not a file.)
  checkOutputsApart(
    written,
    [...new Set(run.targets.map((t) => t.summary.source))].map((source) => ({ path: abs(source), what: 'a configuration' })),
  );

  const baselineFile = opts.baseline !== undefined ? readBaseline(abs(opts.baseline)) : undefined;
  // A baseline names files relative to itself: the same file is the same name from any directory.
  const fileKeyAt =
    (baselinePath: string): FileKey =>
    (source) =>
      source === '<stdin>' || /^[a-z][a-z0-9+.-]*:\/\//i.test(source) ? source : forwardSlashes(relative(dirname(baselinePath), resolve(io.cwd, source)));
  const readKey = opts.baseline !== undefined ? fileKeyAt(abs(opts.baseline)) : undefined;
  const writeKey = opts.writeBaseline !== undefined ? fileKeyAt(abs(opts.writeBaseline)) : undefined;
  const result = gate(run, {
    config: cfg,
    failOn,
    cwd: io.cwd,
    fileKeys: { ...(readKey ? { baseline: readKey } : {}), ...(writeKey ? { write: writeKey } : {}) },
    today: io.now().toISOString().slice(0, 10),
    ...(baselineFile !== undefined ? { baseline: baselineFile } : {}),
    ...(opts.allowIncomplete ? { allowIncomplete: true } : {}),
    // A change list, or a hook passing whatever a commit touched, may hold no configuration at all.
    whenNothingAudited: overChangedFiles(opts) ? ExitCode.Ok : ExitCode.InputError,
    ...(opts.quiet ? { quiet: true } : {}),
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    ...(opts.failOnUnusedIgnores ? { failOnUnusedIgnores: true } : {}),
  });

  const input: ReportInput = {
    targets: run.targets,
    inputErrors: run.inputErrors,
    rules,
    tool: { name: TOOL_NAME, version: toolVersion() },
    failOn,
    cwd: io.cwd,
    helpUriBase: opts.helpUriBase ?? cfg.helpUriBase ?? defaultHelpUriBase(),
    ...(result.baseline ? { baseline: { suppressed: result.baseline.suppressed, stale: result.baseline.stale } } : {}),
    display: { color: false, verbose: Boolean(opts.verbose), width: 80 },
    summary: { ignored: result.hidden.ignored, baselined: result.hidden.baselined },
    ...(opts.allowIncomplete ? { allowIncomplete: true } : {}),
    ...(maxBytes !== undefined ? { maxBytes } : {}),
    ...(opts.timestamp ? { generatedAt: io.now().toISOString() } : {}),
    skippedFiles: run.skippedFiles.map((s) => ({ file: s.file, reason: s.reason, named: s.named })),
  };
  for (const out of outputs) {
    // Colour and width are decided per destination: a file never gets ANSI codes.
    const display =
      out.file === null
        ? { ...input.display, color: colourWanted(io.isTTY, io.env, opts.color), width: outputWidth(io.columns, io.env) }
        : { ...input.display, color: false, width: outputWidth(undefined, io.env) };
    const text = (await formatter(out.format))({ ...input, display });
    for (const note of await formatNotes(out.format, input)) complain(io, note);
    if (out.file === null) io.stdout(text);
    else writeOutput(abs(out.file), text, '--output');
  }

  reportOnStderr(run, result.baseline, opts, io);
  if (result.nothingAudited && opts.errorOnNoConfig !== false)
    complain(io, `no ASA configuration found in ${opts.filesFrom !== undefined ? `the list from --files-from ${opts.filesFrom}` : paths.join(', ')}`);
  const unmatched = unmatchedFilters(run, cfg, opts, io);
  // dap.xml is read only for a configuration with DAP records of its own: a --dap file nothing used
  // (the wrong file, or the wrong configuration) is said, not dropped in silence.
  if (opts.dap !== undefined && run.targets.length > 0 && run.targets.every((t) => t.dap === null))
    complain(io, `--dap ${opts.dap}: not read: no audited configuration has a dynamic-access-policy-record of its own (DfltAccessPolicy aside)`);
  for (const e of result.unusedIgnores)
    complain(
      io,
      `${cfg.source ?? 'configuration'}${e.line ? `:${e.line}` : ''}: ignore entry for ${e.rule}${e.profile ? ` (profile ${e.profile})` : ''}${e.device ? ` (device ${e.device})` : ''} matched no finding${opts.failOnUnusedIgnores ? '' : '; remove it, or fail on it with --fail-on-unused-ignores'}`,
    );
  for (const e of result.expiredIgnores)
    complain(
      io,
      `${cfg.source ?? 'configuration'}${e.line ? `:${e.line}` : ''}: ignore entry for ${e.rule}${e.profile ? ` (profile ${e.profile})` : ''}${e.device ? ` (device ${e.device})` : ''} expired on ${e.until ?? '?'}: its findings are reported again; fix them, or move \`until\` if the reason still holds${opts.failOnUnusedIgnores ? '' : ' (--fail-on-unused-ignores fails on it)'}`,
    );
  if (result.tooManyWarnings) complain(io, `more than ${maxWarnings!} warning${maxWarnings === 1 ? '' : 's'} (--max-warnings ${maxWarnings!})`);
  if (result.hidden.quiet > 0 && opts.verbose) complain(io, `--quiet: ${result.hidden.quiet} warning and info findings not reported`);
  // A run over the files a change touched sees some devices; any other run is expected to see them all.
  const unaudited = baselineFile === undefined || overChangedFiles(opts) ? [] : devicesNotAudited(baselineFile, run, readKey!);
  if (unaudited.length > 0)
    complain(
      io,
      `baseline: entries for ${unaudited.length} device${unaudited.length === 1 ? '' : 's'} this run did not audit: ${unaudited.slice(0, 5).join(', ')}${unaudited.length > 5 ? ', ...' : ''} (gone, renamed, a changed hostname, or a file no longer read as a configuration? --verbose lists skipped files); their findings were not checked`,
    );
  // Rewriting a baseline from named files or a list would drop the entries of every device not among them.
  // (A directory scan or an inventory is the whole estate: a device gone from it is dropped on purpose.)
  const wholeEstate = opts.inventory !== undefined || scansDirectory(paths, abs);
  const dropped = opts.writeBaseline === undefined || wholeEstate ? [] : devicesNotAudited(existingBaseline(abs(opts.writeBaseline)), run, writeKey!);
  // A baseline is written only from a run that saw every configuration whole: an empty or partial one
  // would replace a real baseline and bring back (or hide) findings unannounced.
  const notWritten = unmatched
    ? 'a filter above matched nothing'
    : run.inputErrors.length > 0 || run.skippedFiles.some((f) => f.named)
      ? 'a configuration above could not be read, or a file named is no configuration'
      : result.nothingAudited
        ? 'no configuration was audited'
        : !opts.allowIncomplete && run.targets.some((t) => !t.summary.complete)
          ? 'a configuration above is incomplete (--allow-incomplete records what it holds)'
          : dropped.length > 0
            ? `it holds entries for ${dropped.length} device${dropped.length === 1 ? '' : 's'} this run did not audit (${dropped.slice(0, 5).join(', ')}${dropped.length > 5 ? ', ...' : ''}); audit them all (their directory, or --inventory), or remove the file to start a new baseline`
            : null;
  if (opts.writeBaseline !== undefined && notWritten !== null) {
    complain(io, `${opts.writeBaseline} not written: ${notWritten}`);
    // The run was asked for a baseline and wrote none: a "refresh baseline" job must not pass.
    return result.exitCode === ExitCode.InternalError ? ExitCode.InternalError : ExitCode.InputError;
  }
  if (unmatched && result.exitCode !== ExitCode.InternalError) return ExitCode.InputError;
  if (opts.writeBaseline !== undefined && notWritten === null) {
    writeOutput(abs(opts.writeBaseline), baselineText(result.snapshot), '--write-baseline');
    const n = result.snapshot.entries.length;
    complain(io, `wrote ${opts.writeBaseline}: ${n} finding${n === 1 ? '' : 's'} recorded; with --baseline ${opts.writeBaseline} they are no longer reported`);
    // Recording findings is the point of the run: they fail nothing (input errors still do).
    if (result.exitCode === ExitCode.Findings) return ExitCode.Ok;
  }
  return result.exitCode;
}

/** A run over the files a change touched (--files-from, or a hook's --no-error-on-no-config): it sees some of the devices. */
function overChangedFiles(opts: AuditCliOptions): boolean {
  return opts.filesFrom !== undefined || opts.errorOnNoConfig === false;
}

/** Devices (hostname, or path, and context) a baseline has entries for that the run did not audit, in its order. */
function devicesNotAudited(baseline: BaselineFile | null, run: AuditRun, fileKey: FileKey): string[] {
  if (baseline === null) return [];
  return unauditedDevices(
    baseline,
    run.targets.map((t) => ({ device: { hostname: t.summary.hostname, source: t.summary.source, context: t.summary.context }, findings: [] })),
    fileKey,
  );
}

/** The baseline a --write-baseline would replace, or null (none there, or not a baseline: nothing to keep). */
function existingBaseline(file: string): BaselineFile | null {
  if (!existsSync(file)) return null;
  try {
    return readBaseline(file);
  } catch {
    return null;
  }
}

/** Whether the run scans a directory (it then sees every configuration under it). */
function scansDirectory(paths: readonly string[], abs: (p: string) => string): boolean {
  return paths.some((p) => p !== '-' && isDirectory(abs(p)));
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
}

/**
 * Filters that match nothing are mistakes, as ESLint treats patterns that match no file: `--profile`
 * names and `profiles.include` globs that no audited connection profile has. True when one did.
 */
function unmatchedFilters(run: AuditRun, cfg: AuditConfig, opts: AuditCliOptions, io: CliIo): boolean {
  // Nothing to check without --profile or profiles.include (a fleet has tens of thousands of names).
  if (run.targets.length === 0 || (opts.profile.length === 0 && cfg.profiles.include.length === 0)) return false;
  const names = run.targets.flatMap((t) => t.profileNames);
  let unmatched = false;
  for (const wanted of opts.profile) {
    if (names.includes(wanted)) continue;
    const sameBut = names.find((n) => n.toLowerCase() === wanted.toLowerCase());
    const near = sameBut ?? nearest(wanted, new Set(names));
    // A glob was meant as one: say where globs go before guessing a name.
    const hint = /[*?[\]{}]/.test(wanted)
      ? ' (--profile takes exact names; for a glob use profiles.include in the configuration file)'
      : sameBut
        ? ` (names are case-sensitive; did you mean \`${sameBut}\`?)`
        : near !== null
          ? ` (did you mean \`${near}\`?)`
          : '';
    complain(io, `--profile ${wanted}: no connection profile of that name in the audited configuration(s)${hint}`);
    unmatched = true;
  }
  // A run over whatever a change touched audits some of the devices: a glob for the others matching
  // nothing there is no mistake, only worth a note.
  const someFiles = overChangedFiles(opts);
  for (const [i, glob] of cfg.profiles.include.entries()) {
    if (names.some((n) => profileGlobMatches(glob, n))) continue;
    const line = cfg.includeLines?.[i];
    complain(
      io,
      `${cfg.source ?? 'configuration'}${line ? `:${line}` : ''}: profiles.include \`${glob}\` matches no connection profile of the audited configuration(s)${someFiles ? ' (not an error in a run over the files a change touched)' : ''}`,
    );
    if (!someFiles) unmatched = true;
  }
  return unmatched;
}

function nonNegativeInt(value: string, option: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${option}: \`${value}\` is not a whole number`);
  return Number(value);
}

/** `--rule ID=off|on|info|warning|error`, repeatable: overrides the configuration file's `rules`. */
function withRuleOverrides(cfg: AuditConfig, overrides: readonly string[]): AuditConfig {
  if (overrides.length === 0) return cfg;
  const rules = { ...cfg.rules };
  for (const o of overrides) {
    const m = /^([^=]+)=(off|on|info|warning|error)$/.exec(o);
    if (!m) throw new UsageError(`--rule ${o}: expected ID=off|on|info|warning|error`);
    if (!RULES.some((r) => r.meta.id === m[1])) {
      const near = nearest(
        m[1]!,
        RULES.map((r) => r.meta.id),
      );
      throw new UsageError(`--rule ${o}: no rule \`${m[1]!}\`${near === null ? '' : ` (did you mean \`${near}\`?)`} (\`${TOOL_NAME} rules\` lists them)`);
    }
    rules[m[1]!] = m[2] as RuleSetting;
  }
  return { ...cfg, rules };
}

/** `--print-config`: the configuration a run would use, after the file and the command line, as YAML. */
async function printConfig(cfg: AuditConfig, failOn: string): Promise<string> {
  const { stringify } = await import('yaml');
  // A rule left as it is prints its severity, or `on` where it picks one per finding: a configuration
  // file restating this output must give the same run.
  const effective = Object.fromEntries(
    RULES.map((r) => {
      const s = cfg.rules[r.meta.id];
      return [r.meta.id, s !== undefined && s !== 'on' ? s : r.meta.severities.length > 1 ? 'on' : r.meta.severity];
    }),
  );
  const doc = {
    source: cfg.source,
    failOn,
    rules: effective,
    profiles: cfg.profiles,
    files: cfg.files,
    ignore: cfg.ignore.map((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== 'line'))),
    ...(cfg.helpUriBase !== undefined ? { helpUriBase: cfg.helpUriBase } : {}),
  };
  return stringify(doc, { lineWidth: 0 });
}

function auditStdin(bytes: Buffer, options: AuditOptions, run: AuditRun): void {
  try {
    for (const t of analyseBytes(bytes, '<stdin>')) run.targets.push(auditTarget(t, options));
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    run.inputErrors.push(err);
  }
}

function readListFile(path: string): string {
  try {
    return readUserText(path, READ_LIMITS.list);
  } catch (err) {
    if (err instanceof ReadError) throw new UsageError(`--files-from ${path}: ${err.message}`);
    throw err;
  }
}

function isAbsoluteLike(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p);
}

/** Reports name files the way the user (or the list) named them: relative to the working directory. */
function relabel(run: AuditRun, cwd: string): void {
  const prefix = cwd.endsWith('/') ? cwd : `${cwd}/`;
  const rel = (p: string): string => (p.startsWith(prefix) ? p.slice(prefix.length) : p);
  // Side files (client profile XML, dap.xml) are named like the configuration: relative, also inside
  // the DNS notes that quote them.
  const inText = (s: string): string => s.replaceAll(prefix, '');
  for (const t of run.targets) {
    t.summary.source = rel(t.summary.source);
    for (const f of t.findings) if (f.file !== null) f.file = rel(f.file);
    for (const c of t.clientProfiles) if (c.readFrom !== null) c.readFrom = rel(c.readFrom);
    for (const v of t.views ?? []) v.dns.warnings = v.dns.warnings.map(inText);
  }
  run.inputErrors = run.inputErrors.map((e) => new InputError(rel(e.file), e.message, e.line, e.kind));
  for (const s of run.skippedFiles) s.file = rel(s.file);
}
