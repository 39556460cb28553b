// How findings name a line of the configuration in words. The engine sets the naming for the length of
// a run: `line 12` for a file; a configuration changed in memory (plan, what-if) names each line by
// where it came from (`line 12` of the file, `change.txt line 3`). Rules and remedies never build
// `line N` themselves: they call lineRef (or sourcePhrase, which does).

/** A line of a configuration file: `line 12`. */
export const fileLine = (line: number): string => `line ${line}`;

/** The naming of the run in progress (runs are synchronous: one at a time). */
let lineNamer: (line: number) => string = fileLine;

/** Runs `fn` with lines named by `namer` (the engine's, around a rule run). */
export function withLineNames<T>(namer: ((line: number) => string) | undefined, fn: () => T): T {
  const previous = lineNamer;
  lineNamer = namer ?? fileLine;
  try {
    return fn();
  } finally {
    lineNamer = previous;
  }
}

/** A configuration line in words: `line 12` (or where a simulated change's line came from). */
export function lineRef(line: number): string {
  return lineNamer(line);
}
