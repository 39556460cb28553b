// Every rule on `show running-config all` input: each fragment case of every rule, printed the way
// `show running-config all` prints it (DfltGrpPolicy in full, NAT-T with its default), must give the
// same findings as the plain config. Built-in defaults become DfltGrpPolicy lines, so only the lines
// findings point at may differ.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { atLeast, parseAsaVersion } from '../../src/parse/version.js';
import { CASES } from './cases/index.js';
import { caseProfiles, completeConfig, findingsFor, ruleById, type RuleCase } from './rule-tester.js';

// DfltGrpPolicy as `show running-config all` prints it on 9.16 (fixtures/synthetic/run-all-916.cfg),
// with that device's own dns-server and split-dns put back to their built-in `none`.
const RUN_ALL_DFLT = (() => {
  const lines = readFileSync(new URL('../../fixtures/synthetic/run-all-916.cfg', import.meta.url), 'utf8').split('\n');
  const start = lines.indexOf('group-policy DfltGrpPolicy attributes') + 1;
  let end = start;
  while (lines[end]?.startsWith(' ')) end++;
  return lines
    .slice(start, end)
    .map((l) => (l.startsWith(' dns-server ') ? ' dns-server none' : l.startsWith(' split-dns ') ? ' split-dns none' : l.trimEnd()));
})();

/** The words that name an attribute (its value follows): `anyconnect dpd-interval gateway`, `split-dns`. */
function attributeKey(line: string): string {
  const w = line.trim().split(/\s+/);
  if (w[0] === 'anyconnect' || w[0] === 'svc') return w.slice(0, w[1] === 'ssl' ? 3 : w[1] === 'dpd-interval' ? 3 : 2).join(' ');
  if (w[0] === 'anyconnect-custom' || w[1] === 'alert-interval') return w.slice(0, 2).join(' ');
  return w[0]!;
}

/** A complete plain configuration as `show running-config all` would print the same device. */
export function toRunAll(text: string): string {
  const lines = text.split('\n');
  const overrides: string[] = [];
  let at = -1;
  for (let i = 0; i < lines.length;) {
    if (lines[i] === 'group-policy DfltGrpPolicy attributes' || lines[i] === 'group-policy DfltGrpPolicy internal') {
      let end = i + 1;
      while (lines[end]?.startsWith(' ')) end++;
      overrides.push(...lines.slice(i + 1, end).filter((l) => l !== ' webvpn'));
      lines.splice(i, end - i);
      if (at === -1) at = i;
    } else i++;
  }
  const dflt = [...RUN_ALL_DFLT];
  for (const o of overrides) {
    const inWebvpn = o.startsWith('  ');
    const webvpnAt = dflt.indexOf(' webvpn');
    const same = dflt.findIndex(
      (l, i) => (inWebvpn ? i > webvpnAt : i < webvpnAt) && l.startsWith(inWebvpn ? '  ' : ' ') && attributeKey(l) === attributeKey(o),
    );
    if (same >= 0) dflt[same] = o;
    else if (inWebvpn) dflt.push(o);
    else dflt.splice(webvpnAt, 0, o);
  }
  if (at === -1) at = lines.findIndex((l) => l.startsWith('group-policy ') || l.startsWith('tunnel-group ') || l.startsWith('Cryptochecksum:'));
  lines.splice(at, 0, 'group-policy DfltGrpPolicy internal', 'group-policy DfltGrpPolicy attributes', ...dflt);
  if (!lines.some((l) => /^(no )?crypto isakmp nat-traversal/.test(l)))
    lines.splice(
      lines.findIndex((l) => l.startsWith('Cryptochecksum:')),
      0,
      'crypto isakmp nat-traversal 20',
    );
  return lines.join('\n');
}

// The message may differ (a printed default reads as a set value); what is found and fixed may not.
const essence = (fs: Finding[]) =>
  fs.map((f) => ({ ruleId: f.ruleId, severity: f.severity, tunnelGroup: f.tunnelGroup, groupPolicy: f.groupPolicy, object: f.object, fix: f.fix }));

// The run-all rendering above is 9.x's; releases before 8.4 print `svc` forms and other defaults.
const modern = (c: RuleCase): boolean => {
  const v = /^ASA Version (\S+)/m.exec(c.config ?? '')?.[1];
  return v === undefined || atLeast(parseAsaVersion(v)!, '8.4(1)');
};

const cases = Object.entries(CASES).flatMap(([id, tests]) =>
  [...tests.valid.map((c) => ({ c, firing: false })), ...tests.invalid.map((c) => ({ c, firing: true }))]
    .filter(({ c }) => c.config !== undefined && modern(c))
    .map(({ c, firing }) => ({ id, c, firing })),
);

describe('rules on show running-config all input', () => {
  it('the rendering prints DfltGrpPolicy in full and stays a complete configuration', () => {
    const text = toRunAll(completeConfig('tunnel-group T type remote-access'));
    expect(text).toContain('group-policy DfltGrpPolicy attributes\n banner none');
    expect(text).toContain('crypto isakmp nat-traversal 20\nCryptochecksum:');
  });
  it('covers every rule, firing and quiet', () => {
    expect([...new Set(cases.filter((x) => x.firing).map((x) => x.id))].sort()).toEqual(Object.keys(CASES).sort());
    expect([...new Set(cases.filter((x) => !x.firing).map((x) => x.id))].sort()).toEqual(Object.keys(CASES).sort());
  });
  it.each(cases.map((x) => [x.id, x.c.name ?? '', x] as const))('%s: %s', (_, __, { id, c }) => {
    const rule = ruleById(id);
    const plain = completeConfig(c.config!);
    expect(essence(findingsFor(rule, toRunAll(plain), caseProfiles(c)))).toEqual(essence(findingsFor(rule, plain, caseProfiles(c))));
  });
});
