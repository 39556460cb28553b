// `diff`, `what-if` and `plan`: argv and output only. Loading the two sides, applying a change and
// composing a plan are in change/; the words and formats in report/change-*.

import { isUtf8 } from 'node:buffer';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { analyseCollected, collectedBuildOptions, type AuditOptions } from '../audit/audit.js';
import { analyseBytes, analyseFile } from '../audit/pipeline.js';
import { diffDevices, introducedAtLeast, pairDevices } from '../change/diff.js';
import { planDevice } from '../change/plan.js';
import type { DeviceDiff, IncompleteSide, NotPlanned, PlanTarget } from '../change/result.js';
import type { ReportedFinding } from '../audit/result.js';
import { snapshotOf, type DeviceSnapshot } from '../change/snapshot.js';
import { GitError, parseRange, sideFromBytes, sidePath, sidesFromGit, sideFromPath, type Side, type SideDevice } from '../change/sources.js';
import { splitPrompt } from '../parse/parse.js';
import { ownLinesDisagree } from '../change/replay.js';
import { simulatedSections, whatIf } from '../change/what-if.js';
import { nearest } from '../common/edit-distance.js';
import { someNames } from '../common/some-names.js';
import { ExitCode } from '../common/exit-codes.js';
import { NOT_MODELLED } from '../model/merge.js';
import type { Problem } from '../common/problem.js';
import { linesNotRead } from '../model/not-read.js';
import { applyIgnores, applySeverityOverrides, configuredRules, fileFilter, fileIncluded, ignorePaths, namesProfile, profileFilter } from '../config/apply.js';
import { configFor } from '../config/config-file.js';
import type { AuditConfig } from '../config/schema.js';
import type { Severity } from '../engine/types.js';
import { InputError } from '../input/load.js';
import { renderDiffGithub } from '../report/change-github.js';
import { renderDiffHtml, renderPlanHtml, type HtmlChangeOptions } from '../report/change-html.js';
import { renderDiffJson, renderPlanJson } from '../report/change-json.js';
import { renderDiffMarkdown, renderPlanMarkdown } from '../report/change-markdown.js';
import { renderDiffText, renderPlanText } from '../report/change-text.js';
import { deviceTitle, wayInLost, type ChangeReportInput } from '../report/change-words.js';
import { reportPath } from '../report/report-input.js';
import { RULES } from '../../rules/index.js';
import { complain, stdinBytes, TOOL_NAME, type CliIo } from './io.js';
import { defaultHelpUriBase, toolVersion } from './package-info.js';
import type { CommonOptions, DiffCliOptions, PlanCliOptions, WhatIfCliOptions } from './change-options.js';
import type { SshCliOptions } from './ssh-audit.js';
import { UsageError } from './usage-error.js';
import { maxBytesOption } from './max-bytes.js';
import { sideFileOptions } from './side-file-options.js';
import { checkOutputsApart, realPlace, refuseFolderName, writeOutput } from './write-output.js';
import { decodeUserText, isDirectory, maxConfigBytes, READ_LIMITS, ReadError, readUserFile, utf16Encoding } from '../common/read-file.js';
import { decodeConfigBytes } from '../parse/decode.js';
import { cmp } from '../common/problem.js';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

interface Setup {
  cfg: AuditConfig;
  options: AuditOptions;
  today: string;
  abs: (p: string) => string;
}

/** `reads`: the files the command reads (configurations, the change script), which `--output` must not overwrite. */
async function setup(opts: CommonOptions, io: CliIo, reads: ReadonlyArray<{ path: string | undefined; what: string }>): Promise<Setup> {
  if (opts.output !== undefined) refuseFolderName(opts.output, '--output');
  const cfg = await configFor(
    io.cwd,
    opts.config === undefined ? undefined : resolve(io.cwd, opts.config),
    RULES.map((r) => r.meta.id),
  );
  // The configuration file is read too, named (--config) or found by walking up.
  if (opts.output !== undefined)
    checkOutputsApart(
      [{ path: resolve(io.cwd, opts.output), what: '--output' }],
      [...reads, { path: cfg.source ?? undefined, what: 'the configuration file' }, { path: opts.dap, what: 'the --dap file' }].flatMap((r) =>
        r.path === undefined || r.path === '-' ? [] : [{ path: resolve(io.cwd, r.path), what: r.what }],
      ),
    );
  const options: AuditOptions = {
    rules: configuredRules(RULES, cfg),
    profileFilter: profileFilter(cfg),
    fileFilter: fileFilter(cfg, cfg.source ? dirname(cfg.source) : io.cwd),
    fileIncluded: fileIncluded(cfg, cfg.source ? dirname(cfg.source) : io.cwd),
    maxConfigBytes: maxConfigBytes(io.env),
    sideFiles: sideFileOptions(opts, io.cwd),
  };
  return { cfg, options, today: io.now().toISOString().slice(0, 10), abs: (p) => resolve(io.cwd, p) };
}

/** The configuration file's severity overrides and ignores, as `audit` applies them. */
/** `copies`: profiles a plan copies (copy → original): ignores naming the original cover the copy. */
/** `file`: where the configuration is as a file, when its source says otherwise (`REV:PATH` of a git diff). */
function configure(s: DeviceSnapshot, { cfg, today, abs }: Setup, copies?: ReadonlyMap<string, string>, file?: string): DeviceSnapshot {
  const t = s.target;
  const device = { hostname: t.summary.hostname, source: t.summary.source, alsoAs: ignorePaths(file ?? t.summary.source, abs('.'), cfg.source) };
  const r = applyIgnores(applySeverityOverrides(t.findings, cfg), cfg.ignore, device, today, copies);
  return { ...s, target: { ...t, findings: r.kept, ignored: r.ignored } };
}

