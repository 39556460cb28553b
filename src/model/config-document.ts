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

/** A top-level block: untouched blocks render their original lines, edited ones render their tree. */
export interface DocBlock {
  kind: 'block';
  /** The header's words (quoted names unquoted), for matching. */
  words: string[];
  node: DocNode;
  /** The original physical lines, until the block is edited. */
  original: string[] | null;
}

interface DocRaw {
  kind: 'raw';
  line: string;
}

type DocItem = DocBlock | DocRaw;

const TERMINAL_KINDS: ReadonlySet<number> = new Set([LineKind.Checksum, LineKind.End]);

export class ConfigDocument {
  private constructor(
    private readonly head: string[],
    readonly items: DocItem[],
    private readonly tail: string[],
  ) {}

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
        items.push({ kind: 'block', words: tokenize(lines[i]!.trim()), node: treeOf(parsed, i, end), original: lines.slice(i, end) });
        i = end;
      } else {
        items.push({ kind: 'raw', line: lines[i]! });
        i++;
      }
    }
    return new ConfigDocument(lines.slice(0, section.start), items, lines.slice(section.end));
  }

  render(): string {
    const out = [...this.head];
    for (const item of this.items) {
      if (item.kind === 'raw') out.push(item.line);
      else if (item.original) out.push(...item.original);
      else out.push(...renderNode(item.node, 0));
    }
    out.push(...this.tail);
    return `${out.join('\n')}\n`;
  }

  blocks(): DocBlock[] {
    return this.items.filter((i): i is DocBlock => i.kind === 'block');
  }

  /** Blocks whose header starts with these words (case-sensitive, as the ASA compares names). */
  find(...prefix: string[]): DocBlock[] {
    return this.blocks().filter((b) => prefix.every((w, i) => b.words[i] === w));
  }

  /** Marks a block edited: from now on it renders from its tree. */
  touch(block: DocBlock): DocNode {
    block.original = null;
    return block.node;
  }

  remove(block: DocBlock): void {
    const at = this.items.indexOf(block);
    if (at !== -1) this.items.splice(at, 1);
  }

  /** Inserts a new block after `anchor`, or before the section's closing lines when there is none. */
  insert(header: string, anchor: DocBlock | null, before = false): DocBlock {
    const block: DocBlock = { kind: 'block', words: tokenize(header), node: { text: header, raw: false, children: [] }, original: null };
    if (anchor) {
      const at = this.items.indexOf(anchor);
      this.items.splice(before ? at : at + 1, 0, block);
      return block;
    }
    // Before `Cryptochecksum:` / `: end` and the blank or `!` lines that lead to them.
    let at = this.items.length;
    while (at > 0 && this.items[at - 1]!.kind === 'raw') at--;
    this.items.splice(at, 0, block);
    return block;
  }
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
