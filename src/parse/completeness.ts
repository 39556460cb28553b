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
  // Oxidized appends the device's XML files after the configuration: one cut off mid-file is a backup
  // cut short too (its profile would otherwise read as broken on the device).
  const cut = wrapper === 'oxidized' ? cutAppendedFile(lines, start, end) : null;
  if (cut !== null)
    reasons.push(
      `the backup ends inside ${cut.path} (appended from line ${cut.from}) ${cut.root === null ? 'before its XML starts' : `before its closing \`</${cut.root}>\``}; the capture was cut short`,
    );
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
    line: complete
      ? null
      : secondVersionIdx !== -1
        ? secondVersionIdx + 1
        : cut !== null && reasons.length === 1
          ? cut.last
          : lastMeaningful === -1
            ? null
            : lastMeaningful + 1,
    endLine: endIdx === -1 ? null : endIdx + 1,
    checksumLine: checksumIdx === -1 ? null : checksumIdx + 1,
    secondConfigLine: secondVersionIdx === -1 ? null : secondVersionIdx + 1,
  };
}

// How Oxidized names an appended file (as side-files.ts reads it): `! disk0:/NAME.xml`.
const APPENDED_FILE = /^!\s+((?:disk\d|flash):\/\S+\.xml)\s*$/i;

/**
 * The file Oxidized appended last, when the backup ends before its root element closes (or before it
 * opens): its path, the line its header is on, the root element, and the file's last line (lines
 * 1-based). Null when the backup ends on a whole file, or appends none.
 */
function cutAppendedFile(lines: string[], start: number, end: number): { path: string; from: number; root: string | null; last: number } | null {
  let last = end - 1;
  while (last >= start && lines[last]!.trim() === '') last--;
  for (let i = last; i >= start; i--) {
    // The appended files are the backup's last lines, every one of them a `!` comment.
    if (!lines[i]!.startsWith('!')) return null;
    const header = APPENDED_FILE.exec(lines[i]!);
    if (header === null) continue;
    const body = lines
      .slice(i + 1, last + 1)
      .map((l) => l.replace(/^! ?/, ''))
      .join('\n');
    const root = /<([A-Za-z_][\w:.-]*)[^>]*?(\/?)>/.exec(body.replace(/<[?!][^>]*>/g, ''));
    // (A header with no element after it at all is a cut too: the file's first line never came.)
    if (root !== null && (root[2] === '/' || body.includes(`</${root[1]!}>`))) return null;
    return { path: header[1]!, from: i + 1, root: root?.[1] ?? null, last: last + 1 };
  }
  return null;
}

function describeStop(lines: string[], kinds: Uint8Array, last: number): string {
  const text = redactLine(lines[last]!);
  if (kinds[last] === LineKind.Command && /^\s/.test(text)) {
    return `it stops inside a block at line ${last + 1} (\`${text.trim().slice(0, 60)}\`)`;
  }
  return `it stops at line ${last + 1} (\`${text.trim().slice(0, 60)}\`)`;
}