/** `never` (as audit --fail-on takes): no severity, the gate is off (`never`: whether it is accepted). */
function severityOption(name: string, value: string | undefined, never = false): Severity | undefined {
  if (value === undefined || (never && value === 'never')) return undefined;
  if (!(SEVERITIES as readonly string[]).includes(value))
    throw new UsageError(`${name}: \`${value}\` is not one of ${[...SEVERITIES, ...(never ? ['never'] : [])].join(', ')}`);
  return value as Severity;
}

/** `sources`: the configurations the command read (a directory's, too): never written over. */
function write(io: CliIo, s: Setup, output: string | undefined, text: string, sources: ReadonlyArray<string | null>): void {
  if (output === undefined) {
    io.stdout(text);
    return;
  }
  checkOutputsApart(
    [{ path: s.abs(output), what: '--output' }],
    sources.flatMap((source) => (source === null ? [] : [{ path: s.abs(source), what: 'a configuration' }])),
  );
  writeOutput(s.abs(output), text, '--output');
}

/** Incomplete configurations: named on stderr; true when they should fail the command. */
function incomplete(snapshots: readonly DeviceSnapshot[], io: CliIo, allow: boolean | undefined, what: string): boolean {
  const bad = snapshots.filter((s) => !s.target.summary.complete);
  for (const s of bad) {
    const p = s.target.summary.parseProblems.find((x) => x.code === 'incomplete');
    // Named as the reports name it: relative to the working folder. (A context missing from a backup
    // stays unread whatever the option: the hint says what it does accept.)
    const hint =
      /but the file has no section for it/.test(p?.message ?? '') && what.startsWith('use --allow-incomplete')
        ? '--allow-incomplete accepts the rest of the file; the missing context stays not compared'
        : what;
    complain(
      io,
      `${reportPath(s.target.summary.source, io.cwd)}${p?.line ? `:${p.line}` : ''}: ${p?.message ?? 'configuration is incomplete'}${allow ? '' : ` (${hint})`}`,
    );
  }
  return bad.length > 0 && !allow;
}

/** Each configuration's lines the tool did not read, said on stderr (the first, and how many more) with what follows from them. */
function unreadLines(snapshots: readonly DeviceSnapshot[], io: CliIo, consequence: string): Map<DeviceSnapshot, Problem[]> {
  const unread = new Map(snapshots.map((x) => [x, linesNotRead(x.analysed.model)] as const));
  for (const [x, lines] of unread)
    if (lines.length > 0)
      complain(
        io,
        `${reportPath(x.target.summary.source, io.cwd)}:${lines[0]!.line ?? ''}: ${lines[0]!.message}${lines.length > 1 ? ` (and ${lines.length - 1} more such warning${lines.length === 2 ? '' : 's'}: audit lists them)` : ''} (${consequence})`,
      );
  return unread;
}

/**
 * A device's sources, its incomplete sides and its findings' own files (client profile XML) named as
 * `audit` names them: relative to the working directory, so a report does not depend on where the
 * checkout lives and an annotation attaches to the file.
 */
function placeDiff(d: DeviceDiff, cwd: string): void {
  if (d.old !== null) d.old = reportPath(d.old, cwd);
  if (d.new !== null) d.new = reportPath(d.new, cwd);
  for (const i of d.incomplete) i.source = reportPath(i.source, cwd);
  const placed = (f: ReportedFinding): ReportedFinding => (f.file === null ? f : { ...f, file: reportPath(f.file, cwd) });
  d.findings = {
    introduced: d.findings.introduced.map(placed),
    resolved: d.findings.resolved.map(placed),
    lowered: d.findings.lowered.map((l) => ({ ...l, finding: placed(l.finding) })),
  };
}

/** How an HTML change report links rules, and its time when --timestamp asks for it. */
function htmlOptions(cfg: AuditConfig, opts: CommonOptions, io: CliIo): HtmlChangeOptions {
  return { helpUriBase: cfg.helpUriBase ?? defaultHelpUriBase(), ...(opts.timestamp ? { generatedAt: io.now().toISOString() } : {}) };
}

function reportInput(diffs: DeviceDiff[], io: CliIo, git: boolean, maxBytes: number | undefined): ChangeReportInput {
  return {
    diffs,
    cwd: io.cwd,
    tool: { name: TOOL_NAME, version: toolVersion() },
    fileOf: (source) => (git ? source.replace(/^[^:]*:/, '') : reportPath(source, io.cwd)),
    ...(maxBytes !== undefined ? { maxBytes } : {}),
  };
}

function renderDiff(format: DiffCliOptions['format'], input: ChangeReportInput, html: HtmlChangeOptions): string {
  switch (format) {
    case 'html':
      return renderDiffHtml(input, html);
    case 'json':
      return renderDiffJson(input);
    case 'markdown':
      return renderDiffMarkdown(input);
    case 'github':
      return renderDiffGithub(input);
    case 'text':
      return renderDiffText(input);
  }
}

/** An input error with its file named as the reports name files: relative to the working directory, as audit does. */
function placed(e: InputError, cwd: string): InputError {
  return new InputError(reportPath(e.file, cwd), e.message, e.line, e.kind);
}

/** Exit 1 when the change introduces a finding at or above `--fail-on-new`. */
function gateOnNew(diffs: readonly DeviceDiff[], failOnNew: Severity | undefined, io: CliIo, failOnLostReach = false): number {
  const bad = failOnNew === undefined ? [] : introducedAtLeast(diffs, failOnNew);
  if (bad.length > 0)
    complain(io, `the change introduces ${bad.length} finding${bad.length === 1 ? '' : 's'} at or above ${failOnNew} (--fail-on-new ${failOnNew})`);
  const lost = failOnLostReach ? lostWaysIn(diffs) : [];
  if (lost.length > 0) complain(io, `the change takes a way in from mobile-facing profiles (--fail-on-lost-reach): ${lost.join('; ')}`);
  return bad.length > 0 || lost.length > 0 ? ExitCode.Findings : ExitCode.Ok;
}

