import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/engine/engine.js';
import { classifyProfiles } from '../../src/engine/mobile-facing.js';
import { enterIn, POLICY_REACH, sourcePhrase } from '../../src/engine/rule-kit.js';
import { createRule, type RuleModule } from '../../src/engine/types.js';
import { RULES } from '../../rules/index.js';
import { analyseOne, analyseText, ROOT, wrapConfig } from '../helpers.js';

describe('rule pack', () => {
  it('has one module per rule file, each with its metadata', () => {
    const files = readdirSync(`${ROOT}rules`)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(RULES.map((r) => r.meta.id)).toEqual(files);
    for (const { meta: rule } of RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.severities).toContain(rule.severity);
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.rationale.length).toBeGreaterThan(20);
      expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    }
  });

  it('names configuration lines through the engine, never `line ${n}` in a rule (a simulated change names them by origin)', () => {
    for (const f of readdirSync(`${ROOT}rules`).filter((x) => x.endsWith('.ts'))) {
      const text = readFileSync(`${ROOT}rules/${f}`, 'utf8');
      // XML files name their own lines (`dap.xml line 40`); a per-app data part is counted, not a line.
      const offending = text.split('\n').filter((l) => /\bline \$\{/i.test(l) && !/dap\.origin|\.parts\.indexOf/.test(l));
      expect(offending, f).toEqual([]);
    }
  });

  it('keeps the ids the issue fixed', () => {
    const fixed = [
      'profile-name-special-chars',
      'group-alias-special-chars',
      'server-side-dpd-enabled',
      'client-side-dpd-disabled',
      'ssl-keepalive-enabled',
      'natt-keepalive-short',
      'natt-disabled',
      'split-dns-inherited',
      'ios-dns-all-clear',
      'split-dns-not-domain',
      'split-dns-without-dns-server',
      'homepage-ignored-on-mobile',
      'perapp-attr-not-declared',
      'perapp-data-missing',
      'perapp-asa-version',
    ];
    for (const id of fixed) expect(RULES.map((r) => r.meta.id)).toContain(id);
  });
});

describe('engine', () => {
  it('names `line {{n}}` of a message, and lines rules quote, the way the run says', () => {
    const device = analyseText(
      wrapConfig(`webvpn
 enable outside
 anyconnect enable
group-policy GP internal
group-policy GP attributes
 vpn-tunnel-protocol ssl-client
 vpn-idle-timeout 30
tunnel-group PHONES type remote-access
tunnel-group PHONES general-attributes
 default-group-policy GP
tunnel-group PHONES webvpn-attributes
 group-url https://vpn.example.com/phones enable`),
    ).resolved;
    const rule = createRule({
      meta: { ...RULES[0]!.meta, id: 'line-names', scope: 'profile', messages: { at: 'set at line {{line}} ({{source}}); `{{text}}` stays as written' } },
      check({ profiles, report }) {
        const e = profiles[0]!.resolved.attributes.vpnIdleTimeout;
        report.profile(profiles[0]!, { messageId: 'at', data: { line: e.line ?? 0, source: sourcePhrase(e), text: 'line 7' }, at: e.line });
      },
    });
    const plain = runRules(device, [rule]).findings[0]!;
    const line = plain.line!;
    expect(plain.message).toBe(`set at line ${line} (set in group-policy GP (line ${line})); \`line 7\` stays as written`);
    const named = runRules(device, [rule], { lineName: (n) => `change.txt line ${n - 1}` }).findings[0]!;
    expect(named.message).toBe(`set at change.txt line ${line - 1} (set in group-policy GP (change.txt line ${line - 1})); \`line 7\` stays as written`);
    // The naming lasts for the run only.
    expect(sourcePhrase(device.profiles[0]!.attributes.vpnIdleTimeout)).toBe(`set in group-policy GP (line ${line})`);
  });

  const probe: RuleModule = createRule({
    meta: {
      id: 'probe',
      severity: 'info',
      severities: ['info', 'error'],
      title: 'test rule that reports every profile',
      rationale: 'used to check the engine without any real rule',
      basis: 'inferred',
      scope: 'profile',
      messages: { saw: 'saw {{name}}' },
    },
    check: ({ profiles, report }) => {
      profiles.forEach((p, i) => {
        report.profile(p, { messageId: 'saw', data: { name: p.resolved.name }, at: 100 - i, ...(i === 0 ? { severity: 'error' as const } : {}) });
      });
    },
  });

  it('runs any rule module, applies severity overrides and sorts findings by profile, line, rule', () => {
    const t = analyseOne('demo/demo-headend.cfg');
    const { findings, mobileProfiles } = runRules(t.resolved, [probe]);
    expect(findings.map((f) => f.tunnelGroup)).toEqual([...mobileProfiles].sort((a, b) => (a < b ? -1 : 1)));
    expect(findings.find((f) => f.tunnelGroup === mobileProfiles[0])!.severity).toBe('error');
    expect(findings.filter((f) => f.severity === 'info')).toHaveLength(mobileProfiles.length - 1);
  });

  it('runs no rule when no profile is mobile-facing', () => {
    const t = analyseOne('corpus/fwbuilder-asa83-importer.cfg');
    expect(runRules(t.resolved, RULES)).toMatchObject({ findings: [], mobileProfiles: [] });
  });
});

