// Baselines: record today's findings, then report only new ones. Entries whose finding is gone are
// reported as stale so the baseline shrinks over time.

import type { Finding } from '../engine/types.js';
import { BaselineError } from './baseline-error.js';
import { deviceKeyOf, findingKey, forwardSlashes, keyString, samePath, type FindingKey } from './identity.js';
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

export function buildBaseline(targets: DeviceFindings[]): BaselineFile {
  const shared = sharedDevices(targets);
  // Files that share a hostname keep their own entries: one file's finding never hides another's.
  const entries = targets.flatMap((t) =>
    t.findings.map((f) =>
      shared.has(deviceKeyOf(t.device)) ? { ...findingKey(f, t.device), source: forwardSlashes(t.device.source) } : findingKey(f, t.device),
    ),
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
  return b as BaselineFile;
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
export function applyBaseline<F extends Finding>(baseline: BaselineFile, targets: DeviceFindings<F>[]): BaselineResult<F> {
  const owner = entryOwners(baseline, targets);
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
    if (!left.includes(e) || !audited.has(JSON.stringify([e.device, e.context]))) continue;
    if (e.source !== undefined && owner.get(e) === undefined) continue;
    stale.push(e);
  }
  return { kept, suppressed, stale };
}

/**
 * The audited target each entry that names a file belongs to (by index; none: its file was not
 * audited). Paths are compared as written when any entry of the device names an audited file so (the
 * same working directory); otherwise (audited from another directory) a path that ends with the
 * other's counts, when exactly one file of the device fits.
 */
function entryOwners(baseline: BaselineFile, targets: ReadonlyArray<DeviceFindings>): Map<FindingKey, number> {
  const byDevice = new Map<string, number[]>();
  targets.forEach((t, i) => (byDevice.get(deviceKeyOf(t.device)) ?? byDevice.set(deviceKeyOf(t.device), []).get(deviceKeyOf(t.device))!).push(i));
  const same = (a: string, b: string): boolean => forwardSlashes(a).replace(/^(\.\/)+/, '') === forwardSlashes(b).replace(/^(\.\/)+/, '');
  // Devices for which some entry names an audited file exactly: the run is in the baseline's directory.
  const exactDevices = new Set<string>();
  for (const e of baseline.entries) {
    const device = JSON.stringify([e.device, e.context]);
    if (e.source !== undefined && (byDevice.get(device) ?? []).some((i) => same(targets[i]!.device.source, e.source!))) exactDevices.add(device);
  }
  const owners = new Map<FindingKey, number>();
  for (const e of baseline.entries) {
    if (e.source === undefined) continue;
    const device = JSON.stringify([e.device, e.context]);
    const candidates = byDevice.get(device) ?? [];
    const fits = candidates.filter((i) => (exactDevices.has(device) ? same : samePath)(e.source!, targets[i]!.device.source));
    if (fits.length === 1) owners.set(e, fits[0]!);
  }
  return owners;
}

/**
 * Entries of devices (and files) this run did not audit, each as the device's name in words (`hq-asa`,
 * `vpn-demo (b/x.cfg)`), once, in the baseline's order: their findings were not checked.
 */
export function unauditedDevices(baseline: BaselineFile, targets: ReadonlyArray<DeviceFindings>): string[] {
  const owner = entryOwners(baseline, targets);
  const audited = new Set(targets.map((t) => deviceKeyOf(t.device)));
  const out = new Set<string>();
  for (const e of baseline.entries) {
    const name = e.context === null ? e.device : `${e.device} (context ${e.context})`;
    if (!audited.has(JSON.stringify([e.device, e.context]))) out.add(name);
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