/** Mobile-facing profiles a change removes, cuts off, or makes reachable over one protocol less: `PROFILE: what`, per device. */
function lostWaysIn(diffs: readonly DeviceDiff[]): string[] {
  return diffs.flatMap((d) =>
    d.compared
      ? d.profiles.flatMap((p) => {
          const lost = wayInLost(d, p);
          return lost !== null && p.mobileFacing.old === true ? [`${deviceTitle(d)} ${p.tunnelGroup}: ${lost}`] : [];
        })
      : [],
  );
}

// ---- diff ---------------------------------------------------------------------------------------

export async function diffCommand(paths: string[], opts: DiffCliOptions, io: CliIo): Promise<number> {
  const failOnNew = severityOption('--fail-on-new', opts.failOnNew, true);
  const maxBytes = maxBytesOption(opts.maxBytes);
  // With --git the paths name files of the repository's history, not of the working tree.
  const s = await setup(opts, io, opts.git === undefined ? paths.map((path) => ({ path, what: 'a configuration' })) : []);
  let old: Side;
  let neu: Side;
  // Where each side's paths start (null: a git revision, whose errors name `REV:PATH`).
  let roots: { old: string | null; new: string | null } = { old: null, new: null };
  // The top of the git working tree: a revision's `REV:PATH` is that file for ignores that name files.
  let gitRoot: string | null = null;
  // Changed files the configuration file's files.include/exclude leave out (--git).
  let excluded: string[] = [];
  // Submodules the range changed (--git): other repositories' commits, not compared.
  let submodules: string[] = [];
  // Files git found moved (old path → new path): their devices pair across the move.
  let moved = new Map<string, string>();
  // --git: the changed files in the working tree, which --output must not overwrite.
  let gitFiles: string[] = [];
  if (opts.git !== undefined) {
    try {
      let gitDirs: string[];
      ({ old, new: neu, root: gitRoot, excluded, moved, gitDirs, files: gitFiles, submodules } = sidesFromGit(io.cwd, parseRange(opts.git), paths, s.options));
      // Compared where links lead: a symbolic link to the git directory is the git directory.
      const out = opts.output === undefined ? null : realPlace(s.abs(opts.output));
      const inside = out === null ? undefined : gitDirs.find((d) => isWithin(out, d) || isWithin(out, realPlace(d)));
      if (inside !== undefined) throw new UsageError(`--output ${opts.output!} is inside the repository's git data (${inside}): write the report elsewhere`);
    } catch (err) {
      if (err instanceof GitError) throw new UsageError(err.message);
      throw err;
    }
  } else {
    if (paths.length !== 2) throw new UsageError('diff: give OLD and NEW (two files or two directories), or --git BASE[..HEAD] [PATH...]');
    // One side may be standard input (`-`): a file.
    if (paths[0] === '-' && paths[1] === '-') throw new UsageError('diff: OLD and NEW cannot both be standard input (-)');
    // A directory against a file would report every other device of the directory as removed.
    const kinds = paths.map((p) => (p === '-' ? 'standard input' : isDirectory(s.abs(p)) ? 'a directory' : 'a file'));
    // Beside a directory, a missing path is named as missing, not as "a file". (Two files, one of
    // them missing, compare as a device not compared, in every format.)
    if (kinds.includes('a directory'))
      for (const [i, p] of paths.entries())
        if (p !== '-' && !existsSync(s.abs(p))) throw new UsageError(`diff: ${i === 0 ? 'OLD' : 'NEW'} ${p}: no such file or directory`);
    if (kinds[0] !== kinds[1] && kinds.includes('a directory'))
      throw new UsageError(
        `diff: OLD is ${kinds[0]!} and NEW is ${kinds[1]!}; give two files or two directories (devices in directories are matched by hostname)`,
      );
    // (Standard input is its own root: a read failure there is at the device's path, '' as for a file.)
    roots = { old: paths[0] === '-' ? '<stdin>' : s.abs(paths[0]!), new: paths[1] === '-' ? '<stdin>' : s.abs(paths[1]!) };
    const side = (path: string, root: string): Side => (path === '-' ? sideFromBytes(stdinBytes(io), '<stdin>', s.options) : sideFromPath(root, s.options));
    old = side(paths[0]!, roots.old!);
    neu = side(paths[1]!, roots.new!);
  }
  const errors: InputError[] = [...old.errors, ...neu.errors];
  const configured = (side: Side): Side => ({
    ...side,
    devices: side.devices.map((d) => ({ ...d, snapshot: configure(d.snapshot, s, undefined, gitRoot === null ? undefined : resolve(gitRoot, d.path)) })),
  });
  const allowIncomplete = opts.allowIncomplete === true;
  const oldDevices = configured(old).devices;
  const newDevices = configured(neu).devices;
  const pathOf = new Map<DeviceSnapshot, string>([...oldDevices, ...newDevices].map((d) => [d.snapshot, d.path]));
  // A device left without a partner whose file on the other side could not be read is not compared:
  // it was not removed or added. So is one whose file is no configuration on the other side (emptied by
  // a failed collection, an error page) — except an old file that was empty: a placeholder, now filled.
  // `--allow-incomplete` takes such a device as added or removed after all (a router's name reused).
  const skippedOld = allowIncomplete ? [] : old.skipped.filter((e) => e.kind !== 'empty');
  const unreadNew = failedByPath([...neu.errors, ...(allowIncomplete ? [] : neu.skipped)], roots.new);
  const unreadOld = failedByPath([...old.errors, ...skippedOld], roots.old);
  const skippedPartners: InputError[] = [];
  const movedBack = new Map([...moved].map(([from, to]) => [to, from]));
  const diffs = pairDevices(oldDevices, newDevices, moved).map(([o, n]) => {
    const alone =
      o !== null && n === null
        ? { device: o, e: unreadNew(moved.get(pathOf.get(o)!) ?? pathOf.get(o)!), side: 'new' as const }
        : o === null && n !== null
          ? { device: n, e: unreadOld(movedBack.get(pathOf.get(n)!) ?? pathOf.get(n)!), side: 'old' as const }
          : null;
    // A context whose section the other side's backup lacks (its system space still declares it) was
    // not removed: that capture is incomplete, and there is nothing to compare even when the user
    // accepts incomplete captures.
    const missing = alone === null ? null : missingContext(alone.device, alone.side, alone.side === 'new' ? newDevices : oldDevices, pathOf);
    if (alone !== null && missing !== null) return notCompared(alone.device, missing);
    if (alone?.e === undefined) return diffDevices(o, n, { allowIncomplete });
    if ((neu.skipped.includes(alone.e) || old.skipped.includes(alone.e)) && !skippedPartners.includes(alone.e)) skippedPartners.push(alone.e);
    return notCompared(alone.device, { side: alone.side, kind: 'unreadable', source: alone.e.file, line: alone.e.line, message: alone.e.message });
  });
  for (const d of diffs) placeDiff(d, io.cwd);
  write(
    io,
    s,
    opts.output,
    renderDiff(
      opts.format,
      {
        ...reportInput(diffs, io, opts.git !== undefined, maxBytes),
        notRead: errors.map((e) => ({ source: reportPath(e.file, io.cwd), line: e.line, message: e.message })),
      },
      htmlOptions(s.cfg, opts, io),
    ),
    // (With --git a side names `REV:PATH`: the working tree's copy of each changed file is what to keep.)
    opts.git === undefined ? diffs.flatMap((d) => [d.old, d.new]) : gitFiles,
  );
  for (const e of errors) complain(io, placed(e, io.cwd).describe());
  for (const e of skippedPartners) complain(io, `${placed(e, io.cwd).describe()} (the other side has a configuration there: not compared)`);
  const partial = incomplete(
    [...old.devices, ...neu.devices].map((d) => d.snapshot),
    io,
    opts.allowIncomplete,
    'use --allow-incomplete to accept it',
  );
  // A context missing from a backup is not compared even with --allow-incomplete: nothing of it was read.
  const missing = diffs.some((d) => d.incomplete.some((i) => i.missing === true));
  // A NEW directory with no configuration at all beside an OLD one with devices is a wrong path or a
  // failed checkout far more often than every device removed: reported, but not passed as a change
  // (an OLD one that is empty is a first commit: every device added, which the gate judges).
  const emptied = opts.git === undefined && neu.devices.length === 0 && neu.errors.length === 0 && old.devices.length > 0 && isDirectory(s.abs(paths[1]!));
  if (emptied && !allowIncomplete)
    complain(
      io,
      `diff: NEW ${paths[1]!} holds no ASA configuration, so all ${old.devices.length} device${old.devices.length === 1 ? '' : 's'} of ${paths[0]!} read as removed: check the path (--allow-incomplete accepts it as every device removed)`,
    );
  if (errors.length > 0 || skippedPartners.length > 0 || partial || missing || (emptied && !allowIncomplete)) return ExitCode.InputError;
  if (opts.git === undefined && old.devices.length + neu.devices.length === 0) {
    complain(io, `no ASA configuration found in ${paths.join(' or ')}`);
    return ExitCode.InputError;
  }
  // A range whose changed files hold no configuration: say which files were looked at, so "0 devices
  // compared" is not mistaken for a configuration that did not change.
  const looked = [...new Set([...old.skipped, ...neu.skipped].map((e) => e.file.replace(/^[^:]*:/, '')))].sort(cmp);
  if (opts.git !== undefined && old.devices.length + neu.devices.length === 0) {
    const left = excluded.length === 0 ? '' : `; excluded by the configuration file (files.include/exclude): ${someNames(excluded)}`;
    complain(
      io,
      looked.length === 0 && excluded.length === 0
        ? `--git ${opts.git}: no file changed${paths.length > 0 ? ` under ${paths.join(', ')}` : ''} (commits only: what is staged or edited in the working tree is not compared)`
        : looked.length === 0
          ? `--git ${opts.git}: every changed file is excluded by the configuration file (files.include/exclude): ${someNames(excluded)}`
          : `--git ${opts.git}: no ASA configuration among the changed files (${someNames(looked)})${left}`,
    );
  }
  // Changed files that hold no configuration beside ones that do (a change script, a partial
  // capture): said, so a reviewer knows they were looked at and left out.
  // (Documents and CI files are plainly no configuration: not worth a line on every pull request.)
  // (A file that is a configuration on the other side was compared: an empty placeholder now filled.)
  const compared = new Set([...old.devices, ...neu.devices].map((d) => d.path));
  const notable = looked.filter((f) => !PLAINLY_NOT_CONFIG.test(f) && !compared.has(f));
  if (opts.git !== undefined && old.devices.length + neu.devices.length > 0 && notable.length > 0)
    complain(io, `--git ${opts.git}: changed files that hold no ASA configuration, not compared: ${someNames(notable)}`);
  // A submodule changed is another repository's commit: its files are not read here, and the gate
  // says so rather than pass over them (or stop on them).
  if (submodules.length > 0)
    complain(io, `--git ${opts.git}: submodules changed, not compared (their files are in other repositories; run the gate there): ${someNames(submodules)}`);
  return gateOnNew(diffs, failOnNew, io, opts.failOnLostReach === true);
}

