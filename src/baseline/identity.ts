// A finding's structural identity: device, rule and the objects it is about — never a line
// number, so inserting lines above a known finding does not make it look new.

import { createHash } from 'node:crypto';
import type { Finding } from '../engine/types.js';

export interface FindingKey {
  /** Hostname when the config names one, else the file path as given. */
  device: string;
  context: string | null;
  ruleId: string;
  tunnelGroup: string | null;
  groupPolicy: string | null;
  object: string | null;
  /**
   * The file, when several files of the run had the device's hostname (a standby unit's backup, a
   * copy): the entry then stands only for findings of that file. Not part of the identity (keyString).
   */
  source?: string;
}

export function findingKey(f: Finding, device: { hostname: string | null; source: string; context: string | null }): FindingKey {
  return {
    device: device.hostname ?? forwardSlashes(device.source),
    context: device.context,
    ruleId: f.ruleId,
    tunnelGroup: f.tunnelGroup,
    groupPolicy: f.groupPolicy,
    object: f.object,
  };
}

/** The device part of a key: hostname (else path) and context. */
export function deviceKeyOf(device: { hostname: string | null; source: string; context: string | null }): string {
  return entryDeviceKey({ device: device.hostname ?? forwardSlashes(device.source), context: device.context });
}

/** The same for a baseline entry, which records the device as `deviceKeyOf` names it. */
export function entryDeviceKey(e: Pick<FindingKey, 'device' | 'context'>): string {
  return JSON.stringify([e.device, e.context]);
}

/** A path as baseline entries record it: forward slashes. */
export function forwardSlashes(path: string): string {
  return path.split('\\').join('/');
}

export function keyString(k: FindingKey): string {
  return JSON.stringify([k.device, k.context, k.ruleId, k.tunnelGroup, k.groupPolicy, k.object]);
}

/**
 * Stable hex fingerprint of a key (SARIF partialFingerprints, JUnit ids); `file` also names the file,
 * for results of files that share a hostname.
 */
export function fingerprint(k: FindingKey, file?: string): string {
  return createHash('sha256')
    .update(file === undefined ? keyString(k) : `${keyString(k)}\u0000${file}`)
    .digest('hex')
    .slice(0, 32);
}
