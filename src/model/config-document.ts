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
}

/**
 * A top-level block: untouched, it renders its original lines and builds no tree (a large config has
 * tens of thousands); its tree is built the first time something reads it, and rendered once edited.
 */
export class DocBlock {
  readonly kind = 'block';
  private tree: DocNode | null = null;
  private edited: boolean;

  private wordList: string[] | null = null;

  constructor(
    /** Position in the document (fractional between neighbours after an insert): keeps lookups in file order. */
    public order: number,
    private readonly source: { parsed: ParsedConfig; start: number; end: number } | null,
    /** The header line, trimmed. */
    readonly header: string,
  ) {
    this.edited = source === null;
    if (source === null) this.tree = { text: header, raw: false, children: [] };
  }

  /** The header's words (quoted names unquoted), for matching; split on first use. */
  get words(): string[] {
    this.wordList ??= headerWords(this.header);
    return this.wordList;
  }

  get node(): DocNode {
    this.tree ??= treeOf(this.source!.parsed, this.source!.start, this.source!.end);
    return this.tree;
  }

  /** From now on the block renders from its tree. */
  markEdited(): DocNode {
    const node = this.node;
    this.edited = true;
    return node;
  }

  renderInto(out: string[]): void {
    if (this.edited) out.push(...renderNode(this.node, 0));
    else for (let i = this.source!.start; i < this.source!.end; i++) out.push(this.source!.parsed.lines[i]!);
  }
}

interface DocRaw {
  kind: 'raw';
  line: string;
}

/** Top-level commands the merge engine never looks up (interfaces, objects, NAT, ...): lines start..end as written. */
interface DocOpaque {
  kind: 'opaque';
  start: number;
  end: number;
}

type DocItem = DocBlock | DocRaw | DocOpaque;

/** First words of the top-level blocks the merge engine finds, edits or inserts next to. */
const MERGED_FIRST_WORDS: ReadonlySet<string> = new Set([
  'access-list',
  'anyconnect-custom-data',
  'crypto',
  'domain-name',
  'dynamic-access-policy-record',
  'group-policy',
  'hostname',
  'no',
  'ntp',
  'ssl',
  'tunnel-group',
  'tunnel-group-map',
  'username',
  'webvpn',
]);

/** A header's words: the tokenizer only where quotes need it (a large config has tens of thousands). */
function headerWords(line: string): string[] {
  return line.includes('"') ? tokenize(line) : line.split(/[ \t]+/).filter((w) => w !== '');
}

const TERMINAL_KINDS: ReadonlySet<number> = new Set([LineKind.Checksum, LineKind.End]);

export class ConfigDocument {
  /** Blocks by first word and by first two words (the object's name), in document order. */
  private readonly byFirst = new Map<string, DocBlock[]>();
  private readonly byName = new Map<string, DocBlock[]>();

  private constructor(
    private readonly head: string[],
    readonly items: DocItem[],
    private readonly tail: string[],
    private readonly lines: readonly string[],
  ) {
    // Blocks arrive in document order: appending keeps every list sorted.
    for (const item of items) if (item.kind === 'block') for (const [map, key] of this.keys(item)) (map.get(key) ?? map.set(key, []).get(key)!).push(item);
  }

  static fromParsed(parsed: ParsedConfig, section: ConfigSection): ConfigDocument {
    const { lines, kinds, blockEnd } = parsed;
    const items: DocItem[] = [];
    const tops = new Set(section.topLevel);
    let i = section.start;
    while (i < section.end) {
      if (tops.has(i) && kinds[i] === LineKind.Command) {
        // A block ends at its last sub-command: the `!`, checksum and `: end` lines after it stay outside.
        let end = Math.min(blockEnd[i]!, section.end);
        while (end > i + 1 && kinds[end - 1] !== LineKind.Command && kinds[end - 1] !== LineKind.CertificateData) end--;
        const header = lines[i]!.trim();
        const first = header.slice(0, header.indexOf(' ') === -1 ? undefined : header.indexOf(' '));
        if (MERGED_FIRST_WORDS.has(first)) items.push(new DocBlock(items.length, { parsed, start: i, end }, header));
        else {
          const last = items.at(-1);
          if (last?.kind === 'opaque' && last.end === i) last.end = end;
          else items.push({ kind: 'opaque', start: i, end });
        }
        i = end;
      } else {
        items.push({ kind: 'raw', line: lines[i]! });
        i++;
      }
    }
    return new ConfigDocument(lines.slice(0, section.start), items, lines.slice(section.end), lines);
  }

  render(): string {
    const out = [...this.head];
    for (const item of this.items) {
      if (item.kind === 'raw') out.push(item.line);
      else if (item.kind === 'opaque') for (let i = item.start; i < item.end; i++) out.push(this.lines[i]!);
      else item.renderInto(out);
    }
    out.push(...this.tail);
    return `${out.join('\n')}\n`;
  }

