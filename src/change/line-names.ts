// How the changed side of a simulation names its lines. The configuration `plan` and `what-if` audit
// after a change exists only in memory, so its line numbers would mean nothing to a reader: a line
// kept from the original file is named by its line there, a line the change made by its line in the
// change script (`change.txt line 3`, `plan line 5`).

import { fileLine } from '../engine/line-names.js';
import type { LineOrigin } from '../model/config-document.js';

export interface LineNames {
  /** `line 12`, or `change.txt line 3`. */
  one: (line: number) => string;
  /** `lines 12, 14`, or `line 12, change.txt line 3`. */
  many: (lines: readonly number[]) => string;
  /** Where a finding at this line is, for its `file` and `line` fields (file null: the configuration). */
  locate: (line: number) => { file: string | null; line: number | null };
}

/** A configuration file's own lines. */
export const FILE_LINES: LineNames = {
  one: fileLine,
  many: (lines) => `line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}`,
  locate: (line) => ({ file: null, line }),
};

/**
 * Lines of a configuration the merge engine changed, named by where each came from. `script`: how the
 * change script is called in words (`change.txt`, `plan`); `scriptFile`: its path when it is a file a
 * finding can point at.
 */
export function changedLines(origins: readonly LineOrigin[], script: string, scriptFile: string | null): LineNames {
  const origin = (line: number): LineOrigin => origins[line - 1] ?? 0;
  const one = (line: number): string => {
    const o = origin(line);
    return o > 0 ? fileLine(o) : o < 0 ? `${script} ${fileLine(-o)}` : script;
  };
  return {
    one,
    many: (lines) => (lines.every((l) => origin(l) > 0) ? FILE_LINES.many(lines.map(origin)) : lines.map(one).join(', ')),
    locate: (line) => {
      const o = origin(line);
      if (o > 0) return { file: null, line: o };
      // A line the plan wrote has no place in any file; the script itself is printed.
      return scriptFile !== null && o < 0 ? { file: scriptFile, line: -o } : { file: null, line: null };
    },
  };
}

/** Origins of a configuration changed twice: the second change's origins traced through the first. */
export function traceOrigins(first: readonly LineOrigin[], second: readonly LineOrigin[]): LineOrigin[] {
  return second.map((o) => (o > 0 ? (first[o - 1] ?? 0) : o));
}
