// Physical lines → a tree of command lines, split into sections (one per configuration in the
// file) with wrapper detection and completeness. Nothing here knows what a command means.

import { decodeConfigBytes, type DecodedText } from './decode.js';
import { LineKind, type LineKindValue } from './line-kinds.js';
import { tokenize } from './tokenize.js';
import { redactLine } from './redact.js';
import { detectWrapper, type WrapperKind } from './wrappers.js';
import { assessCompleteness, type Completeness } from './completeness.js';
import { compareProblems, type Problem } from '../common/problem.js';

/** One configuration inside a file: the whole file, or one context of an Oxidized multi-context backup. */
export interface ConfigSection {
  /** Context name from an Oxidized separator, or null. */
  contextName: string | null;
  /** Index of the first and one past the last physical line of this section. */
  start: number;
  end: number;
  /** Indices of the section's top-level command lines, in file order. */
  topLevel: number[];
  completeness: Completeness;
}

export interface ParsedConfig {
  source: string;
  /** Physical lines as decoded (line endings and pager debris removed, trailing spaces kept). */
  lines: string[];
  kinds: Uint8Array;
  /** Indentation depth (leading blanks) of command lines. */
  depth: Uint16Array;
  /** Parent command line index of a command line, or -1 at top level. */
  parentOf: Int32Array;
  /** For a command line: one past the index of the last line of its block. */
  blockEnd: Int32Array;
  sections: ConfigSection[];
  wrapper: WrapperKind;
  encoding: Pick<DecodedText, 'bom' | 'cp1252Lines' | 'endings'>;
  problems: Problem[];
}

/** A view of one command line and its children, built on demand. */
export interface LineNode {
  index: number;
  /** 1-based line number in the file. */
  line: number;
  depth: number;
  /** The command text without indentation or trailing blanks. */
  text: string;
  words: string[];
  children: LineNode[];
}

