import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { builtCli, cli, cliWith, corpus, fixture, tempDir, auditJson, readJson, wrapConfig } from '../helpers.js';

const DEMO = fixture('demo/demo-headend.cfg');

describe('audit --format json', () => {
  it('follows the schemaVersion 1 contract', async () => {
    const r = await cli('audit', DEMO, '--format', 'json');
    expect(r.code).toBe(1); // warnings, default --fail-on warning
    const doc = auditJson(r.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.tool).toEqual({ name: 'asa-mobile-audit', version: readJson<{ version: string }>(readFileSync(fixture('../package.json'), 'utf8')).version });
    const t = doc.targets[0]!;
    expect(t).toMatchObject({ source: 'fixtures/demo/demo-headend.cfg', hostname: 'vpn-demo', asaVersion: '9.16(4)', complete: true, parseProblems: [] });
    for (const f of t.findings) {
      expect(Object.keys(f).slice(0, 7)).toEqual(['ruleId', 'severity', 'message', 'line', 'tunnelGroup', 'groupPolicy', 'fix']);
      expect(['error', 'warning', 'info']).toContain(f.severity);
    }
    const counts = { error: 0, warning: 0, info: 0 } as Record<string, number>;
    for (const f of t.findings) counts[f.severity]!++;
    expect(doc.summary).toEqual(counts);
    expect(t.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'client-side-dpd-disabled',
        tunnelGroup: 'Lab&Partners',
        groupPolicy: 'GP-CLEAR',
        line: 149,
        lineText: 'anyconnect dpd-interval client none',
        fix: 'group-policy GP-CLEAR attributes\n webvpn\n  anyconnect dpd-interval client 30',
      }),
    );
  });

  it('gives one finding per profile when a policy is shared, sorted by profile, line, rule', async () => {
    const dir = tempDir();
    const profile = (name: string): string =>
      `tunnel-group ${name} type remote-access\ntunnel-group ${name} general-attributes\n default-group-policy GP\ntunnel-group ${name} webvpn-attributes\n group-url https://vpn.example.com/${name.toLowerCase()} enable\n`;
    writeFileSync(
      join(dir, 'shared.cfg'),
      wrapConfig(
        `webvpn\n enable outside\n anyconnect enable\ngroup-policy GP internal\ngroup-policy GP attributes\n vpn-tunnel-protocol ssl-client\n${profile('PHONES-B')}${profile('PHONES-A')}`,
      ),
    );
    const shared = auditJson((await cli('audit', join(dir, 'shared.cfg'), '--format', 'json', '--fail-on', 'never')).stdout).targets[0]!;
    const keepalive = shared.findings.filter((f) => f.ruleId === 'ssl-keepalive-enabled' && f.groupPolicy === 'GP');
    expect(keepalive.map((f) => f.tunnelGroup)).toEqual(['PHONES-A', 'PHONES-B']);
    const t = auditJson((await cli('audit', DEMO, '--format', 'json')).stdout).targets[0]!;
    const keys = t.findings.map((f) => [f.tunnelGroup ?? '', f.line ?? 0, f.ruleId] as const);
    expect(t.findings[0]!.tunnelGroup).toBeNull(); // device-wide first
    const sorted = [...keys].sort((a, b) => (a[0] === b[0] ? (a[1] === b[1] ? (a[2] < b[2] ? -1 : 1) : a[1] - b[1]) : a[0] < b[0] ? -1 : 1));
    expect(keys.slice(1)).toEqual(sorted.slice(1));
  });

  it('is deterministic', async () => {
    expect((await cli('audit', DEMO, '--format', 'json')).stdout).toBe((await cli('audit', DEMO, '--format', 'json')).stdout);
  });

  it('narrows to profiles with --profile (repeatable) and lists skipped ones', async () => {
    const t = auditJson((await cli('audit', DEMO, '--format', 'json', '--profile', 'MOBILE-SPLIT', '--profile', 'MOBILE-DOMAIN')).stdout).targets[0]!;
    expect(t.mobileProfiles).toEqual(['MOBILE-SPLIT', 'MOBILE-DOMAIN']);
    expect(new Set(t.findings.map((f) => f.tunnelGroup))).toEqual(new Set([null, 'MOBILE-SPLIT', 'MOBILE-DOMAIN']));
    expect(t.skippedProfiles).toContainEqual({ tunnelGroup: 'MOBILE-FULL', reason: 'not selected by --profile' });
  });
});

