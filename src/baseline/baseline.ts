// Baselines: record today's findings, then report only new ones. Entries whose finding is gone are
// reported as stale so the baseline shrinks over time.

import type { Finding } from '../engine/types.js';
import { BaselineError } from './baseline-error.js';
import { deviceKeyOf, entryDeviceKey, findingKey, forwardSlashes, keyString, type FindingKey } from './identity.js';
import { READ_LIMITS, ReadError, readUserText } from '../common/read-file.js';

export interface BaselineFile {
  schemaVersion: 1;
  tool: string;
  entries: FindingKey[];
}

export { BaselineError };

export interface DeviceFindings<F extends Finding = Finding> {
  device: { hostname: string | null; source: string; context: string | null };
  findings: F[];
}

/**
 * How an audited file is named in a baseline's `source`: by default as the run names it; the CLI
 * passes its path relative to the baseline file, so the same file has the same name from any directory.
 */
export type FileKey = (source: string) => string;

const AS_GIVEN: FileKey = (source) => forwardSlashes(source).replace(/^(\.\/)+/, '');

export function buildBaseline(targets: DeviceFindings[], fileKey: FileKey = AS_GIVEN): BaselineFile {
  const shared = sharedDevices(targets);
  // Files that share a hostname keep their own entries: one file's finding never hides another's.
  const entries = targets.flatMap((t) =>
    t.findings.map((f) => (shared.has(deviceKeyOf(t.device)) ? { ...findingKey(f, t.device), source: fileKey(t.device.source) } : findingKey(f, t.device))),
  );
  entries.sort((a, b) => (keyString(a) < keyString(b) ? -1 : keyString(a) > keyString(b) ? 1 : 0));
  return { schemaVersion: 1, tool: 'asa-mobile-audit', entries };
}

/** The text of a baseline file (the CLI writes it where --write-baseline says). */
export function baselineText(baseline: BaselineFile): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

export function readBaseline(file: string): BaselineFile {
  let text: string;
  try {
    text = readUserText(file, READ_LIMITS.baseline);
  } catch (err) {
    if (err instanceof ReadError)
      throw new BaselineError(file, err.kind === 'unreadable' && /no such file/.test(err.message) ? 'no such baseline file' : err.message);
    throw err;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BaselineError(file, 'not a baseline file (invalid JSON)');
  }
  // `null`, a number or an array is JSON too: only an object with the right shape is a baseline.
  const b = (data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {}) as Partial<BaselineFile>;
  if (b.schemaVersion !== 1 || !Array.isArray(b.entries)) throw new BaselineError(file, 'not an asa-mobile-audit baseline (schemaVersion 1 with entries)');
  // An entry edited by hand or cut short is named, not met with a crash halfway through the gate.
  b.entries.forEach((e: unknown, i) => {
    const why = entryProblem(e);
    if (why !== null) throw new BaselineError(file, `entries[${i}]: ${why}`);
  });
  return b as BaselineFile;
}

/** What is wrong with one entry of a baseline file (null: nothing). */
function entryProblem(e: unknown): string | null {
  if (e === null || typeof e !== 'object' || Array.isArray(e)) return 'not an object';
  const entry = e as Record<string, unknown>;
  for (const key of ['device', 'ruleId']) if (typeof entry[key] !== 'string') return `\`${key}\` must be a string`;
  for (const key of ['context', 'tunnelGroup', 'groupPolicy', 'object'])
    if (entry[key] !== undefined && entry[key] !== null && typeof entry[key] !== 'string') return `\`${key}\` must be a string or null`;
  if (entry.source !== undefined && typeof entry.source !== 'string') return '`source` must be a string';
  return null;
}

export interface BaselineResult<F extends Finding = Finding> {
  /** Findings per target that the baseline does not cover (new ones). */
  kept: F[][];
  suppressed: number;
  /** Baseline entries that matched no finding of the audited devices. */
  stale: FindingKey[];
}

/**
 * Hides baselined findings. Keys are counted, so two identical findings with one baseline entry
 * leave one reported. Entries for devices not audited in this run are not stale: they were not looked at.
 */
export function applyBaseline<F extends Finding>(baseline: BaselineFile, targets: DeviceFindings<F>[], fileKey: FileKey = AS_GIVEN): BaselineResult<F> {
  const owner = entryOwners(baseline, targets, fileKey);
  // Entries still to match, by identity; an entry that names its file matches only that file's findings.
  const remaining = new Map<string, FindingKey[]>();
  for (const e of baseline.entries) (remaining.get(keyString(e)) ?? remaining.set(keyString(e), []).get(keyString(e))!).push(e);
  let suppressed = 0;
  const kept = targets.map((t, i) =>
    t.findings.filter((f) => {
      const candidates = remaining.get(keyString(findingKey(f, t.device)));
      if (candidates === undefined) return true;
      // Its own file's entry first, then one that names no file.
      let at = candidates.findIndex((e) => e.source !== undefined && owner.get(e) === i);
      if (at === -1) at = candidates.findIndex((e) => e.source === undefined);
      if (at === -1) return true;
      candidates.splice(at, 1);
      suppressed++;
      return false;
    }),
  );
  // Stale: an entry left over for a device (and, when it names one, a file) this run audited.
  const audited = new Set(targets.map((t) => deviceKeyOf(t.device)));
  const stale: FindingKey[] = [];
  for (const e of baseline.entries) {
    const left = remaining.get(keyString(e))!;
    if (!left.includes(e) || !audited.has(entryDeviceKey(e))) continue;
    if (e.source !== undefined && owner.get(e) === undefined) continue;
    stale.push(e);
  }
  return { kept, suppressed, stale };
}

/**
 * The audited target each entry that names a file belongs to (by index; none: its file was not
 * audited): the target of the same device whose file has the entry's name.
 */
function entryOwners(baseline: BaselineFile, targets: ReadonlyArray<DeviceFindings>, fileKey: FileKey): Map<FindingKey, number> {
  const byFile = new Map<string, number>();
  targets.forEach((t, i) => byFile.set(JSON.stringify([deviceKeyOf(t.device), fileKey(t.device.source)]), i));
  const owners = new Map<FindingKey, number>();
  for (const e of baseline.entries) {
    if (e.source === undefined) continue;
    const i = byFile.get(JSON.stringify([entryDeviceKey(e), AS_GIVEN(e.source)]));
    if (i !== undefined) owners.set(e, i);
  }
  return owners;
}

/**
 * Entries of devices (and files) this run did not audit, each as the device's name in words (`hq-asa`,
 * `vpn-demo (b/x.cfg)`), once, in the baseline's order: their findings were not checked.
 */
export function unauditedDevices(baseline: BaselineFile, targets: ReadonlyArray<DeviceFindings>, fileKey: FileKey = AS_GIVEN): string[] {
  const owner = entryOwners(baseline, targets, fileKey);
  const audited = new Set(targets.map((t) => deviceKeyOf(t.device)));
  const out = new Set<string>();
  for (const e of baseline.entries) {
    const name = e.context === null ? e.device : `${e.device} (context ${e.context})`;
    if (!audited.has(entryDeviceKey(e))) out.add(name);
    else if (e.source !== undefined && owner.get(e) === undefined) out.add(`${name} (${e.source})`);
  }
  return [...out];
}

/** Devices (hostname and context) that several targets of the run share. */
function sharedDevices(targets: ReadonlyArray<DeviceFindings>): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const t of targets) {
    const k = deviceKeyOf(t.device);
    if (seen.has(k)) shared.add(k);
    seen.add(k);
  }
  return shared;
}
