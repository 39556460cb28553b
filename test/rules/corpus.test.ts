// Every rule over every real corpus config (fixtures/corpus, unmodified public configs). The expected
// findings were checked against the files by hand:
// - the 8.0 `svc` headend and the 9.1 SSL-only headend keep the gateway DPD and SSL keepalive defaults
//   and short idle timeouts on the profiles an AnyConnect SSL client can select (an enabled alias with
//   tunnel-group-list enable, a certificate-group-map, or DefaultWEBVPNGroup); DefaultRAGroup and the
//   alias-less IKEv1 profiles are not SSL profiles (no IKEv2 on 8.0, none enabled on 9.1);
// - both present a self-signed certificate (`ssl trust-point` on a trustpoint with `enrollment self`);
// - DefaultWEBVPNGroup pushes no dns-server on either, and 8.0's xyzinder tunnels its default domain
//   xyz.com with `dns-server none`: row D0.
// Nothing else in the corpus is a mobile problem, so every other rule stays quiet there.
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
const DEFAULTS_KEPT: Array<[string, string | null, number | null]> = [
  [PROMETHEUS, 'DefaultWEBVPNGroup', 793],
  [PROMETHEUS, 'xyzinder', 770],
  [PROMETHEUS, 'xyzinder_customer', 756],
  [WOSM, 'DefaultWEBVPNGroup', null],
  [WOSM, 'SSLClientProfile', 141],
];
const EXPECTED: Record<string, Array<[string, string | null, number | null]>> = {
  'server-side-dpd-enabled': DEFAULTS_KEPT,
  'ssl-keepalive-enabled': DEFAULTS_KEPT,
  'idle-timeout-short': DEFAULTS_KEPT.map(([f, p, l]) => [f, p, f === PROMETHEUS && p === 'xyzinder' ? 764 : l]),
  'split-dns-without-dns-server': [
    [PROMETHEUS, 'DefaultWEBVPNGroup', 793],
    [PROMETHEUS, 'xyzinder', 763],
    [WOSM, 'DefaultWEBVPNGroup', null],
  ],
  'ssl-trustpoint-self-signed': [
    [PROMETHEUS, null, 740],
    [WOSM, null, 134],
  ],
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
