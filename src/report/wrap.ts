// Word wrapping for human formats: text is measured in characters as a terminal shows them (ANSI
// colour codes take no room), words longer than a line are broken, and wrapped lines keep an indent.

const ANSI = /\u001b\[[0-9;]*m/g;

/** The width a string takes on a terminal (colour codes excluded; one column per code point). */
export function visibleWidth(s: string): number {
  // Most strings carry no colour codes and no characters outside the BMP: their length is their width.
  const plain = s.includes('\u001b') ? s.replace(ANSI, '') : s;
  if (!/[\ud800-\udfff]/.test(plain)) return plain.length;
  // Count code points: a surrogate pair is one character on screen.
  return plain.length - (plain.match(/[\ud800-\udbff][\udc00-\udfff]/g)?.length ?? 0);
}

/**
 * Lines of at most `width` columns. Words are kept whole unless longer than a line (URLs, base64);
 * `prefix` goes before every line after the first.
 */
export function wrapText(text: string, width: number, prefix = ''): string[] {
  // The first line has `width` columns; the others lose the prefix's.
  const firstRoom = Math.max(width, 10);
  const restRoom = Math.max(width - visibleWidth(prefix), 10);
  let room = firstRoom;
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const push = (): void => {
    lines.push(line);
    line = '';
    used = 0;
    room = restRoom;
  };
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    let w = word;
    let ww = visibleWidth(w);
    if (used > 0 && used + 1 + ww > room) push();
    while (ww > room) {
      // A word longer than the line: break it (only plain text reaches here in practice).
      const chars = Array.from(w);
      if (used > 0) push();
      line = chars.slice(0, room).join('');
      push();
      w = chars.slice(room).join('');
      ww = visibleWidth(w);
    }
    if (ww === 0) continue;
    line = used > 0 ? `${line} ${w}` : w;
    used += (used > 0 ? 1 : 0) + ww;
  }
  if (used > 0 || lines.length === 0) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : `${prefix}${l}`));
}

/** The width human output is drawn to: the terminal's, else COLUMNS, else 80 (never below 40). */
export function outputWidth(columns: number | undefined, env: NodeJS.ProcessEnv): number {
  const fromEnv = env.COLUMNS !== undefined && /^\d+$/.test(env.COLUMNS) ? Number(env.COLUMNS) : undefined;
  const w = columns !== undefined && columns > 0 ? columns : (fromEnv ?? 80);
  return Math.max(40, Math.min(w, 400));
}
