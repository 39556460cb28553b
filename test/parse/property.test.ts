// The parser must never throw, whatever it is fed: arbitrary bytes and text, and real configs
// mangled by truncation, shuffling, re-indentation and byte noise.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainDevice } from '../../src/explain/ios-dns.js';
import { parseConfigBytes } from '../../src/parse/parse.js';
import { analyseParsed } from '../../src/audit/pipeline.js';
import { fixture } from '../helpers.js';

const corpusFiles = readdirSync(fixture('corpus'))
  .filter((f) => f.endsWith('.cfg'))
  .sort()
  .map((f) => readFileSync(fixture(`corpus/${f}`)));
const demo = readFileSync(fixture('demo/demo-headend.cfg'));
const seeds = [...corpusFiles, demo];

/** Runs the whole pipeline (parse → model → resolve → explain) and checks structural invariants. */
function runPipeline(bytes: Uint8Array): void {
  const parsed = parseConfigBytes(bytes, 'prop.cfg');
  let lf = 0;
  let cr = 0;
  for (const b of bytes) if (b === 0x0a) lf++;
  for (const b of bytes) if (b === 0x0d) cr++;
  // No line feed and several carriage returns: each CR ends a line (classic Mac OS line ends).
  // (A lone line feed at the very end does not make it an LF file: it ends the last line.)
  const finalLf = lf === 1 && bytes[bytes.length - 1] === 0x0a;
  const crEnded = (lf === 0 && cr > 1) || (finalLf && cr > 2);
  const end = crEnded ? 0x0d : 0x0a;
  if (crEnded) lf = cr + (finalLf && bytes[bytes.length - 2] !== 0x0d ? 1 : 0);
  const last = bytes.length > 0 && bytes[bytes.length - 1] !== end && !(crEnded && finalLf) ? 1 : 0;
  const bomOnly = parsed.encoding.bom && bytes.length === 3 ? -last : 0;
  expect(parsed.lines.length).toBe(lf + last + bomOnly);
  expect(parsed.kinds.length).toBe(parsed.lines.length);
  for (const t of analyseParsed(parsed)) explainDevice(t.resolved);
}

const ASA_WORDS = [
  'group-policy',
  'tunnel-group',
  'attributes',
  'webvpn',
  'split-dns',
  'value',
  'none',
  'anyconnect',
  'svc',
  'dpd-interval',
  'gateway',
  'client',
  'ssl',
  'keepalive',
  'default-group-policy',
  'type',
  'remote-access',
  'general-attributes',
  'webvpn-attributes',
  'group-alias',
  'enable',
  'disable',
  'crypto',
  'isakmp',
  'nat-traversal',
  'ikev2',
  'client-services',
  'port',
  'anyconnect-custom-data',
  'anyconnect-custom',
  'perapp',
  'DfltGrpPolicy',
  ': end',
  'Cryptochecksum:',
  'ASA Version 9.8(4)',
  '"quoted name',
  '<--- More --->',
  '!',
  ':',
  'no',
  'vpn-tunnel-protocol',
  'split-tunnel-policy',
  'tunnelspecified',
  'excludespecified',
  'default-domain',
  'dns-server',
  'username',
  'context',
  '----------========== [ CONTEXT x FILE y ] ==========----------',
  // Words that are also Object members: a lookup through the prototype took them for handlers.
  'valueOf',
  '__proto__',
  'constructor',
];

const asaishLine = fc
  .tuple(fc.nat({ max: 4 }), fc.array(fc.oneof(fc.constantFrom(...ASA_WORDS), fc.string({ maxLength: 8 })), { maxLength: 6 }))
  .map(([indent, words]) => ' '.repeat(indent) + words.join(' '));

describe('parser robustness (property-based)', () => {
  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        runPipeline(bytes);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary unicode text with any line endings', () => {
    const text = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r', '\n\r', '\r\r\n')), { maxLength: 80 });
    fc.assert(
      fc.property(text, (parts) => {
        runPipeline(Buffer.from(parts.join(''), 'utf8'));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on ASA-shaped garbage', () => {
    fc.assert(
      fc.property(fc.array(asaishLine, { maxLength: 120 }), (lines) => {
        runPipeline(Buffer.from(lines.join('\n'), 'utf8'));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on mutated real configs (truncation, deletion, duplication, re-indent, noise)', () => {
    const mutation = fc.record({
      seed: fc.nat({ max: seeds.length - 1 }),
      cut: fc.double({ min: 0, max: 1, noNaN: true }),
      ops: fc.array(
        fc.record({
          kind: fc.constantFrom('delete', 'duplicate', 'indent', 'dedent', 'noise', 'swap'),
          at: fc.nat(),
          noise: fc.uint8Array({ minLength: 1, maxLength: 6 }),
        }),
        { maxLength: 20 },
      ),
    });
    fc.assert(
      fc.property(mutation, ({ seed, cut, ops }) => {
        const lines = seeds[seed]!.toString('latin1').split('\n');
        for (const op of ops) {
          const i = op.at % Math.max(lines.length, 1);
          if (op.kind === 'delete') lines.splice(i, 1);
          else if (op.kind === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
          else if (op.kind === 'indent') lines[i] = `  ${lines[i] ?? ''}`;
          else if (op.kind === 'dedent') lines[i] = (lines[i] ?? '').trimStart();
          else if (op.kind === 'noise') lines[i] = (lines[i] ?? '') + Buffer.from(op.noise).toString('latin1');
          else if (lines.length > 1) [lines[i], lines[0]] = [lines[0]!, lines[i]!];
        }
        const text = lines.join('\n');
        runPipeline(Buffer.from(text.slice(0, Math.floor(text.length * cut)), 'latin1'));
      }),
      { numRuns: 300 },
    );
  });
});
