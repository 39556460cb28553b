// Lines that start with characters the ASA would refuse and the tool does not read: what a terminal
// capture or a copy from a web page can leave before a command. Each is said (code
// `hidden-characters`), with the lines it takes down with it, so nothing goes missing in silence.

import { LineKind } from '../parse/line-kinds.js';
import { isEchoedPrompt, type ParsedConfig } from '../parse/parse.js';
import { redactLine } from '../parse/redact.js';
import type { Problem } from '../common/problem.js';

/** What these checks need of the model being built: its lines, and where problems go. */
interface BuildSink {
  readonly parsed: ParsedConfig;
  problem(line: number | null, severity: Problem['severity'], code: string, message: string): void;
}

// Control characters (NUL, an escape sequence, a character rubbed out with a backspace), a no-break
// or zero-width space. (The escape sequence first: its ESC alone is a control character too.)
const INVISIBLE_START = /^(?:\u001b\[[0-9;?]*[ -/]*[@-~]|[^\s]\u0008|[\u0000-\u001f\u007f-\u00a0\u00ad\u200b-\u200f\u2028-\u202f\u2060\ufeff])+/;
const INVISIBLE = /[\s\u0000-\u001f\u007f-\u00a0\u00ad\u200b-\u200f\u2028-\u202f\u2060\ufeff]+/g;

/** Spaces a web page or word processor puts where the ASA prints plain ones (no-break, thin, ideographic, ...). */
const ODD_SPACE = /^[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+$/;

/**
 * What starts a line: undefined for one that starts as a command is typed (most start with a
 * letter: one comparison), else its hidden start and whether anything stands behind it. A blank, a
 * `!` or `:` comment or a terminal prompt with its echoed command behind it is nothing to read.
 */
function scanStart(text: string): { hidden: string; nothing: boolean } | undefined {
  const first = text.charCodeAt(0);
  // (A backspace can rub out that letter.)
  const letter = (first >= 0x61 && first <= 0x7a) || (first >= 0x41 && first <= 0x5a);
  if (letter && !text.includes('\u0008')) return undefined;
  const hidden = INVISIBLE_START.exec(text)?.[0];
  if (hidden === undefined) return undefined;
  const visible = text.slice(hidden.length).replace(INVISIBLE, ' ').trim();
  return { hidden, nothing: visible === '' || visible.startsWith('!') || visible.startsWith(':') || isEchoedPrompt(visible) };
}

/** The hidden start of a line that holds a command behind it, or undefined (see scanStart). */
export function hiddenStart(text: string): string | undefined {
  const start = scanStart(text);
  return start === undefined || start.nothing ? undefined : start.hidden;
}

/** Code points of a line's hidden start, printable ones left out (the `[K` of an escape sequence, a rubbed-out letter). */
function codePoints(hidden: string): string {
  return [...new Set(Array.from(hidden.matchAll(/[^!-~]/gu), ([c]) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`))].join(', ');
}

/** Command lines under line `index` (its block, nested ones included): not read when it is not. */
function commandsUnder(ctx: BuildSink, index: number): number {
  const { kinds, blockEnd } = ctx.parsed;
  let n = 0;
  for (let i = index + 1; i < blockEnd[index]!; i++) if (kinds[i] === LineKind.Command) n++;
  return n;
}

const lines = (n: number): string => `${n} line${n === 1 ? '' : 's'}`;

/**
 * Top-level lines that start with hidden characters. The ASA would refuse them and the tool does not
 * read them, nor the lines indented under them, so each run of them is said once. A run that starts
 * with odd spaces after a command is most likely that command's sub-commands, indented with no-break
 * spaces by a copy from a web page: said so, with the block they were meant for.
 */
export class HiddenLines {
  private run: Array<{ index: number; hidden: string; rest: string }> = [];
  /** The last top-level line read before the run: what its lines were probably meant to be under. */
  private before: number | null = null;

  /** `opensBlock`: whether a line, read as typed, is a command the model reads (a block of its own). */
  constructor(
    private readonly ctx: BuildSink,
    private readonly opensBlock: (line: string) => boolean,
  ) {}

  /** Whether the line is not to be read: hidden (added to the current run), or nothing behind hidden characters. */
  take(raw: string, index: number): boolean {
    const start = scanStart(raw);
    // (A blank or a comment behind hidden characters neither ends a run nor is a block to be under.)
    if (start?.nothing === true) return true;
    if (start === undefined) {
      this.flush();
      this.before = index;
      return false;
    }
    this.run.push({ index, hidden: start.hidden, rest: raw.slice(start.hidden.length) });
    return true;
  }

  flush(): void {
    const run = this.run;
    if (run.length === 0) return;
    this.run = [];
    const [head] = run as [(typeof run)[0]];
    const quoted = `\`${redactLine(head.rest).trim()}\``;
    const others = run.length - 1;
    const andOthers = others === 0 ? '' : others === 1 ? ' and the line after it' : ` and the ${others} lines after it`;
    const verb = others === 0 ? 'starts' : 'start';
    const it = others === 0 ? 'it' : 'them';
    const codes = codePoints(run.map((l) => l.hidden).join(''));
    // Lines indented under the hidden ones (with plain spaces) fall under them, and go unread with them.
    const under = run.reduce((n, l) => n + commandsUnder(this.ctx, l.index), 0);
    const parent = this.before === null ? null : this.ctx.parsed.lines[this.before]!;
    // (A block's own first line behind a no-break space is not indentation: said as hidden, below.)
    if (parent !== null && !this.opensBlock(head.rest) && run.every((l) => ODD_SPACE.test(l.hidden))) {
      const lost = under === 0 ? '' : `, nor the ${lines(under)} after ${it} indented with plain spaces`;
      const they = others === 0 && under === 0 ? 'it belongs' : 'they belong';
      this.ctx.problem(
        head.index + 1,
        'warning',
        'hidden-characters',
        `${quoted}${andOthers} ${verb} with odd spaces (${codes}) where the ASA indents with plain ones: not read${lost} (if ${they} under \`${redactLine(parent).trim()}\` (line ${this.before! + 1}), that is read without ${others === 0 && under === 0 ? 'it' : 'them'}; replace the odd spaces with plain ones)`,
      );
      return;
    }
    this.ctx.problem(
      head.index + 1,
      'warning',
      'hidden-characters',
      `${quoted}${andOthers} ${verb} with invisible or control characters (${codes}): not read${under === 0 ? '' : `, nor the ${lines(under)} under ${it}`} (remove them)`,
    );
  }
}

/**
 * A sub-command that starts with hidden characters after its indentation (` \u200bsplit-dns ...`):
 * said, and not handed to the block's reader. Returns whether the line is to be skipped.
 */
export function hiddenSubCommand(ctx: BuildSink, index: number, text: string, block: number): boolean {
  const start = scanStart(text);
  if (start === undefined || start.nothing) return start !== undefined;
  const { hidden } = start;
  const under = commandsUnder(ctx, index);
  ctx.problem(
    index + 1,
    'warning',
    'hidden-characters',
    `\`${redactLine(text.slice(hidden.length)).trim()}\` (under \`${redactLine(ctx.parsed.lines[block]!).trim()}\`, line ${block + 1}) starts with invisible or control characters (${codePoints(hidden)}): not read${under === 0 ? '' : `, nor the ${lines(under)} under it`} (remove them)`,
  );
  return true;
}

/** Why a change script's line behind hidden characters is not applied. */
export function hiddenLineRefused(hidden: string): string {
  return ODD_SPACE.test(hidden)
    ? `not applied: the line starts with odd spaces (${codePoints(hidden)}) where the ASA takes plain ones, so the ASA does not read it as the command it shows [inferred]; replace them with spaces`
    : `not applied: the line starts with invisible or control characters (${codePoints(hidden)}), so the ASA does not read it as the command it shows [inferred]; remove them`;
}