/** Paths that are documents, CI or tool files, never a configuration someone meant to change. */
const PLAINLY_NOT_CONFIG =
  /(^|\/)\.(github|gitlab|git[a-z]*|asa-mobile-audit\.ya?ml)(\/|$)|\.(md|markdown|rst|adoc|ya?ml|json|toml|html?|png|jpe?g|gif|svg|pdf)$/i;

/** Whether `path` is `dir` or inside it. */
function isWithin(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * A side's read errors, looked up by the path a device of the other side is paired by (relative to
 * the root; `REV:PATH` in git): the error of its file, or of a folder above it that could not be listed.
 */
function failedByPath(errors: readonly InputError[], root: string | null): (path: string) => InputError | undefined {
  const byPath = new Map(errors.map((e) => [sidePath(root, e.file), e]));
  return (path) => {
    for (let at = path; ; at = at.slice(0, at.lastIndexOf('/'))) {
      const e = byPath.get(at);
      if (e !== undefined) return e;
      // (A root that could not be listed is '': every device under it.)
      if (!at.includes('/')) return at === '' ? undefined : byPath.get('');
    }
  };
}

/** A device whose file on the other side could not be read: named, never compared (not removed, not added). */
/**
 * The system execution space, on the other side at the same path, that declares this device's context
 * although that side has no section for it (see markMissingContexts): the declaration's source and line.
 */
