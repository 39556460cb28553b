// Checks of single values from the configuration file or the command line (kept apart from load.ts,
// which loads yaml and ajv: a run without a configuration file must not pay for them).

/** YYYY-MM-DD naming a real day (Date.parse rolls 2027-02-30 over to March). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** Rule-doc links go into SARIF and PR comments: only http(s), never `javascript:` or `data:`. */
export function isWebUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
  } catch {
    return false;
  }
}
