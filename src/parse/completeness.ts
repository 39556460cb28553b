// Decides whether a capture holds a whole configuration. A truncated config must never be audited
// as if it were complete, so anything that does not end the way its wrapper ends is incomplete.

import { LineKind } from './line-kinds.js';
import type { WrapperKind } from './wrappers.js';
import { redactLine } from './redact.js';
import { readVersionLine } from './version.js';

export interface Completeness {
  complete: boolean;
  /** Why it is incomplete (empty when complete). */
  reasons: string[];
  /** Line (1-based) where the configuration stops, for incomplete ones; else null. */
  line: number | null;
  /** 1-based line of `: end`, when present. */
  endLine: number | null;
  checksumLine: number | null;
  /** 1-based line where a second configuration starts (a second `ASA Version` line), or null. */
  secondConfigLine: number | null;
}

export function assessCompleteness(lines: string[], kinds: Uint8Array, start: number, end: number, wrapper: WrapperKind, multiContext: boolean): Completeness {
  let versionIdx = -1;
  let secondVersionIdx = -1;
  let endIdx = -1;
  let checksumIdx = -1;
  let lastCommand = -1;
  let lastMeaningful = -1;
  for (let i = start; i < end; i++) {
    const k = kinds[i];
    if (k === LineKind.Command) {
      lastCommand = i;
      lastMeaningful = i;
      if (lines[i]!.charCodeAt(0) !== 0x20 && secondVersionIdx === -1 && lines[i]!.includes('Version') && readVersionLine(lines[i]!) !== null) {
        if (versionIdx === -1) versionIdx = i;
        else secondVersionIdx = i;
      }
    } else if (k === LineKind.ColonComment) {
      if (secondVersionIdx === -1 && readVersionLine(lines[i]!) !== null) {
        if (versionIdx === -1) versionIdx = i;
        else secondVersionIdx = i;
      }
    } else if (k === LineKind.End) {
      endIdx = i;
      lastMeaningful = i;
    } else if (k === LineKind.Checksum) {
      checksumIdx = i;
      lastMeaningful = i;
    }
  }

  const reasons: string[] = [];
  if (versionIdx === -1) {
    reasons.push('no `ASA Version` line: the start is missing, or this is the output of a partial command such as `show running-config tunnel-group`');
  }
  // Single-context Oxidized backups drop every `: ` line, so `Cryptochecksum:` is their last config line.
  const oxidizedEnd = wrapper === 'oxidized' && !multiContext && checksumIdx !== -1 && checksumIdx >= lastCommand;
  if (endIdx === -1 && !oxidizedEnd) {
    const stop = lastMeaningful === -1 ? 'the file holds no configuration lines' : describeStop(lines, kinds, lastMeaningful);
    reasons.push(
      checksumIdx !== -1 && checksumIdx === lastMeaningful
        ? `no \`: end\` line after \`Cryptochecksum:\` (line ${checksumIdx + 1}); the capture was cut short`
        : // An Oxidized backup drops `: ` lines: its end marker is the `Cryptochecksum:` line.
          wrapper === 'oxidized' && !multiContext
          ? `no \`Cryptochecksum:\` line (the end of an Oxidized backup); ${stop}`
          : `no \`: end\` line; ${stop}`,
    );
  }
  // Two configurations pasted into one file (or `show running-config` twice in one session) would be
  // audited as one device, the second's lines overriding the first's: not one configuration.
  if (secondVersionIdx !== -1)
    reasons.unshift(
      `a second configuration starts at line ${secondVersionIdx + 1} (\`${redactLine(lines[secondVersionIdx]!).trim().slice(0, 60)}\`) after the first at line ${versionIdx + 1}; audit each on its own`,
    );
  const complete = reasons.length === 0;
  return {
    complete,
    reasons,
    line: complete ? null : secondVersionIdx !== -1 ? secondVersionIdx + 1 : lastMeaningful === -1 ? null : lastMeaningful + 1,
    endLine: endIdx === -1 ? null : endIdx + 1,
    checksumLine: checksumIdx === -1 ? null : checksumIdx + 1,
    secondConfigLine: secondVersionIdx === -1 ? null : secondVersionIdx + 1,
  };
}

function describeStop(lines: string[], kinds: Uint8Array, last: number): string {
  const text = redactLine(lines[last]!);
  if (kinds[last] === LineKind.Command && /^\s/.test(text)) {
    return `it stops inside a block at line ${last + 1} (\`${text.trim().slice(0, 60)}\`)`;
  }
  return `it stops at line ${last + 1} (\`${text.trim().slice(0, 60)}\`)`;
}
