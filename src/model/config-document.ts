// An editable view of one configuration section: its top-level blocks in file order, each kept as the
// original lines until something changes it, then rendered again from a small tree. The merge engine
// edits this document; rendering gives the text of the changed configuration, which goes through the
// same parser as any file, so everything downstream runs unchanged on it.

import { LineKind } from '../parse/line-kinds.js';
import type { ConfigSection, ParsedConfig } from '../parse/parse.js';
import { tokenize } from '../parse/tokenize.js';

/** One command line and its sub-commands; `raw` lines (comments, certificate data) are kept as written. */
export interface DocNode {
  text: string;
  raw: boolean;
  children: DocNode[];
  /** Where the line came from: see {@link LineOrigin}. */
  origin: LineOrigin;
}

/**
 * Where a line of the changed configuration came from: a positive number is its 1-based line in the
 * original file, a negative one minus its line in the change script, 0 neither (a mode line the
 * engine wrote itself).
 */
export type LineOrigin = number;

/** The changed configuration's lines, and where each came from. */
export interface RenderedLines {
  lines: string[];
  origins: LineOrigin[];
}

/** Links of the document's item list: inserts and removals anywhere cost the same (a large config has tens of thousands of items). */
interface Linked {
  prev: DocItem | null;
  next: DocItem | null;
}

/**
 * A top-level block: untouched, it renders its original lines and builds no tree (a large config has
 * tens of thousands); its tree is built the first time something reads it, and rendered once edited.
 */
export class DocBlock implements Linked {
  readonly kind = 'block';
  prev: DocItem | null = null;
  next: DocItem | null = null;
  private tree: DocNode | null = null;
  private edited: boolean;

  private wordList: string[] | null = null;
  private headerText: string | null;

  constructor(
    /** Position in the document (between its neighbours' after an insert): keeps lookups in file order. */
    public order: number,
    /** Lines start..end of this file, or null for a new block. (Fields of their own: a large config has tens of thousands of blocks.) */
    private readonly parsed: ParsedConfig | null,
    private readonly start: number,
    private readonly end: number,
    /** The header line, trimmed (null: read from the file on first use). */
    header: string | null,
    /** The header's first word. */
    readonly first: string,
    /** A new block's tree (its header alone). */
    tree: DocNode | null = null,
  ) {
    this.edited = parsed === null;
    this.tree = tree;
    this.headerText = header;
  }

  /** The header line, trimmed: most blocks (access-list entries) are never asked. */
  get header(): string {
    this.headerText ??= this.parsed!.lines[this.start]!.trim();
    return this.headerText;
  }

  /** The header's words (quoted names unquoted), for matching; split on first use. */
  get words(): string[] {
    this.wordList ??= headerWords(this.header);
    return this.wordList;
  }

  get node(): DocNode {
    this.tree ??= treeOf(this.parsed!, this.start, this.end);
    return this.tree;
  }

  /** From now on the block renders from its tree. */
  markEdited(): DocNode {
    const node = this.node;
    this.edited = true;
    return node;
  }

  renderInto(out: RenderedLines): void {
    if (this.edited) renderNode(this.node, 0, out);
    else {
      const lines = this.parsed!.lines;
      for (let i = this.start; i < this.end; i++) {
        out.lines.push(lines[i]!);
        out.origins.push(i + 1);
      }
    }
  }
}

interface DocRaw extends Linked {
  kind: 'raw';
  /** Its index in the original file (a comment, `!` or blank line between blocks). */
  index: number;
}

/** Top-level commands the merge engine never looks up (interfaces, objects, NAT, ...): lines start..end as written. */
interface DocOpaque extends Linked {
  kind: 'opaque';
  start: number;
  end: number;
}

type DocItem = DocBlock | DocRaw | DocOpaque;

/** Room between neighbouring blocks' orders, so inserts rarely need the document renumbered. */
const ORDER_GAP = 2 ** 20;