const PAGER = /<---\s*More\s*--->/;
const PAGER_DEBRIS = /<---\s*More\s*--->(?:[\b]+| {8,})*/;
// A prompt of a hand-captured session, optionally followed by the echoed command (Oxidized's pattern).
const PROMPT = /^([\w.@()\-/]+[#>])\s*(.*)$/;
const ECHOED_COMMAND = /^(sh(ow)?|more|term(inal)?|en(able)?|changeto|wr(ite)?|login|exit|logout)\b/i;
const CONTEXT_SEPARATOR = /^-{5,}=+ \[ CONTEXT (\S+)(?: FILE (\S+))? \] =+-{5,}\s*$/;
// A terminal session that moves between contexts: `asa# changeto context vpn` starts that context's
// part of the capture (`changeto system`, the system's).
const CHANGETO_PROMPT = /^[\w.@()-]+(?:\/[\w.@()-]+)*[#>]\s*changeto\s+(?:context\s+(\S+)|system)\s*$/i;

/** The context a separator line starts (null: the system execution space). */
function separatorContext(line: string): string | null {
  return CONTEXT_SEPARATOR.exec(line)?.[1] ?? CHANGETO_PROMPT.exec(line.trim())?.[1] ?? null;
}

/** How the `incomplete` problem of a section that holds two configurations begins (after any context). */
export const NOT_ONE_CONFIGURATION = 'not one configuration';

export function parseConfigBytes(bytes: Uint8Array, source: string): ParsedConfig {
  return parseDecoded(decodeConfigBytes(bytes), source);
}

export function parseConfigText(text: string, source: string): ParsedConfig {
  return parseConfigBytes(Buffer.from(text, 'utf8'), source);
}

/**
 * Lines already decoded (a configuration the merge engine changed): parsed as the same lines joined
 * into a file would be, without encoding and decoding the text again.
 */
export function parseConfigLines(lines: readonly string[], source: string): ParsedConfig {
  // A line that would split or lose a character when read back from a file goes the long way.
  if (lines.some((l) => l.includes('\n') || l.endsWith('\r'))) return parseConfigText(`${lines.join('\n')}\n`, source);
  return parseDecoded({ lines: [...lines], bom: false, cp1252Lines: [], endings: { lf: lines.length, crlf: 0, none: 0 }, mayHavePager: true }, source);
}

function parseDecoded(decoded: DecodedText, source: string): ParsedConfig {
  const { lines } = decoded;
  const n = lines.length;
  const kinds = new Uint8Array(n);
  const depth = new Uint16Array(n);
  const parentOf = new Int32Array(n).fill(-1);
  const blockEnd = new Int32Array(n);
  const problems: Problem[] = [];

  stripPagerDebris(lines, kinds, problems, decoded.mayHavePager);
  markPromptLines(lines, kinds);
  const separators = classifyLines(lines, kinds, depth);
  const topLevel = buildTree(kinds, depth, parentOf, blockEnd, separators, problems, lines);

  for (const lineNo of decoded.cp1252Lines) {
    problems.push({
      line: lineNo,
      severity: 'info',
      code: 'not-utf8',
      message: 'line is not valid UTF-8; decoded as Windows-1252',
    });
  }

  const wrapper = detectWrapper(lines, kinds);
  const sections = splitSections(lines, kinds, topLevel, separators, wrapper);
  for (const section of sections) {
    if (!section.completeness.complete) {
      problems.push({
        line: section.completeness.line,
        severity: 'error',
        code: 'incomplete',
        message:
          (section.contextName ? `context ${section.contextName}: ` : '') +
          (section.completeness.secondConfigLine !== null ? NOT_ONE_CONFIGURATION : 'configuration is incomplete') +
          `: ${section.completeness.reasons.join('; ')}`,
      });
    }
  }
  problems.sort(compareProblems);

  return {
    source,
    lines,
    kinds,
    depth,
    parentOf,
    blockEnd,
    sections,
    wrapper,
    encoding: { bom: decoded.bom, cp1252Lines: decoded.cp1252Lines, endings: decoded.endings },
    problems,
  };
}

/** Removes `<--- More --->` markers; a line left empty by that becomes a Pager line. */
function stripPagerDebris(lines: string[], kinds: Uint8Array, problems: Problem[], mayHavePager: boolean): void {
  if (!mayHavePager) return;
  let count = 0;
  let first = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.indexOf('More') === -1 || !PAGER.test(line)) continue;
    count++;
    if (first === -1) first = i;
    // The pager erases itself with backspaces or a run of spaces; what follows them is real text.
    const rest = line.replace(PAGER_DEBRIS, '');
    if (rest.trim() === '') {
      lines[i] = '';
      kinds[i] = LineKind.Pager;
    } else {
      lines[i] = rest;
    }
  }
  if (count > 0) {
    problems.push({
      line: first + 1,
      severity: 'info',
      code: 'pager-debris',
      message: `${count} line(s) held \`<--- More --->\` pager debris (paging was not disabled); removed`,
    });
  }
}

/**
 * A line of a pasted terminal session split into its prompt and the command typed after it
 * (`vpn(config-group-policy)# split-dns value x`); null when the line has no prompt. A command's first
 * word never ends in `#` or `>`, so a configuration line is never taken for one.
 */
export function splitPrompt(line: string): { prompt: string; command: string } | null {
  const m = PROMPT.exec(line.trim());
  return m === null ? null : { prompt: m[1]!, command: m[2] ?? '' };
}

/** A prompt alone, or a prompt and a command a session echoes (`asa# show running-config`). */
export function isEchoedPrompt(text: string): boolean {
  const m = PROMPT.exec(text.trim());
  if (!m) return false;
  const rest = m[2] ?? '';
  return rest === '' || ECHOED_COMMAND.test(rest);
}

/** Marks prompt/echo lines at the very start and end of a captured terminal session. */
function markPromptLines(lines: string[], kinds: Uint8Array): void {
  const isPrompt = isEchoedPrompt;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!;
    if (kinds[i] === LineKind.Pager || t.trim() === '') continue;
    if (!isPrompt(t) || t.startsWith(' ')) break;
    // `changeto` says whose configuration follows: classifyLines makes it a separator.
    if (CHANGETO_PROMPT.test(t)) continue;
    kinds[i] = LineKind.Prompt;
  }
  for (let i = lines.length - 1; i >= 0; i--) {
    const t = lines[i]!;
    if (kinds[i] === LineKind.Pager || t.trim() === '') continue;
    if (kinds[i] === LineKind.Prompt || t.startsWith(' ') || !isPrompt(t)) break;
    kinds[i] = LineKind.Prompt;
  }
}