describe('audit exit codes', () => {
  it('follows --fail-on', async () => {
    // the demo has exactly one error: client DPD off with gateway DPD off and DTLS on (Lab&Partners)
    const errors = auditJson((await cli('audit', DEMO, '--format', 'json')).stdout).targets[0]!.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.ruleId, f.tunnelGroup])).toEqual([['client-side-dpd-disabled', 'Lab&Partners']]);
    expect((await cli('audit', DEMO, '--fail-on', 'error')).code).toBe(1);
    expect((await cli('audit', DEMO, '--fail-on', 'error', '--profile', 'MOBILE-SPLIT')).code).toBe(0);
    expect((await cli('audit', DEMO, '--fail-on', 'warning')).code).toBe(1);
    expect((await cli('audit', DEMO, '--fail-on', 'info')).code).toBe(1);
    expect((await cli('audit', DEMO, '--fail-on', 'never')).code).toBe(0);
    expect((await cli('audit', corpus('dlandberg-asa5505-84.cfg'))).code).toBe(0); // no mobile-facing profile
    expect((await cli('audit', DEMO, '--fail-on', 'sometimes')).code).toBe(2);
  });

  it('reports an incomplete config but exits 2 unless --allow-incomplete', async () => {
    const cut = fixture('synthetic/oxidized-single-truncated.cfg');
    const r = await cli('audit', cut, '--format', 'json');
    expect(r.code).toBe(2);
    const t = auditJson(r.stdout).targets[0]!;
    expect(t.complete).toBe(false);
    expect(t.findings.length).toBeGreaterThan(0);
    // An Oxidized backup ends at its `Cryptochecksum:` line (it drops `: end`): that is what is missing.
    expect(r.stderr).toMatch(/oxidized-single-truncated\.cfg:\d+: configuration is incomplete: no `Cryptochecksum:` line \(the end of an Oxidized backup\)/);
    expect((await cli('audit', cut, '--allow-incomplete', '--fail-on', 'never')).code).toBe(0);
    expect((await cli('audit', cut, '--allow-incomplete')).code).toBe(1);
    // The human summary does not let "0 errors" stand beside an incomplete configuration.
    const wide = { env: { COLUMNS: '200' } };
    const table = await cliWith(wide, 'audit', cut, '--allow-incomplete', '--fail-on', 'never');
    expect(table.stdout).toMatch(/^findings: .* in 1 configuration \(incomplete: only what the file holds was audited\)\n$/m);
    const both = await cliWith(wide, 'audit', cut, DEMO, '--allow-incomplete', '--fail-on', 'never');
    expect(both.stdout).toMatch(/in 2 configurations \(1 incomplete: only what those files hold was audited\)\n$/);
    // A capture with no profile to audit has findings of none, whatever error its heading shows about reading it.
    const partial = await cliWith(wide, 'audit', fixture('corpus/ntc-show-run-tunnel-group.cfg'), '--allow-incomplete', '--fail-on', 'never');
    expect(partial.stdout).toMatch(/^ {2}error \(line 67\): configuration is incomplete/m);
    expect(partial.stdout).toMatch(/\nno findings in 1 configuration \(incomplete: only what the file holds was audited\)\n$/);
    const complete = await cliWith(wide, 'audit', DEMO, '--fail-on', 'never');
    expect(complete.stdout).not.toMatch(/incomplete/);
  });

  it('reads a UTF-16 configuration with a byte-order mark (Windows) as the same configuration, and says so', async () => {
    const text = readFileSync(corpus('wosm-asa91-sslvpn-only.cfg'), 'utf8');
    const dir = tempDir();
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le).swap16(); // a copy: FE FF and big-endian code units
    writeFileSync(join(dir, 'le.cfg'), le);
    writeFileSync(join(dir, 'be.cfg'), be);
    const plain = auditJson((await cli('audit', corpus('wosm-asa91-sslvpn-only.cfg'), '--format', 'json', '--fail-on', 'never')).stdout).targets[0]!;
    // On standard input, too (it was decoded as UTF-8 before the byte-order mark was looked at).
    const piped = await cliWith({ cwd: dir, stdin: le }, 'audit', '-', '--format', 'json', '--fail-on', 'never');
    expect(piped.code).toBe(0);
    expect(auditJson(piped.stdout).targets[0]!.findings.map((f) => f.ruleId)).toEqual(plain.findings.map((f) => f.ruleId));
    // A directory scan audits them too (they were skipped as binary files).
    const r = await cliWith({ cwd: dir }, 'audit', '.', '--format', 'json', '--fail-on', 'never');
    expect(r.code).toBe(0);
    const targets = auditJson(r.stdout).targets;
    expect(targets.map((t) => t.source)).toEqual(['be.cfg', 'le.cfg']);
    for (const [t, name] of [
      [targets[0]!, 'UTF-16BE'],
      [targets[1]!, 'UTF-16LE'],
    ] as const) {
      expect(t.findings.map((f) => [f.ruleId, f.line, f.message])).toEqual(plain.findings.map((f) => [f.ruleId, f.line, f.message]));
      expect(t.parseProblems[0]).toMatchObject({ code: 'utf-16', severity: 'info', message: `file is ${name} (it has a byte-order mark); read as such` });
    }
  });

  it('refuses two configurations pasted into one file (exit 2), and says so above the findings', async () => {
    const dir = tempDir();
    const both = join(dir, 'both.cfg');
    writeFileSync(both, readFileSync(corpus('wosm-asa91-sslvpn-only.cfg'), 'utf8') + readFileSync(fixture('plan/rename-collision.cfg'), 'utf8'));
    const r = await cliWith({ env: { COLUMNS: '200' } }, 'audit', both);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('!! NOT ONE configuration: results below mix two; audit each on its own.');
    expect(r.stdout).toMatch(/in 1 configuration \(not one configuration: the counts mix two\)\n$/);
    expect(r.stderr).toMatch(/both\.cfg:\d+: not one configuration: a second configuration starts at line \d+ \(`ASA Version 9\.16\(4\)`\)/);
  });

  it('says which options do nothing for a file audit, and refuses an --output that names a folder', async () => {
    const r = await cli('audit', DEMO, '--save', 'saved', '--timeout', '-1', '--keep-secrets', '-z', '--fail-on', 'never');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('asa-mobile-audit: --save, --keep-secrets, --timeout: only with --ssh or --inventory; ignored for files\n');
    expect(r.stderr).toContain('asa-mobile-audit: -z: only with --files-from; ignored\n');
    expect((await cli('audit', DEMO, '--fail-on', 'never')).stderr).toBe('');
    const dir = tempDir();
    const folder = await cliWith({ cwd: dir }, 'audit', DEMO, '--format', 'json', '--output', 'sub/');
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe('asa-mobile-audit: --output sub/: names a folder (it ends with a slash); give a file name\n');
    expect((await cliWith({ cwd: dir }, 'audit', DEMO, '--write-baseline', 'b/')).code).toBe(2);
  });

  it('says that no profile was found only in the part a cut-short file holds', async () => {
    // A capture cut off before any tunnel-group: its profiles may be in the missing part.
    const lines = readFileSync(corpus('wosm-asa84-ikev1-ra.cfg'), 'utf8').split('\n');
    const cut = join(tempDir(), 'cut.cfg');
    writeFileSync(
      cut,
      `${lines
        .slice(
          0,
          lines.findIndex((l) => l.startsWith('tunnel-group')),
        )
        .join('\n')}\n`,
    );
    const r = await cliWith({ env: { COLUMNS: '200' } }, 'audit', cut, '--allow-incomplete');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No mobile-facing connection profiles in the part the file holds: nothing to audit');
  });

  it('exits 2 for bad input and usage errors, with one line and no stack trace', async () => {
    for (const args of [['audit'], ['audit', fixture('bad/config.json')], ['audit', fixture('nope.cfg')], ['audit', DEMO, '--format', 'xml']]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('answers --format text (the human format of diff and plan) with the name audit gives it', async () => {
    const r = await cli('audit', DEMO, '--format', 'text');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format: `text` is not one of table, .*\(the human format of audit is `table`\)\n$/);
    expect((await cli('audit', DEMO, '--format', 'xml')).stderr).not.toContain('human format');
    // And the other way round: diff, what-if and plan call theirs text.
    const diff = await cli('diff', DEMO, DEMO, '--format', 'table');
    expect(diff.code).toBe(2);
    expect(diff.stderr).toContain("Allowed choices are text, json, markdown, github, html (the human format here is `text`; `table` is audit's).");
  });

  it("words the command line parser's errors as every other error: one line after the tool's name, exit 2", async () => {
    for (const [args, message] of [
      [['audit', DEMO, '--bogus'], "unknown option '--bogus'"],
      [['audit', DEMO, '--fial-on', 'error'], "unknown option '--fial-on' (did you mean --fail-on?)"],
      [['bogus'], "unknown command 'bogus'"],
      [['diff', '--git'], "option '--git <range>' argument missing"],
      [['explain-dns'], "missing required argument 'file'"],
    ] as const) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toBe(`asa-mobile-audit: ${message} (run with --help for usage)\n`);
      expect(r.stdout).toBe('');
    }
    // Help and the version are not errors.
    expect(await cli('--version')).toMatchObject({ code: 0, stderr: '' });
    expect((await cli('audit', '--help')).code).toBe(0);
  });

  it('scans a directory, auditing ASA configs and skipping other files quietly', async () => {
    const dir = tempDir('ama-');
    mkdirSync(join(dir, 'configs'));
    copyFileSync(DEMO, join(dir, 'configs', 'vpn-demo'));
    copyFileSync(corpus('wosm-asa91-sslvpn-only.cfg'), join(dir, 'configs', 'lab.txt'));
    writeFileSync(join(dir, 'router.db'), 'vpn-demo;cisco;up\n');
    copyFileSync(fixture('bad/ios-router.cfg'), join(dir, 'configs', 'rtr1'));
    const r = await cli('audit', dir, '--format', 'json', '--verbose');
    expect(auditJson(r.stdout).targets.map((t) => t.hostname)).toEqual(['ciscoasa', 'vpn-demo']);
    expect(r.stderr).toMatch(/skipped .*rtr1:1: looks like a Cisco IOS configuration/);
    expect(r.code).toBe(1);
    const quiet = await cli('audit', dir, '--fail-on', 'never');
    expect(quiet.stderr).toBe('');
  });
});