/** First words of the top-level blocks the merge engine finds, edits or inserts next to. */
const MERGED_FIRST_WORDS: ReadonlySet<string> = new Set([
  'access-list',
  'anyconnect-custom-data',
  'crypto',
  'domain-name',
  'dynamic-access-policy-record',
  'group-policy',
  'hostname',
  'name',
  'names',
  'no',
  'ntp',
  'ssl',
  'tunnel-group',
  'tunnel-group-map',
  'username',
  'webvpn',
]);
const MERGED_BY_FIRST_CHAR = new Map<number, string[]>();
for (const word of MERGED_FIRST_WORDS)
  (MERGED_BY_FIRST_CHAR.get(word.charCodeAt(0)) ?? MERGED_BY_FIRST_CHAR.set(word.charCodeAt(0), []).get(word.charCodeAt(0))!).push(word);

/** Which of MERGED_FIRST_WORDS a top-level line starts with, without copying it (most lines start with none), or null. */
function mergedFirstWord(line: string): string | null {
  let start = 0;
  while (line.charCodeAt(start) === 0x20 || line.charCodeAt(start) === 0x09) start++;
  const candidates = MERGED_BY_FIRST_CHAR.get(line.charCodeAt(start));
  if (candidates === undefined) return null;
  for (const word of candidates) {
    if (!line.startsWith(word, start)) continue;
    const after = line.charCodeAt(start + word.length);
    if (Number.isNaN(after) || after === 0x20 || after === 0x09) return word;
  }
  return null;
}

/** A header's words: the tokenizer only where quotes need it (a large config has tens of thousands). */
function headerWords(line: string): string[] {
  return line.includes('"') ? tokenize(line) : line.split(/[ \t]+/).filter((w) => w !== '');
}

const TERMINAL_KINDS: ReadonlySet<number> = new Set([LineKind.Checksum, LineKind.End]);

export class ConfigDocument {
  /** Blocks by first word, in document order. */
  private readonly byFirst = new Map<string, DocBlock[]>();
  /** Blocks by first word, then second (the object's name), in document order: built per first word on first use. */
  private readonly byName = new Map<string, Map<string, DocBlock[]>>();
  private firstItem: DocItem | null = null;
  private lastItem: DocItem | null = null;
  /** The change-script line being applied: lines made now record it as where they came from. */
  scriptLine = 0;

  private constructor(
    /** The section's first line and one past its last: the lines around it render as they were. */
    private readonly start: number,
    private readonly end: number,
    items: DocItem[],
    private readonly lines: readonly string[],
  ) {
    let prev: DocItem | null = null;
    for (const item of items) {
      item.prev = prev;
      if (prev) prev.next = item;
      else this.firstItem = item;
      prev = item;
      // Blocks arrive in document order: appending keeps every list sorted.
      if (item.kind === 'block') (this.byFirst.get(item.first) ?? this.byFirst.set(item.first, []).get(item.first)!).push(item);
    }
    this.lastItem = prev;
  }

  static fromParsed(parsed: ParsedConfig, section: ConfigSection): ConfigDocument {
    const { lines, kinds, blockEnd } = parsed;
    const items: DocItem[] = [];
    let i = section.start;
    const rawUpTo = (to: number): void => {
      for (; i < to; i++) items.push({ kind: 'raw', index: i, prev: null, next: null });
    };
    // Top-level commands are few next to all lines, and in file order: walk them, not every line.
    for (const top of section.topLevel) {
      if (top < i) continue;
      rawUpTo(top);
      // A block ends at its last sub-command: the `!`, checksum and `: end` lines after it stay outside.
      let end = Math.min(blockEnd[top]!, section.end);
      while (end > top + 1 && kinds[end - 1] !== LineKind.Command && kinds[end - 1] !== LineKind.CertificateData) end--;
      // (The matched word is the header's first word: it ends at a space, a tab or the line's end.)
      const first = mergedFirstWord(lines[top]!);
      if (first !== null) items.push(new DocBlock(items.length * ORDER_GAP, parsed, top, end, null, first));
      else {
        const last = items.at(-1);
        if (last?.kind === 'opaque' && last.end === top) last.end = end;
        else items.push({ kind: 'opaque', start: top, end, prev: null, next: null });
      }
      i = end;
    }
    rawUpTo(section.end);
    return new ConfigDocument(section.start, section.end, items, lines);
  }