/** Assigns a kind and depth to every line not already classified; returns separator indices. */
function classifyLines(lines: string[], kinds: Uint8Array, depth: Uint16Array): number[] {
  const separators: number[] = [];
  let inCertificateChain = false;
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i] !== LineKind.Command) continue; // already Pager or Prompt
    const line = lines[i]!;
    let d = 0;
    while (d < line.length) {
      const c = line.charCodeAt(d);
      if (c !== 0x20 && c !== 0x09) break;
      d++;
    }
    if (d === line.length) {
      kinds[i] = LineKind.Blank;
      continue;
    }
    const first = line.charCodeAt(d);
    if (d === 0 && first === 0x21 /* ! */) {
      kinds[i] = LineKind.BangComment;
      continue;
    }
    if (d === 0 && first === 0x3a /* : */) {
      kinds[i] = /^:\s*end\s*$/.test(line) ? LineKind.End : LineKind.ColonComment;
      continue;
    }
    if (d === 0 && first === 0x2d /* - */ && CONTEXT_SEPARATOR.test(line)) {
      kinds[i] = LineKind.ContextSeparator;
      separators.push(i);
      inCertificateChain = false;
      continue;
    }
    // (indexOf first: a large configuration has a million lines and no prompt.)
    if (d === 0 && line.indexOf('changeto') !== -1 && CHANGETO_PROMPT.test(line)) {
      kinds[i] = LineKind.ContextSeparator;
      separators.push(i);
      inCertificateChain = false;
      continue;
    }
    // The echoed command after it (`asa/vpn# show running-config`) is the session's, not configuration;
    // so is a prompt anywhere else in a capture (a bare `asa(config-tunnel-general)# ` between two
    // lines of a block): skipped, so the block goes on and the line after it stays in it.
    if (d === 0 && (line.includes('#') || line.includes('>')) && isEchoedPrompt(line)) {
      kinds[i] = LineKind.Prompt;
      continue;
    }
    if (d === 0 && first === 0x43 /* C */ && line.startsWith('Cryptochecksum:')) {
      kinds[i] = LineKind.Checksum;
      continue;
    }
    if (d === 0) inCertificateChain = line.startsWith('crypto ca certificate chain');
    else if (inCertificateChain && d >= 2) {
      kinds[i] = LineKind.CertificateData;
      continue;
    }
    depth[i] = d;
  }
  return separators;
}

function buildTree(
  kinds: Uint8Array,
  depth: Uint16Array,
  parentOf: Int32Array,
  blockEnd: Int32Array,
  separators: number[],
  problems: Problem[],
  lines: string[],
): number[] {
  const topLevel: number[] = [];
  const stack: number[] = [];
  const closeAll = (at: number): void => {
    while (stack.length > 0) blockEnd[stack.pop()!] = at;
  };
  let sawTopLevel = false;
  let separatorCursor = 0;
  for (let i = 0; i < kinds.length; i++) {
    if (separatorCursor < separators.length && separators[separatorCursor] === i) {
      closeAll(i);
      separatorCursor++;
      sawTopLevel = false;
      continue;
    }
    if (kinds[i] !== LineKind.Command) continue;
    const d = depth[i]!;
    while (stack.length > 0 && depth[stack[stack.length - 1]!]! >= d) blockEnd[stack.pop()!] = i;
    if (stack.length > 0) {
      parentOf[i] = stack[stack.length - 1]!;
    } else {
      topLevel.push(i);
    }
    if (stack.length === 0 && d > 0 && !sawTopLevel) {
      // An indented first command means the capture starts inside a block.
      problems.push({
        line: i + 1,
        severity: 'warning',
        code: 'orphan-indented-line',
        message: `indented line \`${redactLine(lines[i]!).trim().slice(0, 60)}\` has no parent block (capture starts mid-block?)`,
      });
    }
    if (d === 0) sawTopLevel = true;
    stack.push(i);
  }
  closeAll(kinds.length);
  return topLevel;
}