  blocks(): DocBlock[] {
    return this.items.filter((i): i is DocBlock => i.kind === 'block');
  }

  /** Blocks whose header starts with these words (case-sensitive, as the ASA compares names), in file order. */
  find(...prefix: string[]): DocBlock[] {
    if (prefix.length === 0) return this.blocks();
    const candidates = prefix.length === 1 ? this.byFirst.get(prefix[0]!) : this.byName.get(nameKey(prefix[0]!, prefix[1]!));
    // The index matched the first two words already; only longer prefixes need the rest.
    return prefix.length <= 2 ? [...(candidates ?? [])] : (candidates ?? []).filter((b) => prefix.every((w, i) => b.words[i] === w));
  }

  /** Marks a block edited: from now on it renders from its tree. */
  touch(block: DocBlock): DocNode {
    return block.markEdited();
  }

  remove(block: DocBlock): void {
    const at = this.items.indexOf(block);
    if (at !== -1) this.items.splice(at, 1);
    for (const [map, key] of this.keys(block)) {
      const list = map.get(key);
      if (list) list.splice(list.indexOf(block), 1);
    }
  }

  /** Inserts a new block after `anchor` (before it with `before`), or before the section's closing lines when there is none. */
  insert(header: string, anchor: DocBlock | null, before = false): DocBlock {
    const block = new DocBlock(0, null, header);
    let at: number;
    if (anchor) {
      at = this.items.indexOf(anchor) + (before ? 0 : 1);
    } else {
      // Before `Cryptochecksum:` / `: end` and the blank or `!` lines that lead to them.
      at = this.items.length;
      while (at > 0 && this.items[at - 1]!.kind === 'raw') at--;
    }
    this.items.splice(at, 0, block);
    block.order = this.orderAt(at);
    this.index(block);
    return block;
  }

  /** An order between the blocks around position `at` of the items. */
  private orderAt(at: number): number {
    const neighbour = (from: number, step: number): number | null => {
      for (let i = from; i >= 0 && i < this.items.length; i += step) {
        const item = this.items[i]!;
        if (item.kind === 'block') return item.order;
      }
      return null;
    };
    const prev = neighbour(at - 1, -1);
    const next = neighbour(at + 1, 1);
    if (prev === null) return next === null ? 0 : next - 1;
    return next === null ? prev + 1 : (prev + next) / 2;
  }

  private keys(block: DocBlock): Array<[Map<string, DocBlock[]>, string]> {
    const [a, b] = firstTwoWords(block);
    if (a === undefined) return [];
    return [[this.byFirst, a], ...(b === undefined ? [] : ([[this.byName, nameKey(a, b)]] as Array<[Map<string, DocBlock[]>, string]>))];
  }

  /** Adds a block to the lookups, keeping each list in document order. */
  private index(block: DocBlock): void {
    for (const [map, key] of this.keys(block)) {
      const list = map.get(key) ?? [];
      map.set(key, list);
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

/** The first two words of a header without splitting all of it (most headers are access-list entries). */
function firstTwoWords(block: DocBlock): [string | undefined, string | undefined] {
  const h = block.header;
  if (h.includes('"')) return [block.words[0], block.words[1]];
  const sp1 = h.search(/[ \t]/);
  if (sp1 === -1) return [h === '' ? undefined : h, undefined];
  let start = sp1;
  while (h[start] === ' ' || h[start] === '\t') start++;
  let end = start;
  while (end < h.length && h[end] !== ' ' && h[end] !== '\t') end++;
  return [h.slice(0, sp1), start < h.length ? h.slice(start, end) : undefined];
}

function nameKey(first: string, second: string): string {
  return `${first}\u0000${second}`;
}

function treeOf(parsed: ParsedConfig, start: number, end: number): DocNode {
  const { lines, kinds, parentOf } = parsed;
  const root: DocNode = { text: lines[start]!.trim(), raw: false, children: [] };
  const byIndex = new Map<number, DocNode>([[start, root]]);
  for (let i = start + 1; i < end; i++) {
    if (kinds[i] === LineKind.Command) {
      const node: DocNode = { text: lines[i]!.trim(), raw: false, children: [] };
      (byIndex.get(parentOf[i]!) ?? root).children.push(node);
      byIndex.set(i, node);
    } else if (!TERMINAL_KINDS.has(kinds[i]!)) {
      // Comments inside a block (RANCID's commented-out secrets) stay, at column 0 as written.
      root.children.push({ text: lines[i]!, raw: true, children: [] });
    }
  }
  return root;
}

function renderNode(node: DocNode, depth: number): string[] {
  if (node.raw) return [node.text];
  return [`${' '.repeat(depth)}${node.text}`, ...node.children.flatMap((c) => renderNode(c, depth + 1))];
}
