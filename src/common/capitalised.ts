// Sentences made from parts start with a capital: one helper for the reports and the plan's notes.

/** `s` with its first character in upper case. */
export function capitalised(s: string): string {
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
}
