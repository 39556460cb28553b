// A renamed profile (a copy that takes the original's aliases or URLs) is compared with the original:
// what the rename changed besides the name is what a reviewer needs to see, not a list of values
// with nothing on the old side.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planDevice } from '../../src/change/plan.js';
import { snapshotParsed } from '../../src/change/snapshot.js';
import { whatIf } from '../../src/change/what-if.js';
import { parseConfigText } from '../../src/parse/parse.js';
import { renderDiffText } from '../../src/report/change-text.js';
import { fixture } from '../helpers.js';
import { OPTIONS } from './change-kit.js';

const RENAME_ONTO_ANOTHER_POLICY = [
  'tunnel-group MOBILE-PHONES type remote-access',
  'tunnel-group MOBILE-PHONES general-attributes',
  ' address-pool VPN-POOL',
  ' authentication-server-group RADIUS-MFA',
  ' default-group-policy GP-CLEAR',
  'tunnel-group MOBILE-SPLIT webvpn-attributes',
  ' no group-alias "Mobile Split"',
  ' no group-url https://vpn.corp.example.com/split',
  'tunnel-group MOBILE-PHONES webvpn-attributes',
  ' authentication aaa',
  ' group-alias Mobile-Split enable',
  ' group-url https://vpn.corp.example.com/split enable',
  'clear configure tunnel-group MOBILE-SPLIT',
].join('\n');

describe('a copy is compared with its original', () => {
  const before = snapshotParsed(parseConfigText(readFileSync(fixture('demo/demo-headend.cfg'), 'utf8'), 'demo.cfg'), OPTIONS);

  it('lists what differs from the original, with the original as the old side', () => {
    const { diffs, problems } = whatIf(before, RENAME_ONTO_ANOTHER_POLICY, OPTIONS);
    expect(problems).toEqual([]);
    const copy = diffs[0]!.profiles.find((p) => p.tunnelGroup === 'MOBILE-PHONES')!;
    expect(copy).toMatchObject({ status: 'added', copyOf: 'MOBILE-SPLIT' });
    const changed = Object.fromEntries(copy.settings.map((s) => [s.setting, [s.old, s.new]]));
    expect(changed['group-policy']).toEqual(['GP-SPLIT', 'GP-CLEAR']);
    expect(changed['group-alias']).toEqual(['Mobile Split', 'Mobile-Split']);
    // The URL moved unchanged: not a difference.
    expect(changed['group-url']).toBeUndefined();
    expect(copy.iosDns.old?.row).toBe('D3');
    // Every old side is the original's, reachability included.
    expect(copy.mobileFacing).toEqual({ old: true, new: true });
    expect(copy.iosDns.new?.row).toBe('D5');
    const text = renderDiffText({ diffs, cwd: '/', tool: { name: 'asa-mobile-audit', version: '0' }, fileOf: (s) => s });
    expect(text).toContain('MOBILE-PHONES: added, a copy of MOBILE-SPLIT (a rename: what follows, and its findings, are compared with MOBILE-SPLIT)');
    expect(text).toMatch(/^ {4}group-policy: GP-SPLIT \(line \d+\) → GP-CLEAR/m);
    expect(text).toContain('iOS DNS corp.example.com: tunnelled → in the clear');
  });

  it('a new profile that takes nothing from another is compared with nothing', () => {
    const script = RENAME_ONTO_ANOTHER_POLICY.split('\n')
      .filter((l) => !/MOBILE-SPLIT|no group-|group-(alias|url)/.test(l))
      .join('\n');
    const copy = whatIf(before, script, OPTIONS).diffs[0]!.profiles.find((p) => p.tunnelGroup === 'MOBILE-PHONES')!;
    expect(copy.copyOf).toBeUndefined();
    expect(copy.iosDns.old).toBeNull();
    expect(copy.mobileFacing.old).toBeNull();
    expect(copy.settings.every((s) => s.old === null)).toBe(true);
  });
});