describe('audit table', () => {
  it('shows a readiness matrix, then one block per finding (line, severity, message, rule), then the fixes; no colour off a TTY', async () => {
    const r = await cli('audit', DEMO);
    const out = r.stdout;
    expect(out).toContain('fixtures/demo/demo-headend.cfg: vpn-demo, ASA 9.16(4)');
    // The matrix: Lab&Partners fails iOS DNS, client DPD, NAT-T and names; MOBILE-PERAPP is the only per-app profile.
    expect(out).toMatch(/│ Lab&Partners\s+│\s+✗\s+│\s+✓\s+│\s+✗\s+│\s+✓\s+│\s+✗\s+│\s+✗\s+│\s+–\s+│/);
    expect(out).toMatch(/│ MOBILE-PERAPP\s+│(\s+.\s+│){6}\s+✓\s+│/);
    // A finding block: line, severity, wrapped message ending in its rule id, then its profiles.
    expect(out).toMatch(/^ +149 {2}error {4}Client DPD is off[^\n]*\n(?: {17}[^\n]*\n)*? {17}[^\n]*client-side-dpd-disabled\n {17}profile: Lab&Partners$/m);
    // One block for a shared DfltGrpPolicy finding, naming both profiles.
    expect(out).toMatch(/profiles: DefaultRAGroup, DefaultWEBVPNGroup/);
    expect(out).toContain('Fixes (paste in configuration mode;');
    expect(out).toContain('    group-policy GP-CLEAR attributes\n     webvpn\n      anyconnect dpd-interval client 30');
    expect(out).not.toContain('\u001b[');
    expect(out).toMatch(/\nfindings: 1 error, \d+ warnings, \d+ info \(\d+ rows above\) in 1 configuration\n$/);
  });

  it('summarises the readiness of a device with more than 20 mobile profiles per check', async () => {
    const dir = tempDir();
    const profiles = Array.from({ length: 25 }, (_, i) => `P${i}`);
    const body = [
      'webvpn',
      ' enable outside',
      ' anyconnect enable',
      'group-policy GP internal',
      'group-policy GP attributes',
      ' vpn-tunnel-protocol ssl-client',
      ' dns-server value 10.0.0.53',
      ' webvpn',
      '  anyconnect ssl keepalive none',
      ...profiles.flatMap((p, i) => [
        `tunnel-group ${p} type remote-access`,
        `tunnel-group ${p} general-attributes`,
        ` default-group-policy ${i < 5 ? 'DfltGrpPolicy' : 'GP'}`,
        `tunnel-group ${p} webvpn-attributes`,
        ` group-url https://vpn.example.com/${p.toLowerCase()} enable`,
      ]),
    ].join('\n');
    writeFileSync(join(dir, 'many.cfg'), wrapConfig(body));
    const r = await cli('audit', join(dir, 'many.cfg'), '--fail-on', 'never');
    expect(r.stdout).toContain('26 mobile profiles: ✓ no finding, ✗ a finding, – does not apply');
    // DfltGrpPolicy keeps SSL keepalives on: the five profiles on it and DefaultWEBVPNGroup fail.
    expect(r.stdout).toMatch(/^ {4}keepalive\s+20 ✓\s+6 ✗\s+0 – {2}P0, P1, P2, \+3 more$/m);
    expect(r.stdout).not.toContain('┌');
  });

  it('fits the terminal: nothing but CLI lines is wider than 80 or 120 columns, and the matrix uses short headers when it must', async () => {
    for (const columns of [80, 120]) {
      const r = await cliWith(
        { isTTY: true, env: { NO_COLOR: '1' }, columns },
        'audit',
        DEMO,
        fixture('synthetic/plain-916.cfg'),
        fixture('corpus/prometheus-asa1-80-svc.cfg'),
      );
      const fixLines = new Set(r.stdout.split('\n').filter((l) => /^ {4}\S/.test(l) || /^ {5,6}\S/.test(l)));
      const wide = r.stdout.split('\n').filter((l) => Array.from(l).length > columns && !fixLines.has(l));
      expect(wide).toEqual([]);
      expect(r.stdout).toContain(columns >= 100 ? '│ iOS DNS │ gateway DPD │' : '│ DNS │ GW │ CL │');
    }
    // Without a terminal: COLUMNS, else 80.
    const piped = await cliWith({ env: { COLUMNS: '100' } }, 'audit', DEMO);
    expect(
      Math.max(
        ...piped.stdout
          .split('\n')
          .filter((l) => !/^ {4,6}\S/.test(l))
          .map((l) => Array.from(l).length),
      ),
    ).toBeLessThanOrEqual(100);
  });

  it('colours on a TTY, but never with NO_COLOR', async () => {
    expect((await cliWith({ isTTY: true }, 'audit', DEMO)).stdout).toContain('\u001b[33mwarning\u001b[');
    expect((await cliWith({ isTTY: true, env: { NO_COLOR: '1' } }, 'audit', DEMO)).stdout).not.toContain('\u001b[');
  });

  it('lists skipped profiles with --verbose', async () => {
    const r = await cli('audit', fixture('synthetic/legacy-svc-82.cfg'), '--verbose');
    expect(r.stdout).toContain('skipped PORTAL: clientless SSL VPN only (vpn-tunnel-protocol ssl-clientless)');
  });

  it('says when DAP records were not checked (no dap.xml), and reports a dap.xml it cannot read', async () => {
    const dir = tempDir();
    const file = join(dir, 'dapbox.cfg');
    writeFileSync(
      file,
      wrapConfig(
        `webvpn\n enable outside\n anyconnect enable\ngroup-policy GP internal\ngroup-policy GP attributes\n vpn-tunnel-protocol ssl-client ikev2\ntunnel-group MOBILE type remote-access\ntunnel-group MOBILE general-attributes\n default-group-policy GP\ntunnel-group MOBILE webvpn-attributes\n group-url https://vpn.example.com/m enable\ndynamic-access-policy-record MOBILE-DEVICES\n action continue\ndynamic-access-policy-record DfltAccessPolicy`,
      ),
    );
    const bare = await cli('audit', file);
    expect(bare.stdout).toMatch(
      /DAP record MOBILE-DEVICES not checked: dap\.xml \(the records' criteria\) was\s+not\s+found \(looked beside the configuration\)/,
    );
    expect((await cli('audit', file, '--format', 'markdown')).stdout).toContain('> DAP record MOBILE-DEVICES not checked');
    expect(auditJson((await cli('audit', file, '--format', 'json')).stdout).targets[0]!.dap).toEqual({
      records: ['MOBILE-DEVICES'],
      readFrom: null,
      status: 'missing',
      searched: 'beside the configuration',
    });
    // Beside the configuration is where it is looked for: put there, it is read.
    writeFileSync(join(dir, 'dap.xml'), '<dapRecordList>\n<dapRecord>\n<dapName><value>MOBILE-DEVICES</value></dapName>\n</dapRecord>\n</dapRecordList>\n');
    expect(auditJson((await cli('audit', file, '--format', 'json')).stdout).targets[0]!.dap).toMatchObject({ status: 'read', readFrom: join(dir, 'dap.xml') });
    const bad = join(dir, 'bad.xml');
    writeFileSync(bad, '<dap><bad\n');
    const r = await cli('audit', file, '--dap', bad, '--format', 'json');
    const t = auditJson(r.stdout).targets[0]!;
    expect(t.dap).toEqual({ records: ['MOBILE-DEVICES'], readFrom: bad, status: 'malformed', searched: `at ${bad}, beside the configuration` });
    expect(t.findings).toContainEqual(expect.objectContaining({ ruleId: 'dap-mobile-criteria', messageId: 'unreadable', file: bad }));
    expect((await cli('audit', file, '--dap', bad)).stdout).not.toContain('not checked');
    // No DAP record of its own: nothing to say.
    expect(auditJson((await cli('audit', DEMO, '--format', 'json')).stdout).targets[0]!.dap).toBeNull();
    // ... unless a --dap file was given for it: that it went unread is said (a configuration that reads it says nothing).
    expect((await cli('audit', DEMO, '--dap', bad, '--fail-on', 'never')).stderr).toBe(
      `asa-mobile-audit: --dap ${bad}: not read: no audited configuration has a dynamic-access-policy-record of its own (DfltAccessPolicy aside)\n`,
    );
    expect(r.stderr).not.toContain('not read');
  });

  it('suggests the nearest profile or rule for a typo, and says where globs go', async () => {
    const typo = await cli('audit', DEMO, '--profile', 'MOBILE-FUL');
    expect(typo.stderr).toContain('--profile MOBILE-FUL: no connection profile of that name in the audited configuration(s) (did you mean `MOBILE-FULL`?)');
    // The report says the filter left nothing, not that the device has no mobile-facing profiles.
    expect(typo.stdout).toContain('No connection profile is one --profile names: nothing to audit.');
    expect(typo.stdout).not.toContain('No mobile-facing');
    // So does a configuration with a profile that is not mobile-facing besides (the built-in DefaultRAGroup).
    const others = await cli('audit', fixture('plan/split-dns-two-fixes.cfg'), '--profile', 'NOPE');
    expect(others.stdout).toContain('No connection profile is one --profile names: nothing to audit.');
    expect((await cli('audit', DEMO, '--profile', 'MOBILE-*')).stderr).toContain(
      '(--profile takes exact names; for a glob use profiles.include in the configuration file)',
    );
    expect((await cli('audit', DEMO, '--profile', 'MOBILE-FUL*')).stderr).toContain('for a glob use profiles.include');
    expect((await cli('audit', DEMO, '--profile', 'mobile-ful')).stderr).toContain('(did you mean `MOBILE-FULL`?)');
    expect((await cli('plan', DEMO, '--rules', 'idle-timeout-shrt')).stderr).toContain('(did you mean `idle-timeout-short`?)');
    const rule = await cli('audit', DEMO, '--rule', 'idle-timeout-shrt=off');
    expect([rule.code, rule.stderr]).toEqual([2, expect.stringContaining('no rule `idle-timeout-shrt` (did you mean `idle-timeout-short`?)')]);
    expect((await cli('rules', 'idle-timeout-shrt')).stderr).toContain('did you mean idle-timeout-short?');
    expect((await cli('explain-dns', DEMO, '--tunnel-group', 'MOBILE-FUL')).stderr).toContain('(did you mean `MOBILE-FULL`?)');
  });

  it('says why a profile picked with --profile is not mobile-facing, and offers --verbose only without it', async () => {
    const file = corpus('prometheus-asa1-80-svc.cfg');
    const picked = await cli('audit', file, '--profile', 'consultants');
    expect(picked.code).toBe(0);
    // The reason is given, so --verbose is not offered for it.
    expect(picked.stdout).not.toContain('use --verbose');
    expect(picked.stdout).toMatch(/consultants is not mobile-facing: vpn-tunnel-protocol allows no AnyConnect\s+protocol \(ikev1\)\./);
    // With findings from another picked profile too, and in markdown.
    const both = await cli('audit', file, '--profile', 'consultants', '--profile', 'xyzinder');
    expect(both.stdout).toMatch(/consultants is not mobile-facing/);
    expect((await cli('audit', file, '--profile', 'consultants', '--format', 'markdown')).stdout).toContain(
      '> consultants is not mobile-facing: vpn-tunnel-protocol allows no AnyConnect protocol (ikev1).',
    );
    // Only the picked profile: the others were left out by --profile, not judged.
    expect(picked.stdout).not.toContain('xyzinder');
    const verbose = await cli('audit', file, '--profile', 'consultants', '--verbose');
    expect(verbose.stdout).toContain('nothing to audit.');
    expect(verbose.stdout).not.toContain('use --verbose');
    expect(verbose.stdout).not.toContain('consultants is not mobile-facing');
  });
});

describe('secrets never appear in output', () => {
  it('redacts a secret-bearing line quoted in a parse problem (real corpus line)', async () => {
    // The dlandberg corpus file cut right after its `username ... password ...` line (line 242).
    const dir = tempDir('ama-');
    const lines = readFileSync(corpus('dlandberg-asa5505-84.cfg'), 'latin1').split('\n').slice(0, 242);
    const file = join(dir, 'cut.cfg');
    writeFileSync(file, lines.join('\n'), 'latin1');
    for (const format of ['json', 'table']) {
      const r = await cli('audit', file, '--format', format);
      expect(r.code).toBe(2);
      expect(r.stdout + r.stderr).toContain('username dennis password <redacted> encrypted privilege 15');
      expect(r.stdout + r.stderr).not.toContain('uIExjWDQQO4qrbhe');
    }
  });

  it('never prints the demo headend secrets', async () => {
    for (const format of ['json', 'table']) {
      const r = await cli('audit', DEMO, '--format', format, '--verbose');
      for (const s of ['Rad1usS3cret', 'Publ1cC0mmunity', 'Sup3rS3cretPSK', 'ZmFrZWhhc2hmYWtlaGFzaA']) expect(r.stdout + r.stderr).not.toContain(s);
    }
  });
});

describe('rules command', () => {
  it('lists every rule with id, severity and title', async () => {
    const r = await cli('rules', '--format', 'json');
    expect(readJson<Array<{ id: string }>>(r.stdout).map((x) => x.id)).toEqual(RULES.map((x) => x.meta.id));
    const table = await cli('rules');
    for (const rule of RULES) expect(table.stdout).toContain(rule.meta.id);
  });
  it('prints a rule doc, and refuses unknown ids with exit 2', async () => {
    const r = await cli('rules', 'ssl-keepalive-enabled');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# ssl-keepalive-enabled/);
    expect(r.stdout).toContain('## Fix');
    const bad = await cli('rules', 'keepalive');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/did you mean natt-keepalive-short, ssl-keepalive-enabled\?/);
  });
});