describe('mobile-facing profiles', () => {
  it('needs an AnyConnect protocol and the matching transport enabled on the device', () => {
    const base =
      'group-policy G internal\ngroup-policy G attributes\n vpn-tunnel-protocol ikev2\ntunnel-group T type remote-access\ntunnel-group T general-attributes\n default-group-policy G\n';
    const off = classifyProfiles(analyseText(wrapConfig(base)).resolved);
    expect(off.skipped.find((s) => s.tunnelGroup === 'T')!.reason).toMatch(/IKEv2 client services are not enabled/);
    const on = classifyProfiles(analyseText(wrapConfig(`crypto ikev2 enable outside client-services port 443\n${base}`)).resolved);
    expect(on.mobile.find((m) => m.profile.name === 'T')!.reach.transports).toEqual({ ssl: false, ikev2: true });
  });

  it('says once that a cut-short capture may hold, in the part it lacks, what would enable or select a profile', () => {
    const t = analyseOne('corpus/ntc-show-run-tunnel-group.cfg');
    expect(t.summary.complete).toBe(false);
    const reason = (partial: boolean) => classifyProfiles(t.resolved, partial).skipped.find((s) => s.tunnelGroup === 'tun01')!.reason;
    expect(reason(false)).toBe(
      'AnyConnect SSL is not enabled (global webvpn needs `enable IF` and `anyconnect enable`); IKEv2 client services are not enabled (`crypto ikev2 enable IF client-services port 443`)',
    );
    expect(reason(true)).toBe(`${reason(false)}; this file is not the whole configuration, so what enables or selects it may be in the part it lacks`);
    // The audit passes the file's completeness on.
    expect(runRules(t.resolved, RULES, { partial: true }).skippedProfiles.find((s) => s.tunnelGroup === 'tun01')!.reason).toBe(reason(true));
  });

  it('skips clientless-only and IKEv1-only profiles with a reason', () => {
    const legacy = classifyProfiles(analyseOne('synthetic/legacy-svc-82.cfg').resolved);
    expect(legacy.mobile.map((m) => [m.profile.name, m.reach.via])).toEqual([
      ['SSL-USERS', ['group-alias SSL-Users (tunnel-group-list enable)']],
      ['DefaultWEBVPNGroup', ['the default profile of AnyConnect SSL clients that select none']],
    ]);
    const noSsl =
      'no AnyConnect SSL client can select it: no group-url, no enabled group-alias, no certificate-group-map (clients that select none land in DefaultWEBVPNGroup); vpn-tunnel-protocol does not allow IKEv2';
    expect(legacy.skipped).toEqual([
      { tunnelGroup: 'PORTAL', reason: 'clientless SSL VPN only (vpn-tunnel-protocol ssl-clientless)' },
      { tunnelGroup: 'DefaultRAGroup', reason: noSsl },
    ]);
    const real = classifyProfiles(analyseOne('corpus/prometheus-asa1-80-svc.cfg').resolved);
    expect(real.mobile.map((m) => [m.profile.name, m.reach.via])).toEqual([
      ['xyzinder', ['group-alias staff.xyz.com (tunnel-group-list enable)', 'a certificate-group-map']],
      ['xyzinder_customer', ['group-alias customer.xyz.com (tunnel-group-list enable)']],
      ['DefaultWEBVPNGroup', ['the default profile of AnyConnect SSL clients that select none']],
    ]);
    expect(real.skipped).toEqual([
      { tunnelGroup: 'DefaultRAGroup', reason: noSsl },
      { tunnelGroup: 'xyzinder_anyconnect', reason: noSsl },
      { tunnelGroup: 'consultants', reason: 'vpn-tunnel-protocol allows no AnyConnect protocol (ikev1)' },
      { tunnelGroup: 'xyzinder_split_tunnel', reason: noSsl },
    ]);
  });
});