describe('a copy a plan holds back (no way in yet)', () => {
  // The demo with GP-CLEAR locked to Lab&Partners: the plan creates Lab-Partners-2 but moves nothing to it.
  const text = readFileSync(fixture('demo/demo-headend.cfg'), 'utf8').replace(
    'group-policy GP-CLEAR attributes\n',
    'group-policy GP-CLEAR attributes\n group-lock value Lab&Partners\n',
  );
  const before = snapshotParsed(parseConfigText(text, 'demo-lock.cfg'), OPTIONS);

  it('is recognised by diff and what-if once pasted: its findings are the original’s, not new', () => {
    expect(text).toContain(' group-lock value Lab&Partners');
    const plan = planDevice(before[0]!, OPTIONS, { scope: 'narrow' });
    expect(plan.script).toMatch(/^tunnel-group Lab-Partners-2 type remote-access$/m);
    expect(plan.script).not.toMatch(/group-alias/);
    const { diffs, problems } = whatIf(before, plan.script, OPTIONS);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(diffs[0]!.profiles.find((p) => p.tunnelGroup === 'Lab-Partners-2')).toMatchObject({ status: 'added', copyOf: 'Lab&Partners' });
    expect(diffs[0]!.findings.introduced).toEqual([]);
  });

  it('is never a profile made by hand with the same lines: its findings stay new', () => {
    // Lab&Partners's lines made unique (dns-group); GUESTS: the same lines and policy, no alias, a name made from nobody's.
    const unique = snapshotParsed(
      parseConfigText(
        text.replace('tunnel-group Lab&Partners general-attributes\n', 'tunnel-group Lab&Partners general-attributes\n dns-group DefaultDNS\n'),
        'unique.cfg',
      ),
      OPTIONS,
    );
    const script = [
      'tunnel-group GUESTS type remote-access',
      'tunnel-group GUESTS general-attributes',
      ' address-pool VPN-POOL',
      ' dns-group DefaultDNS',
      ' authentication-server-group RADIUS-MFA',
      ' default-group-policy GP-CLEAR',
      'tunnel-group GUESTS webvpn-attributes',
      ' authentication aaa',
    ].join('\n');
    const d = whatIf(unique, script, OPTIONS).diffs[0]!;
    expect(d.profiles.find((x) => x.tunnelGroup === 'GUESTS')!.copyOf).toBeUndefined();
    expect(d.findings.introduced.some((f) => f.tunnelGroup === 'GUESTS' && f.ruleId === 'ios-dns-all-clear')).toBe(true);
  });

  it('is never a hand-made profile on DfltGrpPolicy when the configuration prints no DfltGrpPolicy block', () => {
    // DfltGrpPolicy is there whether or not a block is printed: a profile naming no policy did not get a new one.
    const text = readFileSync(fixture('plan/rename-group-lock.cfg'), 'utf8')
      .replace(/^group-policy DfltGrpPolicy attributes\n( .*\n)+?(?=group-policy GP-LAB internal)/m, '')
      .replace(/tunnel-group Lab-Partners (type|general-attributes|webvpn-attributes)/g, 'tunnel-group Other $1')
      .replace(' group-alias Lab-Partners-Phones enable', ' group-alias Other-Phones enable');
    expect(text).not.toContain('group-policy DfltGrpPolicy');
    const old = snapshotParsed(parseConfigText(text, 'no-dflt.cfg'), OPTIONS);
    const script = [
      'tunnel-group Lab-Partners type remote-access',
      'tunnel-group Lab-Partners general-attributes',
      ' address-pool VPN-POOL',
      ' authentication-server-group (outside) RADIUS-MFA',
      ' authorization-server-group RADIUS-MFA',
      ' accounting-server-group RADIUS-ACCT',
      ' username-from-certificate CN OU',
      ' dns-group DefaultDNS',
      'tunnel-group Lab-Partners webvpn-attributes',
      ' authentication aaa certificate',
      'tunnel-group Lab-Partners ipsec-attributes',
      ' ikev2 remote-authentication certificate',
      ' ikev2 local-authentication certificate TP-PUBLIC',
    ].join('\n');
    const d = whatIf(old, script, OPTIONS);
    expect(d.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(d.diffs[0]!.profiles.find((x) => x.tunnelGroup === 'Lab-Partners')).toMatchObject({ status: 'added' });
    expect(d.diffs[0]!.profiles.find((x) => x.tunnelGroup === 'Lab-Partners')!.copyOf).toBeUndefined();
  });

  it('is not guessed among profiles that share its lines unless its name is made from one of them', () => {
    // MOBILE-INHERIT's lines, under a name made from nobody's: a new profile, its findings new.
    const script = [
      'tunnel-group NEW-PROFILE type remote-access',
      'tunnel-group NEW-PROFILE general-attributes',
      ' address-pool VPN-POOL',
      ' authentication-server-group RADIUS-MFA',
      ' default-group-policy GP-INHERIT',
      'tunnel-group NEW-PROFILE webvpn-attributes',
      ' authentication aaa',
    ].join('\n');
    const p = whatIf(before, script, OPTIONS).diffs[0]!.profiles.find((x) => x.tunnelGroup === 'NEW-PROFILE')!;
    expect(p.copyOf).toBeUndefined();
  });
});
