// Audit = the pipeline plus the rule engine, for one or many files. Library users and the CLI
// share this; it never prints.

import type { DeviceModel } from '../model/types.js';
import { collectedSideFiles, type SideFileOptions } from '../input/side-files.js';
import { runRules } from '../engine/engine.js';
import { profileViews } from '../explain/profile-view.js';
import type { RuleModule } from '../engine/types.js';
import { InputError, type Evidence } from '../input/load.js';
import { planPaths, type PlannedFile } from '../input/discover.js';
import { redactLine } from '../parse/redact.js';
import { analyseBytes, analyseFile, type AnalysedTarget } from './pipeline.js';
import type { CollectedDevice } from '../collect/collect-device.js';
import type { BuildOptions } from '../model/build.js';
import type { AuditDap, AuditRun, AuditTarget } from './result.js';

export interface AuditOptions {
  rules: readonly RuleModule[];
  profiles?: string[];
  profileFilter?: (name: string) => boolean;
  /** Applied to files found by scanning a directory (config file `files.include/exclude`). */
  fileFilter?: ((path: string) => boolean) | undefined;
  /** Whether `files.include` names a scanned file explicitly (a document extension then does not skip it). */
  fileIncluded?: ((path: string) => boolean) | undefined;
  /** Largest configuration file read (default 256 MiB). */
  maxConfigBytes?: number | undefined;
  /** Where client profiles and dap.xml are (`--client-profiles`, `--dap`), besides beside each config. */
  sideFiles?: SideFileOptions | undefined;
  /** Also keep per-profile views (DNS picture, inheritance) for reports that draw them (HTML). */
  views?: boolean | undefined;
}

export { planPaths, type PlannedFile } from '../input/discover.js';

export function emptyRun(): AuditRun {
  return { targets: [], inputErrors: [], skippedFiles: [] };
}

/** Audits files and directories given on the command line. */
export function auditPaths(paths: string[], options: AuditOptions): AuditRun {
  const run = emptyRun();
  for (const p of planPaths(paths, options)) recordPlanned(p, p.skip === null ? auditOneFile(p.file, options, p.evidence) : null, run);
  return run;
}

/** Records one planned file in `run`, in plan order: its skip reason, or what auditing it gave. */
export function recordPlanned(p: PlannedFile, outcome: FileOutcome | null, run: AuditRun): void {
  if (p.unread) run.inputErrors.push(new InputError(p.file, p.skip!));
  else if (p.skip !== null) run.skippedFiles.push({ file: p.file, reason: p.skip, named: p.named });
  else recordOutcome(outcome!, run, p.named);
}

/**
 * Audits exactly the listed files (`--files-from`, e.g. what a pull request changed). Listed files
 * that are not ASA configs are skipped quietly; a listed file that does not exist is an error.
 */
export function auditFileList(files: string[], options: AuditOptions): AuditRun {
  const run = emptyRun();
  for (const file of files) recordOutcome(auditOneFile(file, options, 'lenient'), run, true);
  return run;
}

/**
 * Reads a `--files-from` list: one path per line (git-quoted paths unquoted); blank lines are
 * skipped. A line starting with `#` is kept: the caller treats it as a comment only when no such file
 * exists (a path may start with `#`).
 */
export function parseFileList(text: string, nulSeparated = false): string[] {
  // `-z` lists (git diff -z, find -print0) hold paths as they are: no trimming, no comments.
  if (nulSeparated) return text.split('\0').filter((p) => p !== '');
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map(unquoteGitPath);
}

/**
 * git prints a path with unusual bytes in C quotes (`"caf\303\251.cfg"`, core.quotePath): the bytes
 * are octal escapes of its UTF-8. A line that is not such a quoted path is returned as it is.
 */