describe('report API contract', () => {
  const demo = () => analyseOne('demo/demo-headend.cfg').resolved;
  const rule = (scope: 'profile' | 'device', check: RuleModule['check']): RuleModule =>
    createRule({
      meta: {
        id: 'contract',
        severity: 'info',
        severities: ['info'],
        title: 'contract test rule',
        rationale: 'checks what the engine refuses',
        basis: 'inferred',
        scope,
        messages: { m: 'value {{v}}' },
      },
      check,
    });

  it('fills profile, policy, line role and the rendered message', () => {
    const { findings } = runRules(demo(), [
      rule('profile', ({ profiles, report }) => {
        report.profile(profiles[0]!, { messageId: 'm', data: { v: 7 }, at: { line: 3, role: 'should-set' } });
      }),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'contract',
        messageId: 'm',
        data: { v: 7 },
        message: 'value 7',
        line: 3,
        lineRole: 'should-set',
        fix: null,
        object: null,
        severity: 'info',
      }),
    ]);
    expect(findings[0]!.tunnelGroup).not.toBeNull();
    expect(findings[0]!.groupPolicy).not.toBeNull();
  });
  it.each([
    [
      'an unknown messageId',
      rule('profile', ({ profiles, report }) => {
        report.profile(profiles[0]!, { messageId: 'nope', data: { v: 1 } });
      }),
      /unknown messageId `nope`/,
    ],
    [
      'a placeholder without data',
      rule('profile', ({ profiles, report }) => {
        report.profile(profiles[0]!, { messageId: 'm' });
      }),
      /needs `v`/,
    ],
    [
      'a severity meta.severities does not list',
      rule('profile', ({ profiles, report }) => {
        report.profile(profiles[0]!, { messageId: 'm', data: { v: 1 }, severity: 'error' });
      }),
      /severity error/,
    ],
    [
      'a device finding from a profile rule',
      rule('profile', ({ report }) => {
        report.device({ messageId: 'm', data: { v: 1 } });
      }),
      /profile-scope rule reported a device finding/,
    ],
    [
      'a profile finding from a device rule',
      rule('device', ({ profiles, report }) => {
        report.profile(profiles[0]!, { messageId: 'm', data: { v: 1 } });
      }),
      /device-scope rule reported a profile finding/,
    ],
  ])('refuses %s', (_, r, message) => {
    expect(() => runRules(demo(), [r])).toThrow(message);
  });
  it('refuses a report on a profile outside the scope', () => {
    const device = demo();
    let outside: Parameters<RuleModule['check']>[0]['profiles'][number] | undefined;
    runRules(device, [rule('profile', ({ profiles }) => void (outside = profiles[0]))]);
    const r = rule('profile', ({ report }) => {
      report.profile(outside!, { messageId: 'm', data: { v: 1 } });
    });
    expect(() => runRules(device, [r], { profiles: ['MOBILE-FULL'] })).toThrow(/not in scope/);
  });
});

