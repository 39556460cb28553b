// What a reader sees while the model is built: the lines of one configuration section as small views,
// the model being filled, and one place that counts modelled lines and records problems. Readers
// never count: a line a handler takes (does not answer `false` for) is counted here.

import { compareProblems, type Problem } from '../common/problem.js';
import { LineKind } from '../parse/line-kinds.js';
import type { ConfigSection, ParsedConfig } from '../parse/parse.js';
import { tokenize } from '../parse/tokenize.js';
import { redactLine } from '../parse/redact.js';
import type { DeviceModel } from './types.js';
import { hiddenSubCommand } from './hidden-lines.js';

/** One command line: its index in the file, 1-based number, trimmed text and words. */
export interface ConfigLine {
  index: number;
  line: number;
  text: string;
  words: string[];
}

/** Reads one line; `false` means "not a line this handler models" (it stays in the tree, uncounted). */
export type LineHandler = (line: ConfigLine) => boolean | undefined;

export class BuildContext {
  private modelledLines = 0;

  constructor(
    readonly parsed: ParsedConfig,
    readonly section: ConfigSection,
    readonly model: DeviceModel,
  ) {}

  lineAt(index: number): ConfigLine {
    const text = this.parsed.lines[index]!.trim();
    return { index, line: index + 1, text, words: tokenize(text) };
  }

  /** Children already split into words: readers that keep a block's lines and read them ask twice. */
  private readonly childCache = new Map<number, ConfigLine[]>();

  /** The direct children of a block header, in file order. */
  children(block: ConfigLine): ConfigLine[] {
    const cached = this.childCache.get(block.index);
    if (cached) return cached;
    const out: ConfigLine[] = [];
    const { kinds, parentOf, blockEnd } = this.parsed;
    const end = blockEnd[block.index]!;
    for (let i = block.index + 1; i < end; i++) {
      if (kinds[i] !== LineKind.Command || parentOf[i] !== block.index) continue;
      const line = this.lineAt(i);
      // (Said once: a block's children are computed once while its top-level line is read, then cached.)
      if (!hiddenSubCommand(this, i, line.text, block.index)) out.push(line);
    }
    this.childCache.set(block.index, out);
    return out;
  }

  /**
   * Forgets the children split into words for the last top-level block. Kept until the build ended,
   * every line of every block survived the young generation and was copied twice (a third of a
   * large audit's time went to scavenges).
   */
  forgetChildren(): void {
    // clear() allocates a new table even for an empty map: most blocks asked for no children.
    if (this.childCache.size > 0) this.childCache.clear();
  }

  /** Runs `handle` and counts the line as modelled unless it answers `false`. */
  take(line: ConfigLine, handle: LineHandler): void {
    if (handle(line) !== false) this.modelledLines++;
  }

  /** Counts a line a raw reader modelled. */
  countModelled(): void {
    this.modelledLines++;
  }

  /** Hands each child of a block to the handler named by its first word (`*` for any other). */
  readChildren(block: ConfigLine, handlers: Readonly<Record<string, LineHandler>>): void {
    for (const child of this.children(block)) {
      // Own keys only: a sub-command named like an Object method (`valueOf`, `__proto__`) is no handler's.
      const word = child.words[0] ?? '';
      const handler = Object.hasOwn(handlers, word) ? handlers[word] : handlers['*'];
      if (handler) this.take(child, handler);
    }
  }

  /**
   * Lines nested deeper than a block allows: under a sub-command that takes none (`  group-alias X`
   * indented under ` authentication certificate`), or deeper inside a sub-mode (`subModes`: the
   * sub-commands that are one, such as a group-policy's `webvpn`). The model does not read them; a
   * warning names each, so a hand edit's stray indent is not dropped in silence.
   */
  strayLines(block: ConfigLine, subModes: ReadonlySet<string> = NO_SUB_MODES): void {
    const { kinds, parentOf, blockEnd, lines } = this.parsed;
    const end = blockEnd[block.index]!;
    for (let i = block.index + 1; i < end; i++) {
      if (kinds[i] !== LineKind.Command) continue;
      const parent = parentOf[i]!;
      if (parent === block.index || (parentOf[parent] === block.index && subModes.has(lines[parent]!.trim()))) continue;
      // (Once per stray group: its first line.)
      if (i > block.index + 1 && parentOf[i - 1] === parent && kinds[i - 1] === LineKind.Command) continue;
      this.problem(
        i + 1,
        'warning',
        'misplaced-line',
        `\`${redactLine(lines[i]!).trim()}\` is indented under \`${redactLine(lines[parent]!).trim()}\` (line ${parent + 1}), which takes no sub-commands: it is not read (check its indentation)`,
      );
    }
  }

  /**
   * Lines indented under a command that opens no mode (`group-policy NAME internal`, `tunnel-group
   * NAME type ...`): the ASA never prints such a thing, so a stray space or character put them there
   * (a block's own first line indented by one space lands under the line before it). Not read, and
   * said once, with how many lines that is.
   */
  linesUnderCommand(command: ConfigLine): void {
    const { kinds, blockEnd, lines } = this.parsed;
    let first = -1;
    let count = 0;
    for (let i = command.index + 1; i < blockEnd[command.index]!; i++) {
      if (kinds[i] !== LineKind.Command) continue;
      if (first === -1) first = i;
      count++;
    }
    if (first === -1) return;
    this.problem(
      first + 1,
      'warning',
      'misplaced-line',
      `\`${redactLine(lines[first]!).trim()}\`${count > 1 ? ` and the ${count - 1} line${count === 2 ? '' : 's'} indented with it` : ''} ${count > 1 ? 'are' : 'is'} indented under \`${redactLine(lines[command.index]!).trim()}\` (line ${command.index + 1}), which takes no sub-commands: not read (check the indentation, or a stray character at the start of line ${first + 1})`,
    );
  }

  problem(line: number | null, severity: Problem['severity'], code: string, message: string): void {
    this.model.problems.push({ line, severity, code, message });
  }

  finish(): DeviceModel {
    let commands = 0;
    for (let i = this.section.start; i < this.section.end; i++) if (this.parsed.kinds[i] === LineKind.Command) commands++;
    this.model.stats = { commandLines: commands, modelledLines: this.modelledLines };
    this.model.problems.sort(compareProblems);
    return this.model;
  }
}

const NO_SUB_MODES: ReadonlySet<string> = new Set();

/** A reader of the top-level commands that start with one of `words`. */
export interface TopLevelReader {
  words: readonly string[];
  /** A cheap look at the raw line before it is split into words (many ACL lines are not ours). */
  accepts?(raw: string): boolean;
  read(ctx: BuildContext, line: ConfigLine): boolean | undefined;
  /**
   * For one-line commands that come by the hundred thousand (ACL entries): reads the raw line without
   * making a ConfigLine. `false`: not modelled. When present, `read` is not called.
   */
  readRaw?(ctx: BuildContext, raw: string, index: number): boolean;
}