  /** The whole file's lines with the section as edited, and where each line came from. */
  renderLines(): RenderedLines {
    const out: RenderedLines = { lines: [], origins: [] };
    const copy = (from: number, to: number): void => {
      for (let i = from; i < to; i++) {
        out.lines.push(this.lines[i]!);
        out.origins.push(i + 1);
      }
    };
    copy(0, this.start);
    for (let item = this.firstItem; item !== null; item = item.next) {
      if (item.kind === 'raw') copy(item.index, item.index + 1);
      else if (item.kind === 'opaque') copy(item.start, item.end);
      else item.renderInto(out);
    }
    copy(this.end, this.lines.length);
    return out;
  }

  /** A new command line, made while applying the current script line. */
  newNode(text: string): DocNode {
    return { text, raw: false, children: [], origin: -this.scriptLine };
  }

  blocks(): DocBlock[] {
    const out: DocBlock[] = [];
    for (let item = this.firstItem; item !== null; item = item.next) if (item.kind === 'block') out.push(item);
    return out;
  }

  /** Blocks whose header starts with these words (case-sensitive, as the ASA compares names), in file order. */
  find(...prefix: string[]): DocBlock[] {
    if (prefix.length === 0) return this.blocks();
    // The index matched the first two words already; only longer prefixes need the rest.
    return prefix.length <= 2
      ? [...this.indexed(prefix[0]!, prefix[1])]
      : this.indexed(prefix[0]!, prefix[1]).filter((b) => prefix.every((w, i) => b.words[i] === w));
  }

  /** The first block whose header starts with these words, without copying the index (hot in long scripts). */
  first(...prefix: [string, ...string[]]): DocBlock | null {
    return this.indexed(prefix[0], prefix[1]).find((b) => prefix.every((w, i) => i < 2 || b.words[i] === w)) ?? null;
  }

  /** The last block whose header starts with these two words at most. */
  last(first: string, second?: string): DocBlock | null {
    return this.indexed(first, second).at(-1) ?? null;
  }

  /** The index list for one or two leading words: read only. */
  private indexed(first: string, second: string | undefined): readonly DocBlock[] {
    if (second === undefined) return this.byFirst.get(first) ?? [];
    return this.names(first).get(second) ?? [];
  }

  private names(first: string): Map<string, DocBlock[]> {
    let names = this.byName.get(first);
    if (names === undefined) {
      names = new Map();
      this.byName.set(first, names);
      for (const b of this.byFirst.get(first) ?? []) {
        const second = secondWord(b);
        if (second !== undefined) (names.get(second) ?? names.set(second, []).get(second)!).push(b);
      }
    }
    return names;
  }

  /** Marks a block edited: from now on it renders from its tree. */
  touch(block: DocBlock): DocNode {
    return block.markEdited();
  }

  remove(block: DocBlock): void {
    if (block.prev === null && block.next === null && this.firstItem !== block) return;
    if (block.prev) block.prev.next = block.next;
    else this.firstItem = block.next;
    if (block.next) block.next.prev = block.prev;
    else this.lastItem = block.prev;
    block.prev = null;
    block.next = null;
    for (const list of this.listsOf(block)) {
      const at = list.indexOf(block);
      if (at !== -1) list.splice(at, 1);
    }
  }

  /** Inserts a new block after `anchor` (before it with `before`), or before the section's closing lines when there is none. */
  insert(header: string, anchor: DocBlock | null, before = false): DocBlock {
    const block = new DocBlock(0, null, 0, 0, header, firstWord(header), this.newNode(header));
    let after: DocItem | null;
    if (anchor) after = before ? anchor.prev : anchor;
    else {
      // Before `Cryptochecksum:` / `: end` and the blank or `!` lines that lead to them.
      after = this.lastItem;
      while (after !== null && after.kind === 'raw') after = after.prev;
    }
    block.prev = after;
    block.next = after === null ? this.firstItem : after.next;
    if (block.prev) block.prev.next = block;
    else this.firstItem = block;
    if (block.next) block.next.prev = block;
    else this.lastItem = block;
    block.order = this.orderBetween(block);
    this.index(block);
    return block;
  }