function missingContext(
  device: DeviceSnapshot,
  side: 'old' | 'new',
  others: readonly SideDevice[],
  pathOf: ReadonlyMap<DeviceSnapshot, string>,
): IncompleteSide | null {
  const name = device.target.summary.context;
  if (name === null) return null;
  const path = pathOf.get(device);
  const there = others.filter((d) => d.path === path);
  if (there.some((d) => d.snapshot.target.summary.context === name)) return null;
  for (const d of there) {
    const declared = d.snapshot.analysed.model.contexts.find((c) => c.name === name);
    if (d.snapshot.analysed.model.space === 'system' && declared !== undefined)
      return {
        side,
        kind: 'incomplete',
        source: d.snapshot.target.summary.source,
        line: declared.line,
        message: `context ${name} is declared there, but the file has no section for it: the backup is missing that context's configuration, which is not read as removed`,
        missing: true,
      };
  }
  return null;
}

/** A device left without a partner because the other side could not be compared there: named, with why. */
function notCompared(device: DeviceSnapshot, why: IncompleteSide): DeviceDiff {
  const summary = device.target.summary;
  return {
    hostname: summary.hostname,
    context: summary.context,
    old: why.side === 'old' ? why.source : summary.source,
    new: why.side === 'new' ? why.source : summary.source,
    device: [],
    profiles: [],
    findings: { introduced: [], resolved: [], lowered: [] },
    incomplete: [why],
    compared: false,
    ikeCut: [],
    linesNotRead: [],
    inputWarnings: [],
  };
}

// ---- what-if ------------------------------------------------------------------------------------

/**
 * The configuration a command works on: one file, or what `--ssh` collected. `failed`: where the
 * devices that could not be collected go (the caller names them, and counts them in its exit code);
 * without it they are named here.
 */
async function loadTarget(
  file: string | undefined,
  opts: SshCliOptions & CommonOptions,
  s: Setup,
  io: CliIo,
  command: string,
  failed?: InputError[],
): Promise<DeviceSnapshot[]> {
  const live = opts.ssh.length > 0 || opts.inventory !== undefined;
  if (live === (file !== undefined)) throw new UsageError(`${command}: give one configuration file or --ssh user@host`);
  if (file === '-') {
    return analyseBytes(stdinBytes(io), '<stdin>').map((a) => configure(snapshotOf(a, s.options), s));
  }
  if (file !== undefined)
    return analyseFile(s.abs(file), 'lenient', s.options.maxConfigBytes, s.options.sideFiles).map((a) => configure(snapshotOf(a, s.options), s));
  const snapshots: DeviceSnapshot[] = [];
  const run = await (
    await import('./ssh-audit.js')
  ).collectOverSsh(opts, io, s.options, (device, r) => {
    const { targets, errors } = analyseCollected(device);
    for (const t of targets) {
      const snap = configure(snapshotOf(t, s.options, collectedBuildOptions(device)), s);
      snapshots.push(snap);
      r.targets.push(snap.target);
    }
    r.inputErrors.push(...errors);
  });
  if (failed !== undefined && snapshots.length > 0) failed.push(...run.inputErrors);
  else for (const e of run.inputErrors) complain(io, e.describe());
  if (run.inputErrors.length > 0 && snapshots.length === 0) throw new UsageError(`${command}: nothing collected`);
  return snapshots;
}

