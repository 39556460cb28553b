// Baselines: record today's findings, then report only new ones. Entries whose finding is gone are
// reported as stale so the baseline shrinks over time.

import type { Finding } from '../engine/types.js';
import { BaselineError } from './baseline-error.js';
import { findingKey, keyString, type FindingKey } from './identity.js';
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
  const entries = targets.flatMap((t) => t.findings.map((f) => findingKey(f, t.device)));
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
  const remaining = new Map<string, number>();
  for (const e of baseline.entries) remaining.set(keyString(e), (remaining.get(keyString(e)) ?? 0) + 1);
  let suppressed = 0;
  const kept = targets.map((t) =>
    t.findings.filter((f) => {
      const k = keyString(findingKey(f, t.device));
      const n = remaining.get(k) ?? 0;
      if (n === 0) return true;
      remaining.set(k, n - 1);
      suppressed++;
      return false;
    }),
  );
  const audited = new Set(targets.map((t) => JSON.stringify([t.device.hostname ?? t.device.source.split('\\').join('/'), t.device.context])));
  const stale: FindingKey[] = [];
  for (const e of baseline.entries) {
    const k = keyString(e);
    const n = remaining.get(k) ?? 0;
    if (n > 0 && audited.has(JSON.stringify([e.device, e.context]))) {
      stale.push(e);
      remaining.set(k, n - 1);
    }
  }
  return { kept, suppressed, stale };
}