export function unquoteGitPath(line: string): string {
  if (line.length < 2 || !line.startsWith('"') || !line.endsWith('"')) return line;
  const body = line.slice(1, -1);
  const bytes: number[] = [];
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[i + 1];
    if (next !== undefined && /[0-7]/.test(next)) {
      const oct = /^[0-7]{1,3}/.exec(body.slice(i + 1))![0];
      bytes.push(parseInt(oct, 8));
      i += oct.length;
    } else if (next !== undefined && simple[next] !== undefined) {
      bytes.push(simple[next]);
      i++;
    } else return line;
  }
  return Buffer.from(bytes).toString('utf8');
}

/** What auditing one file gave: its targets, or the input error (as data, so a worker can send it). */
export type FileOutcome =
  { file: string; targets: AuditTarget[] } | { file: string; error: { message: string; line: number | null; kind: InputError['kind'] } };

export function auditOneFile(file: string, options: AuditOptions, evidence: Evidence): FileOutcome {
  let analysed: AnalysedTarget[];
  try {
    analysed = analyseFile(file, evidence, options.maxConfigBytes, options.sideFiles);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { file, error: { message: err.message, line: err.line, kind: err.kind } };
  }
  return { file, targets: analysed.map((t) => auditTarget(t, options)) };
}

/**
 * A file that is not an ASA configuration is skipped, never an error: quietly when found by scanning,
 * with a note when named or listed. Only a file that cannot be read is an input error.
 */
function recordOutcome(outcome: FileOutcome, run: AuditRun, named: boolean): void {
  if ('targets' in outcome) {
    run.targets.push(...outcome.targets);
    return;
  }
  const { kind, message, line } = outcome.error;
  if (kind === 'not-asa' || kind === 'empty' || kind === 'binary') run.skippedFiles.push({ file: outcome.file, reason: message, named, line });
  else run.inputErrors.push(new InputError(outcome.file, message, line, kind));
}

/**
 * Audits what was collected from a live device exactly as a saved file with the same text: same
 * parser, same line numbers. `show version` adds the licence lines; a cut-short config stays incomplete.
 */
export function auditCollected(device: CollectedDevice, options: AuditOptions, run: AuditRun): void {
  const { targets, errors } = analyseCollected(device);
  for (const t of targets) run.targets.push(auditTarget(t, options));
  run.inputErrors.push(...errors);
}

/** What was collected from a live device, analysed like a saved file; a cut-short config stays incomplete. */
export function analyseCollected(device: CollectedDevice): { targets: AnalysedTarget[]; errors: InputError[] } {
  const targets: AnalysedTarget[] = [];
  const errors: InputError[] = [];
  for (const config of device.configs) {
    let analysed: AnalysedTarget[];
    try {
      analysed = analyseBytes(
        config.text,
        device.source,
        collectedBuildOptions(device),
        config.sideFiles ? collectedSideFiles(config.sideFiles, device.source) : undefined,
      );
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      errors.push(new InputError(device.source, `${config.context ? `context ${config.context}: ` : ''}${err.message}`, err.line, err.kind));
      continue;
    }
    for (const t of analysed) {
      if (config.context !== null) t.summary.context = config.context;
      if (!config.complete) {
        t.summary.complete = false;
        t.summary.parseProblems = [
          { line: t.parsed.lines.length, severity: 'error', code: 'incomplete', message: config.incompleteReason ?? 'partial configuration' },
          ...t.summary.parseProblems.filter((p) => p.code !== 'incomplete'),
        ];
      }
      targets.push(t);
    }
  }
  for (const e of device.contextErrors)
    errors.push(new InputError(device.source, `${e.context.includes(' ') ? e.context : `context ${e.context}`}: ${e.message}`));
  return { targets, errors };
}

/** The lines of each side file in its own file (a client profile, dap.xml), for quoting. */
function sideFileLines(model: DeviceModel): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const origin of [...model.clientProfileFiles.map((c) => c.origin), model.dapXml?.origin ?? null])
    if (origin && origin.file !== model.source && origin.lineOffset === 0) out.set(origin.file, origin.lines);
  return out;
}

/** The model of a collected config also reads `show version` (licences). */
export function collectedBuildOptions(device: CollectedDevice): BuildOptions {
  return { showVersion: device.showVersion };
}