describe('--help', () => {
  it('lists the new options and no "(default: [])" for repeatable ones', () => {
    for (const command of ['audit', 'plan', 'what-if', 'diff', 'explain-dns']) {
      const r = spawnSync(process.execPath, [builtCli(), command, '--help'], { encoding: 'utf8' });
      expect(r.status, command).toBe(0);
      expect(r.stdout, command).not.toContain('(default: [])');
      expect(r.stdout, command).toContain('--client-profiles <dir>');
    }
    const audit = spawnSync(process.execPath, [builtCli(), 'audit', '--help'], { encoding: 'utf8' }).stdout;
    expect(audit).toContain('html');
    expect(audit).toContain('--timestamp');
  });
});

describe('inputs that could not be audited', () => {
  it('are listed in JSON (notAudited) and in the table summary, so a failed one never reads as clean', async () => {
    const dir = tempDir();
    copyFileSync(DEMO, join(dir, 'demo.cfg'));
    const json = await cliWith({ cwd: dir }, 'audit', 'demo.cfg', 'gone.cfg', '--format', 'json');
    expect(json.code).toBe(2);
    const doc = readJson<{ targets: unknown[]; notAudited: Array<{ source: string; line: number | null; reason: string }> }>(json.stdout);
    expect(doc.targets).toHaveLength(1);
    expect(doc.notAudited).toEqual([{ source: 'gone.cfg', line: null, reason: expect.stringMatching(/no such file/) }]);
    const table = await cliWith({ cwd: dir }, 'audit', 'demo.cfg', 'gone.cfg');
    expect(table.stdout).toMatch(/in\s+1\s+configuration;\s+not\s+audited:\s+gone\.cfg/);
    // Nothing audited at all: the summary is the report, and says so from its first line.
    expect((await cliWith({ cwd: dir }, 'audit', 'gone.cfg')).stdout).toBe('no findings in 0 configurations; not audited: gone.cfg\n');
    // Nothing failed: the list is there, empty.
    expect(
      readJson<{ notAudited: unknown[] }>((await cliWith({ cwd: dir }, 'audit', 'demo.cfg', '--format', 'json', '--fail-on', 'never')).stdout).notAudited,
    ).toEqual([]);
  });
});