export async function whatIfCommand(file: string | undefined, opts: WhatIfCliOptions, io: CliIo): Promise<number> {
  const failOnNew = severityOption('--fail-on-new', opts.failOnNew, true);
  const maxBytes = maxBytesOption(opts.maxBytes);
  if (opts.commands === undefined) throw new UsageError('what-if: give the change script with --commands FILE');
  const s = await setup(opts, io, [
    { path: file, what: 'the configuration' },
    { path: opts.commands, what: 'the change script (--commands)' },
  ]);
  let script: string;
  try {
    // A script saved by Notepad as "Unicode" is UTF-16, and one saved as "ANSI" Windows-1252: read as
    // such, like a configuration (line by line, so a UTF-8 line stays UTF-8).
    script = scriptText(opts.commands === '-' ? stdinBytes(io) : readUserFile(s.abs(opts.commands), READ_LIMITS.script));
  } catch (err) {
    if (err instanceof ReadError) throw new UsageError(`--commands ${opts.commands}: ${err.message}`);
    throw err;
  }
  // A binary file is not a change script: refuse it rather than warn about one long "command".
  if (script.includes('\u0000')) throw new UsageError(`--commands ${opts.commands}: not a text file of configuration commands (it holds NUL bytes)`);
  // Blank lines and `!` or `:` comments only: most likely the wrong file, or an empty pipe.
  if (!/^\s*[^\s!:]/m.test(script)) complain(io, `--commands ${opts.commands}: the change script holds no command (blank lines and comments only)`);
  // Only the session around a change (`configure terminal`, `end`, `write memory`): no change at all.
  else if (
    script
      .split(/\r?\n/)
      .every((l) => /^\s*([!:].*|end|exit|conf(i(g(u(re?)?)?)?)?( +t(e(r(m(i(n(al?)?)?)?)?)?)?)?|wr(ite)?( mem(ory)?)?|copy +run\S* +start\S*|)\s*$/i.test(l))
  )
    complain(
      io,
      `--commands ${opts.commands}: the change script holds no configuration command (only \`${script.trim().split(/\s*\n\s*/)[0]!}\` and the like)`,
    );
  if (file === '-' && opts.commands === '-') throw new UsageError('what-if: the configuration and --commands cannot both be standard input (-)');
  const snapshots = await loadTarget(file, opts, s, io, 'what-if');
  if (incomplete(snapshots, io, opts.allowIncomplete, 'use --allow-incomplete to simulate on it anyway')) return ExitCode.InputError;
  // A backup of several contexts: the script says which with `changeto context`, or --context does.
  const contexts = snapshots.map((x) => x.target.summary.context).filter((c): c is string => c !== null);
  // (A line pasted with its prompt, `dc-asa/admin# changeto context vpn`, counts: what-if takes prompts off.)
  const routed = script.split(/\r?\n/).some((l) => /^changeto\s+(context|system)\b/.test(splitPrompt(l)?.command ?? l.trim()));
  if (opts.context !== undefined && opts.context !== 'all' && !contexts.includes(opts.context) && file !== undefined)
    throw new UsageError(`--context ${opts.context}: ${file} has ${contexts.length > 0 ? `contexts ${contexts.join(', ')}` : 'no security contexts'}`);
  if (snapshots.length > 1 && !routed && (opts.context === undefined || opts.context === 'all'))
    throw new UsageError(
      `${file ?? 'the device'} holds ${snapshots.length} configurations (${snapshots.length > contexts.length ? 'the system execution space and ' : ''}contexts ${contexts.join(', ')}): start the change script with \`changeto context NAME\`, or give --context NAME`,
    );
  const scriptFile = opts.commands === '-' ? '<stdin>' : reportPath(s.abs(opts.commands), io.cwd);
  const context = opts.context !== undefined && opts.context !== 'all' ? opts.context : null;
  // Unread lines are said of the configurations the change is simulated on (the context chosen, or
  // those the script's `changeto` lines name), as whatIf routes the script.
  unreadLines(simulatedSections(snapshots, script, context), io, 'the change is simulated on the configuration as read, without them');
  const result = whatIf(snapshots, script, s.options, context, scriptFile, opts.commands !== '-');
  const diffs = result.diffs.map((d) => ({ ...d, findings: configuredFindings(d, s) }));
  for (const d of diffs) {
    placeDiff(d, io.cwd);
    // The new side is the configuration with the change applied: say so.
    if (d.new !== null) d.new = `${d.new} + ${scriptFile}`;
  }
  const input = {
    ...reportInput(diffs, io, false, maxBytes),
    problems: result.problems,
    scriptFile,
    fileOf: (source: string) => source.replace(/ \+ .*$/, ''),
  };
  write(io, s, opts.output, renderDiff(opts.format, input, htmlOptions(s.cfg, opts, io)), []);
  const errors = result.problems.filter((p) => p.severity === 'error');
  // The text report on a terminal lists them just above; elsewhere (a file, a pipe, JSON) stderr says why exit 2.
  if (opts.format !== 'text' || opts.output !== undefined || !io.isTTY) for (const p of errors) complain(io, `${input.scriptFile}:${p.line}: ${p.message}`);
  else if (errors.length > 0) {
    // A `changeto` to a context that is not there takes the commands after it along: count them too.
    const skipped = errors.some((p) => /the commands up to the next `changeto` were not applied$/.test(p.message));
    complain(
      io,
      skipped
        ? `${errors.length} error${errors.length === 1 ? '' : 's'} in ${input.scriptFile}, and the commands after a \`changeto\` it could not follow were not applied (see above)`
        : `${errors.length} command${errors.length === 1 ? '' : 's'} of ${input.scriptFile} could not be applied (see above)`,
    );
  }
  if (errors.length > 0) return ExitCode.InputError;
  return gateOnNew(diffs, failOnNew, io, opts.failOnLostReach === true);
}

/** A change script's text: UTF-16 with its byte-order mark, UTF-8, or else Windows-1252 line by line. */
function scriptText(bytes: Buffer): string {
  if (utf16Encoding(bytes) !== null || isUtf8(bytes)) return decodeUserText(bytes);
  return decodeConfigBytes(bytes).lines.join('\n');
}

