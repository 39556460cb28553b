// Splits one command line into words. ASA prints names with spaces in double quotes
// (`group-alias "Corporate VPN" enable`), so a quoted run is one word without its quotes.

export function tokenize(text: string): string[] {
  const words: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) {
      i++;
      continue;
    }
    if (c === 0x22 /* " */) {
      const close = text.indexOf('"', i + 1);
      if (close !== -1) {
        words.push(text.slice(i + 1, close));
        i = close + 1;
        continue;
      }
    }
    let j = i;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 0x20 || d === 0x09) break;
      j++;
    }
    words.push(text.slice(i, j));
    i = j;
  }
  return words;
}

/** Quotes a name for a CLI command when it needs quoting (spaces), as an engineer would type it. */
export function cliName(name: string): string {
  return /[\s]/.test(name) ? `"${name}"` : name;
}
