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
}

export function findingKey(f: Finding, device: { hostname: string | null; source: string; context: string | null }): FindingKey {
  return {
    device: device.hostname ?? device.source.split('\\').join('/'),
    context: device.context,
    ruleId: f.ruleId,
    tunnelGroup: f.tunnelGroup,
    groupPolicy: f.groupPolicy,
    object: f.object,
  };
}

export function keyString(k: FindingKey): string {
  return JSON.stringify([k.device, k.context, k.ruleId, k.tunnelGroup, k.groupPolicy, k.object]);
}

/** Stable hex fingerprint of a key (SARIF partialFingerprints, JUnit ids). */
export function fingerprint(k: FindingKey): string {
  return createHash('sha256').update(keyString(k)).digest('hex').slice(0, 32);
}
