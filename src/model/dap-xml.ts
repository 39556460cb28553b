// `dap.xml`: the criteria of each dynamic access policy record (the running-config holds only the
// record names and their actions). Each `attr` is one criterion: an attribute name such as
// `endpoint.anyconnect.platform`, an operation (`EQ`, `NE`) and a value, with its line.

import { child, childrenNamed, type XmlDocument, type XmlElement } from '../parse/xml.js';

export interface DapCriterion {
  name: string;
  operation: string;
  value: string;
  line: number;
}

export interface DapXmlRecord {
  name: string;
  line: number;
  criteria: DapCriterion[];
  /**
   * Parts of the record the tool does not read (an advanced Lua expression, say), by element name:
   * its criteria may say more than `criteria` (empty: everything was read).
   */
  unread: string[];
}

/** What a record holds besides its criteria (the basic view). */
const READ_PARTS: ReadonlySet<string> = new Set(['dapName', 'dapViewsRelation', 'dapBasicView']);

export type DapReading = { ok: true; records: DapXmlRecord[] } | { ok: false; line: number | null; message: string };

export function readDapXml(xml: XmlDocument): DapReading {
  if (xml.error !== null || xml.root === null) return { ok: false, line: xml.error?.line ?? null, message: xml.error?.message ?? 'empty document' };
  if (xml.root.name !== 'dapRecordList') return { ok: false, line: xml.root.line, message: `the root element is <${xml.root.name}>, not <dapRecordList>` };
  return {
    ok: true,
    records: childrenNamed(xml.root, 'dapRecord').map((r) => ({
      name: child(child(r, 'dapName'), 'value')?.text ?? '',
      line: r.line,
      criteria: criteriaUnder(r),
      unread: [...new Set(r.children.map((c) => c.name).filter((n) => !READ_PARTS.has(n)))].sort(),
    })),
  };
}

/** Every `attr` below a record, however deeply its selections nest. */
function criteriaUnder(el: XmlElement): DapCriterion[] {
  const out: DapCriterion[] = [];
  for (const c of el.children) {
    if (c.name === 'attr') {
      out.push({
        name: child(c, 'name')?.text ?? '',
        operation: child(c, 'operation')?.text ?? 'EQ',
        value: child(c, 'value')?.text ?? '',
        // The value is what a finding is about: its line is the one quoted.
        line: child(c, 'value')?.line ?? c.line,
      });
    } else out.push(...criteriaUnder(c));
  }
  return out;
}