  /** An order between the blocks around a newly linked one; renumbers the document when there is no room. */
  private orderBetween(block: DocBlock): number {
    const neighbour = (step: 'prev' | 'next'): number | null => {
      for (let item = block[step]; item !== null; item = item[step]) if (item.kind === 'block') return item.order;
      return null;
    };
    const prev = neighbour('prev');
    const next = neighbour('next');
    if (prev === null) return next === null ? 0 : next - ORDER_GAP;
    if (next === null) return prev + ORDER_GAP;
    const mid = Math.floor((prev + next) / 2);
    if (mid > prev && mid < next) return mid;
    // No room left between the two (many inserts at one place): space every block out again.
    // Document order is unchanged, so the index lists stay sorted.
    let order = 0;
    for (let item = this.firstItem; item !== null; item = item.next) {
      if (item.kind !== 'block' || item === block) continue;
      item.order = order;
      order += ORDER_GAP;
    }
    return this.orderBetween(block);
  }

  private listsOf(block: DocBlock): DocBlock[][] {
    const lists: DocBlock[][] = [];
    const byFirst = this.byFirst.get(block.first);
    if (byFirst) lists.push(byFirst);
    const second = secondWord(block);
    const byName = second === undefined ? undefined : this.byName.get(block.first)?.get(second);
    if (byName) lists.push(byName);
    return lists;
  }

  /** Adds a block to the lookups, keeping each list in document order. */
  private index(block: DocBlock): void {
    if (block.first === '') return;
    if (!this.byFirst.has(block.first)) this.byFirst.set(block.first, []);
    const second = secondWord(block);
    const names = this.byName.get(block.first);
    if (second !== undefined && names !== undefined && !names.has(second)) names.set(second, []);
    for (const list of this.listsOf(block)) {
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]!.order < block.order) lo = mid + 1;
        else hi = mid;
      }
      list.splice(lo, 0, block);
    }
  }
}

function firstWord(header: string): string {
  const sp = header.search(/[ \t]/);
  return sp === -1 ? header : header.slice(0, sp);
}

/** The second word of a header (the object's name) without splitting all of it (most headers are access-list entries). */
function secondWord(block: DocBlock): string | undefined {
  const h = block.header;
  if (h.includes('"') || h.includes('\t')) return block.words[1];
  const space = h.indexOf(' ');
  if (space === -1) return undefined;
  let start = space + 1;
  while (h.charCodeAt(start) === 0x20) start++;
  if (start >= h.length) return undefined;
  const end = h.indexOf(' ', start);
  return h.slice(start, end === -1 ? undefined : end);
}

function treeOf(parsed: ParsedConfig, start: number, end: number): DocNode {
  const { lines, kinds, parentOf } = parsed;
  const root: DocNode = { text: lines[start]!.trim(), raw: false, children: [], origin: start + 1 };
  const byIndex = new Map<number, DocNode>([[start, root]]);
  for (let i = start + 1; i < end; i++) {
    if (kinds[i] === LineKind.Command) {
      const node: DocNode = { text: lines[i]!.trim(), raw: false, children: [], origin: i + 1 };
      (byIndex.get(parentOf[i]!) ?? root).children.push(node);
      byIndex.set(i, node);
    } else if (!TERMINAL_KINDS.has(kinds[i]!)) {
      // Comments inside a block (RANCID's commented-out secrets) stay, at column 0 as written.
      root.children.push({ text: lines[i]!, raw: true, children: [], origin: i + 1 });
    }
  }
  return root;
}

function renderNode(node: DocNode, depth: number, out: RenderedLines): void {
  out.lines.push(node.raw ? node.text : `${' '.repeat(depth)}${node.text}`);
  out.origins.push(node.origin);
  if (!node.raw) for (const c of node.children) renderNode(c, depth + 1, out);
}