/** The after side of what-if is audited afresh: the configuration file applies to it too. */
function configuredFindings(d: DeviceDiff, s: Setup): DeviceDiff['findings'] {
  const source = d.new ?? d.old ?? '';
  const device = { hostname: d.hostname, source, alsoAs: ignorePaths(source, s.abs('.'), s.cfg.source) };
  const keep = (fs: DeviceDiff['findings']['introduced']): DeviceDiff['findings']['introduced'] =>
    applyIgnores(applySeverityOverrides(fs, s.cfg), s.cfg.ignore, device, s.today).kept;
  // A rule given one severity by the file has no lower one: its pair is the same finding, unchanged.
  const lowered = d.findings.lowered.flatMap((l) => {
    const [kept] = keep([l.finding]);
    return kept === undefined || kept.severity !== l.finding.severity ? [] : [{ ...l, finding: kept }];
  });
  return { introduced: keep(d.findings.introduced), resolved: keep(d.findings.resolved), lowered };
}

// ---- plan ---------------------------------------------------------------------------------------

export async function planCommand(paths: string[], opts: PlanCliOptions, io: CliIo): Promise<number> {
  const severity = severityOption('--severity', opts.severity);
  const s = await setup(
    opts,
    io,
    paths.map((path) => ({ path, what: 'a configuration' })),
  );
  const rules =
    opts.rules === undefined
      ? undefined
      : opts.rules
          .split(',')
          .map((r) => r.trim())
          .filter((r) => r !== '');
  if (rules !== undefined && rules.length === 0) throw new UsageError('--rules: give at least one rule id (`' + TOOL_NAME + ' rules` lists them)');
  for (const id of rules ?? []) {
    if (!RULES.some((r) => r.meta.id === id)) {
      const near = nearest(
        id,
        RULES.map((r) => r.meta.id),
      );
      throw new UsageError(`--rules: no rule \`${id}\`${near === null ? '' : ` (did you mean \`${near}\`?)`} (\`${TOOL_NAME} rules\` lists them)`);
    }
  }
  const live = opts.ssh.length > 0 || opts.inventory !== undefined;
  if (live && paths.length > 0) throw new UsageError('plan: give either files or --ssh, not both');
  if (!live && paths.length === 0) throw new UsageError('plan: give configuration files or directories, or --ssh user@host');
  let snapshots: DeviceSnapshot[] = [];
  const errors: InputError[] = [];
  // (A device that could not be collected is named, counted in notPlanned and in the exit code.)
  if (live) snapshots = await loadTarget(undefined, opts, s, io, 'plan', errors);
  else
    for (const p of paths) {
      // `-`: a configuration on standard input, as audit takes one.
      const side = p === '-' ? sideFromBytes(stdinBytes(io), '<stdin>', s.options) : sideFromPath(s.abs(p), s.options);
      snapshots.push(...side.devices.map((d) => configure(d.snapshot, s)));
      errors.push(...side.errors);
    }
  for (const e of errors) complain(io, placed(e, io.cwd).describe());
  // --context on files keeps one context of a multiple-context backup, as what-if does (live, the
  // collection took only that context already).
  if (!live && opts.context !== undefined && opts.context !== 'all') {
    const contexts = [...new Set(snapshots.map((x) => x.target.summary.context).filter((c): c is string => c !== null))];
    if (!contexts.includes(opts.context))
      throw new UsageError(
        `--context ${opts.context}: ${paths.join(', ')} ${contexts.length > 0 ? `has contexts ${contexts.join(', ')}` : 'has no security contexts'}`,
      );
    // (A file of one configuration has no contexts to choose from: it stays.)
    const withContexts = new Set(snapshots.filter((x) => x.target.summary.context !== null).map((x) => x.target.summary.source));
    snapshots = snapshots.filter((x) => x.target.summary.context === opts.context || !withContexts.has(x.target.summary.source));
  }
  const partial = incomplete(snapshots, io, false, 'no plan for a configuration the tool cannot see whole');
  // Lines the tool did not read (a block indented with no-break spaces) leave a configuration it
  // does not see whole either: a plan proven on what it read could recreate what is there already.
  const unread = unreadLines(
    snapshots.filter((x) => x.target.summary.complete),
    io,
    'no plan for a configuration with lines the tool cannot read: fix them, or collect the configuration again',
  );
  const complete = snapshots.filter((x) => unread.get(x)?.length === 0);
  if (snapshots.length === 0 && errors.length === 0) {
    complain(io, `no ASA configuration found in ${paths.join(', ')}`);
    return ExitCode.InputError;
  }
  const targets: PlanTarget[] = complete.map((b) => {
    const t = planDevice(b, s.options, {
      scope: opts.scope,
      configure: (x, copies) => configure(x, s, copies),
      configNames: namesProfile(s.cfg),
      ...(rules ? { rules } : {}),
      ...(severity ? { severity } : {}),
    });
    return { ...t, source: reportPath(t.source, io.cwd) };
  });
  // A plan that fails its own proof is withheld: advice must be safe to act on.
  const unsound = targets.filter((t) => t.introduced.length > 0 || t.problems.length > 0 || (opts.scope === 'narrow' && t.collateral.length > 0));
  // The configuration's own lines, replayed into an empty one, tell a line out of place in it from a bug.
  const misplaced = new Map(
    unsound.map((t) => {
      const b = complete[targets.indexOf(t)]!;
      return [t, ownLinesDisagree(b, s.options)] as const;
    }),
  );
  for (const t of unsound) {
    const unmodelled = onlyUnmodelled(t);
    const refused = unmodelled.length > 0 ? null : (misplaced.get(t) ?? null);
    complain(
      io,
      `${reportPath(t.source, io.cwd)}: plan withheld: applied to the configuration it ${[
        t.introduced.length > 0 ? `introduces ${t.introduced.map((f) => f.ruleId).join(', ')}` : null,
        t.problems.length > 0 ? `has lines the merge engine could not apply (${t.problems.map((p) => p.command).join('; ')})` : null,
        opts.scope === 'narrow' && t.collateral.length > 0 ? `changes profiles no finding names (${t.collateral.join(', ')})` : null,
      ]
        .filter(Boolean)
        .join(' and ')}. ${
        refused !== null
          ? `The configuration itself has a line out of place: ${refused}; fix its layout, or collect it again.`
          : unmodelled.length > 0
            ? `The tool does not model ${unmodelled.map((p) => `\`${p.command}\``).join(', ')} yet, so it cannot prove a plan that enters ${unmodelled.length === 1 ? 'it' : 'them'}; please report it (\`--rules\` can leave out the fix that copies the line).`
            : 'This is a bug; please report it with the configuration.'
      }`,
    );
  }
  const sound = targets.filter((t) => !unsound.includes(t));
  if ((opts.format === 'script' || opts.format === 'rollback') && new Set(sound.map((t) => t.source)).size > 1)
    throw new UsageError(`--format ${opts.format} prints one device's script; give one configuration (or use --format json)`);
  // What was asked for and got no plan, and why: JSON says it beside the plans (stderr said it already).
  const notPlanned: NotPlanned[] = [
    ...errors.map((e) => ({ source: reportPath(e.file, io.cwd), context: null, why: e.message })),
    ...snapshots
      .filter((x) => !x.target.summary.complete)
      .map((x) => ({ source: reportPath(x.target.summary.source, io.cwd), context: x.target.summary.context, why: 'the configuration is incomplete' })),
    ...[...unread]
      .filter(([, lines]) => lines.length > 0)
      .map(([x, lines]) => ({
        source: reportPath(x.target.summary.source, io.cwd),
        context: x.target.summary.context,
        why: `the configuration has ${lines.length === 1 ? 'a line' : 'lines'} the tool cannot read (line${lines.length === 1 ? '' : 's'} ${lines.map((l) => l.line).join(', ')})`,
      })),
    ...unsound.map((t) => ({ source: t.source, context: t.context, why: 'plan withheld: it failed its own proof (see the message on stderr)' })),
  ];
  // A run that planned nothing because of bad input leaves --output as it was: a reviewed change
  // file is not replaced by "No configuration to plan for".
  if (opts.output !== undefined && sound.length === 0 && notPlanned.length > 0)
    complain(io, `--output ${opts.output} left as it was: there is no plan to write`);
  else
    write(
      io,
      s,
      opts.output,
      renderPlan(opts.format, sound, htmlOptions(s.cfg, opts, io), notPlanned),
      targets.map((t) => t.source),
    );
  // The bare script or rollback carries none of the plan's words: what it leaves to the user (secrets
  // not copied, placeholders, steps) and the notes to read before pasting are said on stderr.
  if (opts.format === 'script' || opts.format === 'rollback') for (const t of sound) for (const l of scriptCaveats(t)) complain(io, l);
  if (unsound.some((t) => misplaced.get(t) === null || onlyUnmodelled(t).length > 0)) return ExitCode.InternalError;
  if (unsound.length > 0 || errors.length > 0 || partial || [...unread.values()].some((l) => l.length > 0)) return ExitCode.InputError;
  return ExitCode.Ok;
}

/** What `--format script` / `rollback` leaves out that matters before pasting: one line each, or none. */
function scriptCaveats(t: PlanTarget): string[] {
  const where = t.context === null ? t.source : `${t.source} (context ${t.context})`;
  const out: string[] = [];
  if (t.script === '') out.push(`${where}: nothing to paste (--format text says why)`);
  if (t.needsInput.length > 0)
    out.push(
      `${where}: ${t.needsInput.length} item${t.needsInput.length === 1 ? '' : 's'} need${t.needsInput.length === 1 ? 's' : ''} your input and ${t.needsInput.length === 1 ? 'is' : 'are'} not in the script (${[...new Set(t.needsInput.map((n) => n.ruleId))].join(', ')}): see --format text`,
    );
  if (t.notes.length > 0) out.push(`${where}: ${t.notes.length} note${t.notes.length === 1 ? '' : 's'} to read before you paste: see --format text`);
  return out;
}

function renderPlan(format: PlanCliOptions['format'], targets: PlanTarget[], html: HtmlChangeOptions, notPlanned: NotPlanned[] = []): string {
  const join = (parts: string[]): string => (parts.filter((p) => p !== '').length === 0 ? '' : `${parts.filter((p) => p !== '').join('\n')}\n`);
  switch (format) {
    case 'json':
      return renderPlanJson(targets, { name: TOOL_NAME, version: toolVersion() }, notPlanned);
    case 'markdown':
      return renderPlanMarkdown(targets, { name: TOOL_NAME }, notPlanned);
    case 'html':
      return renderPlanHtml(targets, { name: TOOL_NAME, version: toolVersion() }, html, notPlanned);
    case 'script':
      return join(targets.map((t) => t.script));
    case 'rollback':
      return join([...targets].reverse().map((t) => t.rollback));
    case 'text':
      return renderPlanText(targets, notPlanned);
  }
}

/**
 * The script lines a withheld plan could not simulate when each is a command the tool does not model
 * (a line of the configuration a copied profile carries): a gap in the tool, not in the file. Empty otherwise.
 */
function onlyUnmodelled(t: PlanTarget): PlanTarget['problems'] {
  const unmodelled = t.problems.filter((p) => p.message === NOT_MODELLED);
  return unmodelled.length === t.problems.length ? unmodelled : [];
}
