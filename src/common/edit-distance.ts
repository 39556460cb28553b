// How far a typed word is from a known one, for "did you mean" hints: insertions, deletions,
// substitutions and swaps of two neighbours (`spilt` → `split` is one edit).

/** Edits (insert, delete, substitute, swap two neighbours) between two words. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/**
 * The one candidate closest to `typed` within `maxEdits` edits, or null (none, or a tie). Case is
 * ignored in the comparison (`mobile-ful` finds `MOBILE-FULL`), and a short word gets fewer edits (one
 * per three characters): two edits reach almost any two-letter name.
 */
export function nearest(typed: string, candidates: Iterable<string>, maxEdits = 2): string | null {
  const reach = Math.min(maxEdits, Math.floor(typed.length / 3));
  if (reach === 0) return null;
  const word = typed.toLowerCase();
  let best: string | null = null;
  let bestDistance = reach + 1;
  let tie = false;
  for (const c of candidates) {
    // Words whose lengths differ by more than the reach cannot be within it.
    if (Math.abs(c.length - word.length) > reach) continue;
    const d = editDistance(word, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance, tie] = [c, d, false];
    else if (d === bestDistance) tie = true;
  }
  return best !== null && !tie ? best : null;
}
