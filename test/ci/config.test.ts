import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { RULES } from '../../rules/index.js';
import { cliWith, fixture, tempDir, auditJson } from '../helpers.js';

const IDS = RULES.map((r) => r.meta.id);
const DEMO = fixture('demo/demo-headend.cfg');

function workspace(config: string | null): string {
  const dir = tempDir('ama-cfg-');
  if (config !== null) writeFileSync(join(dir, '.asa-mobile-audit.yaml'), config);
  mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
  return dir;
}

async function findings(cwd: string, ...args: string[]) {
  const r = await cliWith({ cwd }, 'audit', DEMO, '--format', 'json', ...args);
  return {
    r,
    t: auditJson(r.stdout).targets[0]! as {
      findings: Array<{ ruleId: string; severity: string; tunnelGroup: string | null; message: string }>;
      ignored: Array<{ ruleId: string; reason: string }>;
    },
  };
}

describe('configuration file', () => {
  it('is found by walking up from the working directory, and --config overrides', async () => {
    const dir = workspace('rules:\n  homepage-ignored-on-mobile: off\n');
    const { t } = await findings(join(dir, 'sub', 'deeper'));
    expect(t.findings.map((f) => f.ruleId)).not.toContain('homepage-ignored-on-mobile');
    const other = join(dir, 'other.yaml');
    writeFileSync(other, 'rules:\n  natt-keepalive-short: off\n');
    const { t: t2 } = await findings(join(dir, 'sub'), '--config', other);
    expect(t2.findings.map((f) => f.ruleId)).toContain('homepage-ignored-on-mobile');
    expect(t2.findings.map((f) => f.ruleId)).not.toContain('natt-keepalive-short');
  });

  it('overrides severities (including per-finding escalations) and filters profiles by glob', async () => {
    const dir = workspace(
      'rules:\n  client-side-dpd-disabled: info\n  idle-timeout-short: off\nprofiles:\n  include: ["MOBILE-*", "Lab*"]\n  exclude: ["MOBILE-PERAPP"]\nfailOn: error\n',
    );
    const { r, t } = await findings(dir);
    expect(t.findings.find((f) => f.ruleId === 'client-side-dpd-disabled')!.severity).toBe('info');
    const profiles = new Set(t.findings.map((f) => f.tunnelGroup).filter((p) => p !== null));
    expect([...profiles].sort()).toEqual(['Lab&Partners', 'MOBILE-DOMAIN', 'MOBILE-INHERIT', 'MOBILE-SPLIT']);
    expect(r.code).toBe(0); // failOn: error and no error left
  });

  it('ignores findings with a reason until the expiry date, then reports them again', async () => {
    const cfg =
      'ignore:\n  - rule: ssl-keepalive-enabled\n    device: "vpn-*"\n    profile: MOBILE-SPLIT\n    reason: "proxy needs keepalives (CHG-1)"\n    until: 2026-12-31\n';
    const dir = workspace(cfg);
    const before = await cliWith({ cwd: dir, today: '2026-12-31' }, 'audit', DEMO, '--format', 'json', '--verbose');
    const t = auditJson(before.stdout).targets[0]!;
    expect(t.findings.some((f) => f.ruleId === 'ssl-keepalive-enabled' && f.tunnelGroup === 'MOBILE-SPLIT')).toBe(false);
    expect(t.ignored).toEqual([
      { ruleId: 'ssl-keepalive-enabled', tunnelGroup: 'MOBILE-SPLIT', line: 127, reason: 'proxy needs keepalives (CHG-1)', until: '2026-12-31' },
    ]);
    expect(before.stderr).toContain('ignored ssl-keepalive-enabled on vpn-demo (MOBILE-SPLIT): proxy needs keepalives (CHG-1)');
    const after = await cliWith({ cwd: dir, today: '2027-01-01' }, 'audit', DEMO, '--format', 'json');
    const back = auditJson(after.stdout).targets[0]!.findings.find((f) => f.ruleId === 'ssl-keepalive-enabled' && f.tunnelGroup === 'MOBILE-SPLIT');
    expect(back?.message).toMatch(/An ignore for this finding expired on 2026-12-31: proxy needs keepalives/);
    // An expired entry that still matches is out of date, not unused.
    expect(after.stderr).toMatch(
      /ignore entry for ssl-keepalive-enabled \(profile MOBILE-SPLIT\) \(device vpn-\*\) expired on 2026-12-31: its findings are reported again/,
    );
    expect(after.stderr).not.toContain('matched no finding');
    // --fail-on-unused-ignores catches an out-of-date entry as it caught it before it was named expired.
    const strict = await cliWith({ cwd: dir, today: '2027-01-01' }, 'audit', DEMO, '--format', 'json', '--fail-on', 'never', '--fail-on-unused-ignores');
    expect(strict.code).toBe(2);
    expect((await cliWith({ cwd: dir, today: '2026-12-31' }, 'audit', DEMO, '--fail-on', 'never', '--fail-on-unused-ignores')).code).toBe(0);
  });

  it.each([
    ['unknown key', 'rules: {}\nprofile:\n  include: [A]\n', 2, /:2: profile: unknown key `profile` \(did you mean `profiles`\?\)/],
    ['misspelt nested key', 'profiles:\n  inlcude: [A]\n', 2, /:2: profiles\.inlcude: unknown key `inlcude` \(did you mean `include`\?\)/],
    ['unknown key with nothing near', 'zzz: 1\n', 1, /: zzz: unknown key `zzz`$/m],
    ['unknown rule id', 'rules:\n  ssl-keepalive: off\n', 2, /rules: unknown rule id `ssl-keepalive`/],
    ['bad rule value', 'rules:\n  ssl-keepalive-enabled: maybe\n', 2, /rules\.ssl-keepalive-enabled: must be one of `off`, `on`, `error`, `warning`, `info`/],
    ['ignore without reason', 'ignore:\n  - rule: ssl-keepalive-enabled\n    profile: X\n', 2, /ignore\[0\]: missing `reason` \(every ignore needs a reason\)/],
    [
      'bad date',
      'ignore:\n  - rule: ssl-keepalive-enabled\n    reason: because\n    until: next week\n',
      4,
      /ignore\[0\]\.until: must be a date as YYYY-MM-DD/,
    ],
    [
      'unknown ignore key',
      'ignore:\n  - rule: ssl-keepalive-enabled\n    reason: because\n    expires: 2027-01-01\n',
      4,
      /ignore\[0\]\.expires: unknown key `expires`/,
    ],
    ['invalid YAML', 'rules:\n  a: [unclosed\n', null, /invalid YAML/],
  ])('reports %s with file, line and key (exit 2)', async (_, cfg, line, message) => {
    const dir = workspace(cfg);
    const r = await cliWith({ cwd: dir }, 'audit', DEMO);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const file = join(dir, '.asa-mobile-audit.yaml');
    expect(r.stderr.startsWith(`asa-mobile-audit: ${file}${line !== null ? `:${line}` : ''}`)).toBe(true);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('reports every mistake of the file at once, one line each, in line order', async () => {
    const cfg = [
      'rules:',
      '  idle-timeout-shrt: off', // 2: unknown rule id (a check after the schema's)
      '  natt-keepalive-short: sometimes', // 3: bad value
      'profile: [A]', // 4: unknown key
      'ignore:',
      '  - rule: nope', // 6: unknown rule id
      '    reason: because',
      '    until: 2027-02-30', // 8: no such day
      '  - rule: ssl-keepalive-enabled', // 9: no reason
      'helpUriBase: ftp://example.com/', // 10: not http(s)
    ].join('\n');
    const dir = workspace(`${cfg}\n`);
    const r = await cliWith({ cwd: dir }, 'audit', DEMO);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const file = join(dir, '.asa-mobile-audit.yaml');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.map((l) => Number(l.slice(`asa-mobile-audit: ${file}:`.length).split(':')[0]))).toEqual([2, 3, 4, 6, 8, 9, 10]);
    expect(lines[0]).toContain('rules: unknown rule id `idle-timeout-shrt` (did you mean `idle-timeout-short`?)');
    expect(lines[4]).toContain('ignore[0].until: `2027-02-30` is not a date');
    expect(lines[5]).toContain('ignore[1]: missing `reason`');
    // An unknown rule id with a bad value is one mistake.
    const one = await cliWith({ cwd: workspace('rules:\n  idle-timeout-shrt: sometimes\n') }, 'audit', DEMO);
    expect(one.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(one.stderr).toContain('unknown rule id `idle-timeout-shrt`');
    // A value of the wrong shape is one mistake, not a cascade of checks that assumed its shape.
    const shape = await cliWith({ cwd: workspace('ignore: 5\nrules: [a]\n') }, 'audit', DEMO);
    expect(
      shape.stderr
        .trimEnd()
        .split('\n')
        .map((l) => l.replace(/^.*\.yaml:/, '')),
    ).toEqual(['1: ignore: must be array', '2: rules: must be object']);
  });

  it('includes only files matching files.include, and reads --files-from from a file', async () => {
    const dir = workspace('files:\n  include:\n    - "oxidized/**"\n');
    cpSync(fixture('repo'), join(dir, 'repo'), { recursive: true });
    const r = await cliWith({ cwd: join(dir) }, 'audit', 'repo', '--format', 'json', '--fail-on', 'never', '--config', '.asa-mobile-audit.yaml');
    // include globs are relative to the config file's directory: repo/oxidized/** does not match oxidized/**
    expect(auditJson(r.stdout).targets).toEqual([]);
    writeFileSync(join(dir, '.asa-mobile-audit.yaml'), 'files:\n  include:\n    - "repo/oxidized/**"\n');
    const only = await cliWith({ cwd: dir }, 'audit', 'repo', '--format', 'json', '--fail-on', 'never');
    expect(
      auditJson(only.stdout)
        .targets.map((t) => t.source)
        .sort(),
    ).toEqual(['repo/oxidized/dc-asa', 'repo/oxidized/dc-asa', 'repo/oxidized/dc-asa', 'repo/oxidized/edge-oxi']);
    writeFileSync(join(dir, 'changed.txt'), '# changed in this PR\nrepo/rancid/vpn/configs/vpn-demo\n');
    const listed = await cliWith({ cwd: dir }, 'audit', '--files-from', 'changed.txt', '--format', 'json', '--fail-on', 'never');
    expect(auditJson(listed.stdout).targets.map((t) => t.source)).toEqual(['repo/rancid/vpn/configs/vpn-demo']);
  });

  it('matches an ignore by file path glob, and keeps one without `until` in force', async () => {
    const dir = workspace(
      'ignore:\n  - rule: homepage-ignored-on-mobile\n    device: "fixtures/demo/*.cfg"\n    reason: "desktop home page, phones skip it"\n',
    );
    cpSync(fixture('demo'), join(dir, 'fixtures', 'demo'), { recursive: true });
    const r = await cliWith({ cwd: dir, today: '2099-01-01' }, 'audit', 'fixtures/demo/demo-headend.cfg', '--format', 'json', '--fail-on', 'never');
    const t = auditJson(r.stdout).targets[0]!;
    expect(t.findings.map((f) => f.ruleId)).not.toContain('homepage-ignored-on-mobile');
    expect(t.ignored.length).toBeGreaterThan(0);
    const other = await cliWith({ cwd: dir }, 'audit', DEMO, '--format', 'json', '--fail-on', 'never');
    expect(auditJson(other.stdout).targets[0]!.findings.map((f) => f.ruleId)).toContain('homepage-ignored-on-mobile');
    // The path is relative to the configuration file, as `files` globs are: the same file from a
    // subdirectory, and in plan, is still the file the entry names.
    const below = await cliWith({ cwd: join(dir, 'fixtures', 'demo') }, 'audit', 'demo-headend.cfg', '--format', 'json', '--fail-on', 'never');
    expect(below.stderr).not.toMatch(/matched no finding/);
    expect(auditJson(below.stdout).targets[0]!.findings.map((f) => f.ruleId)).not.toContain('homepage-ignored-on-mobile');
    for (const cwd of [dir, join(dir, 'fixtures', 'demo')]) {
      const file = cwd === dir ? 'fixtures/demo/demo-headend.cfg' : 'demo-headend.cfg';
      const plan = JSON.parse((await cliWith({ cwd }, 'plan', file, '--format', 'json')).stdout) as {
        targets: Array<{ closes: Array<{ ruleId: string }>; remains: Array<{ ruleId: string }> }>;
      };
      expect(
        [...plan.targets[0]!.closes, ...plan.targets[0]!.remains].map((c) => c.ruleId),
        cwd,
      ).not.toContain('homepage-ignored-on-mobile');
    }
  });

  it('excludes files gitignore-style, relative to the config file, when scanning a directory', async () => {
    const dir = workspace('files:\n  exclude:\n    - "oxidized/"\n    - "**/vpn-*"\n');
    cpSync(fixture('repo'), join(dir, 'repo'), { recursive: true });
    const r = await cliWith({ cwd: dir }, 'audit', 'repo', '--format', 'json', '--fail-on', 'never', '--verbose');
    expect(auditJson(r.stdout).targets.map((t) => t.source)).toEqual(['repo/rancid/vpn/configs/branch-rancid']);
    expect(r.stderr).toContain('skipped repo/oxidized/dc-asa: excluded by the configuration file (files.include/exclude)');
    expect(r.stderr).toContain('skipped repo/rancid/vpn/configs/vpn-demo: excluded by the configuration file');
  });
});

describe('init', () => {
  it('writes a commented starter file that loads cleanly, and refuses to overwrite', async () => {
    const dir = workspace(null);
    const r = await cliWith({ cwd: dir }, 'init');
    expect(r.code).toBe(0);
    const file = join(dir, '.asa-mobile-audit.yaml');
    expect(readFileSync(file, 'utf8')).toMatch(/^# asa-mobile-audit configuration/);
    expect(loadConfig(file, IDS)).toMatchObject({ rules: {}, ignore: [], failOn: 'warning' });
    // A rule that picks its severity per finding is listed as `on`, its severities in a comment: uncommented, it loads as on.
    const listed = readFileSync(file, 'utf8').replace('  # ios-dns-all-clear: on  #', '  ios-dns-all-clear: on  #');
    expect(listed).toContain('  ios-dns-all-clear: on  # warning, or info by finding; a severity here pins it\n');
    writeFileSync(join(dir, 'listed.yaml'), listed);
    expect(loadConfig(join(dir, 'listed.yaml'), IDS).rules).toEqual({ 'ios-dns-all-clear': 'on' });
    expect((await cliWith({ cwd: dir }, 'audit', DEMO, '--fail-on', 'never')).code).toBe(0);
    const again = await cliWith({ cwd: dir }, 'init');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    expect(existsSync(file)).toBe(true);
  });

  it('stays valid when its examples are uncommented, and they take effect', async () => {
    const dir = workspace(null);
    const file = join(dir, '.asa-mobile-audit.yaml');
    const uncomment = (text: string, pick: RegExp): string =>
      text
        .split('\n')
        .map((l) => (pick.test(l) ? l.replace('# ', '') : l))
        .join('\n');
    expect((await cliWith({ cwd: dir }, 'init')).code).toBe(0);
    let text = readFileSync(file, 'utf8');
    text = uncomment(text, /^\s+# (homepage-ignored-on-mobile: off|exclude: \[|- "archive\/"|- rule:| {2}(device|profile|reason|until):)/);
    writeFileSync(file, text);
    const cfg = loadConfig(file, IDS);
    expect(cfg.rules).toEqual({ 'homepage-ignored-on-mobile': 'off' });
    expect(cfg.profiles.exclude).toEqual(['LAB-*', 'DefaultRAGroup']);
    expect(cfg.files.exclude).toEqual(['archive/']);
    expect(cfg.ignore).toEqual([expect.objectContaining({ rule: 'ssl-keepalive-enabled', profile: 'PARTNERS', until: '2027-06-30' })]);
  });
});