/** `lineName`: how messages name configuration lines (a configuration changed in memory names them by origin). */
export function auditTarget(t: AnalysedTarget, options: AuditOptions, lineName?: (line: number) => string): AuditTarget {
  const result = runRules(t.resolved, options.rules, {
    profiles: options.profiles,
    profileFilter: options.profileFilter,
    partial: !t.summary.complete,
    ...(lineName ? { lineName } : {}),
  });
  const lines = t.parsed.lines;
  const sideLines = sideFileLines(t.model);
  // Each configuration line masked once: many findings quote the same line (a DfltGrpPolicy setting
  // every profile inherits).
  const quoted = new Map<number, string | null>();
  const quote = (f: { line: number | null; file: string | null }): string | null => {
    if (f.line === null) return null;
    if (f.file === null && quoted.has(f.line)) return quoted.get(f.line)!;
    const text = f.file === null ? lines[f.line - 1] : sideLines.get(f.file)?.[f.line - 1];
    const q = own(redactLine(text ?? '').trim()) || null;
    if (f.file === null) quoted.set(f.line, q);
    return q;
  };
  const findings = result.findings.map((f) => ({
    ...f,
    message: own(f.message),
    fix: f.fix === null ? null : own(f.fix),
    tunnelGroup: f.tunnelGroup === null ? null : own(f.tunnelGroup),
    groupPolicy: f.groupPolicy === null ? null : own(f.groupPolicy),
    ...(typeof f.object === 'string' ? { object: own(f.object) } : {}),
    lineText: quote(f),
  }));
  const s = t.summary;
  return {
    summary: {
      ...s,
      source: own(s.source),
      context: s.context === null ? null : own(s.context),
      hostname: s.hostname === null ? null : own(s.hostname),
      asaVersion: s.asaVersion === null ? null : own(s.asaVersion),
      parseProblems: s.parseProblems.map((p) => ({ ...p, message: own(p.message) })),
    },
    findings,
    profileNames: t.resolved.profiles.map((p) => own(p.name)),
    ignored: [],
    mobileProfiles: result.mobileProfiles.map(own),
    reach: result.reach.map((r) => ({ ...r, tunnelGroup: own(r.tunnelGroup), via: r.via.map(own) })),
    skippedProfiles: result.skippedProfiles.map((p) => ({ tunnelGroup: own(p.tunnelGroup), reason: own(p.reason) })),
    clientProfiles: t.model.clientProfileFiles.map((c) => ({
      name: own(c.name),
      file: own(c.devicePath),
      assignedTo: t.resolved.profiles
        .filter((p) => {
          const e = p.attributes.clientProfiles;
          return e.state === 'value' && e.value.includes(c.name);
        })
        .map((p) => own(p.name)),
      found: c.origin !== null,
      readFrom: c.origin === null ? null : own(c.origin.file),
      status: c.status,
    })),
    dap: dapStatus(t.model),
    ...(options.views ? { views: profileViews(t.resolved, result.mobileProfiles) } : {}),
  };
}

/** The config's own DAP records and whether their criteria (dap.xml) were read. */
function dapStatus(model: DeviceModel): AuditDap | null {
  const records = model.global.dapRecords.filter((r) => r.name !== 'DfltAccessPolicy').map((r) => own(r.name));
  if (records.length === 0) return null;
  const xml = model.dapXml;
  const searched = model.dapSearched === null ? null : own(model.dapSearched);
  if (xml !== null) return { records, readFrom: own(xml.origin.file), status: xml.records === null ? 'malformed' : 'read', searched };
  return { records, readFrom: null, status: searched === null ? 'not-searched' : 'missing', searched };
}

/**
 * A copy that does not share memory with the config text. V8 keeps a slice (or a string built from
 * one) pointing into its parent, so a finding quoting one line would keep a whole 500 KB file alive;
 * a fleet of a thousand files then holds every file until the report is written.
 */
function own(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}
