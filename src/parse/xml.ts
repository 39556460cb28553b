// XML side files (AnyConnect client profiles, dap.xml) as a small element tree in which every
// element keeps its line. fast-xml-validator checks well-formedness (with the line of the first
// error, and no entity declarations: an XML file that expands without bound is refused);
// fast-xml-parser, with captureMetaData, gives each element's offset, from which the line is found.

import { createRequire } from 'node:module';
import type { XMLParser as XMLParserClass } from 'fast-xml-parser';
import type { SyntaxValidator as SyntaxValidatorObject } from 'fast-xml-validator';

// Loaded on the first XML file, not at start: most runs read no XML, and the two libraries cost
// ~20 ms to load (their CommonJS builds are one file each, quicker to load than the ESM trees).
interface XmlLibraries {
  XMLParser: typeof XMLParserClass;
  SyntaxValidator: typeof SyntaxValidatorObject;
  /** The key of each element's offset (typed as the boxed `Symbol` by the library; a symbol at run time). */
  meta: symbol;
}
let libraries: XmlLibraries | undefined;
function xmlLibraries(): XmlLibraries {
  if (libraries === undefined) {
    const require = createRequire(import.meta.url);
    const { XMLParser } = require('fast-xml-parser') as { XMLParser: typeof XMLParserClass };
    const { SyntaxValidator } = require('fast-xml-validator') as { SyntaxValidator: typeof SyntaxValidatorObject };
    libraries = { XMLParser, SyntaxValidator, meta: XMLParser.getMetaDataSymbol() as unknown as symbol };
  }
  return libraries;
}

export interface XmlElement {
  /** Local name (a namespace prefix is dropped: AnyConnect profiles use a default namespace). */
  name: string;
  attrs: Record<string, string>;
  /** Direct text content, trimmed (mixed content such as `<AutoReconnect>true<Behavior>` keeps `true`). */
  text: string;
  line: number;
  children: XmlElement[];
}

export interface XmlDocument {
  root: XmlElement | null;
  /** Why the text is not a usable document, with the line where that shows. */
  error: { line: number | null; message: string } | null;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

export function parseXml(text: string): XmlDocument {
  const { XMLParser, SyntaxValidator, meta } = xmlLibraries();
  // Entity declarations are how an XML file expands without bound; client profiles never have them.
  try {
    SyntaxValidator.validate(text, { docType: { maxEntityCount: 0 }, xmlDeclaraion: { optional: true, argPosition: false } });
  } catch (err) {
    const e = err as { line?: number; message?: string };
    return { root: null, error: { line: typeof e.line === 'number' ? e.line : null, message: e.message ?? String(err) } };
  }
  const parser = new XMLParser({
    preserveOrder: true,
    captureMetaData: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    commentPropName: '#comment',
  });
  // The validator and the parser disagree on some broken input (a processing instruction the
  // validator accepts and the parser cannot close): whatever the parser refuses is malformed XML too.
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(text) as OrderedNode[];
  } catch (err) {
    return { root: null, error: { line: null, message: err instanceof Error ? err.message : String(err) } };
  }
  const starts = lineStarts(text);
  const elements = toElements(nodes, starts, meta);
  if (elements.length === 0) return { root: null, error: { line: null, message: 'no root element' } };
  return { root: elements[0]!, error: null };
}

function toElements(nodes: OrderedNode[], starts: number[], meta: symbol): XmlElement[] {
  const out: XmlElement[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (name === undefined || name === '#text' || name === '#comment') continue;
    const content = node[name] as OrderedNode[];
    const at = (node as Record<symbol, { startIndex?: number } | undefined>)[meta];
    const text = content
      .filter((c) => '#text' in c)
      .map((c) => String(c['#text']))
      .join(' ')
      .trim();
    out.push({
      name: name.includes(':') ? name.slice(name.indexOf(':') + 1) : name,
      attrs: node[':@'] ?? {},
      text,
      line: at?.startIndex !== undefined ? lineAt(starts, at.startIndex) : 0,
      children: toElements(content, starts, meta),
    });
  }
  return out;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line of a character offset. */
function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The first child element of this name, if any. */
export function child(el: XmlElement | null | undefined, name: string): XmlElement | null {
  return el?.children.find((c) => c.name === name) ?? null;
}

export function childrenNamed(el: XmlElement | null | undefined, name: string): XmlElement[] {
  return el?.children.filter((c) => c.name === name) ?? [];
}
