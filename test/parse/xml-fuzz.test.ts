// The XML side files come from wherever a repository keeps them, or from a device: whatever they hold,
// reading them never throws. Arbitrary text, and the real-looking fixtures mangled (cut, spliced,
// byte noise), go through parseXml, both readers, and the whole pipeline as an Oxidized backup.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../src/parse/xml.js';
import { readClientProfile } from '../../src/model/client-profile.js';
import { readDapXml } from '../../src/model/dap-xml.js';
import { analyseBytes } from '../../src/audit/pipeline.js';
import { explainDevice } from '../../src/explain/ios-dns.js';
import { runRules } from '../../src/engine/engine.js';
import { RULES } from '../../rules/index.js';
import { fixture } from '../helpers.js';

const PROFILE = readFileSync(fixture('client-profiles/profiles/mobile.xml'), 'utf8');
const DAP = readFileSync(fixture('client-profiles/profiles/dap.xml'), 'utf8');
// Oxidized drops the `: end` line and appends the XML after the checksum.
const HEADEND = readFileSync(fixture('client-profiles/headend.cfg'), 'latin1').replace(/: end\n$/, '');
const TAGS = [
  '<',
  '>',
  '</',
  '/>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<?xml version="1.0"?>',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '&amp;',
  '&x;',
  '"',
  "'",
  '=',
];
const NAMES = ['AnyConnectProfile', 'ServerList', 'HostEntry', 'UserGroup', 'MobileHostEntryInfo', 'OnDemandDNSMatch', 'dapRecordList', 'dapRecord', 'attr'];

/** Text made of XML pieces, so the parser sees near-XML rather than only noise. */
const xmlish = fc
  .array(fc.oneof(fc.constantFrom(...TAGS), fc.constantFrom(...NAMES), fc.string({ maxLength: 8 }), fc.constantFrom('\n', ' ', '\t', '\u0000', '\uFFFD')), {
    maxLength: 80,
  })
  .map((parts) => parts.join(''));

/** A real fixture cut, spliced with itself, and with a few characters replaced. */
const mangled = (seed: string) =>
  fc
    .record({
      cut: fc.nat({ max: seed.length }),
      from: fc.nat({ max: seed.length }),
      len: fc.nat({ max: 200 }),
      noise: fc.array(fc.record({ at: fc.nat({ max: seed.length }), ch: fc.string({ minLength: 1, maxLength: 2 }) }), { maxLength: 5 }),
    })
    .map(({ cut, from, len, noise }) => {
      let s = seed.slice(0, cut) + seed.slice(from, from + len) + seed.slice(cut);
      for (const n of noise) s = s.slice(0, n.at) + n.ch + s.slice(n.at + 1);
      return s;
    });

function readAll(text: string): void {
  const doc = parseXml(text);
  // Either a tree or a reason with, where known, a line inside the text.
  expect(doc.root !== null || doc.error !== null).toBe(true);
  if (doc.error?.line != null) expect(doc.error.line).toBeGreaterThanOrEqual(1);
  const profile = readClientProfile(doc);
  if (!profile.ok) expect(profile.message.length).toBeGreaterThan(0);
  readDapXml(doc);
}

/** The headend as an Oxidized backup carrying the XML as `! ` lines, run through every stage. */
function runBackup(profileXml: string, dapXml: string): ReturnType<typeof analyseBytes> {
  const comment = (s: string) =>
    s
      .split('\n')
      .map((l) => `! ${l}`)
      .join('\n');
  const backup = `${HEADEND}!  disk0:/mobile.xml\n${comment(profileXml)}\n! disk0:/dap.xml\n${comment(dapXml)}\n`;
  const targets = analyseBytes(Buffer.from(backup, 'latin1'), 'backup.cfg');
  for (const t of targets) {
    explainDevice(t.resolved);
    runRules(t.resolved, RULES);
  }
  return targets;
}

describe('XML side files never throw', () => {
  it('arbitrary and XML-like text', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 300 }), xmlish), readAll), { numRuns: 400 });
  });

  it('mangled client profiles and dap.xml', () => {
    fc.assert(fc.property(mangled(PROFILE), readAll), { numRuns: 300 });
    fc.assert(fc.property(mangled(DAP), readAll), { numRuns: 300 });
  });

  it('mangled XML inside an Oxidized backup goes through parse, rules and explain', () => {
    // Unmangled, the backup's XML is what the model reads: the property exercises the XML path.
    const whole = runBackup(PROFILE, DAP)[0]!.resolved.model;
    expect(whole.clientProfileFiles.map((f) => [f.status, f.origin?.file])).toEqual([['read', 'backup.cfg']]);
    expect(whole.dapXml?.records?.map((r) => r.name)).toEqual(['MOBILE-PHONES', 'BLOCK-OLD-IOS']);
    fc.assert(
      fc.property(mangled(PROFILE), mangled(DAP), (p, d) => {
        runBackup(p, d);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses entity declarations (no expansion bombs) and names the line', () => {
    const bomb =
      '<?xml version="1.0"?>\n<!DOCTYPE x [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n<AnyConnectProfile>&b;</AnyConnectProfile>\n';
    const doc = parseXml(bomb);
    expect(doc.root).toBeNull();
    expect(doc.error?.message).toMatch(/entit|DOCTYPE/i);
  });
});

describe('inputs the fuzz test found', () => {
  it('an XML declaration broken by a splice is malformed, not a crash', () => {
    const text = `<?x  <operation>EQ</operation>\n  ml version="1.0  encoding="UTF-8"?>\n<dapRecordList>\n</dapRecordList>\n`;
    const doc = parseXml(text);
    expect(doc.root).toBeNull();
    expect(doc.error?.message).toBeTruthy();
  });
});
