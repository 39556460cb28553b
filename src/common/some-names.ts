// A list of names for a sentence, kept short: a large estate has hundreds of profiles or files.

/** All of up to five names, else the first `shown` and how many more (`A, B, C and 4 more`). */
export function someNames(names: readonly string[], shown = 5): string {
  return names.length <= 5 ? names.join(', ') : `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}
