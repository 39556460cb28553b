// Every rule over every real corpus config (fixtures/corpus, unmodified public configs). The expected
// findings were checked against the files: the 8.0 `svc` headend and the 9.1 SSL-only headend keep the
// gateway DPD and SSL keepalive defaults and short idle timeouts; nothing else in the corpus is a
// mobile problem, so every other rule must stay quiet there (no false positives on real configs).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { fixture } from '../helpers.js';
import { caseText, findingsFor, ruleById } from './rule-tester.js';

const FILES = readdirSync(fixture('corpus'))
  .filter((f) => f.endsWith('.cfg'))
  .sort();
const PROMETHEUS = 'prometheus-asa1-80-svc.cfg';
const WOSM = 'wosm-asa91-sslvpn-only.cfg';
// [file, tunnelGroup, line] per rule; lines are where the value is set, or the sub-mode/DfltGrpPolicy
// line where it should be (null when no line of the file can hold it).
const DEFAULTS_KEPT: Array<[string, string, number | null]> = [
  [PROMETHEUS, 'DefaultRAGroup', 793],
  [PROMETHEUS, 'DefaultWEBVPNGroup', 793],
  [PROMETHEUS, 'xyzinder', 770],
  [PROMETHEUS, 'xyzinder_anyconnect', 793],
  [PROMETHEUS, 'xyzinder_customer', 756],
  [PROMETHEUS, 'xyzinder_split_tunnel', 790],
  [WOSM, 'DefaultRAGroup', null],
  [WOSM, 'DefaultWEBVPNGroup', null],
  [WOSM, 'SSLClientProfile', 141],
];
const EXPECTED: Record<string, Array<[string, string, number | null]>> = {
  'server-side-dpd-enabled': DEFAULTS_KEPT,
  'ssl-keepalive-enabled': DEFAULTS_KEPT,
  'idle-timeout-short': DEFAULTS_KEPT.map(([f, p, l]) => [
    f,
    p,
    f === PROMETHEUS && p === 'xyzinder' ? 764 : f === PROMETHEUS && p === 'xyzinder_split_tunnel' ? 784 : l,
  ]),
};

describe('rules over the real corpus', () => {
  it('has the nine corpus configs', () => {
    expect(FILES).toHaveLength(9);
  });
  it.each(RULES.map((r) => r.meta.id))('%s finds exactly what the corpus holds', (id) => {
    const got = FILES.flatMap((file) =>
      findingsFor(ruleById(id), caseText({ file: `corpus/${file}` })).map((f) => [file, f.tunnelGroup, f.line] as [string, string | null, number | null]),
    );
    const key = (x: [string, string | null, number | null]) => x.join('|');
    expect(got.map(key).sort()).toEqual((EXPECTED[id] ?? []).map(key).sort());
  });
});