function splitSections(lines: string[], kinds: Uint8Array, allTopLevel: number[], separators: number[], wrapper: WrapperKind): ConfigSection[] {
  const bounds: Array<{ start: number; end: number; contextName: string | null }> = [];
  let start = 0;
  let contextName: string | null = null;
  for (const sep of separators) {
    bounds.push({ start, end: sep, contextName });
    contextName = separatorContext(lines[sep]!);
    start = sep + 1;
  }
  bounds.push({ start, end: lines.length, contextName });

  const sections: ConfigSection[] = [];
  let cursor = 0;
  for (const b of bounds) {
    // allTopLevel is in file order, so each section takes the next run of it.
    let stop = cursor;
    while (stop < allTopLevel.length && allTopLevel[stop]! < b.end) stop++;
    const topLevel = separators.length === 0 ? allTopLevel : allTopLevel.slice(cursor, stop);
    cursor = stop;
    // The system-space part before the first separator may be empty (e.g. only show version comments).
    if (topLevel.length === 0 && separators.length > 0 && b.contextName === null) continue;
    sections.push({
      contextName: b.contextName,
      start: b.start,
      end: b.end,
      topLevel,
      completeness: assessCompleteness(lines, kinds, b.start, b.end, wrapper, separators.length > 0),
    });
  }
  // (Oxidized writes a section for every context; a terminal session holds the contexts its user chose.)
  if (separators.some((i) => CONTEXT_SEPARATOR.test(lines[i]!))) markMissingContexts(lines, sections);
  return sections;
}

/**
 * A multiple-context backup (Oxidized's) whose system execution space declares a context (`context
 * vpn`) the file has no section for lost that context's configuration (a failed collection): the
 * system section is marked incomplete at the declaration, so the backup is never read as whole.
 */
function markMissingContexts(lines: string[], sections: ConfigSection[]): void {
  const system = sections.find((s) => s.contextName === null);
  if (system === undefined) return;
  const present = new Set(sections.map((s) => s.contextName));
  for (const i of system.topLevel) {
    const m = /^context (\S+)\s*$/.exec(lines[i]!);
    if (m === null || present.has(m[1]!)) continue;
    const c = system.completeness;
    c.complete = false;
    c.line ??= i + 1;
    c.reasons.push(`context ${m[1]!} is declared on line ${i + 1}, but the file has no section for it: the backup is missing that context's configuration`);
  }
}

/** Builds the node view of a command line and, recursively, its children. */
export function nodeAt(parsed: ParsedConfig, index: number): LineNode {
  const text = parsed.lines[index]!.trim();
  const children: LineNode[] = [];
  const end = parsed.blockEnd[index]!;
  for (let i = index + 1; i < end; i++) {
    if (parsed.kinds[i] === LineKind.Command && parsed.parentOf[i] === index) children.push(nodeAt(parsed, i));
  }
  return { index, line: index + 1, depth: parsed.depth[index]!, text, words: tokenize(text), children };
}

/** Node views of a section's top-level commands. */
export function topLevelNodes(parsed: ParsedConfig, section: ConfigSection = parsed.sections[0]!): LineNode[] {
  return section.topLevel.map((i) => nodeAt(parsed, i));
}

/** Line counts by kind, for reporting how much of a file was modelled. */
export function countKinds(parsed: ParsedConfig): Record<LineKindValue, number> {
  const counts = { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0 } as Record<LineKindValue, number>;
  for (const k of parsed.kinds) counts[k as LineKindValue]++;
  return counts;
}
