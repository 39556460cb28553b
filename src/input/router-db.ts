// RANCID's device list, read once for both uses: skipping configs of devices that are not `up` in a
// repository scan, and choosing devices for a live fleet audit.

/** `name;type;state[;comment]` (RANCID 3) or `name:type:state` (RANCID 2); comments and blanks skipped. */
export function parseRouterDbLines(text: string): Array<{ name: string; type: string; state: string }> {
  const out: Array<{ name: string; type: string; state: string }> = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    // RANCID 3 separates with `;`; only without one is `:` the separator (names may hold `[v6]:port`).
    const parts = line.split(line.includes(';') ? ';' : ':');
    if (parts.length < 3 || !parts[0]) continue;
    out.push({ name: parts[0].trim(), type: parts[1]!.trim(), state: parts[2]!.trim().toLowerCase() });
  }
  return out;
}
