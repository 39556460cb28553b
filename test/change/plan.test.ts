// `plan` on every fixture, and on one fixture per way pasted advice used to go wrong: a plan is one
// script that closes what it can, introduces nothing, changes no profile it does not name (narrow
// scope), holds no placeholder, and enters each mode once.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffDevices } from '../../src/change/diff.js';
import { planDevice } from '../../src/change/plan.js';
import type { PlanTarget } from '../../src/change/result.js';
import { snapshotParsed, type DeviceSnapshot } from '../../src/change/snapshot.js';
import { parseConfigBytes, parseConfigText, type ParsedConfig } from '../../src/parse/parse.js';
import { settingLine } from '../../src/report/change-words.js';
import { renderPlanText } from '../../src/report/change-text.js';
import { fixture } from '../helpers.js';
import { apply, CONFIG_FIXTURES, findingIds, OPTIONS, settingValues } from './change-kit.js';

function snapshots(rel: string): DeviceSnapshot[] {
  return snapshotParsed(parseConfigBytes(readFileSync(fixture(rel)), rel), OPTIONS);
}

function planOf(rel: string, options: Partial<Parameters<typeof planDevice>[2]> = {}): { before: DeviceSnapshot; plan: PlanTarget } {
  const all = snapshots(rel).filter((s) => s.target.findings.length > 0);
  expect(all).toHaveLength(1);
  return { before: all[0]!, plan: planDevice(all[0]!, OPTIONS, { scope: 'narrow', ...options }) };
}

/** The model after the plan is applied. */
function applied(before: DeviceSnapshot, plan: PlanTarget) {
  const after = apply(before.analysed.parsed, before.analysed.sectionIndex, plan.script);
  // (A line applied with something to check, such as a long split-dns list, is no problem of the plan.)
  expect(after.problems.filter((p) => p.severity !== 'info')).toEqual([]);
  return snapshotParsed(parseConfigText(after.text, 'after.cfg'), OPTIONS)[before.analysed.sectionIndex]!;
}

/** Mode lines (`group-policy X attributes`, `tunnel-group X webvpn-attributes`, `webvpn`) of a script. */
function modeLines(script: string): string[] {
  const lines = script.split('\n');
  return lines.filter((l, i) => !/^\s/.test(l) && /^\s/.test(lines[i + 1] ?? ''));
}

