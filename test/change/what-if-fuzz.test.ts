// The merge engine must never throw on a change script, however wrong: `what-if` reads scripts people
// type. And what it applies cleanly, its undo (the plan's rollback) must take back. FUZZ_RUNS sets the
// runs (150 by default; 40,000 found nothing more after the fixes in merge.test.ts). Scripts are built from real command shapes (modes, sub-commands, `no` and `clear` forms, context
// switches) with names, values and indentation drawn at random, plus lines of arbitrary text.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reanalyse, snapshotParsed } from '../../src/change/snapshot.js';
import { whatIf } from '../../src/change/what-if.js';
import { renderUndo } from '../../src/model/merge.js';
import { parseConfigBytes, parseConfigText } from '../../src/parse/parse.js';
import { fixture } from '../helpers.js';
import { apply, OPTIONS, settingValues } from './change-kit.js';

// Names the bases use (so modes exist and changes land) and names with the characters that break things.
const name = fc.constantFrom(
  'DfltGrpPolicy',
  'GP-FULL',
  'GP-SPLIT',
  'GP-CTX',
  'GP-SSL',
  'MOBILE-FULL',
  'DESKTOP',
  'CTX-MOBILE',
  'SSL-USERS',
  'DefaultWEBVPNGroup',
  'ST-CORP',
  'ST',
  'SPLIT-HQ',
  'NEW-GP',
  '"quoted name"',
  'n\u00e9',
  'x'.repeat(70),
  '__proto__',
  'valueOf',
);
const value = fc.oneof(
  fc.constantFrom('10.1.1.1', '255.255.255.0', 'corp.example.com', 'none', 'enable', 'disable', '30', '0', '-1', 'value', 'client', 'gateway', 'any4', 'host'),
  fc.string({ maxLength: 12 }),
);
const words = (n: number): fc.Arbitrary<string> => fc.array(value, { maxLength: n }).map((ws) => ws.join(' '));

const modeLine = fc.oneof(
  name.map((n) => `group-policy ${n} attributes`),
  fc.tuple(name, fc.constantFrom('internal', 'external server-group X', '')).map(([n, k]) => `group-policy ${n} ${k}`),
  fc.tuple(name, fc.constantFrom('general', 'webvpn', 'ipsec', 'ppp')).map(([n, k]) => `tunnel-group ${n} ${k}-attributes`),
  fc.tuple(name, fc.constantFrom('remote-access', 'ipsec-l2l', 'webvpn')).map(([n, t]) => `tunnel-group ${n} type ${t}`),
  name.map((n) => `dynamic-access-policy-record ${n}`),
  name.map((n) => `username ${n} attributes`),
  fc.constantFrom(
    'webvpn',
    'exit',
    'end',
    'configure terminal',
    'conf t',
    'changeto context admin',
    'changeto context vpn',
    'changeto system',
    'interface outside',
    'object network X',
  ),
);
/** Sub-commands in the forms the ASA takes, with values that may or may not make sense. */
const wellFormed = fc.oneof(
  fc.array(fc.constantFrom('corp.example.com', 'lab.example.net', 'x'), { minLength: 1, maxLength: 3 }).map((ds) => `split-dns value ${ds.join(' ')}`),
  fc.constantFrom(
    'split-dns none',
    'dns-server value 10.1.1.1 10.1.1.2',
    'dns-server none',
    'default-domain value corp.example.com',
    'default-domain none',
    'split-tunnel-policy tunnelall',
    'split-tunnel-policy tunnelspecified',
    'split-tunnel-policy excludespecified',
    'split-tunnel-network-list none',
    'vpn-tunnel-protocol ssl-client ikev2',
    'vpn-tunnel-protocol ikev1',
    'vpn-idle-timeout 30',
    'vpn-idle-timeout none',
    'vpn-session-timeout 600',
    'anyconnect dpd-interval client 30',
    'anyconnect dpd-interval gateway none',
    'anyconnect ssl keepalive 20',
    'anyconnect ssl dtls enable',
    'anyconnect profiles value mobile type user',
    'anyconnect-custom perapp value PERAPP',
    'anyconnect-custom perapp none',
    'svc keepalive 20',
    'address-pool POOL',
    'authentication-server-group LOCAL',
    'group-url https://vpn.example.com/new enable',
    'dns-group DefaultDNS',
  ),
  name.map((n) => `split-tunnel-network-list value ${n}`),
  name.map((n) => `default-group-policy ${n}`),
  name.map((n) => `vpn-group-policy ${n}`),
  fc.tuple(name, fc.constantFrom('enable', 'disable', '')).map(([n, e]) => `group-alias ${n} ${e}`),
);
const subCommand = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.boolean(), wellFormed).map(([no, c]) => (no ? `no ${c}` : c)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          'split-dns',
          'dns-server',
          'vpn-tunnel-protocol',
          'anyconnect dpd-interval',
          'anyconnect ssl',
          'anyconnect keepalive',
          'group-alias',
          'group-url',
          'anyconnect-custom',
          'saml identity-provider',
        ),
        fc.boolean(),
        words(4),
      )
      .map(([k, no, rest]) => `${no ? 'no ' : ''}${k} ${rest}`),
  },
  fc
    .tuple(name, fc.constantFrom('group-policy', 'tunnel-group', 'access-list', 'webvpn', 'dynamic-access-policy-record'))
    .map(([n, k]) => `clear configure ${k} ${n}`),
  fc
    .tuple(name, fc.constantFrom('permit host 10.1.1.1', 'permit 10.0.0.0 255.0.0.0', 'deny any4', 'remark x', 'permit'))
    .map(([n, rest]) => `access-list ${n} standard ${rest}`),
  fc.tuple(name, words(3)).map(([n, rest]) => `anyconnect-custom-data perapp ${n} ${rest}`),
  fc.constantFrom(
    'crypto isakmp nat-traversal 20',
    'no crypto isakmp nat-traversal',
    'crypto ikev2 enable outside client-services port 443',
    'anyconnect-custom-attr perapp description x',
  ),
  name.map((n) => `tunnel-group-map default-group ${n}`),
  name.map((n) => `no group-policy ${n}`),
  name.map((n) => `no tunnel-group ${n}`),
  fc.string({ maxLength: 40 }),
);
const scriptLine = fc.tuple(fc.constantFrom('', ' ', '  ', '\t'), fc.oneof({ weight: 1, arbitrary: modeLine }, { weight: 3, arbitrary: subCommand }));
const script = fc.array(scriptLine, { maxLength: 25 }).map((ls) => ls.map(([indent, l]) => indent + l).join('\n'));

