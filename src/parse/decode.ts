import { isAscii, isUtf8 } from 'node:buffer';

// Bytes → physical lines, never throwing. Line numbers follow the corpus convention: 1-based,
// counting LF-terminated lines, with an unterminated last line still counted.

export interface DecodedText {
  /** One entry per physical line, without its line ending (CR/LF removed). */
  lines: string[];
  /** A UTF-8 byte-order mark was present and removed. */
  bom: boolean;
  /** 1-based numbers of lines that were not valid UTF-8 and were decoded as Windows-1252. */
  cp1252Lines: number[];
  /** Counts of line-ending styles seen, so callers can report mixed endings. */
  endings: { lf: number; crlf: number; none: number };
  /** The text may hold `<--- More --->` pager markers (false lets the parser skip looking). */
  mayHavePager: boolean;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
// Windows-1252 differs from Latin-1 only in 0x80–0x9F; Node's TextDecoder treats the label as
// Latin-1, so map that range ourselves (undefined bytes keep their Latin-1 code point).
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d,
  0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const CP1252_RANGE = /[\x80-\x9f]/g;

/** Windows-1252 in bulk: Latin-1 in native code, then the 0x80–0x9F range remapped (linear in size). */
function decodeCp1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(CP1252_RANGE, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
}

const LF = 0x0a;
const CR = 0x0d;

export function decodeConfigBytes(bytes: Uint8Array): DecodedText {
  let start = 0;
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom) start = 3;
  const body = bytes.subarray(start);

  // Fast paths first: almost every config is ASCII, and Latin-1 decoding of ASCII is the cheapest
  // way to a (one-byte) string. isUtf8/isAscii validate in native code without throwing.
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const text = isAscii(buf) ? buf.toString('latin1') : isUtf8(buf) ? buf.toString('utf8') : null;
  if (text !== null) {
    const { lines, endings } = splitLines(text);
    return { lines, bom, cp1252Lines: [], endings, mayHavePager: text.includes('More') };
  }
  return decodePerLine(body, bom);
}

/** Slow path: the file as a whole is not UTF-8, so decode line by line with a cp1252 fallback. */
function decodePerLine(bytes: Uint8Array, bom: boolean): DecodedText {
  const body = crEndedAsLf(bytes);
  const lines: string[] = [];
  const cp1252Lines: number[] = [];
  const endings = { lf: 0, crlf: 0, none: 0 };
  let lineStart = 0;
  const pushLine = (from: number, to: number, terminated: boolean): void => {
    const slice = body.subarray(from, to);
    let decoded: string;
    // isUtf8 validates in native code; a thrown decode error per line was the slow path.
    if (isUtf8(slice)) decoded = utf8Strict.decode(slice);
    else {
      decoded = decodeCp1252(slice);
      cp1252Lines.push(lines.length + 1);
    }
    lines.push(stripLineEnding(decoded, terminated, endings));
  };
  for (let i = 0; i < body.length; i++) {
    if (body[i] === LF) {
      pushLine(lineStart, i, true);
      lineStart = i + 1;
    }
  }
  if (lineStart < body.length) pushLine(lineStart, body.length, false);
  return { lines, bom, cp1252Lines, endings, mayHavePager: true };
}

/**
 * Bytes whose lines end in carriage returns (see splitLines), with each CR as a line feed; other bytes
 * as they are. (The same rule as for text, for a file that is not UTF-8 as a whole.)
 */
function crEndedAsLf(bytes: Uint8Array): Uint8Array {
  let lfs = 0;
  let crs = 0;
  for (const b of bytes) {
    if (b === LF) lfs++;
    else if (b === CR) crs++;
  }
  const finalLf = lfs === 1 && bytes[bytes.length - 1] === LF;
  if (!((lfs === 0 && crs > 1) || (finalLf && crs > 2))) return bytes;
  // A final `\r\n` is one line end; a final lone `\n` ends the last line as a CR would.
  const body = finalLf && bytes[bytes.length - 2] === CR ? bytes.slice(0, -1) : Uint8Array.from(bytes);
  for (let i = 0; i < body.length; i++) if (body[i] === CR) body[i] = LF;
  return body;
}

function splitLines(text: string): { lines: string[]; endings: DecodedText['endings'] } {
  // Carriage returns and not one line feed (classic Mac OS line ends, some exports): each CR ends a
  // line. (Read as overstrikes, the whole file collapsed to its last line.)
  // (A single line feed at the very end, as an editor adds, does not make it an LF file when several
  // lines end in CR; one line of pager debris, `<--- More --->\r    \rtext\n`, stays an overstrike.)
  const lf = text.indexOf('\n');
  const crs = lf === -1 || lf === text.length - 1 ? text.split('\r').length - 1 : 0;
  if ((lf === -1 && crs > 1) || (lf === text.length - 1 && crs > 2)) return splitLines(text.replace(/\r?\n$/, '\r').replaceAll('\r', '\n'));
  const endings = { lf: 0, crlf: 0, none: 0 };
  const raw = text.split('\n');
  // A final newline produces an empty last element that is not a line.
  const hasFinalNewline = raw.length > 0 && raw[raw.length - 1] === '';
  if (hasFinalNewline) raw.pop();
  if (text.indexOf('\r') === -1) {
    // Plain LF file (the common case): nothing to strip, just count.
    endings.lf = hasFinalNewline ? raw.length : raw.length - 1;
    endings.none = hasFinalNewline || raw.length === 0 ? 0 : 1;
    return { lines: raw, endings };
  }
  const last = raw.length - 1;
  for (let i = 0; i < raw.length; i++) {
    raw[i] = stripLineEnding(raw[i]!, i !== last || hasFinalNewline, endings);
  }
  return { lines: raw, endings };
}

function stripLineEnding(line: string, terminated: boolean, endings: DecodedText['endings']): string {
  if (!terminated) endings.none++;
  else if (line.endsWith('\r')) endings.crlf++;
  else endings.lf++;
  // Fast path: most lines carry no CR at all.
  if (line.indexOf('\r') === -1) return line;
  return collapseCarriageReturns(line);
}

/**
 * Live SSH captures contain `\r\r\n`, `\n\r` and bare `\r` before prompts. A terminal would show
 * what follows the last interior CR, so keep that; trailing and leading CRs are just line debris.
 */
export function collapseCarriageReturns(line: string): string {
  const trimmed = line.replace(/^\r+|\r+$/g, '');
  const lastCr = trimmed.lastIndexOf('\r');
  if (lastCr === -1) return trimmed;
  const after = trimmed.slice(lastCr + 1);
  return after.trim() === '' ? trimmed.slice(0, trimmed.indexOf('\r')) : after;
}

/** True when the bytes look like a binary file rather than text (NUL bytes or many controls). */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  let controls = 0;
  let nuls = 0;
  for (const b of sample) {
    // A stray NUL in a capture (a terminal hiccup) is not a binary file; many of them are.
    if (b === 0) nuls++;
    // Tab, LF, CR, FF and backspace (pager erase) are normal in captured text.
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x08 && b !== 0x1b) controls++;
  }
  return sample.length > 0 && (nuls / sample.length > 0.01 || (controls + nuls) / sample.length > 0.1);
}