describe('what a verdict rests on', () => {
  const keepalive = RULES.find((r) => r.meta.id === 'ssl-keepalive-enabled')!;
  const profile = (policy: string): string =>
    `webvpn\n enable outside\n anyconnect enable\n${policy}tunnel-group MOBILE type remote-access\ntunnel-group MOBILE general-attributes\n default-group-policy GP\ntunnel-group MOBILE webvpn-attributes\n group-url https://vpn.example.com/mobile enable`;

  it('says when a profile is mobile-facing only on the assumed vpn-tunnel-protocol default, and marks the basis recalled', () => {
    const t = analyseText(wrapConfig(profile('group-policy GP internal\ngroup-policy GP attributes\n dns-server value 10.0.0.53\n')));
    const [f] = runRules(t.resolved, [keepalive]).findings.filter((x) => x.tunnelGroup === 'MOBILE');
    expect(f!.basis).toBe('recalled');
    expect(f!.message).toContain(
      '(Audited because neither its group-policy nor DfltGrpPolicy sets vpn-tunnel-protocol, so this rests on the assumed built-in default allowing AnyConnect [recalled]',
    );
    const sure = analyseText(
      wrapConfig(profile('group-policy GP internal\ngroup-policy GP attributes\n vpn-tunnel-protocol ssl-client\n webvpn\n  anyconnect ssl keepalive 20\n')),
    );
    const [g] = runRules(sure.resolved, [keepalive]).findings.filter((x) => x.tunnelGroup === 'MOBILE');
    expect(g!.basis).toBe('guide');
    expect(g!.message).not.toContain('Audited because');
  });

  it('reports an error on a profile reached only by assumption as a warning, saying what it would be', () => {
    const noDns = RULES.find((r) => r.meta.id === 'split-dns-without-dns-server')!;
    // No vpn-tunnel-protocol anywhere: the profile is audited on the assumed built-in default.
    const assumed = analyseText(wrapConfig(profile('group-policy GP internal\ngroup-policy GP attributes\n split-tunnel-policy tunnelall\n')));
    const [f] = runRules(assumed.resolved, [noDns]).findings.filter((x) => x.tunnelGroup === 'MOBILE');
    expect(f).toMatchObject({ severity: 'warning', basis: 'recalled' });
    expect(f!.message).toMatch(/\(Audited because .*\) It is an error if phones do reach this profile\.$/);
    const sure = analyseText(
      wrapConfig(profile('group-policy GP internal\ngroup-policy GP attributes\n vpn-tunnel-protocol ssl-client\n split-tunnel-policy tunnelall\n')),
    );
    const [g] = runRules(sure.resolved, [noDns]).findings.filter((x) => x.tunnelGroup === 'MOBILE');
    expect(g!.severity).toBe('error');
    expect(g!.message).not.toContain('It is an error if');
  });

  it('caps a device-wide error only when every profile in scope is reached by assumption', () => {
    const natt = RULES.find((r) => r.meta.id === 'natt-disabled')!;
    const headend = (protocol: string): string =>
      wrapConfig(
        `no crypto isakmp nat-traversal\ncrypto ikev2 enable outside client-services port 443\ncrypto ikev2 remote-access trustpoint TP\ngroup-policy GP internal\ngroup-policy GP attributes\n${protocol}tunnel-group MOB type remote-access\ntunnel-group MOB general-attributes\n default-group-policy GP\n`,
      );
    const [assumed] = runRules(analyseText(headend('')).resolved, [natt]).findings;
    expect(assumed).toMatchObject({ severity: 'warning', basis: 'recalled' });
    expect(assumed!.message).toMatch(/It is an error if phones do reach these profiles\.$/);
    // One profile whose policy allows IKEv2 for sure: the device-wide finding is an error again.
    const [sure] = runRules(analyseText(headend(' vpn-tunnel-protocol ikev2\n')).resolved, [natt]).findings;
    expect(sure).toMatchObject({ severity: 'error', basis: 'guide' });
  });

  it('marks a DNS verdict recalled when a setting that decided its row is a [recalled] built-in default, not only the one it names', () => {
    const allClear = RULES.find((r) => r.meta.id === 'ios-dns-all-clear')!;
    const basisOf = (lines: string): string | undefined =>
      runRules(analyseText(wrapConfig(profile(`group-policy GP internal\ngroup-policy GP attributes\n vpn-tunnel-protocol ssl-client\n${lines}`))).resolved, [
        allClear,
      ]).findings.find((x) => x.tunnelGroup === 'MOBILE')?.basis;
    // Every deciding value set in the policy: the guide's row D5.
    expect(basisOf(' split-tunnel-policy tunnelspecified\n split-tunnel-all-dns disable\n split-dns none\n default-domain none\n')).toBe('guide');
    // split-tunnel-all-dns left to its built-in default [recalled]: the verdict rests on it.
    expect(basisOf(' split-tunnel-policy tunnelspecified\n split-dns none\n default-domain none\n')).toBe('recalled');
  });

  it('marks the basis recalled when the value the finding is about is a [recalled] built-in default', () => {
    // No keepalive line anywhere: the 20 s the finding is about is the built-in default [recalled].
    const implied = analyseText(wrapConfig(profile('group-policy GP internal\ngroup-policy GP attributes\n vpn-tunnel-protocol ssl-client\n')));
    const [f] = runRules(implied.resolved, [keepalive]).findings.filter((x) => x.tunnelGroup === 'MOBILE');
    expect(f!.message).toContain('the built-in default [recalled]');
    expect(f!.basis).toBe('recalled');
    // A built-in default with a stronger basis (the 30-minute idle timeout, [cmd-ref]) weakens a guide rule to cmd-ref only.
    const idle = RULES.find((r) => r.meta.id === 'idle-timeout-short')!;
    const [i] = runRules(implied.resolved, [idle]).findings.filter((x) => x.tunnelGroup === 'MOBILE');
    expect(i!.basis).toBe('cmd-ref');
    // A device-wide finding names what it rests on: no NAT-T line means the default keepalive [recalled].
    const natt = RULES.find((r) => r.meta.id === 'natt-keepalive-short')!;
    const ikev2 = (line: string): string =>
      wrapConfig(
        `${line}crypto ikev2 enable outside client-services port 443\ncrypto ikev2 remote-access trustpoint TP\ngroup-policy DfltGrpPolicy attributes\n vpn-tunnel-protocol ikev2\n`,
      );
    expect(runRules(analyseText(ikev2('')).resolved, [natt]).findings.map((x) => [x.messageId, x.basis])).toEqual([['defaultShort', 'recalled']]);
    expect(runRules(analyseText(ikev2('crypto isakmp nat-traversal 30\n')).resolved, [natt]).findings.map((x) => [x.messageId, x.basis])).toEqual([
      ['short', 'guide'],
    ]);
  });

  it('hedges a finding on an external (RADIUS) policy and names the attribute to check', () => {
    const t = analyseText(
      wrapConfig(profile('group-policy GP external server-group ISE\ngroup-policy DfltGrpPolicy attributes\n vpn-tunnel-protocol ssl-client\n')),
    );
    const [f] = runRules(t.resolved, [keepalive]).findings.filter((x) => x.tunnelGroup === 'MOBILE');
    expect(f!.message).toContain(
      'Group-policy GP is external: unless the AAA server returns `anyconnect ssl keepalive` (RADIUS attribute SVC-Keepalive (107) [src])',
    );
    expect(f!).toMatchObject({ line: null, fix: null });
  });
});

