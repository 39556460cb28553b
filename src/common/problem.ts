// One shape for everything the tool notices about its input, from any stage: a line (or the whole
// file), how serious it is, a stable code and a sentence for people.

export type ProblemSeverity = 'error' | 'warning' | 'info';

export interface Problem {
  /** 1-based line number, or null when the problem is about the input as a whole. */
  line: number | null;
  severity: ProblemSeverity;
  /** Stable identifier (`incomplete`, `pager-debris`, `undefined-group-policy`, ...). */
  code: string;
  message: string;
}

/** Problems in line order (file-wide ones first), then by code, so reports stay stable. */
export function compareProblems(a: Problem, b: Problem): number {
  return (a.line ?? 0) - (b.line ?? 0) || cmp(a.code, b.code);
}

/** Code-point order, the same on every machine and locale. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