const BASES = ['demo/demo-headend.cfg', 'plan/shared-split-list.cfg', 'synthetic/oxidized-multi-context.cfg', 'synthetic/legacy-svc-82.cfg'];

describe('what-if never throws on a change script', () => {
  const snapshots = BASES.map((rel) => snapshotParsed(parseConfigBytes(readFileSync(fixture(rel)), rel), OPTIONS));

  it('over generated scripts, each problem on a line of the script', () => {
    fc.assert(
      fc.property(fc.constantFrom(...snapshots.keys()), script, (base, text) => {
        const result = whatIf(snapshots[base]!, text, OPTIONS);
        const lineCount = text.split('\n').length;
        for (const p of result.problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(lineCount);
          expect(p.message).not.toBe('');
        }
        expect(result.diffs).toHaveLength(snapshots[base]!.length);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  });
});

describe('a change script the engine applies cleanly, then its undo, restores every effective setting', () => {
  const bases = [
    'demo/demo-headend.cfg',
    'plan/shared-split-list.cfg',
    'synthetic/legacy-svc-82.cfg',
    'corpus/ciscoconfparse-sample01-asa90.cfg',
    'corpus/wosm-asa91-sslvpn-only.cfg',
  ].map((rel) => parseConfigBytes(readFileSync(fixture(rel)), rel));
  const befores = bases.map((parsed) => snapshotParsed(parsed, OPTIONS)[0]!);

  it('over generated scripts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...bases.keys()), script, (base, text) => {
        fc.pre(!/changeto/.test(text));
        const parsed = bases[base]!;
        const merged = apply(parsed, 0, text);
        fc.pre(merged.applied > 0 && merged.problems.every((p) => p.severity !== 'error'));
        const back = apply(parseConfigText(merged.text, parsed.source), 0, renderUndo(merged.undo));
        expect(back.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(settingValues(reanalyse(befores[base]!, back.text, OPTIONS))).toEqual(settingValues(befores[base]!));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  });
});