describe('enterIn: where a needs-input value goes, and whom else it reaches', () => {
  const device = analyseText(
    wrapConfig(`group-policy DfltGrpPolicy attributes
 dns-server none
group-policy GP internal
group-policy GP attributes
 vpn-tunnel-protocol ssl-client
tunnel-group A type remote-access
tunnel-group A general-attributes
 default-group-policy GP
tunnel-group B type remote-access
tunnel-group B general-attributes
 default-group-policy GP
tunnel-group C type remote-access`),
  ).resolved;
  const profile = (name: string) => device.profiles.find((p) => p.name === name)!;

  it('names the profiles a shared policy or DfltGrpPolicy reaches, in words a plan can replace', () => {
    const shared = enterIn(profile('A'), device, 'dnsServer', 'dns-server');
    expect(shared).toBe('group-policy GP (profile B uses it too; to change A alone, give it a group-policy of its own)');
    const dflt = enterIn(profile('C'), device, 'dnsServer', 'dns-server');
    expect(dflt).toMatch(/^DfltGrpPolicy \(profiles .*A, B.* take dns-server from there too; to change C alone, give it a group-policy of its own\)$/);
    // A plan that gives the profile its own policy says so instead: the words come off whole.
    expect(`in ${shared}`.replace(POLICY_REACH, '')).toBe('in group-policy GP');
    expect(`in ${dflt}`.replace(POLICY_REACH, '')).toBe('in DfltGrpPolicy');
  });
});