describe('plan on every fixture', () => {
  it.each(CONFIG_FIXTURES)('%s: closes every fixable finding, introduces none, enters each mode once', (rel) => {
    for (const before of snapshots(rel)) {
      for (const scope of ['narrow', 'shared'] as const) {
        const plan = planDevice(before, OPTIONS, { scope });
        expect(plan.introduced).toEqual([]);
        expect(plan.problems).toEqual([]);
        if (scope === 'narrow') expect(plan.collateral).toEqual([]);
        // Fixable findings close, except on a profile the plan copies: the original stays until removed.
        const fixable = before.target.findings.filter((f) => f.remedy !== null);
        for (const f of fixable) {
          const id = { ruleId: f.ruleId, tunnelGroup: f.tunnelGroup, groupPolicy: f.groupPolicy };
          if (plan.closes.some((c) => JSON.stringify(c) === JSON.stringify(id))) continue;
          // ... or entries a narrow plan leaves out of a split-tunnel list other profiles share, or any
          // plan out of a list another profile excludes with, a type rename that would merge data, or a fix
          // whose lines cannot be pasted as they are (a `?`, a value over the recalled limit), or a spelling
          // correction that would make phones apply a per-app policy with errors of its own.
          expect(plan.remains).toContainEqual({
            ...id,
            why: expect.stringMatching(
              / stays until you remove it |is also the split-tunnel list of |is also the exclude list |is also used outside split tunnelling |^not renamed by this plan: |^not in the script: |^held: corrected, the type would make clients apply a per-app policy /,
            ),
          });
        }
        expect(plan.closes.length + plan.remains.length).toBe(before.target.findings.length);
        for (const r of plan.remains) expect(r.why).not.toBe('still present after the plan');
        // What a user pastes: commands only, each group-policy and tunnel-group entered once (the global
        // webvpn may come back at the end, to remove a custom attribute type nothing uses any more).
        expect(plan.script).not.toMatch(/^\s*#/m);
        const modes = modeLines(plan.script).filter((m) => m !== 'webvpn');
        expect(new Set(modes).size).toBe(modes.length);
        // Nothing that needs the user's knowledge is in the paste block.
        expect(plan.script).not.toMatch(/DNS-SERVER-IP|TRUSTPOINT-WITH|BASE64|(^|\s)(NAME|DOMAIN|IP|HOST|VALUE)(\s|$)|<[a-z-]+>/);
      }
    }
  });
});

describe('plan: one rule at a time, on every fixture', () => {
  // `--rules ID` chooses what to fix: a narrow plan for it changes only the profiles its findings name
  // (and the copies it makes of them), unless a chosen finding is device-wide (a misspelled type).
  it.each(CONFIG_FIXTURES)('%s: a narrow plan for one rule changes no profile that rule does not name', (rel) => {
    for (const before of snapshots(rel)) {
      for (const ruleId of [...new Set(before.target.findings.map((f) => f.ruleId))].sort()) {
        const chosen = before.target.findings.filter((f) => f.ruleId === ruleId);
        if (chosen.some((f) => f.tunnelGroup === null)) continue;
        const plan = planDevice(before, OPTIONS, { scope: 'narrow', rules: [ruleId] });
        expect(plan.introduced, `${rel} ${ruleId}`).toEqual([]);
        const named = new Set(chosen.map((f) => f.tunnelGroup));
        const reached = plan.changes.filter((c) => c.status === 'changed' && !named.has(c.tunnelGroup)).map((c) => c.tunnelGroup);
        expect(reached, `${rel} ${ruleId}`).toEqual([]);
      }
    }
  });
});

describe('plan: a held move and its undo, on every fixture', () => {
  // Fixtures where a rename is held (a lock, SAML or unseen DAP records), and their move pasted later.
  it.each(CONFIG_FIXTURES)("%s: the move applies cleanly; its undo, then the plan's rollback, give back every setting", (rel) => {
    for (const before of snapshots(rel)) {
      const plan = planDevice(before, OPTIONS, { scope: 'narrow' });
      const moves = plan.needsInput.filter((n) => n.cli !== undefined);
      for (const m of moves) expect(m.rollback, rel).toBeDefined();
      if (moves.length === 0 || before.analysed.sectionIndex > 0 || plan.context !== null) continue;
      const step = (parsed: ParsedConfig, script: string, name: string): ParsedConfig => {
        const r = apply(parsed, 0, script);
        expect(
          r.problems.filter((p) => p.severity === 'error'),
          `${rel} ${name}`,
        ).toEqual([]);
        return parseConfigText(r.text, `${name}.cfg`);
      };
      let moved = step(before.analysed.parsed, plan.script, 'pasted');
      for (const m of moves) moved = step(moved, m.cli!, 'moved');
      let back = moved;
      for (const m of [...moves].reverse()) back = step(back, m.rollback!, 'undone');
      back = step(back, plan.rollback, 'rolled-back');
      expect(settingValues(snapshotParsed(back, OPTIONS)[0]!), rel).toEqual(settingValues(before));
    }
  });
});

describe('plan again after its paste', () => {
  // An engineer pastes a plan, then plans again: the copies it made are recognised, never made again.
  it.each(CONFIG_FIXTURES)('%s: makes no second copy of a profile, and introduces nothing', (rel) => {
    for (const before of snapshots(rel)) {
      if (before.analysed.sectionIndex > 0 || before.target.summary.context !== null) continue;
      const first = planDevice(before, OPTIONS, { scope: 'narrow' });
      if (first.script === '') continue;
      const pasted = apply(before.analysed.parsed, 0, first.script);
      const again = planDevice(snapshotParsed(parseConfigText(pasted.text, 'pasted.cfg'), OPTIONS)[0]!, OPTIONS, { scope: 'narrow' });
      expect(again.script, rel).not.toMatch(/^tunnel-group \S+ type /m);
      expect(again.introduced, rel).toEqual([]);
    }
  });

  it('never takes a profile made by hand for the copy: another sign-in, other values, another policy', () => {
    const text = readFileSync(fixture('plan/rename-collision.cfg'), 'utf8');
    // Lab-Partners given every line of Lab&Partners but signing in elsewhere, then on another policy, then with its own alias.
    const twin = (lines: string, policy: string, alias: boolean): string =>
      text.replace(
        'tunnel-group Lab-Partners general-attributes\n address-pool VPN-POOL\n default-group-policy GP-OTHER\ntunnel-group Lab-Partners webvpn-attributes\n group-alias Lab-Partners-Phones enable\n',
        `tunnel-group Lab-Partners general-attributes\n${lines} default-group-policy ${policy}\ntunnel-group Lab-Partners webvpn-attributes\n authentication aaa certificate\n${alias ? ' group-alias Lab-Partners-Phones enable\n' : ''}tunnel-group Lab-Partners ipsec-attributes\n ikev2 remote-authentication certificate\n ikev2 local-authentication certificate TP-PUBLIC\n`,
      );
    const same =
      ' address-pool VPN-POOL\n authentication-server-group (outside) AD-LDAP\n authorization-server-group AD-LDAP\n accounting-server-group RADIUS-ACCT\n username-from-certificate CN OU\n dns-group DefaultDNS\n';
    // (A twin with the very same lines and policy is as good as the copy, whatever alias it has: moving users there changes nothing for them.)
    const cases = {
      'other sign-in': twin(same.replace('(outside) AD-LDAP', 'LOCAL'), 'GP-LAB', true),
      'other policy': twin(same, 'GP-OTHER', false),
      'other values, ways in of its own': twin(same.replace('username-from-certificate CN OU', 'username-from-certificate UPN'), 'GP-LAB', true),
    };
    for (const [name, t] of Object.entries(cases)) {
      expect(t, name).not.toBe(text);
      const plan = planDevice(snapshotParsed(parseConfigText(t, `${name}.cfg`), OPTIONS)[0]!, OPTIONS, { scope: 'narrow' });
      expect(plan.script, name).toMatch(/^tunnel-group Lab-Partners-2 type remote-access$/m);
      expect(JSON.stringify(plan.remains), name).not.toContain('exists already');
    }
    // The very same lines and policy, and no way in of its own: that is a copy a plan made.
    const copy = planDevice(snapshotParsed(parseConfigText(twin(same, 'GP-LAB', false), 'copy.cfg'), OPTIONS)[0]!, OPTIONS, { scope: 'narrow' });
    expect(copy.script).not.toMatch(/^tunnel-group \S+ type /m);
    expect(copy.remains).toContainEqual(
      expect.objectContaining({ ruleId: 'profile-name-special-chars', why: expect.stringMatching(/^its copy Lab-Partners exists already/) }),
    );
    // Mostly the same and waiting for users (a copy tuned before the move, or a twin): taken, saying how it differs.
    const tuned = planDevice(
      snapshotParsed(
        parseConfigText(twin(same.replace('username-from-certificate CN OU', 'username-from-certificate UPN'), 'GP-LAB', false), 't.cfg'),
        OPTIONS,
      )[0]!,
      OPTIONS,
      { scope: 'narrow' },
    );
    expect(tuned.script).not.toMatch(/^tunnel-group \S+ type /m);
    expect(tuned.needsInput.find((n) => n.cli !== undefined)?.what).toMatch(
      /\. Lab-Partners is not line for line Lab&Partners: it lacks `username-from-certificate CN OU` and it has `username-from-certificate UPN`; check that is what users moving there should get$/,
    );
    // It lacks the original's pre-shared key: re-entering it is part of what is left.
    expect(copy.needsInput.map((n) => n.what)).toContainEqual(
      expect.stringMatching(
        /^re-enter the secret of `ikev1 pre-shared-key \.\.\.` \(line \d+\) under `tunnel-group Lab-Partners ipsec-attributes`: Lab-Partners does not have it yet/,
      ),
    );
  });

  it('recognises its copy after the move, tuned since, and after a move begun with the old alias kept', () => {
    const { before, plan } = planOf('plan/rename-collision.cfg');
    const pasted = apply(before.analysed.parsed, 0, plan.script).text;
    const again = (text: string, name: string): PlanTarget => {
      const p = planDevice(snapshotParsed(parseConfigText(text, `${name}.cfg`), OPTIONS)[0]!, OPTIONS, { scope: 'narrow' });
      expect(p.script, name).not.toMatch(/^tunnel-group \S+ type /m);
      expect(p.remains, name).toContainEqual(
        expect.objectContaining({ ruleId: 'profile-name-special-chars', why: expect.stringMatching(/^its copy Lab-Partners-2 exists already/) }),
      );
      return p;
    };
    // Tuned after users moved: a line added, a value changed.
    const tuned = apply(
      parseConfigText(pasted, 'pasted.cfg'),
      0,
      'tunnel-group Lab-Partners-2 general-attributes\n password-management\n username-from-certificate UPN',
    ).text;
    expect(tuned).toContain(' username-from-certificate UPN');
    const done = again(tuned, 'tuned');
    // Nothing is left to move, so no step before a move is asked for either.
    expect(done.needsInput.filter((n) => n.cli !== undefined)).toEqual([]);
    // Its old alias kept for a while (docs/plan.md, Transitions): the rest of the move is offered.
    const kept = plan.script.replace(' no group-alias Lab&Partners-Phones\n', '');
    expect(kept).not.toBe(plan.script);
    const begun = again(apply(before.analysed.parsed, 0, kept).text, 'begun');
    expect(begun.needsInput.find((n) => n.cli !== undefined)?.cli).toContain(' no group-alias Lab&Partners-Phones');
  });

  it("leaves the old profile's other findings alone once its copy exists, as the first plan did", () => {
    // The demo's Lab&Partners has other findings on its shared policy; after the paste, a second plan gives it no new policy.
    const { before, plan } = planOf('demo/demo-headend.cfg');
    const pasted = parseConfigText(apply(before.analysed.parsed, 0, plan.script).text, 'pasted.cfg');
    const again = planDevice(snapshotParsed(pasted, OPTIONS)[0]!, OPTIONS, { scope: 'narrow' });
    expect(again.script).not.toMatch(/^tunnel-group Lab&Partners general-attributes\n default-group-policy /m);
    const others = again.remains.filter((x) => x.tunnelGroup === 'Lab&Partners' && x.ruleId !== 'profile-name-special-chars');
    expect(others.length).toBeGreaterThan(0);
    for (const r of others) expect(r.why).toMatch(/^Lab&Partners stays until you remove it .* once its users have moved to Lab-Partners-2, its copy$/);
    expect(again.needsInput.filter((n) => n.tunnelGroup === 'Lab&Partners')).toEqual([]);
    // ... also when only those findings' rules are selected: whether a profile is on its way out does not depend on the selection.
    const selected = planDevice(snapshotParsed(pasted, OPTIONS)[0]!, OPTIONS, { scope: 'narrow', rules: [...new Set(others.map((x) => x.ruleId))] });
    expect(selected.script).not.toMatch(/^tunnel-group Lab&Partners general-attributes\n default-group-policy /m);
    for (const r of selected.remains.filter((x) => x.tunnelGroup === 'Lab&Partners')) expect(r.why).toMatch(/^Lab&Partners stays until you remove it /);
  });

  it('pairs two profiles whose safe names collide with their own copies when planning again', () => {
    const { before, plan } = planOf('plan/rename-two-collide.cfg');
    const made = [...plan.script.matchAll(/^tunnel-group (\S+) type /gm)].map((m) => m[1]);
    expect(made).toEqual(['A-B', 'A-B-2']);
    const pasted = parseConfigText(apply(before.analysed.parsed, 0, plan.script).text, 'pasted.cfg');
    const again = planDevice(snapshotParsed(pasted, OPTIONS)[0]!, OPTIONS, { scope: 'narrow' });
    expect(again.script).not.toMatch(/^tunnel-group \S+ type /m);
    // A#B has lines A&B lacks: each original goes to the copy with its own lines.
    const copyOf = (original: string): string | undefined =>
      /^its copy (\S+) exists already/.exec(again.remains.find((r) => r.ruleId === 'profile-name-special-chars' && r.tunnelGroup === original)?.why ?? '')?.[1];
    const first = planDevice(before, OPTIONS, { scope: 'narrow' });
    const lines = (name: string): string => first.script.slice(first.script.indexOf(`tunnel-group ${name} general-attributes`)).split('\ntunnel-group ')[0]!;
    expect(lines(copyOf('A#B')!)).toContain('password-management');
    expect(lines(copyOf('A&B')!)).not.toContain('password-management');
  });

  it('recognises the copy of a profile whose long name was cut to fit 64 characters', () => {
    const long = `Lab&Partners-${'a'.repeat(50)}`;
    const safe = `Lab-Partners-${'a'.repeat(50)}`;
    expect(safe.length).toBe(63);
    // The safe name is taken: the copy's name is cut to leave room for -2.
    const text = readFileSync(fixture('plan/rename-collision.cfg'), 'utf8')
      .replaceAll('Lab&Partners', long)
      .replaceAll('tunnel-group Lab-Partners ', `tunnel-group ${safe} `);
    const before = snapshotParsed(parseConfigText(text, 'long.cfg'), OPTIONS)[0]!;
    const first = planDevice(before, OPTIONS, { scope: 'narrow' });
    const made = /^tunnel-group (\S+) type /m.exec(first.script)![1]!;
    expect(made).toBe(`${safe.slice(0, 62)}-2`);
    const pasted = parseConfigText(apply(before.analysed.parsed, 0, first.script).text, 'pasted.cfg');
    expect(planDevice(snapshotParsed(pasted, OPTIONS)[0]!, OPTIONS, { scope: 'narrow' }).script).not.toMatch(/^tunnel-group \S+ type /m);
  });

  it("offers a held rename's move again, the same lines, and nothing once it is pasted", () => {
    const { before, plan } = planOf('plan/rename-group-lock.cfg');
    const move = plan.needsInput.find((n) => n.cli !== undefined)!;
    const pasted = parseConfigText(apply(before.analysed.parsed, 0, plan.script).text, 'pasted.cfg');
    const again = planDevice(snapshotParsed(pasted, OPTIONS)[0]!, OPTIONS, { scope: 'narrow' });
    expect(again.script).toBe('');
    expect(again.needsInput.find((n) => n.cli !== undefined)).toMatchObject({ cli: move.cli, rollback: move.rollback, tunnelGroup: 'Lab-Partners-2' });
    // This plan makes no copy, so its (empty) rollback removes none: no note about pasting the undo first.
    expect(again.notes.join('\n')).not.toContain('The rollback removes the copies');
    expect(again.remains).toContainEqual(
      expect.objectContaining({
        ruleId: 'profile-name-special-chars',
        tunnelGroup: 'Lab&Partners',
        why: expect.stringMatching(/^its copy Lab-Partners-2 exists already: this plan makes no other /),
      }),
    );
    // Moved: nothing is left to move, and the old profile only waits to be removed.
    const moved = parseConfigText(apply(pasted, 0, move.cli!).text, 'moved.cfg');
    const last = planDevice(snapshotParsed(moved, OPTIONS)[0]!, OPTIONS, { scope: 'narrow' });
    expect(last.script).toBe('');
    expect(last.needsInput.filter((n) => n.cli !== undefined)).toEqual([]);
  });
});

describe('plan: where the new values come from', () => {
  it.each(CONFIG_FIXTURES)('%s: a changed setting names the plan line that sets it, or its line in the original file', (rel) => {
    for (const before of snapshots(rel)) {
      const plan = planDevice(before, OPTIONS, { scope: 'narrow' });
      const script = plan.script.split('\n');
      const original = before.analysed.parsed.lines;
      // The word every spelling of the setting has (`anyconnect ssl keepalive` is `svc keepalive` on old releases).
      // A split-tunnel list's entries are `access-list` lines.
      // ... and certificate maps `tunnel-group-map` or `certificate-group-map` lines.
      const keyword = (setting: string): string =>
        setting.endsWith(' entries')
          ? 'access-list'
          : setting === 'certificate maps'
            ? 'group-map'
            : setting.split(' ').find((w) => w !== 'anyconnect' && w !== 'ssl')!;
      for (const s of plan.changes.flatMap((c) => c.settings)) {
        for (const m of (s.newSource ?? '').matchAll(/\bplan line (\d+)/g)) {
          const line = script[Number(m[1]) - 1] ?? '';
          // The keyword of the setting (its first word) is on that line of the paste block.
          expect(line, `${s.setting}: ${s.newSource}`).toContain(keyword(s.setting));
        }
        for (const m of (s.newSource ?? '').matchAll(/(?<!plan )\bline (\d+)/g)) {
          expect(original[Number(m[1]) - 1] ?? '', `${s.setting}: ${s.newSource}`).toContain(keyword(s.setting));
        }
      }
    }
  });

  it('never quotes a line number of the configuration that exists only in memory', () => {
    const { before, plan } = planOf('plan/one-policy-many-fixes.cfg');
    const phones = plan.changes.find((c) => c.tunnelGroup === 'PHONES')!;
    const idle = phones.settings.find((s) => s.setting === 'vpn-idle-timeout')!;
    expect(idle.oldSource).toMatch(/^set in group-policy GP-PHONES \(line \d+\)$/);
    expect(idle.newSource).toMatch(/^set in group-policy GP-PHONES \(plan line \d+\)$/);
    expect(before.analysed.parsed.lines[Number(/line (\d+)/.exec(idle.oldSource!)![1]) - 1]).toContain('vpn-idle-timeout');
  });
});

describe('plan: the ways pasted advice went wrong', () => {
  it('picks an alias no other profile uses, and adds it before removing the old one', () => {
    const { before, plan } = planOf('plan/alias-collision.cfg');
    expect(plan.script).toBe(['tunnel-group PHONES webvpn-attributes', ' group-alias Phones-Tablets-2 enable', ' no group-alias Phones&Tablets'].join('\n'));
    // The per-finding fix obeys the same rule.
    expect(before.target.findings.find((f) => f.ruleId === 'group-alias-special-chars')?.fix).toContain('group-alias Phones-Tablets-2 enable');
    expect(plan.notes.join('\n')).toMatch(/prefill_group_list=Phones%26Tablets\) stop working/);
    const after = applied(before, plan);
    expect(after.profiles.get('TABLETS')!.settings.get('group-alias')!.value).toBe('Phones-Tablets');
    expect(plan.changes.map((c) => c.tunnelGroup)).toEqual(['PHONES']);
    // The removal a note tells to paste later is spelled as the script spells it: quoted when it holds a space.
    expect(plan.notes.join('\n')).toContain('paste the `no group-alias Phones&Tablets` line later');
    const spaced = readFileSync(fixture('plan/alias-collision.cfg'), 'utf8').replace(
      ' group-alias Phones&Tablets enable',
      ' group-alias "Phones & Tablets" enable',
    );
    const quoted = snapshotParsed(parseConfigText(spaced, 'spaced.cfg'), OPTIONS).find((x) => x.target.findings.length > 0)!;
    const spacedPlan = planDevice(quoted, OPTIONS, { scope: 'narrow' });
    expect(spacedPlan.script).toContain(' no group-alias "Phones & Tablets"');
    expect(spacedPlan.notes.join('\n')).toContain('paste the `no group-alias "Phones & Tablets"` line later');
  });

  it('copies a profile under a name nobody uses, line for line, and moves its aliases with the safe spelling', () => {
    const { before, plan } = planOf('plan/rename-collision.cfg');
    // Lab-Partners exists: the copy is Lab-Partners-2, and the existing profile is never entered.
    expect(plan.script).not.toMatch(/^tunnel-group Lab-Partners (general|webvpn|ipsec)-attributes/m);
    expect(plan.script).toContain('tunnel-group Lab-Partners-2 type remote-access');
    for (const line of [
      ' authentication-server-group (outside) AD-LDAP',
      ' authorization-server-group AD-LDAP',
      ' accounting-server-group RADIUS-ACCT',
      ' username-from-certificate CN OU',
      ' dns-group DefaultDNS',
      ' authentication aaa certificate',
      ' ikev2 remote-authentication certificate',
      ' ikev2 local-authentication certificate TP-PUBLIC',
    ])
      expect(plan.script.split('\n')).toContain(line);
    // The bad alias does not follow the profile: the copy gets the safe spelling.
    expect(plan.script).toContain(' group-alias Lab-Partners-Phones-2 enable');
    expect(plan.script).not.toMatch(/group-alias Lab&Partners-Phones enable/);
    // The copy exists before the original lets go of its ways in, which it releases right before the
    // copy takes them (an alias or URL names one profile): a copy line the ASA refused leaves the original reachable.
    const at = (line: string): number => plan.script.split('\n').indexOf(line);
    expect(at('tunnel-group Lab-Partners-2 type remote-access')).toBe(0);
    expect(at('tunnel-group Lab-Partners-2 ipsec-attributes')).toBeLessThan(at('tunnel-group Lab&Partners webvpn-attributes'));
    expect(at(' no group-url https://vpn.corp.example.com/lab')).toBeLessThan(at('tunnel-group Lab-Partners-2 webvpn-attributes'));
    expect(at('tunnel-group Lab-Partners-2 webvpn-attributes')).toBeLessThan(at(' group-url https://vpn.corp.example.com/lab enable'));
    // The rollback gives them back the other way: off the copy, then onto the original, before the copy goes.
    const back = plan.rollback.split('\n');
    expect(back.indexOf(' no group-url https://vpn.corp.example.com/lab')).toBeLessThan(back.indexOf(' group-url https://vpn.corp.example.com/lab enable'));
    expect(back.indexOf(' group-url https://vpn.corp.example.com/lab enable')).toBeLessThan(back.indexOf('clear configure tunnel-group Lab-Partners-2'));
    // The masked pre-shared key is never copied: the user re-enters it.
    expect(plan.script).not.toContain('pre-shared-key');
    expect(plan.needsInput).toEqual([
      expect.objectContaining({ ruleId: 'profile-name-special-chars', what: expect.stringMatching(/ikev1 pre-shared-key .*Lab-Partners-2 ipsec-attributes/) }),
    ]);
    // The copy gets everything the original had, apart from its aliases and URL, and the secret the user re-enters.
    const after = applied(before, plan);
    const original = before.profiles.get('Lab&Partners')!.settings;
    const copy = after.profiles.get('Lab-Partners-2')!.settings;
    expect(original.get('ikev1 pre-shared-key')?.value).toBe('<redacted>');
    expect(copy.has('ikev1 pre-shared-key')).toBe(false);
    for (const [k, v] of original)
      if (!['group-alias', 'mobile-facing', 'ikev1 pre-shared-key'].includes(k)) expect([k, copy.get(k)?.value]).toEqual([k, v.value]);
    expect(original.get('authorization-server-group')?.value).toBe('AD-LDAP');
    expect(after.profiles.get('Lab-Partners')!.settings.get('group-alias')!.value).toBe('Lab-Partners-Phones');
    // Users matched by certificate follow the profile.
    // Each map rule is removed, then entered again for the copy (never two rules, or a refusal, at one index).
    expect(plan.script).toContain('webvpn\n no certificate-group-map PHONE-CERTS 10 Lab&Partners\n certificate-group-map PHONE-CERTS 10 Lab-Partners-2');
    expect(plan.script).toContain('\nno tunnel-group-map PHONE-CERTS 10 Lab&Partners\ntunnel-group-map PHONE-CERTS 10 Lab-Partners-2');
    expect(plan.rollback).toContain('no tunnel-group-map PHONE-CERTS 10 Lab-Partners-2\ntunnel-group-map PHONE-CERTS 10 Lab&Partners');
    // The alias finding closes; the name finding stays on the original until it is removed.
    expect(plan.closes.map((c) => c.ruleId)).toEqual(['group-alias-special-chars']);
    expect(plan.remains).toEqual([
      expect.objectContaining({
        ruleId: 'profile-name-special-chars',
        why: expect.stringMatching(/^Lab&Partners stays until you remove it .*Lab-Partners-2, which does not have this problem$/),
      }),
    ]);
  });

  it('keeps a DfltGrpPolicy fix to the profiles that asked (narrow), or shows who else changes (shared)', () => {
    const narrow = planOf('plan/dflt-collateral.cfg');
    expect(narrow.plan.collateral).toEqual([]);
    expect(narrow.plan.script).not.toContain('group-policy DfltGrpPolicy attributes');
    expect(narrow.plan.script).toContain('group-policy GP-PHONES internal');
    const after = applied(narrow.before, narrow.plan);
    for (const other of ['TABLETS', 'LAPTOPS']) expect(settingValues(after)[other]).toEqual(settingValues(narrow.before)[other]);

    const shared = planOf('plan/dflt-collateral.cfg', { scope: 'shared', rules: ['default-domain-not-in-split-dns'] });
    expect(shared.plan.script).toContain('group-policy DfltGrpPolicy attributes\n split-dns value legacy.example.net corp.example.com');
    expect(shared.plan.collateral).toEqual(['LAPTOPS', 'TABLETS']);
    const tablets = shared.plan.changes.find((c) => c.tunnelGroup === 'TABLETS')!;
    expect(tablets.settings).toContainEqual(
      expect.objectContaining({ setting: 'split-dns', old: 'value legacy.example.net', new: 'value legacy.example.net corp.example.com' }),
    );
    expect(tablets.iosDns.old!.tunneledDomains).toEqual(['legacy.example.net']);
    expect(tablets.iosDns.new!.tunneledDomains).toEqual(['legacy.example.net', 'corp.example.com']);
    expect(shared.plan.notes.join('\n')).toMatch(/reach profiles no selected finding names: LAPTOPS, TABLETS/);
    // A profile a selected finding does name, changed in a setting it did not ask for, is said as such
    // (a trial read "no selected finding names" of a profile a selected finding named).
    const demo = planOf('demo/demo-headend.cfg', { scope: 'shared', rules: ['idle-timeout-short', 'split-dns-inherited', 'default-domain-not-in-split-dns'] });
    expect(demo.before.target.findings.some((f) => f.ruleId === 'split-dns-inherited' && f.tunnelGroup === 'MOBILE-PERAPP')).toBe(true);
    expect(demo.plan.collateral).toContain('MOBILE-PERAPP');
    const said = demo.plan.notes.filter((n) => n.startsWith('These changes also'));
    expect(said).toContainEqual('These changes also change settings of MOBILE-PERAPP that its selected findings do not ask for (see their changes below)');
    expect(said.find((n) => n.includes('no selected finding names'))).not.toContain('MOBILE-PERAPP');
  });

  it('renames a misspelled per-app type everywhere: declaration, data and policy, and says what the correction uncovers', () => {
    const { before, plan } = planOf('plan/perapp-misspelled.cfg');
    expect(plan.script.split('\n')).toEqual(
      expect.arrayContaining([
        ' anyconnect-custom-attr perapp description Per-app VPN policy',
        'no anyconnect-custom-data per-app PA-MAIL',
        ' anyconnect-custom perapp value PA-MAIL',
        ' no anyconnect-custom per-app',
      ]),
    );
    expect(plan.script).toMatch(/^anyconnect-custom-data perapp PA-MAIL eJyz/m);
    const after = applied(before, plan);
    expect(after.profiles.get('PERAPP')!.settings.get('anyconnect-custom perapp')?.value).toBe('value PA-MAIL');
    expect(after.profiles.get('PERAPP')!.settings.has('anyconnect-custom per-app')).toBe(false);
    // The data names one iOS app: hidden while the type was misspelled, present all along.
    expect(plan.introduced).toEqual([]);
    expect(plan.revealed.map((f) => f.ruleId)).toEqual(['perapp-ios-not-all-apps']);
  });

  it('switches a DAP record that uses the misspelled type too, before the type goes', () => {
    const { before, plan } = planOf('plan/perapp-misspelled-dap.cfg');
    const script = plan.script.split('\n');
    const record = script.indexOf('dynamic-access-policy-record DAP-PHONES');
    expect(record).toBeGreaterThan(-1);
    expect(script.slice(record + 1, record + 3)).toEqual([' anyconnect-custom perapp value PA-MAIL', ' no anyconnect-custom per-app']);
    expect(record).toBeLessThan(script.indexOf(' no anyconnect-custom-attr per-app'));
    expect(plan.closes).toContainEqual(expect.objectContaining({ ruleId: 'dap-perapp-broken' }));
    const after = applied(before, plan);
    expect(after.analysed.model.global.dapRecords[0]!.customAttributes.get('perapp')).toMatchObject({ state: 'value', value: 'PA-MAIL' });
    expect(after.analysed.model.global.dapRecords[0]!.customAttributes.has('per-app')).toBe(false);
  });

  it('leaves a split-tunnel list shared with a profile that did not ask alone in narrow scope, and names that profile in shared scope', () => {
    const options = { rules: ['dns-server-outside-split-tunnel'] };
    const { before, plan: narrow } = planOf('plan/shared-split-list.cfg', options);
    expect(narrow.script).not.toMatch(/access-list ST-CORP/);
    expect(narrow.collateral).toEqual([]);
    expect(narrow.closes).toEqual([]);
    expect(narrow.remains.map((r) => r.tunnelGroup)).toEqual(['MOBILE-DOMAIN', 'MOBILE-INHERIT', 'MOBILE-SPLIT']);
    for (const r of narrow.remains) expect(r.why).toContain('also the split-tunnel list of DESKTOP');
    const shared = planDevice(before, OPTIONS, { scope: 'shared', ...options });
    expect(shared.script.split('\n')).toEqual(['access-list ST-CORP standard permit host 10.0.0.53', 'access-list ST-CORP standard permit host 10.0.1.53']);
    expect(shared.collateral).toEqual(['DESKTOP']);
    const desktop = shared.changes.find((c) => c.tunnelGroup === 'DESKTOP')!;
    expect(desktop.settings).toEqual([
      expect.objectContaining({
        setting: 'split-tunnel-network-list entries',
        old: 'permit 10.50.0.0 255.255.0.0',
        new: expect.stringContaining('permit 10.0.0.53 255.255.255.255'),
      }),
    ]);
  });

  // Found by the mutated-config fuzz: two policies swapped their lists, so ST-CORP became the exclude
  // list of MOBILE-PERAPP; the shared plan added the DNS servers to it and failed its own proof.
  it('never adds DNS servers to a list another profile excludes with, in either scope', () => {
    const options = { rules: ['dns-server-outside-split-tunnel'] };
    for (const scope of ['narrow', 'shared'] as const) {
      const { plan } = planOf('plan/shared-split-list-exclude.cfg', { ...options, scope });
      expect(plan.script, scope).not.toMatch(/access-list ST-CORP/);
      expect([plan.introduced, plan.problems, plan.collateral], scope).toEqual([[], [], []]);
      expect(
        plan.remains.map((r) => r.tunnelGroup),
        scope,
      ).toEqual(['MOBILE-INHERIT', 'MOBILE-SPLIT']);
      for (const r of plan.remains) expect(r.why, scope).toContain('also the exclude list (split-tunnel-policy excludespecified) of MOBILE-PERAPP');
    }
    // Nor to one a local user excludes with, by its own attributes or through a policy no profile uses.
    for (const [rel, who] of [
      ['plan/exclude-list-local-user.cfg', 'local user bob'],
      ['plan/exclude-list-user-policy.cfg', 'group-policy GP-EXCL'],
    ] as const) {
      const { plan } = planOf(rel, { ...options, scope: 'shared' });
      expect(plan.script, rel).not.toMatch(/access-list ST-CORP/);
      expect([plan.introduced, plan.problems], rel).toEqual([[], []]);
      for (const r of plan.remains) expect(r.why, rel).toContain(`also the exclude list (split-tunnel-policy excludespecified) of ${who}`);
      // The audit's own fix is held back the same way: no CLI, the same reason as input.
      const { before } = planOf(rel, options);
      for (const f of before.target.findings.filter((x) => x.ruleId === 'dns-server-outside-split-tunnel')) {
        expect(f.fix, rel).toBeNull();
        expect(f.needsInput, rel).toContain(`is also the exclude list (split-tunnel-policy excludespecified) of ${who}`);
        // ... and its message does not advise adding them to that list.
        expect(f.message, rel).toContain(`Do not add them to ST-CORP: it is also the exclude list of ${who}.`);
        expect(f.message, rel).not.toMatch(/Add them to the list/);
      }
    }
  });

  it('holds list entries in narrow scope when the list also serves a route-map, and says so when shared adds them', () => {
    const options = { rules: ['dns-server-outside-split-tunnel'] };
    const { before, plan } = planOf('plan/split-list-route-map.cfg', options);
    expect(plan.script).not.toMatch(/access-list ST-CORP/);
    for (const r of plan.remains) expect(r.why).toContain('access-list ST-CORP is also used outside split tunnelling (`match ip address ST-CORP`, line 39)');
    const shared = planDevice(before, OPTIONS, { scope: 'shared', ...options });
    expect(shared.script).toMatch(/^access-list ST-CORP standard permit host 10\.0\.0\.53$/m);
    expect(shared.notes).toContainEqual(expect.stringContaining('the entries this plan adds change what those match too'));
  });

  it('holds list entries that would change the tunnel of a policy no profile names, or a local user, and names them when shared', () => {
    const options = { rules: ['dns-server-outside-split-tunnel'] };
    for (const [rel, who] of [
      ['plan/split-list-radius-policy.cfg', 'group-policy GP-RADIUS'],
      ['plan/split-list-local-user.cfg', 'local user alice'],
    ] as const) {
      const { before, plan } = planOf(rel, options);
      expect(plan.script, rel).not.toMatch(/access-list ST-CORP/);
      for (const r of plan.remains) expect(r.why, rel).toContain(`access-list ST-CORP is also the split-tunnel list of ${who}`);
      const shared = planDevice(before, OPTIONS, { scope: 'shared', ...options });
      expect(shared.script, rel).toMatch(/^access-list ST-CORP standard permit host 10\.0\.0\.53$/m);
      expect(shared.notes, rel).toContainEqual(
        `access-list ST-CORP is also the split-tunnel list of ${who}, which no connection profile names: the entries this plan adds change their tunnels too.`,
      );
    }
    // A list named like an interface is not "used" by the interface's commands.
    const text = readFileSync(fixture('plan/split-list-radius-policy.cfg'), 'utf8')
      .replace(/GP-RADIUS internal[\s\S]*?ST-CORP\n/, 'GP-RADIUS internal\n')
      .replaceAll('ST-CORP', 'outside');
    const named = snapshotParsed(parseConfigText(text, 'outside.cfg'), OPTIONS)[0]!;
    const plan = planDevice(named, OPTIONS, { scope: 'narrow', ...options });
    expect(plan.notes.join('\n')).not.toContain('outside split tunnelling');
  });

  it('never pins a split-dns entry that is no domain name, and enters a setting two fixes write once', () => {
    const { plan } = planOf('plan/inherited-invalid-split-dns.cfg');
    expect(plan.script).not.toContain('10.0.0.53 ');
    expect(plan.script).not.toMatch(/split-dns value 10\.0\.0\.53/);
    // default-domain-not-in-split-dns, split-dns-not-domain and split-dns-inherited all write split-dns for TA.
    // (Either closes them all: with the default domain, `split-dns none` is row D4.)
    expect(plan.script.split('\n').filter((l) => l.trim().startsWith('split-dns'))).toHaveLength(1);
    expect(plan.introduced).toEqual([]);
    // TB's list comes from DfltGrpPolicy, with nothing valid to keep: the domains go in TB's own policy,
    // where they change TB alone (in DfltGrpPolicy they would reach every profile that inherits it).
    expect(plan.needsInput).toContainEqual(
      expect.objectContaining({
        ruleId: 'split-dns-not-domain',
        tunnelGroup: 'TB',
        what: expect.stringContaining('`split-dns value DOMAIN ...` in group-policy GP-B ('),
      }),
    );
    expect(plan.remains.map((r) => [r.ruleId, r.tunnelGroup])).toContainEqual(['split-dns-inherited', 'TB']);
  });

  it('renames two misspelled per-app types with every data line gone before either type, and holds a rename that would merge data', () => {
    const two = planOf('plan/perapp-two-misspellings.cfg').plan;
    const lines = two.script.split('\n');
    const lastData = Math.max(...lines.flatMap((l, i) => (l.startsWith('no anyconnect-custom-data ') ? [i] : [])));
    const firstType = lines.findIndex((l) => l.startsWith(' no anyconnect-custom-attr '));
    expect(firstType).toBeGreaterThan(lastData);
    expect(two.problems).toEqual([]);
    // A rename that would merge data is no fix at all, in the audit as in the plan: the user decides.
    const { before, plan: clash } = planOf('plan/perapp-data-clash.cfg');
    expect(clash.script).not.toMatch(/anyconnect-custom-data perapp PA-1/);
    const why = 'anyconnect-custom-data per-app PA-1 and perapp PA-1 would become one perapp PA-1';
    expect(clash.remains).toContainEqual(expect.objectContaining({ ruleId: 'perapp-type-misspelled', why: expect.stringContaining(why) }));
    const finding = before.target.findings.find((f) => f.ruleId === 'perapp-type-misspelled')!;
    expect(finding.fix).toBeNull();
    expect(finding.needsInput).toContain(why);
    // Two renames into one type that clash only together are the plan's to hold.
    const together = planOf('plan/perapp-policy-assigns-both.cfg').plan;
    expect(together.remains.filter((r) => r.ruleId === 'perapp-type-misspelled').map((r) => r.why)).not.toEqual([]);
  });

  it('gives a policy copy the corrected custom type, and says a new policy inherits an unfixable split-dns list as before', () => {
    const copied = planOf('plan/perapp-misspelled-copied-policy.cfg').plan;
    expect(copied.script).not.toMatch(/^ anyconnect-custom PerApp /m);
    expect(copied.introduced).toEqual([]);
    const { plan } = planOf('plan/invalid-dflt-split-dns-own-policy.cfg');
    expect(plan.introduced).toEqual([]);
    expect(plan.restated.map((f) => [f.ruleId, f.tunnelGroup])).toEqual([['split-dns-inherited', 'DefaultWEBVPNGroup']]);
    expect(plan.notes).toContainEqual(
      "DefaultWEBVPNGroup's new group-policy GP-DefaultWEBVPNGroup inherits DfltGrpPolicy's split-dns, as DefaultWEBVPNGroup did before; set split-dns there once you know the internal domains.",
    );
  });

  it('holds every rename into one type when a policy assigns two of them, and never writes split-dns none on an invalid default domain', () => {
    const both = planOf('plan/perapp-policy-assigns-both.cfg').plan;
    expect(both.script).not.toMatch(/anyconnect-custom perapp/);
    const held = both.remains.filter((r) => r.ruleId === 'perapp-type-misspelled').map((r) => r.why);
    expect(held.length).toBeGreaterThan(1);
    for (const why of held) expect(why).toMatch(/^not renamed by this plan: group-policy GP-S assigns both /);
    for (const scope of ['narrow', 'shared'] as const) {
      const { before } = planOf('plan/invalid-default-domain-dflt.cfg');
      const plan = planDevice(before, OPTIONS, { scope });
      expect(plan.script, scope).not.toMatch(/split-dns none/);
      expect(plan.introduced, scope).toEqual([]);
    }
    const restated = planOf('plan/restated-on-recreated-profile.cfg').plan;
    expect(restated.introduced).toEqual([]);
    // The policy goes to the copy, and the words say so.
    expect(restated.script).toMatch(/^tunnel-group x-y general-attributes\n default-group-policy GP-x-y$/m);
    expect(restated.notes).toContainEqual(expect.stringMatching(/^x\/y uses DfltGrpPolicy: its copy x-y gets its own group-policy GP-x-y /));
    expect(restated.needsInput.find((n) => n.tunnelGroup === 'x/y')?.what).toMatch(
      /\(this plan gives x\/y's copy x-y its own group-policy GP-x-y: enter it there to change only x-y\)$/,
    );
  });

  it('gives two profiles whose names reduce to the same path two group-urls, and writes one split-dns that closes both of its findings', () => {
    const script = planOf('plan/group-url-same-path.cfg').plan.script;
    // The path that is a profile's own name goes to that profile: `/a-b` selects A-B, not A+B.
    expect(script).toMatch(/^tunnel-group A\+B webvpn-attributes\n group-url https:\/\/vpn\.example\.com\/a-b-2 enable$/m);
    expect(script).toMatch(/^tunnel-group A-B webvpn-attributes\n group-url https:\/\/vpn\.example\.com\/a-b enable$/m);
    const { plan } = planOf('plan/split-dns-two-fixes.cfg');
    expect(plan.script.split('\n').filter((l) => l.includes('split-dns'))).toEqual([' split-dns value lab.example.com corp.example.com']);
    expect(plan.closes.map((c) => c.ruleId)).toEqual(expect.arrayContaining(['split-dns-not-domain', 'default-domain-not-in-split-dns']));
  });

  it('keeps the names it makes within 64 characters, and holds a split-dns list longer than the ASA is recalled to take', () => {
    const { before, plan } = planOf('plan/long-names-and-lists.cfg');
    const made = [...plan.script.matchAll(/^group-policy (\S+) internal$/gm)].map((m) => m[1]!);
    expect(made).toEqual(['GP-A-VERY-LONG-CONNECTION-PROFILE-NAME-FOR-THE-MOBILE-WORKFORCE', 'GP-DefaultWEBVPNGroup']);
    for (const n of made) expect(n.length).toBeLessThanOrEqual(64);
    // The ASA may refuse the long list (the limit is recalled): it is not pasted, and its finding remains.
    expect(plan.script).not.toMatch(/^ split-dns value /m);
    expect(plan.problems).toEqual([]);
    expect(plan.remains).toContainEqual({
      ruleId: 'default-domain-not-in-split-dns',
      tunnelGroup: 'Mobile',
      groupPolicy: 'GP-MOBILE',
      why: expect.stringMatching(
        /^not in the script: the `split-dns` value is 278 characters; the ASA is recalled to take about 255 \[recalled\], so the ASA may refuse the line/,
      ),
    });
    const input = plan.needsInput.find((n) => n.ruleId === 'default-domain-not-in-split-dns')!;
    expect(input.what).toMatch(
      /^the fix makes a value longer than the ASA is recalled to take: shorten it \(or check that your release takes it\), then enter it: `group-policy GP-MOBILE attributes`, then `split-dns value research-and-development\.example\.com .* corp-headquarters-internal\.example\.com`$/,
    );
    // The audit's own fix says the same.
    const finding = before.target.findings.find((f) => f.ruleId === 'default-domain-not-in-split-dns')!;
    expect(finding.message).toMatch(/ In the fix, the `split-dns` value is 278 characters; the ASA is recalled to take about 255 \[recalled\]/);
    expect(applied(before, plan).target.findings.map((f) => f.ruleId)).toEqual(['default-domain-not-in-split-dns']);
  });

  it('holds a fix whose lines hold a `?`, which the ASA CLI would take as a request for help: out of the script and the rollback', () => {
    const { before, plan } = planOf('plan/perapp-misspelled-copied-policy.cfg');
    expect(plan.script).not.toContain('?');
    expect(plan.rollback).not.toContain('?');
    expect(plan.remains).toContainEqual({
      ruleId: 'group-alias-special-chars',
      tunnelGroup: 'A-B-2',
      groupPolicy: expect.any(String),
      why: 'not in the script: `no group-alias x?y` holds `?`, which the ASA CLI reads as a request for help when pasted [recalled]; type the fix by hand (see "Needs your input")',
    });
    expect(plan.needsInput.map((n) => n.what)).toContain(
      "type this fix by hand, pressing Ctrl-V before each `?` so the CLI takes it as a character [recalled], and check the result: `tunnel-group A-B-2 webvpn-attributes`, then `group-alias x-y enable`, then `no group-alias x?y`; links and client profiles that name the old alias (an anyconnect:// link's prefill_group_list) stop working: update them",
    );
    // The alias the user is told to type stays free: no name this plan makes takes it.
    expect(plan.script).not.toMatch(/^tunnel-group x-y /m);
    const alias = before.target.findings.find((f) => f.ruleId === 'group-alias-special-chars' && f.fix?.includes('x?y'))!;
    expect(alias.message).toMatch(/ In the fix, `no group-alias x\?y` holds `\?`, which the ASA CLI reads as a request for help/);
    // A plan with no `?` says nothing of it.
    expect(planOf('plan/alias-collision.cfg').plan.notes.join('\n')).not.toMatch(/request for help/);
  });

  it('types a copied line that holds `?` by hand after the paste, never in the paste block', () => {
    // Phones alone is audited: its fixes go to a copy of GP-1, whose banner holds `?`.
    const options = { ...OPTIONS, profileFilter: (name: string) => name === 'Phones' };
    const text = readFileSync(fixture('plan/copied-policy-question-mark.cfg'), 'utf8');
    const planFor = (config: string): PlanTarget => planDevice(snapshotParsed(parseConfigText(config, 'q.cfg'), options)[0]!, options, { scope: 'narrow' });
    const plan = planFor(text);
    expect(plan.script).toMatch(/^group-policy GP-Phones attributes$/m);
    expect(plan.script).not.toContain('?');
    expect(plan.introduced).toEqual([]);
    expect(plan.needsInput).toContainEqual({
      ruleId: 'plan',
      tunnelGroup: 'Phones',
      groupPolicy: 'GP-Phones',
      what: expect.stringMatching(
        /^after the paste, type by hand in group-policy GP-Phones \(`group-policy GP-Phones attributes`\), in this order, the line GP-1 has there \(line 12\): `banner value Questions\? Call the helpdesk`; it holds `\?`/,
      ),
    });
    // The gap until it is typed is shown, not hidden.
    const phones = plan.changes.find((c) => c.tunnelGroup === 'Phones')!;
    expect(phones.settings.map((s) => s.setting)).toContain('banner (not modelled)');
    // Banner lines add up in order: all of them are typed, in order, none pasted before the others.
    const three = planFor(
      text
        .replace(' banner value Questions?', ' banner value Welcome to ACME\n banner value Questions?')
        .replace(' dns-server', ' banner value Authorized use only\n dns-server'),
    );
    expect(three.script).not.toMatch(/banner/);
    expect(three.needsInput.find((n) => n.ruleId === 'plan')!.what).toContain(
      '`banner value Welcome to ACME`, `banner value Questions? Call the helpdesk`, `banner value Authorized use only`',
    );
    // A finding the held line carries is not closed by leaving the line out: typed, it comes back.
    const homepage = planFor(
      text.replace(' dns-server value 10.0.0.53', ' dns-server value 10.0.0.53\n webvpn\n  homepage value https://intranet.example.com/?x=1'),
    );
    expect(homepage.closes.map((c) => c.ruleId)).not.toContain('homepage-ignored-on-mobile');
    expect(homepage.remains.map((r) => r.ruleId)).toContain('homepage-ignored-on-mobile');
    expect(homepage.needsInput.find((n) => n.ruleId === 'plan')!.what).toContain('(lines 12, 15)');
    // A copied line the plan's own fix replaces is not held: typed later, it would undo the fix.
    const replaced = planFor(
      text
        .replace('webvpn\n', 'access-list ACL-A standard permit 10.0.0.0 255.0.0.0\nwebvpn\n')
        .replace(
          ' banner value Questions? Call the helpdesk',
          ' split-dns value corp.example.com who?.example.com\n default-domain value corp.example.com\n split-tunnel-policy tunnelspecified\n split-tunnel-network-list value ACL-A',
        ),
    );
    expect(replaced.needsInput.filter((n) => n.ruleId === 'plan')).toEqual([]);
    expect(replaced.script).toMatch(/^ split-dns value corp\.example\.com$/m);
    expect(replaced.closes).toContainEqual(expect.objectContaining({ ruleId: 'split-dns-not-domain', tunnelGroup: 'Phones' }));
  });

  it('counts as closed a finding it fixes while another of the same rule, profile and object stays at another severity', () => {
    // MOBILE-SPLIT's IPv4 server outside the split tunnel (a warning) is fixed; its IPv6 server stays unchecked (info).
    const text = readFileSync(fixture('demo/demo-headend.cfg'), 'utf8').replace(
      /^ split-dns value corp\.example\.com lab\.example\.com$/m,
      '$&\n dns-server value 192.168.5.53 2001:db8::53',
    );
    const before = snapshotParsed(parseConfigText(text, 'v6.cfg'), OPTIONS)[0]!;
    const plan = planDevice(before, OPTIONS, { scope: 'shared', rules: ['dns-server-outside-split-tunnel'] });
    expect(plan.closes).toContainEqual(expect.objectContaining({ ruleId: 'dns-server-outside-split-tunnel', tunnelGroup: 'MOBILE-SPLIT' }));
    expect(plan.remains.map((r) => r.why)).not.toContain('still present after the plan');
  });

  it('says when it changes a built-in profile, which desktop clients that select no profile land on too', () => {
    const demo = planOf('demo/demo-headend.cfg').plan;
    expect(demo.changes.map((c) => c.tunnelGroup)).toEqual(expect.arrayContaining(['DefaultRAGroup', 'DefaultWEBVPNGroup']));
    expect(demo.notes).toContainEqual(
      expect.stringMatching(
        /^DefaultRAGroup \(the IKEv2 default\) and DefaultWEBVPNGroup \(the SSL default\) are built-in profiles: clients that select no connection profile land there, desktop ones included/,
      ),
    );
    // A plan that leaves them alone says nothing of them.
    const narrow = planOf('demo/demo-headend.cfg', { rules: ['group-alias-special-chars'] }).plan;
    expect(narrow.changes.map((c) => c.tunnelGroup)).not.toContain('DefaultWEBVPNGroup');
    expect(narrow.notes.join('\n')).not.toMatch(/built-in profile/);
  });

  it('moves the certificate default group to a recreated profile', () => {
    // rename-group-lock.cfg's SAML-free twin: the group-lock lines taken out, so users can move at once.
    const text = readFileSync(fixture('plan/rename-group-lock.cfg'), 'utf8')
      .replace(/^ group-lock value Lab&Partners\n/gm, '')
      .replace('tunnel-group-map PHONE-CERTS 10 Lab&Partners', 'tunnel-group-map PHONE-CERTS 10 Lab&Partners\ntunnel-group-map default-group Lab&Partners');
    expect(text).not.toContain('group-lock');
    const plan = planDevice(snapshotParsed(parseConfigText(text, 'moves.cfg'), OPTIONS)[0]!, OPTIONS, { scope: 'narrow' });
    expect(plan.script.split('\n')).toContain('tunnel-group-map default-group Lab-Partners-2');
    expect(plan.rollback.split('\n')).toContain('tunnel-group-map default-group Lab&Partners');
    expect(plan.script).toMatch(/^ no group-url https:\/\/vpn\.corp\.example\.com\/lab$/m);
    expect(plan.needsInput.map((n) => n.what).join('\n')).not.toMatch(/move what selects/);
  });

  it('leaves every way in on a SAML profile until the IdP knows its copy, and says how to move them then', () => {
    const { plan } = planOf('plan/rename-saml.cfg');
    // Sent to the copy before the IdP has its entity ID, users could not sign in: nothing leads there yet.
    expect(plan.script).not.toContain('tunnel-group-map default-group');
    expect(plan.script).not.toMatch(/group-alias/);
    expect(plan.needsInput).toContainEqual(
      expect.objectContaining({ tunnelGroup: 'Lab-Partners', what: expect.stringContaining('register Lab-Partners with the SAML identity provider') }),
    );
    const move = plan.needsInput.at(-1)!;
    expect(move).toMatchObject({ tunnelGroup: 'Lab-Partners' });
    // (The fixture's DAP record DAP-LAB holds the move too: without dap.xml its criteria are unseen. Its
    // RADIUS server groups do not: a SAML sign-in does not use them.)
    expect(move.what).toBe(
      'once the DAP and SAML steps are done, move the users of Lab.Partners to Lab-Partners (nothing in the paste sends users to Lab-Partners: its group-alias and certificate maps stay on Lab.Partners): paste these lines in one go',
    );
    expect(move.cli).toBe(
      [
        'tunnel-group Lab.Partners webvpn-attributes',
        ' no group-alias LabPartners',
        'tunnel-group Lab-Partners webvpn-attributes',
        ' group-alias LabPartners enable',
        'tunnel-group-map default-group Lab-Partners',
      ].join('\n'),
    );
    expect(plan.notes).toContainEqual(expect.stringMatching(/^Lab\.Partners is copied to Lab-Partners, but nothing sends users there yet/));
    expect(plan.script).not.toMatch(/BASE-URL/);
  });

  it('does not hold back list entries for a profile that tunnels everything: its list decides nothing', () => {
    const text = readFileSync(fixture('plan/shared-split-list.cfg'), 'utf8').replace(
      ' vpn-tunnel-protocol ikev1\n split-tunnel-policy tunnelspecified\n split-tunnel-network-list value ST-CORP',
      ' vpn-tunnel-protocol ikev1\n split-tunnel-policy tunnelall\n split-tunnel-network-list value ST-CORP',
    );
    expect(text).toContain(' split-tunnel-policy tunnelall\n split-tunnel-network-list value ST-CORP');
    const before = snapshotParsed(parseConfigText(text, 'tunnelall.cfg'), OPTIONS)[0]!;
    const plan = planDevice(before, OPTIONS, { scope: 'narrow', rules: ['dns-server-outside-split-tunnel'] });
    expect(plan.script).toMatch(/^access-list ST-CORP standard permit host 10\.0\.0\.53$/m);
    expect(plan.collateral).toEqual([]);
    expect(plan.changes.map((c) => c.tunnelGroup)).not.toContain('DESKTOP');
  });

  it('keeps a session setting off DfltGrpPolicy when a site-to-site tunnel uses it (narrow), and names the tunnel when shared', () => {
    const { before, plan } = planOf('plan/dflt-site-to-site.cfg');
    expect(plan.script).not.toMatch(/^group-policy DfltGrpPolicy attributes\n vpn-idle-timeout/m);
    expect(plan.script).toMatch(/^group-policy GP-DefaultWEBVPNGroup attributes\n vpn-idle-timeout 1440$/m);
    const shared = planDevice(before, OPTIONS, { scope: 'shared' });
    expect(shared.script).toMatch(/^group-policy DfltGrpPolicy attributes\n vpn-idle-timeout 1440$/m);
    expect(shared.notes).toContainEqual(
      expect.stringMatching(/\(vpn-idle-timeout 1440\) also apply to site-to-site tunnel-group 198\.51\.100\.7, which the tool does not audit/),
    );
  });

  it('counts DefaultL2LGroup, set up without a type line (it is built in), as a site-to-site tunnel on DfltGrpPolicy', () => {
    const text = readFileSync(fixture('plan/dflt-site-to-site.cfg'), 'utf8').replace(
      /tunnel-group 198\.51\.100\.7 type ipsec-l2l\ntunnel-group 198\.51\.100\.7 ipsec-attributes\n/,
      'tunnel-group DefaultL2LGroup ipsec-attributes\n',
    );
    expect(text).not.toContain('198.51.100.7');
    const before = snapshotParsed(parseConfigText(text, 'dynamic-l2l.cfg'), OPTIONS)[0]!;
    const narrow = planDevice(before, OPTIONS, { scope: 'narrow' });
    expect(narrow.script).not.toMatch(/^group-policy DfltGrpPolicy attributes\n vpn-idle-timeout/m);
    const shared = planDevice(before, OPTIONS, { scope: 'shared' });
    expect(shared.notes).toContainEqual(expect.stringMatching(/\(vpn-idle-timeout 1440\) also apply to site-to-site tunnel-group DefaultL2LGroup, /));
    // Not set up, it takes no peer: DfltGrpPolicy is changed as for any profile that asks.
    const unused = text.replace(/tunnel-group DefaultL2LGroup ipsec-attributes\n( [^\n]*\n)*/, '');
    expect(unused).not.toContain('DefaultL2LGroup');
    expect(planDevice(snapshotParsed(parseConfigText(unused, 'no-l2l.cfg'), OPTIONS)[0]!, OPTIONS, { scope: 'shared' }).notes.join('\n')).not.toContain(
      'site-to-site',
    );
  });

  it('names a group-policy no profile uses that inherits a DfltGrpPolicy change (a local user or an AAA server hands it out)', () => {
    const text = readFileSync(fixture('plan/dflt-site-to-site.cfg'), 'utf8').replace(
      'group-policy GP-PHONES internal',
      'group-policy GP-CONTRACTORS internal\ngroup-policy GP-CONTRACTORS attributes\n vpn-simultaneous-logins 1\ngroup-policy GP-PHONES internal',
    );
    const before = snapshotParsed(parseConfigText(text, 'unused-policy.cfg'), OPTIONS)[0]!;
    const shared = planDevice(before, OPTIONS, { scope: 'shared' });
    expect(shared.script).toMatch(/^group-policy DfltGrpPolicy attributes\n vpn-idle-timeout 1440$/m);
    expect(shared.notes).toContainEqual(
      expect.stringMatching(
        /^Group-policy GP-CONTRACTORS, which no connection profile uses, inherits this plan's change to DfltGrpPolicy \(.*vpn-idle-timeout 1440\): if a local user, a RADIUS class or an LDAP attribute map hands it out, its users get the change too, on the profiles whose own policy leaves it unset\.$/,
      ),
    );
    // A policy that sets an attribute itself does not inherit that one.
    const own = text.replace(' vpn-simultaneous-logins 1\n', ' vpn-simultaneous-logins 1\n vpn-idle-timeout 600\n');
    const notes = planDevice(snapshotParsed(parseConfigText(own, 'own.cfg'), OPTIONS)[0]!, OPTIONS, { scope: 'shared' }).notes;
    const note = notes.find((n) => n.startsWith('Group-policy GP-CONTRACTORS'));
    expect(note).toBeDefined();
    expect(note).not.toContain('vpn-idle-timeout');
  });

  it("says when a policy it changes is also a local user's vpn-group-policy", () => {
    const { plan } = planOf('demo/demo-headend.cfg');
    expect(plan.script).toMatch(/^group-policy GP-SPLIT attributes$/m);
    expect(plan.notes).toContainEqual(expect.stringContaining('group-policy GP-SPLIT, which this plan changes, is the vpn-group-policy of local user alice'));
  });

  it('never puts what needs the user in the paste block: the demo headend', () => {
    const { plan } = planOf('demo/demo-headend.cfg');
    expect(plan.needsInput).toEqual([
      expect.objectContaining({ ruleId: 'ios-dns-all-clear', tunnelGroup: 'Lab&Partners', what: expect.stringContaining('split-dns value DOMAIN') }),
      // Lab&Partners signs in with RADIUS: its copy waits until the server's lock and rules know the new name.
      expect.objectContaining({
        ruleId: 'profile-name-special-chars',
        tunnelGroup: 'Lab-Partners-2',
        what: expect.stringMatching(/^check RADIUS server group RADIUS-MFA before users move: /),
      }),
      expect.objectContaining({
        ruleId: 'profile-name-special-chars',
        tunnelGroup: 'Lab-Partners-2',
        cli: expect.stringContaining(' group-alias Lab-Partners enable'),
      }),
    ]);
    expect(plan.script).not.toContain('split-dns value DOMAIN');
    expect(plan.script).not.toContain('group-alias');
    expect(plan.remains).toContainEqual(expect.objectContaining({ ruleId: 'ios-dns-all-clear', why: expect.stringMatching(/^needs your input/) }));
  });

  it('selects by rule and severity, and writes `changeto context` for a context', () => {
    const { plan } = planOf('demo/demo-headend.cfg', { rules: ['natt-keepalive-short'] });
    expect(plan.script).toBe('crypto isakmp nat-traversal 3600');
    expect(plan.rollback).toBe('crypto isakmp nat-traversal 20');
    expect(plan.alsoCloses).toEqual([]);
    // A fix can close a finding nobody selected: the plan says so, apart from what it was asked to close.
    const split = planOf('demo/demo-headend.cfg', { rules: ['split-dns-inherited'] }).plan;
    expect(split.closes.every((c) => c.ruleId === 'split-dns-inherited')).toBe(true);
    expect(split.alsoCloses).toEqual([{ ruleId: 'default-domain-not-in-split-dns', tunnelGroup: expect.any(String), groupPolicy: expect.any(String) }]);
    const errors = planOf('demo/demo-headend.cfg', { severity: 'error' }).plan;
    expect(errors.closes.map((c) => c.ruleId)).toEqual(['client-side-dpd-disabled']);
    const ctx = snapshots('synthetic/oxidized-multi-context.cfg').find((s) => s.target.summary.context === 'vpn')!;
    const p = planDevice(ctx, OPTIONS, { scope: 'narrow' });
    // `changeto` lands in the context's EXEC mode: configuration mode is entered again there.
    expect(p.script.split('\n').slice(0, 2)).toEqual(['changeto context vpn', 'configure terminal']);
    expect(p.rollback.split('\n').slice(0, 2)).toEqual(['changeto context vpn', 'configure terminal']);
    // What the user types later, from Needs your input, goes to the same context.
    expect(p.needsInput.length).toBeGreaterThan(0);
    expect(p.notes).toContain('Lines under "Needs your input" are for context vpn: enter them after `changeto context vpn` and `configure terminal`.');
  });

  it('holds a per-app spelling correction that would make phones apply a policy with errors, for a plan made once it is right', () => {
    const { before, plan } = planOf('plan/perapp-misspelled-data-missing.cfg');
    expect(plan.script).toBe('');
    // No lines to paste later: they depend on the fix made first (the data the policy must name).
    expect(plan.needsInput).toEqual([
      {
        ruleId: 'perapp-type-misspelled',
        tunnelGroup: null,
        groupPolicy: null,
        what: expect.stringMatching(/which has perapp-data-missing \(PERAPP\) today .*fix that first .*then run plan again, which writes the correction$/),
      },
    ]);
    // Once the data is there, the next plan writes the correction.
    const text = before.analysed.parsed.lines.join('\n');
    const data = /^anyconnect-custom-data per-app PA-MAIL (\S+)$/m.exec(text)![1]!;
    const withData = text.replace(/^(anyconnect-custom-data per-app PA-MAIL .*)$/m, `$1\nanyconnect-custom-data per-app PA-PHONES ${data}`);
    expect(withData).toContain(`anyconnect-custom-data per-app PA-PHONES ${data}\n`);
    const fixed = snapshotParsed(parseConfigText(withData, 'fixed.cfg'), OPTIONS)[0]!;
    const next = planDevice(fixed, OPTIONS, { scope: 'narrow' });
    expect(next.script).toContain(' anyconnect-custom perapp value PA-PHONES');
    expect(next.script).toContain('anyconnect-custom-data perapp PA-PHONES ');
    expect(plan.notes).toContainEqual(expect.stringMatching(/^perapp-data-missing \(PERAPP\) is hidden by a misspelling this plan leaves for later/));
    expect(plan.remains.map((r) => r.ruleId)).toEqual(['perapp-type-misspelled', 'perapp-type-misspelled']);
    expect(renderPlanText([plan])).toContain('Nothing to paste: this plan holds the fixes it could make (see why below).');
    // A warning revealed (an iOS policy without `*.*`, an inferred reading) does not hold the correction the guide asks for.
    const { plan: warned } = planOf('plan/perapp-misspelled.cfg');
    expect(warned.script).toContain(' anyconnect-custom perapp value PA-MAIL');
    expect(warned.revealed.map((f) => [f.ruleId, f.severity])).toEqual([['perapp-ios-not-all-apps', 'warning']]);
  });

  // From a review: with two profiles recreated, the second's certificate map joined the global webvpn
  // entered for the first, before the second copy existed.
  it('points certificate maps at copies only once every copy exists', () => {
    const text = readFileSync(fixture('plan/rename-collision.cfg'), 'utf8')
      .replace(/^( certificate-group-map PHONE-CERTS 10 Lab&Partners)$/m, '$1\n certificate-group-map PHONE-CERTS 20 Web&Only')
      .replace(
        /^(tunnel-group-map PHONE-CERTS 10 Lab&Partners)$/m,
        '$1\ntunnel-group Web&Only type remote-access\ntunnel-group Web&Only webvpn-attributes\n group-alias WebOnly enable\ncrypto ca certificate map PHONE-CERTS 20\n subject-name attr ou eq web\ntunnel-group-map PHONE-CERTS 20 Web&Only',
      );
    expect(text).toContain('certificate-group-map PHONE-CERTS 20 Web&Only');
    expect(text).toContain('tunnel-group-map PHONE-CERTS 20 Web&Only');
    const before = snapshotParsed(parseConfigText(text, 'two-renames.cfg'), OPTIONS)[0]!;
    const plan = planDevice(before, OPTIONS, { scope: 'narrow' });
    const lines = plan.script.split('\n');
    const copies = lines.filter((l) => /^tunnel-group \S+ type remote-access$/.test(l)).map((l) => l.split(' ')[1]!);
    expect(copies).toEqual(['Lab-Partners-2', 'Web-Only']);
    for (const copy of copies) {
      const created = lines.indexOf(`tunnel-group ${copy} type remote-access`);
      const named = lines.flatMap((l, i) => (/(certificate-group-map|tunnel-group-map) /.test(l) && l.endsWith(` ${copy}`) ? [i] : []));
      expect(named.length).toBeGreaterThan(0);
      for (const at of named) expect(at, `${copy}: ${lines[at]}`).toBeGreaterThan(created);
    }
    expect(plan.introduced).toEqual([]);
    expect(plan.problems).toEqual([]);
  });

  it('says a NAT-T change reaches the site-to-site tunnels, which no profile entry shows', () => {
    const { plan } = planOf('demo/demo-headend.cfg');
    expect(plan.script.split('\n')).toContain('crypto isakmp nat-traversal 3600');
    expect(plan.notes).toContainEqual(
      expect.stringMatching(/^The crypto isakmp nat-traversal change is device-wide: it applies to the site-to-site tunnel-group SITE-B as well \[inferred\]/),
    );
    // Without a site-to-site tunnel, nothing to say.
    const text = readFileSync(fixture('demo/demo-headend.cfg'), 'utf8');
    const alone = text.replace(/^tunnel-group SITE-B [^\n]*\n( [^\n]*\n)*/gm, '');
    expect(alone).not.toContain('SITE-B');
    const before = snapshotParsed(parseConfigText(alone, 'alone.cfg'), OPTIONS)[0]!;
    const noPeers = planDevice(before, OPTIONS, { scope: 'narrow' });
    expect(noPeers.script.split('\n')).toContain('crypto isakmp nat-traversal 3600');
    expect(noPeers.notes.join('\n')).not.toContain('site-to-site tunnel-group');
  });

  it('names the other profiles input entered in DfltGrpPolicy reaches, for a profile that uses DfltGrpPolicy itself', () => {
    const { plan } = planOf('plan/needs-input.cfg');
    const whats = plan.needsInput.filter((n) => n.ruleId === 'split-dns-without-dns-server').map((n) => [n.tunnelGroup, n.what]);
    expect(whats).toEqual([
      [
        'DefaultRAGroup',
        expect.stringMatching(
          /in DfltGrpPolicy \(profiles PHONES, DefaultWEBVPNGroup take dns-server from there too; to change DefaultRAGroup alone, give it a group-policy of its own\)$/,
        ),
      ],
      ['DefaultWEBVPNGroup', expect.stringMatching(/in DfltGrpPolicy \(profiles PHONES, DefaultRAGroup take dns-server from there too;/)],
      // A profile with a policy of its own is pointed there, with nothing more to say.
      ['PHONES', expect.stringMatching(/in group-policy GP-PHONES$/)],
    ]);
    // "remains" words it the same way.
    expect(plan.remains.find((r) => r.tunnelGroup === 'DefaultRAGroup')!.why).toContain('take dns-server from there too');
  });

  it('points input meant for DfltGrpPolicy at the policy the plan gives the profile (narrow scope)', () => {
    const { plan } = planOf('corpus/prometheus-asa1-80-svc.cfg');
    const dns = plan.needsInput.find((n) => n.ruleId === 'split-dns-without-dns-server' && n.tunnelGroup === 'DefaultWEBVPNGroup')!;
    expect(plan.script).toContain('group-policy GP-DefaultWEBVPNGroup internal');
    expect(dns.what).toMatch(
      /in DfltGrpPolicy \(this plan gives DefaultWEBVPNGroup its own group-policy GP-DefaultWEBVPNGroup: enter it there to change only DefaultWEBVPNGroup\)$/,
    );
    // ... in "remains" too, not DfltGrpPolicy's reach.
    const why = plan.remains.find((r) => r.ruleId === 'split-dns-without-dns-server' && r.tunnelGroup === 'DefaultWEBVPNGroup')!.why;
    expect(why).toBe(`needs your input: ${dns.what}`);
  });

  it('names each changed setting as the release writes it: `svc ...` on 8.0, where the script writes `svc` lines', () => {
    const { plan } = planOf('corpus/prometheus-asa1-80-svc.cfg');
    expect(plan.script).toContain('  svc keepalive none');
    const xyz = plan.changes.find((c) => c.tunnelGroup === 'xyzinder')!;
    const keepalive = xyz.settings.find((s) => s.setting === 'anyconnect ssl keepalive')!;
    expect(keepalive).toMatchObject({ keyword: 'svc keepalive', new: 'none' });
    // Only the settings that have an older spelling carry one.
    expect(xyz.settings.find((s) => s.setting === 'vpn-idle-timeout')).not.toHaveProperty('keyword');
    expect(settingLine(keepalive)).toMatch(/^svc keepalive: 20 \(.*\) → none \(set in group-policy xyzinder \(plan line \d+\)\)$/);
    // An upgrade to a release that writes `anyconnect` is named in the new release's words.
    const old = readFileSync(fixture('corpus/prometheus-asa1-80-svc.cfg'), 'latin1');
    const upgraded = old
      .replace('ASA Version 8.0(2)', 'ASA Version 9.1(7)')
      .replace('  svc ask enable\n', '  svc ask enable\n  anyconnect ssl keepalive 300\n');
    const [a, b] = [old, upgraded].map((t) => snapshotParsed(parseConfigText(t, 'asa1.cfg'), OPTIONS)[0]!);
    const upgrade = diffDevices(a!, b!).profiles.find((p) => p.tunnelGroup === 'xyzinder')!;
    expect(upgrade.settings.find((s) => s.setting === 'anyconnect ssl keepalive')).not.toHaveProperty('keyword');
    expect(upgrade.settings.find((s) => s.setting === 'anyconnect ssl keepalive')).toMatchObject({ new: '300' });
    // A release that takes `anyconnect` lines keeps the setting's own name.
    const modern = planOf('demo/demo-headend.cfg').plan;
    expect(modern.changes.flatMap((c) => c.settings).filter((s) => s.keyword !== undefined)).toEqual([]);
  });

  it('copies every ipsec-attributes line of a renamed profile: one per interface, and a sub-keyword the tool does not know', () => {
    const extra = ' ikev1 user-authentication (outside) hybrid\n ikev1 user-authentication (inside) xauth\n ikev2 frobnicate on\n';
    const text = readFileSync(fixture('plan/rename-collision.cfg'), 'utf8').replace(' ikev1 pre-shared-key *****\n', (l) => `${l}${extra}`);
    const before = snapshotParsed(parseConfigText(text, 'rename-ipsec.cfg'), OPTIONS)[0]!;
    const plan = planDevice(before, OPTIONS, { scope: 'narrow' });
    expect(plan.introduced).toEqual([]);
    expect(plan.script).toContain(`ipsec-attributes\n ikev2 remote-authentication certificate\n ikev2 local-authentication certificate TP-PUBLIC\n${extra}`);
    // Applied, with a note that the tool does not read it: not a problem that withholds the plan.
    expect(plan.problems).toEqual([]);
    expect(plan.notes).toContainEqual(expect.stringMatching(/^Script line \d+ \(`ikev2 frobnicate on`\): applied as a line the tool does not read: /));
    expect(plan.remains.find((r) => r.ruleId === 'profile-name-special-chars')?.why).toMatch(/ stays until you remove it /);
  });

  it('says who a copy of the profile would lock out, and changes the locks in the same paste as the move', () => {
    const { plan } = planOf('plan/rename-group-lock.cfg');
    // The paste block leaves the locks alone: which side to lock is the user's call. So it sends
    // nobody to the copy either: alias, URL and certificate maps move in a step of their own.
    expect(plan.script).not.toContain('group-lock');
    expect(plan.script).not.toMatch(/group-alias|group-url|tunnel-group-map|certificate-group-map/);
    // Locks and move in one paste: a lock changed first would refuse users still sent to the original.
    const move = plan.needsInput.at(-1)!;
    expect(move.tunnelGroup).toBe('Lab-Partners-2');
    expect(move.what).toMatch(
      /^when you move the users of Lab&Partners to Lab-Partners-2 \(nothing in the paste sends users to Lab-Partners-2: its group-alias, group-url and certificate maps stay on Lab&Partners\): paste these lines in one go\. The group-lock lines go with the move /,
    );
    expect(move.cli!.split('\n').slice(0, 5)).toEqual([
      'group-policy GP-LAB attributes',
      ' group-lock value Lab-Partners-2',
      'username lab-admin attributes',
      ' group-lock value Lab-Partners-2',
      'tunnel-group Lab&Partners webvpn-attributes',
    ]);
    expect(move.what).toContain(
      'group-policy GP-LAB locks its users to Lab&Partners (`group-lock value Lab&Partners`, line 58); user lab-admin is locked to Lab&Partners (`group-lock value`, line 45)',
    );
    expect(plan.needsInput.filter((n) => n.what.includes('group-lock'))).toEqual([move]);
  });

  it('holds a new group-url another fix gives a held copy, and its move lines, entered later, send users to the copy', () => {
    // A certificate-only profile with no group-url gets one from certificate-auth-group-url: it must wait too.
    const text = readFileSync(fixture('plan/rename-group-lock.cfg'), 'utf8')
      .replace(' authentication aaa certificate', ' authentication certificate')
      .replace(' group-url https://vpn.corp.example.com/lab enable\n', '')
      .replace(' group-alias Lab-Partners-Phones enable', ' group-alias Lab-Partners-Phones enable\n group-url https://vpn.corp.example.com/other enable');
    expect(text).toContain(' group-url https://vpn.corp.example.com/other enable');
    const before = snapshotParsed(parseConfigText(text, 'held-url.cfg'), OPTIONS)[0]!;
    const plan = planDevice(before, OPTIONS, { scope: 'narrow' });
    expect(plan.introduced).toEqual([]);
    expect(plan.script).not.toMatch(/group-url|group-alias/);
    const move = plan.needsInput.at(-1)!;
    expect(move.what).toContain(
      '(nothing in the paste sends users to Lab-Partners-2: its group-alias and certificate maps stay on Lab&Partners, and its new group-url waits)',
    );
    expect(move.cli).toContain(
      [
        'tunnel-group Lab-Partners-2 webvpn-attributes',
        ' group-alias Lab-Partners-Phones-2 enable',
        ' group-url https://vpn.corp.example.com/lab-partners-2 enable',
      ].join('\n'),
    );
    // Pasted later, the move's lines apply cleanly and take every way in to the copy.
    const pasted = apply(before.analysed.parsed, 0, plan.script);
    const moved = apply(parseConfigText(pasted.text, 'pasted.cfg'), 0, move.cli!);
    expect(moved.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const after = snapshotParsed(parseConfigText(moved.text, 'moved.cfg'), OPTIONS)[0]!;
    expect(after.profiles.get('Lab-Partners-2')!.settings.get('group-url')!.value).toBe('https://vpn.corp.example.com/lab-partners-2');
    expect(after.profiles.get('Lab-Partners-2')!.settings.get('certificate maps')!.value).not.toBe('none');
    expect(after.profiles.get('Lab&Partners')!.settings.get('group-alias')!.value).toBe('none');
    expect(after.profiles.get('Lab-Partners-2')!.settings.get('group-lock')!.value).toBe('value Lab-Partners-2');
  });

  it('holds a rename back for a lock the copy inherits from DfltGrpPolicy, or on a policy only a RADIUS class or LDAP map hands out', () => {
    const base = readFileSync(fixture('plan/rename-group-lock.cfg'), 'utf8').replace(
      'username lab-admin attributes\n vpn-group-policy GP-LAB\n group-lock value Lab&Partners\n',
      '',
    );
    const unlocked = base.replace(' split-dns value corp.example.com\n group-lock value Lab&Partners\n', ' split-dns value corp.example.com\n');
    expect(unlocked).not.toContain('group-lock');
    const cases = {
      // GP-LAB sets no lock: it inherits DfltGrpPolicy's, and so would the copy on GP-LAB.
      inherited: unlocked.replace('group-policy DfltGrpPolicy attributes\n', 'group-policy DfltGrpPolicy attributes\n group-lock value Lab&Partners\n'),
      // No profile or local user names GP-RADIUS; an ldap attribute-map (or a RADIUS class) may.
      unseen: unlocked.replace(
        'group-policy GP-OTHER internal\n',
        'group-policy GP-RADIUS internal\ngroup-policy GP-RADIUS attributes\n group-lock value Lab&Partners\ngroup-policy GP-OTHER internal\n',
      ),
    };
    const policyOf = { inherited: 'DfltGrpPolicy', unseen: 'GP-RADIUS' };
    for (const [name, text] of Object.entries(cases) as Array<[keyof typeof cases, string]>) {
      expect(text, name).not.toBe(unlocked);
      const plan = planDevice(snapshotParsed(parseConfigText(text, `${name}.cfg`), OPTIONS)[0]!, OPTIONS, { scope: 'narrow' });
      expect(plan.script, name).not.toMatch(/group-alias|group-url|tunnel-group-map|certificate-group-map/);
      expect(plan.needsInput.at(-1)!.cli, name).toMatch(new RegExp(`^group-policy ${policyOf[name]} attributes\n group-lock value Lab-Partners-2$`, 'm'));
    }
    // With no lock at all, the ways in move in the paste.
    expect(planDevice(snapshotParsed(parseConfigText(unlocked, 'unlocked.cfg'), OPTIONS)[0]!, OPTIONS, { scope: 'narrow' }).script).toMatch(/^ no group-url /m);
  });

  it("gives a held move its undo: move, undo, then the plan's rollback give back every profile's settings and findings", () => {
    const { before, plan } = planOf('plan/rename-group-lock.cfg');
    const move = plan.needsInput.find((n) => n.cli !== undefined)!;
    expect(move.rollback).toBeDefined();
    expect(plan.notes).toContainEqual(
      expect.stringMatching(/^The rollback removes the copies this plan makes: if you pasted a move under "Needs your input", paste its undo first/),
    );
    const step = (text: string, script: string, name: string): string => {
      const r = apply(parseConfigText(text, `${name}.cfg`), 0, script);
      expect(
        r.problems.filter((p) => p.severity !== 'info'),
        name,
      ).toEqual([]);
      return r.text;
    };
    const original = readFileSync(fixture('plan/rename-group-lock.cfg'), 'utf8');
    const moved = step(step(original, plan.script, 'pasted'), move.cli!, 'moved');
    // Moved: the copy has every way in, and the lock names it.
    const onCopy = snapshotParsed(parseConfigText(moved, 'moved.cfg'), OPTIONS)[0]!;
    expect(onCopy.profiles.get('Lab&Partners')!.settings.get('group-alias')!.value).toBe('none');
    const undone = step(moved, move.rollback!, 'undone');
    const back = snapshotParsed(parseConfigText(step(undone, plan.rollback, 'rolled-back'), 'back.cfg'), OPTIONS)[0]!;
    expect(settingValues(back)).toEqual(settingValues(before));
    expect(findingIds(back)).toEqual(findingIds(before));
    // Without the undo, the rollback would take the moved ways in away with the copy.
    const lost = snapshotParsed(parseConfigText(step(moved, plan.rollback, 'lost'), 'lost.cfg'), OPTIONS)[0]!;
    expect(lost.profiles.get('Lab&Partners')!.settings.get('group-alias')!.value).toBe('none');
  });

  it('holds a rename back while DAP records it cannot see exist, or while an external group-policy (RADIUS) may lock users to the old name', () => {
    // The lock-free twin of rename-group-lock.cfg: its ways in move at once...
    const unlocked = readFileSync(fixture('plan/rename-group-lock.cfg'), 'utf8').replace(/^ group-lock value Lab&Partners\n/gm, '');
    const held = (text: string, name: string): PlanTarget => {
      const before = snapshotParsed(parseConfigText(text, `${name}.cfg`), OPTIONS)[0]!;
      const plan = planDevice(before, OPTIONS, { scope: 'narrow' });
      expect(plan.introduced, name).toEqual([]);
      return plan;
    };
    expect(held(unlocked, 'unlocked').script).toMatch(/^ no group-url /m);
    // ...until a DAP record whose criteria dap.xml would show exists (a session no record matches gets DfltAccessPolicy).
    const dap = held(
      unlocked.replace('tunnel-group-map PHONE-CERTS', 'dynamic-access-policy-record DAP-LAB\n network-acl LAB-ACL\ntunnel-group-map PHONE-CERTS'),
      'dap',
    );
    expect(dap.script).not.toMatch(/group-alias|group-url|tunnel-group-map|certificate-group-map/);
    expect(dap.needsInput.map((n) => n.what)).toContainEqual(expect.stringMatching(/^check DAP record DAP-LAB before users move \(dap\.xml was not read/));
    expect(dap.needsInput.at(-1)!.what).toMatch(/^once the DAP step is done, move the users of Lab&Partners to Lab-Partners-2 /);
    // An external policy's attributes (a Tunnel-Group-Lock among them) come from RADIUS at sign-in.
    const external = held(
      unlocked
        .replace(/^ default-group-policy GP-LAB$/m, ' default-group-policy GP-EXT')
        .replace(
          'group-policy GP-OTHER internal',
          'group-policy GP-EXT external server-group RADIUS-MFA password Ext3rnalS3cret\ngroup-policy GP-OTHER internal',
        ),
      'external',
    );
    expect(external.script).not.toMatch(/group-alias|group-url|tunnel-group-map|certificate-group-map/);
    expect(external.needsInput.map((n) => n.what)).toContainEqual(
      expect.stringMatching(/^check external group-policy GP-EXT before users move: its attributes come from RADIUS server group RADIUS-MFA at sign-in/),
    );
    expect(external.needsInput.at(-1)!.what).toMatch(/^once the RADIUS step is done, move /);
    expect(JSON.stringify(external)).not.toContain('Ext3rnalS3cret');
  });

  it('holds a rename for what an AAA server may decide only where it signs in or authorises: not none, not a certificate-only sign-in; and for an LDAP map to Tunnel-Group-Lock', () => {
    const base = readFileSync(fixture('plan/rename-collision.cfg'), 'utf8');
    const held = (text: string, name: string): boolean => {
      expect(text, name).not.toBe(base);
      const plan = planDevice(snapshotParsed(parseConfigText(text, `${name}.cfg`), OPTIONS)[0]!, OPTIONS, { scope: 'narrow' });
      return !/^ no group-url /m.test(plan.script) && plan.needsInput.some((n) => n.cli !== undefined);
    };
    expect(held(base.replace(' authorization-server-group AD-LDAP\n', ' authorization-server-group ISE\n'), 'undeclared authorization')).toBe(true);
    // `show running-config all` prints `secondary-authentication-server-group none`: no server.
    expect(
      held(base.replace(' authorization-server-group AD-LDAP\n', ' authorization-server-group AD-LDAP\n secondary-authentication-server-group none\n'), 'none'),
    ).toBe(false);
    // A sign-in by certificate alone never asks the authentication server.
    const certificateOnly = base.replace(' authentication aaa certificate\n', ' authentication certificate\n').replace('(outside) AD-LDAP', '(outside) ISE');
    expect(held(certificateOnly, 'certificate only')).toBe(false);
    expect(
      held(certificateOnly.replace(' authorization-server-group AD-LDAP\n', ' authorization-server-group ISE\n'), 'certificate, RADIUS authorization'),
    ).toBe(true);
    // An LDAP attribute map that sets Tunnel-Group-Lock from the directory.
    const mapped = base.replace(
      'aaa-server RADIUS-ACCT protocol radius',
      'ldap attribute-map LOCKS\n map-name memberOf Tunnel-Group-Lock\n map-value memberOf CN=Partners,OU=Groups,DC=corp,DC=example,DC=com Lab&Partners\naaa-server RADIUS-ACCT protocol radius',
    );
    expect(held(mapped, 'ldap map')).toBe(true);
    const plan = planDevice(snapshotParsed(parseConfigText(mapped, 'ldap.cfg'), OPTIONS)[0]!, OPTIONS, { scope: 'narrow' });
    expect(plan.needsInput.map((n) => n.what)).toContainEqual(
      expect.stringMatching(/^check LDAP attribute map LOCKS before users move: it maps a directory attribute to Tunnel-Group-Lock \(line \d+\)/),
    );
  });

  it('names the RADIUS server groups to check by name alone (no interface, option, LOCAL or LDAP group)', () => {
    const text = readFileSync(fixture('plan/rename-group-lock.cfg'), 'utf8')
      .replace(
        ' authorization-server-group AD-LDAP',
        ' authorization-server-group ISE-AUTHZ\n secondary-authentication-server-group (outside) LDAP-AD use-primary-username\n authentication-server-group (inside) LOCAL\n secondary-authentication-server-group TOKENS',
      )
      .replace(
        'group-policy DfltGrpPolicy attributes',
        'aaa-server LDAP-AD protocol ldap\naaa-server TOKENS protocol sdi\ngroup-policy DfltGrpPolicy attributes',
      );
    const before = snapshotParsed(parseConfigText(text, 'aaa.cfg'), OPTIONS)[0]!;
    expect(before.analysed.model.global.aaaServerGroups.get('LDAP-AD')).toEqual({ protocol: 'ldap', line: expect.any(Number) });
    const plan = planDevice(before, OPTIONS, { scope: 'narrow' });
    // Undeclared groups may be RADIUS: kept; an LDAP or SDI server is never sent the tunnel-group name.
    expect(plan.needsInput.map((n) => n.what)).toContainEqual(expect.stringMatching(/^check RADIUS server group ISE-AUTHZ before users move: /));
    // (The fixture's AD-LDAP is an LDAP server: never sent the tunnel-group name.)
    expect(plan.needsInput.map((n) => n.what).join('\n')).not.toMatch(/check RADIUS server groups? \S*(AD-LDAP|LDAP-AD|TOKENS|LOCAL)/);
  });

  it("locks a copy's own group-policy to the copy, and moves nothing a lock the copy no longer has would block", () => {
    // A fix on GP-LAB in narrow scope gives the copy a policy of its own (GP-LAB is shared with Desk).
    const text = readFileSync(fixture('plan/rename-group-lock.cfg'), 'utf8')
      .replace(
        ' group-lock value Lab&Partners\ngroup-policy GP-OTHER',
        ' group-lock value Lab&Partners\n webvpn\n  anyconnect dpd-interval client none\ngroup-policy GP-OTHER',
      )
      .replace(
        'crypto ca certificate map',
        'tunnel-group Desk type remote-access\ntunnel-group Desk general-attributes\n default-group-policy GP-LAB\ncrypto ca certificate map',
      );
    expect(text).toContain('tunnel-group Desk general-attributes');
    expect(text).toContain('  anyconnect dpd-interval client none');
    const before = snapshotParsed(parseConfigText(text, 'lock-own.cfg'), OPTIONS)[0]!;
    const plan = planDevice(before, OPTIONS, { scope: 'narrow' });
    expect(plan.introduced).toEqual([]);
    expect(plan.script).toMatch(/^group-policy GP-Lab-Partners attributes$/m);
    expect(plan.script).toMatch(/^ group-lock value Lab-Partners-2$/m);
    expect(plan.script).not.toMatch(/^ group-lock value Lab&Partners$/m);
    expect(plan.script).toMatch(/^ default-group-policy GP-Lab-Partners$/m);
    // GP-LAB's lock still binds lab-admin (its vpn-group-policy), so the move changes it; the copy's own policy needs nothing.
    const move = plan.needsInput.at(-1)!.cli!;
    expect(move).toMatch(/^group-policy GP-LAB attributes\n group-lock value Lab-Partners-2$/m);
    expect(move).not.toContain('group-policy GP-Lab-Partners attributes');
    // The copy's items name the policy the copy gets, not the original's.
    expect(plan.needsInput.at(-1)!).toMatchObject({ tunnelGroup: 'Lab-Partners-2', groupPolicy: 'GP-Lab-Partners' });
  });

  it('never carries a bad alias to a copy, even when only the name finding is fixed', () => {
    const { plan } = planOf('plan/rename-collision.cfg', { rules: ['profile-name-special-chars'] });
    expect(plan.script).toContain(' group-alias Lab-Partners-Phones-2 enable');
    expect(plan.script).not.toMatch(/^ group-alias Lab&Partners-Phones enable/m);
    expect(plan.notes.join('\n')).toMatch(/group-alias Lab&Partners-Phones of Lab&Partners becomes Lab-Partners-Phones-2/);
  });

  it('with --scope shared, names each profile a shared fix reaches without asking', () => {
    const { plan } = planOf('demo/demo-headend.cfg', { scope: 'shared' });
    // DfltGrpPolicy gets vpn-idle-timeout 1440 for the built-in profiles; MOBILE-DOMAIN inherits it.
    expect(plan.collateral).toContain('MOBILE-DOMAIN');
    expect(plan.changes.find((c) => c.tunnelGroup === 'MOBILE-DOMAIN')!.settings).toContainEqual(
      expect.objectContaining({ setting: 'vpn-idle-timeout', old: '30', new: '1440' }),
    );
    // MOBILE-SPLIT sets its own idle timeout: DfltGrpPolicy's does not reach it.
    expect(plan.collateral).not.toContain('MOBILE-SPLIT');
  });

  it('lists what needs the user apart, and pastes nothing in its place', () => {
    const { plan } = planOf('plan/needs-input.cfg');
    expect(plan.script).toBe('');
    expect(plan.needsInput.map((n) => [n.ruleId, n.tunnelGroup])).toEqual([
      ['ssl-trustpoint-missing', null],
      ['split-dns-without-dns-server', 'DefaultRAGroup'],
      ['split-dns-without-dns-server', 'DefaultWEBVPNGroup'],
      ['split-dns-without-dns-server', 'PHONES'],
      ['perapp-data-missing', 'PHONES'],
    ]);
    expect(plan.remains.every((r) => r.why.startsWith('needs your input'))).toBe(true);
  });

  it('enters a policy that several fixes change once, with its webvpn sub-mode once', () => {
    const { plan } = planOf('plan/one-policy-many-fixes.cfg');
    const lines = plan.script.split('\n');
    expect(lines.filter((l) => l === 'group-policy GP-PHONES attributes')).toHaveLength(1);
    const at = lines.indexOf('group-policy GP-PHONES attributes');
    expect(lines.slice(at, at + 6)).toEqual([
      'group-policy GP-PHONES attributes',
      ' vpn-idle-timeout 1440',
      ' webvpn',
      '  anyconnect ssl keepalive none',
      '  anyconnect dpd-interval client 30',
      '  anyconnect dpd-interval gateway none',
    ]);
    // PHONES and TABLETS share GP-PHONES and both asked: the fix goes there, once, for both.
    expect(plan.changes.map((c) => c.tunnelGroup)).toEqual(expect.arrayContaining(['PHONES', 'TABLETS']));
    expect(plan.collateral).toEqual([]);
  });
});

describe('plan on a profile whose group-policy is its own already', () => {
  it('sets the fix in that policy instead of copying it (nobody else uses it), and copies it when another profile does', () => {
    const { before, plan } = planOf('plan/split-dns-fixes-union.cfg', { rules: ['split-dns-not-domain'] });
    // GP-3 serves M1 alone: the list goes there, no GP-M1 copy, no "shares" note.
    expect(plan.script).toBe('group-policy GP-3 attributes\n split-dns value sub.corp.example.com');
    expect(plan.notes.join('\n')).not.toMatch(/shares group-policy/);
    expect(plan.closes).toContainEqual(expect.objectContaining({ ruleId: 'split-dns-not-domain', tunnelGroup: 'M1' }));
    expect(applied(before, plan).target.findings.filter((f) => f.ruleId === 'split-dns-not-domain' && f.tunnelGroup === 'M1')).toEqual([]);
    // With a second profile on GP-3, setting it there would reach that profile: M1 gets a copy.
    const text = readFileSync(fixture('plan/split-dns-fixes-union.cfg'), 'utf8').replace(
      'tunnel-group 198.51.100.7 type ipsec-l2l',
      'tunnel-group M3 type remote-access\ntunnel-group M3 general-attributes\n default-group-policy GP-3\ntunnel-group 198.51.100.7 type ipsec-l2l',
    );
    const shared = planDevice(snapshotParsed(parseConfigText(text, 'shared.cfg'), OPTIONS)[0]!, OPTIONS, { scope: 'narrow', rules: ['split-dns-not-domain'] });
    expect(shared.script).toMatch(/^group-policy GP-M1 internal$/m);
    expect(shared.notes).toContainEqual(expect.stringMatching(/^M1 shares group-policy GP-3 with profiles that did not ask for these fixes/));
  });
});

describe('the verdict of a plan that corrects a misspelling', () => {
  it('counts the findings the correction reveals: there today, neither closed nor new', async () => {
    const { verdictLine } = await import('../../src/report/change-text.js');
    const { plan } = planOf('plan/perapp-misspelled-dap.cfg');
    expect(plan.revealed.length).toBeGreaterThan(0);
    expect(verdictLine(plan)).toMatch(
      new RegExp(`, 0 new, ${plan.revealed.length} revealed \\(there today, hidden by a misspelling this plan corrects: see the notes\\)$`),
    );
    expect(verdictLine(planOf('plan/alias-collision.cfg').plan)).not.toMatch(/revealed/);
  });
});

describe('plan on a file of one security context', () => {
  it('says to paste it in that context (the file does not name it), and that old releases have no remote access there', () => {
    const demo = readFileSync(fixture('demo/demo-headend.cfg'), 'utf8');
    const planFor = (version: string): PlanTarget =>
      planDevice(snapshotParsed(parseConfigText(demo.replace(/^ASA Version .*$/m, `ASA Version ${version} <context>`), 'ctx.cfg'), OPTIONS)[0]!, OPTIONS, {
        scope: 'narrow',
      });
    const note =
      /^This configuration is one security context \(its version line says `<context>`; the file does not say which\): paste the script and the rollback in that context, after `changeto context NAME`/;
    const recent = planFor('9.16(4)');
    expect(recent.context).toBeNull();
    expect(recent.notes).toContainEqual(expect.stringMatching(note));
    expect(recent.notes.join('\n')).not.toMatch(/9\.5-era/);
    expect(planFor('9.1(5)').notes).toContainEqual(
      expect.stringMatching(/ Remote-access VPN in multiple-context mode needs a 9\.5-era release or later \[recalled\]; this one is 9\.1\(5\)\.$/),
    );
    // A single-mode configuration has no such note.
    expect(planOf('demo/demo-headend.cfg').plan.notes.join('\n')).not.toMatch(/security context/);
  });
});

describe("plan's copy of a policy a local user holds", () => {
  it("says the user's own vpn-group-policy ranks above the copy: the fixes reach that user only where the original leaves a setting unset", () => {
    // The demo with a second profile on GP-SPLIT: MOBILE-SPLIT gets a copy; alice's vpn-group-policy is GP-SPLIT.
    const text = readFileSync(fixture('demo/demo-headend.cfg'), 'utf8').replace(
      'tunnel-group MOBILE-SPLIT type remote-access',
      'tunnel-group DESK type remote-access\ntunnel-group DESK general-attributes\n default-group-policy GP-SPLIT\ntunnel-group MOBILE-SPLIT type remote-access',
    );
    const plan = planDevice(snapshotParsed(parseConfigText(text, 'desk.cfg'), OPTIONS)[0]!, OPTIONS, { scope: 'narrow', rules: ['ssl-keepalive-enabled'] });
    expect(plan.script).toMatch(/^group-policy GP-MOBILE-SPLIT internal$/m);
    expect(plan.notes).toContain(
      "Local user alice has vpn-group-policy GP-SPLIT, which ranks above a profile's policy: on MOBILE-SPLIT the fixes in GP-MOBILE-SPLIT reach that user only for settings GP-SPLIT leaves unset; where GP-SPLIT sets one itself, the user keeps its value (point the user at GP-MOBILE-SPLIT, or use `--scope shared`).",
    );
    // No copy, no such note.
    expect(planOf('demo/demo-headend.cfg', { rules: ['ssl-keepalive-enabled'] }).plan.notes.join('\n')).not.toMatch(/^Local user/m);
  });
});

describe('plan adding a group-url', () => {
  it('says the client profile must point at it, and that the host name is taken from the other group-urls', () => {
    const { plan } = planOf('demo/demo-headend.cfg');
    expect(plan.script).toMatch(/^ group-url https:\/\/vpn\.corp\.example\.com\/mobile-domain enable$/m);
    expect(plan.notes).toContain(
      "MOBILE-DOMAIN gets group-url https://vpn.corp.example.com/mobile-domain: phones land on it only once the client profile's host entry for it points at that URL (a change to the client profile XML, not in this script); the host name vpn.corp.example.com is the one this device's other group-urls use: check it is the name phones connect to.",
    );
  });
});

describe('the remaining findings of a plan, in words', () => {
  it('prints findings that read alike once, with how many', async () => {
    const { renderPlanText } = await import('../../src/report/change-text.js');
    const { plan } = planOf('plan/perapp-policy-assigns-both.cfg');
    const text = renderPlanText([plan]);
    const lines = text.split('\n').filter((l) => l.startsWith('  remains: perapp-type-misspelled'));
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).toMatch(/^ {2}remains: perapp-type-misspelled \(2 findings\): not renamed by this plan: group-policy GP-S assigns both /);
    expect(plan.remains.filter((r) => r.ruleId === 'perapp-type-misspelled')).toHaveLength(4);
  });
});

describe('lines to paste later that hold a `?`', () => {
  it('say to type them by hand, as the script would', () => {
    const text = readFileSync(fixture('demo/demo-headend.cfg'), 'utf8').replace(/^tunnel-group Lab&Partners /gm, 'tunnel-group Lab?Partners ');
    const plan = planDevice(snapshotParsed(parseConfigText(text, 'qmark.cfg'), OPTIONS)[0]!, OPTIONS, { scope: 'narrow' });
    const move = plan.needsInput.find((n) => n.cli?.includes('Lab?Partners'));
    expect(move?.what).toMatch(
      /; but type the lines that hold `\?` by hand rather than paste them \(the ASA CLI reads a pasted `\?` as a request for help \[recalled\]; .*\): `tunnel-group Lab\?Partners webvpn-attributes`$/,
    );
  });
});

describe('a profile renamed by hand whose alias holds a `?`', () => {
  it('has one step to type: the rename (which gives the copy a safe alias) with the policy the script gives the original', () => {
    const text = readFileSync(fixture('plan/restated-on-recreated-profile.cfg'), 'utf8').replace(' group-alias XY enable', ' group-alias x?y enable');
    const plan = planDevice(snapshotParsed(parseConfigText(text, 'xy.cfg'), OPTIONS)[0]!, OPTIONS, { scope: 'narrow' });
    const typed = plan.needsInput.filter((n) => n.tunnelGroup === 'x/y' && n.what.startsWith('type this fix by hand'));
    expect(typed.map((n) => n.ruleId)).toEqual(['profile-name-special-chars']);
    expect(typed[0]!.what).toMatch(
      /; the script gives x\/y its own group-policy GP-x-y: give the copy `default-group-policy GP-x-y` under its general-attributes too$/,
    );
    expect(plan.remains).toContainEqual({
      ruleId: 'group-alias-special-chars',
      tunnelGroup: 'x/y',
      groupPolicy: expect.anything(),
      why: 'not in the script: the rename of x/y, typed by hand too (see "Needs your input"), gives the copy a safe alias in its place',
    });
  });
});

describe('a finding the plan brings on a profile on its way out', () => {
  it('is fixed in the same plan, not held with the profile: the plan never leaves a new finding behind', () => {
    // Found by the random-seed property test: Lab-Partners (no way in, same lines and policy) is taken
    // for the copy of Lab&Partners, whose findings then stay with it; the shared DfltGrpPolicy fix turns
    // gateway DPD off beneath GP-SHARED, so Lab&Partners' client-side-dpd-disabled becomes an error.
    const text =
      ': Saved\n:\nASA Version 9.16(4) \n!\nhostname gen-asa\ndomain-name corp.example.com\naccess-list ST standard permit 10.0.0.0 255.0.0.0\ncrypto ikev2 enable outside client-services port 443\nwebvpn\n enable outside\n anyconnect enable\n tunnel-group-list enable\ngroup-policy DfltGrpPolicy attributes\ngroup-policy GP-SHARED internal\ngroup-policy GP-SHARED attributes\n vpn-tunnel-protocol ikev2 ssl-client\n webvpn\n  anyconnect dpd-interval client none\ngroup-policy GP-2 internal\ngroup-policy GP-2 attributes\n vpn-tunnel-protocol ikev2 ssl-client\ntunnel-group Lab-Partners type remote-access\ntunnel-group Lab-Partners general-attributes\n address-pool POOL\n default-group-policy GP-SHARED\ntunnel-group Lab&Partners type remote-access\ntunnel-group Lab&Partners general-attributes\n address-pool POOL\n default-group-policy GP-SHARED\ntunnel-group Lab&Partners webvpn-attributes\n group-alias Phones enable\ntunnel-group PHONES type remote-access\ntunnel-group PHONES general-attributes\n address-pool POOL\n default-group-policy GP-2\n!\nCryptochecksum:00000000000000000000000000000000\n: end\n';
    const before = snapshotParsed(parseConfigText(text, 'twin.cfg'), OPTIONS)[0]!;
    const plan = planDevice(before, OPTIONS, { scope: 'shared' });
    expect(plan.introduced).toEqual([]);
    expect(plan.script).toMatch(/^group-policy GP-SHARED attributes\n(?: .*\n)* {2}anyconnect dpd-interval client 30$/m);
    expect(findingIds(applied(before, plan))).not.toContain(JSON.stringify(['client-side-dpd-disabled', 'error', 'Lab&Partners', null]));
  });
});

describe('plan counts against an audit of the changed configuration', () => {
  it("says how many more findings an audit after the change counts: the original's, repeated on its copy while both exist", () => {
    const { before, plan } = planOf('demo/demo-headend.cfg');
    const after = applied(before, plan);
    const note = plan.notes.find((n) => n.startsWith('An audit of the changed configuration counts'));
    expect(note).toBeDefined();
    const more = Number(/counts (\d+) more finding/.exec(note!)![1]);
    expect(more).toBeGreaterThan(0);
    expect(plan.revealed.length + plan.restated.length).toBe(0);
    expect(after.target.findings.length).toBe(plan.remains.length + more);
  });
});

describe('plan on a configuration with lines that are not UTF-8', () => {
  // A policy name written in Windows-1252 (an old export) is read as such; the plan writes it in
  // UTF-8, which may not be the bytes the device holds: the plan says to check the name before pasting.
  const demo = readFileSync(fixture('demo/demo-headend.cfg'));
  const renamed = (name: Buffer): Buffer =>
    Buffer.from(demo.toString('latin1').replaceAll('GP-SPLIT', '\u0000').split('\u0000').join(name.toString('latin1')), 'latin1');
  const planFor = (bytes: Buffer): PlanTarget => {
    const all = snapshotParsed(parseConfigBytes(bytes, 'cafe.cfg'), OPTIONS);
    return planDevice(all[0]!, OPTIONS, { scope: 'narrow' });
  };

  it('says to check a name outside ASCII from such a line, and says nothing when the file is UTF-8', () => {
    const cp1252 = planFor(renamed(Buffer.from([...Buffer.from('GP-CAF'), 0xc9])));
    expect(cp1252.script).toContain('group-policy GP-CAFÉ attributes');
    expect(cp1252.notes).toContainEqual(
      expect.stringMatching(
        /^The configuration has \d+ lines that are not UTF-8 \(line \d+, \d+.*read as Windows-1252\), and this plan writes characters outside ASCII/,
      ),
    );
    const utf8 = planFor(renamed(Buffer.from('GP-CAFÉ', 'utf8')));
    expect(utf8.script).toContain('group-policy GP-CAFÉ attributes');
    expect(utf8.notes.filter((n) => n.includes('not UTF-8'))).toEqual([]);
  });
});
