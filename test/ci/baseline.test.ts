import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BaselineFile } from '../../src/baseline/baseline.js';
import { cliWith, fixture, tempDir, auditJson, readJson } from '../helpers.js';

function copyDemo(dir: string, edit: (lines: string[]) => void = () => {}): string {
  const lines = readFileSync(fixture('demo/demo-headend.cfg'), 'utf8').split('\n');
  edit(lines);
  const file = join(dir, 'vpn-demo.cfg');
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('baselines', () => {
  it('records findings, then reports only new ones; line moves do not resurrect old ones', async () => {
    const dir = tempDir('ama-base-');
    copyDemo(dir);
    const write = await cliWith({ cwd: dir }, 'audit', 'vpn-demo.cfg', '--write-baseline', 'baseline.json', '--format', 'json');
    const recorded = auditJson(write.stdout).targets[0]!.findings.length;
    // Recording is the point of the run: exit 0 with findings (the demo has errors), and it says so.
    expect(recorded).toBeGreaterThan(0);
    expect(write.code).toBe(0);
    expect(write.stderr).toContain(`wrote baseline.json: ${recorded} findings recorded; with --baseline baseline.json they are no longer reported`);
    // A filter that matches nothing records nothing: the baseline is left as it was.
    const before = readFileSync(join(dir, 'baseline.json'), 'utf8');
    const none = await cliWith({ cwd: dir }, 'audit', 'vpn-demo.cfg', '--write-baseline', 'baseline.json', '--profile', 'NOPE');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('baseline.json not written: a filter above matched nothing');
    expect(readFileSync(join(dir, 'baseline.json'), 'utf8')).toBe(before);
    // Nor from a run that could not read a file, audited nothing, or saw a configuration cut short.
    writeFileSync(join(dir, 'empty.txt'), '');
    copyFileSync(fixture('synthetic/truncated-in-block.cfg'), join(dir, 'cut.cfg'));
    for (const [args, why] of [
      [['vpn-demo.cfg', 'missing.cfg'], 'a configuration above could not be read'],
      // An emptied file is what a failed backup job leaves: named, it is no configuration.
      [['vpn-demo.cfg', 'empty.txt'], 'a configuration above could not be read, or a file named is no configuration'],
      [['--files-from', 'empty.txt'], 'no configuration was audited'],
      [['vpn-demo.cfg', 'cut.cfg'], 'a configuration above is incomplete'],
    ] as const) {
      const r = await cliWith({ cwd: dir }, 'audit', ...args, '--write-baseline', 'baseline.json');
      // A baseline asked for and not written fails the run, whatever the findings (or an empty list) say.
      expect(r.code, why).toBe(2);
      expect(r.stderr, why).toContain(`baseline.json not written: ${why}`);
      expect(readFileSync(join(dir, 'baseline.json'), 'utf8'), why).toBe(before);
    }
    const baseline = readJson<BaselineFile>(readFileSync(join(dir, 'baseline.json'), 'utf8'));
    expect(baseline.schemaVersion).toBe(1);
    expect(baseline.entries).toHaveLength(recorded);
    expect(JSON.stringify(baseline)).not.toMatch(/"line"/);
    expect(Object.keys(baseline.entries[0]!).sort()).toEqual(['context', 'device', 'groupPolicy', 'object', 'ruleId', 'tunnelGroup']);
    expect(baseline.entries[0]).toMatchObject({ device: 'vpn-demo', context: null });

    const same = await cliWith({ cwd: dir }, 'audit', 'vpn-demo.cfg', '--baseline', 'baseline.json', '--format', 'json');
    expect(same.code).toBe(0);
    expect(auditJson(same.stdout).targets[0]!.findings).toEqual([]);
    expect(auditJson(same.stdout).baseline).toEqual({ suppressed: recorded, stale: [] });

    // 50 lines inserted above every finding: nothing comes back
    copyDemo(dir, (lines) => lines.splice(12, 0, ...Array.from({ length: 50 }, (_, i) => `access-list MGMT remark moved ${i}`)));
    const moved = await cliWith({ cwd: dir }, 'audit', 'vpn-demo.cfg', '--baseline', 'baseline.json', '--format', 'json');
    expect(auditJson(moved.stdout).targets[0]!.findings).toEqual([]);
    expect(moved.code).toBe(0);
  });

  it('reports new findings and stale entries', async () => {
    const dir = tempDir('ama-base-');
    copyDemo(dir);
    await cliWith({ cwd: dir }, 'audit', 'vpn-demo.cfg', '--write-baseline', 'baseline.json', '--format', 'json');
    // Fix one problem (GP-DOMAIN gateway DPD) and add a new one (keepalive on GP-FULL).
    copyDemo(dir, (lines) => {
      const i = lines.indexOf('  anyconnect dpd-interval gateway 30');
      lines[i] = '  anyconnect dpd-interval gateway none';
      const j = lines.indexOf('group-policy GP-FULL attributes');
      lines.splice(j + 1, 0, ' vpn-session-timeout none');
      const k = lines.indexOf('  anyconnect ssl keepalive none');
      lines[k] = '  anyconnect ssl keepalive 30';
    });
    const r = await cliWith({ cwd: dir }, 'audit', 'vpn-demo.cfg', '--baseline', 'baseline.json', '--format', 'json', '--verbose');
    const doc = auditJson(r.stdout);
    expect(doc.targets[0]!.findings.map((f) => [f.ruleId, f.tunnelGroup])).toEqual([['ssl-keepalive-enabled', 'MOBILE-FULL']]);
    expect(doc.baseline?.stale).toEqual([
      { device: 'vpn-demo', context: null, ruleId: 'server-side-dpd-enabled', tunnelGroup: 'MOBILE-DOMAIN', groupPolicy: 'GP-DOMAIN', object: null },
    ]);
    expect(r.stderr).toContain('baseline: 1 stale entry (fixed since the baseline was written)');
    expect(r.stderr).toContain('stale: server-side-dpd-enabled on vpn-demo (MOBILE-DOMAIN)');
    expect(r.code).toBe(1);
  });

  it('keeps the entries of files that share a hostname apart: one file never hides the findings of another', async () => {
    const dir = tempDir('ama-base-');
    const demo = readFileSync(fixture('demo/demo-headend.cfg'), 'utf8');
    // The same device twice (a standby unit's backup): a.cfg with keepalives on for GP-FULL, b.cfg without.
    const keepalive = demo.replace('  anyconnect ssl keepalive none', '  anyconnect ssl keepalive 30');
    expect(keepalive).not.toBe(demo);
    writeFileSync(join(dir, 'a.cfg'), keepalive);
    writeFileSync(join(dir, 'b.cfg'), demo);
    await cliWith({ cwd: dir }, 'audit', '.', '--write-baseline', 'baseline.json');
    const entries = readJson<BaselineFile>(readFileSync(join(dir, 'baseline.json'), 'utf8')).entries;
    expect(new Set(entries.map((e) => e.source))).toEqual(new Set(['a.cfg', 'b.cfg']));
    expect(entries.filter((e) => e.ruleId === 'ssl-keepalive-enabled' && e.tunnelGroup === 'MOBILE-FULL').map((e) => e.source)).toEqual(['a.cfg']);
    // The problem moves from a.cfg to b.cfg: the count of findings is the same, but b.cfg's is new.
    writeFileSync(join(dir, 'a.cfg'), demo);
    writeFileSync(join(dir, 'b.cfg'), keepalive);
    const moved = await cliWith({ cwd: dir }, 'audit', '.', '--baseline', 'baseline.json', '--format', 'json');
    expect(moved.code).toBe(1);
    const doc = auditJson(moved.stdout);
    expect(doc.targets.flatMap((t) => t.findings.map((f) => [t.source, f.ruleId, f.tunnelGroup]))).toEqual([['b.cfg', 'ssl-keepalive-enabled', 'MOBILE-FULL']]);
    expect(doc.baseline?.stale).toEqual([expect.objectContaining({ ruleId: 'ssl-keepalive-enabled', tunnelGroup: 'MOBILE-FULL', source: 'a.cfg' })]);
    // One of them audited alone: the other's entries are not looked at, so not stale; from the
    // repository's parent the recorded paths still name the same files.
    writeFileSync(join(dir, 'b.cfg'), demo);
    const alone = await cliWith({ cwd: dir }, 'audit', 'b.cfg', '--baseline', 'baseline.json', '--format', 'json');
    expect(alone.code).toBe(0);
    expect(auditJson(alone.stdout).baseline?.stale).toEqual([]);
    const parent = join(dir, '..');
    const rel = dir.slice(parent.length + 1);
    const fromParent = await cliWith({ cwd: parent }, 'audit', rel, '--baseline', join(rel, 'baseline.json'), '--format', 'json');
    expect(auditJson(fromParent.stdout).targets.flatMap((t) => t.findings)).toEqual([]);
    expect(auditJson(fromParent.stdout).baseline?.stale).toEqual([expect.objectContaining({ source: 'a.cfg' })]);
  });

  it('never calls an entry stale that the run did not judge: its rule off, its profile filtered out, its finding ignored', async () => {
    const dir = tempDir('ama-base-');
    copyDemo(dir);
    await cliWith({ cwd: dir }, 'audit', 'vpn-demo.cfg', '--write-baseline', 'baseline.json');
    writeFileSync(
      join(dir, '.asa-mobile-audit.yaml'),
      [
        'rules:',
        '  homepage-ignored-on-mobile: off',
        'profiles:',
        '  exclude: ["MOBILE-PERAPP"]',
        'ignore:',
        '  - rule: idle-timeout-short',
        '    reason: "sessions end at the proxy anyway (CHG-7)"',
      ].join('\n'),
    );
    const r = await cliWith({ cwd: dir }, 'audit', 'vpn-demo.cfg', '--baseline', 'baseline.json', '--format', 'json', '--verbose');
    expect(r.code).toBe(0);
    expect(auditJson(r.stdout).baseline?.stale).toEqual([]);
    expect(r.stderr).not.toMatch(/stale/);
    // A finding really fixed is still stale under the same configuration file.
    copyDemo(dir, (lines) => {
      const i = lines.indexOf('  anyconnect dpd-interval gateway 30');
      lines[i] = '  anyconnect dpd-interval gateway none';
    });
    const fixed = await cliWith({ cwd: dir }, 'audit', 'vpn-demo.cfg', '--baseline', 'baseline.json', '--format', 'json');
    expect(auditJson(fixed.stdout).baseline?.stale.map((e) => [e.ruleId, e.tunnelGroup])).toEqual([['server-side-dpd-enabled', 'MOBILE-DOMAIN']]);
  });

  it('calls no entry of a configuration cut short stale: its finding may be in the part the file lacks', async () => {
    const dir = tempDir('ama-base-');
    copyDemo(dir);
    await cliWith({ cwd: dir }, 'audit', 'vpn-demo.cfg', '--write-baseline', 'baseline.json');
    // A backup cut off before the tunnel-groups: their findings are gone from the file, not fixed.
    copyDemo(dir, (lines) => lines.splice(lines.findIndex((l) => l.startsWith('tunnel-group '))));
    for (const extra of [[], ['--allow-incomplete']]) {
      const r = await cliWith({ cwd: dir }, 'audit', 'vpn-demo.cfg', '--baseline', 'baseline.json', '--format', 'json', ...extra);
      expect(r.code, extra.join(' ')).toBe(extra.length === 0 ? 2 : 0);
      expect(auditJson(r.stdout).targets[0]!.complete).toBe(false);
      expect(auditJson(r.stdout).baseline?.stale, extra.join(' ')).toEqual([]);
      expect(r.stderr).not.toMatch(/stale/);
    }
  });

  it('says which devices of the baseline a run did not audit, and refuses to rewrite it from some of the files', async () => {
    const dir = tempDir('ama-base-');
    copyFileSync(fixture('synthetic/plain-916.cfg'), join(dir, 'hq.cfg'));
    copyFileSync(fixture('plan/dflt-collateral.cfg'), join(dir, 'dc.cfg'));
    await cliWith({ cwd: dir }, 'audit', '.', '--write-baseline', 'baseline.json');
    const before = readFileSync(join(dir, 'baseline.json'), 'utf8');
    // A backup job that wrote an error page instead of the configuration: the file is skipped, and the
    // gate must not pass in silence.
    writeFileSync(join(dir, 'dc.cfg'), '% Connection timed out; remote host not responding\n');
    const broken = await cliWith({ cwd: dir }, 'audit', '.', '--baseline', 'baseline.json', '--format', 'compact');
    expect(broken.stderr).toContain(
      'baseline: entries for 1 device this run did not audit: plan-dflt (gone, renamed, a changed hostname, or a file no longer read as a configuration?',
    );
    // Rewriting from one named file would drop the other device's entries: not written.
    copyFileSync(fixture('plan/dflt-collateral.cfg'), join(dir, 'dc.cfg'));
    const partial = await cliWith({ cwd: dir }, 'audit', 'hq.cfg', '--write-baseline', 'baseline.json');
    expect(partial.stderr).toContain('baseline.json not written: it holds entries for 1 device this run did not audit (plan-dflt)');
    // A "refresh the baseline" job that wrote nothing fails, even with nothing at or above --fail-on.
    expect(partial.code).toBe(2);
    expect((await cliWith({ cwd: dir }, 'audit', 'hq.cfg', '--write-baseline', 'baseline.json', '--fail-on', 'never')).code).toBe(2);
    expect(readFileSync(join(dir, 'baseline.json'), 'utf8')).toBe(before);
    // A run over the files a change touched sees some devices: no note.
    writeFileSync(join(dir, 'list.txt'), 'hq.cfg\n');
    expect((await cliWith({ cwd: dir }, 'audit', '--files-from', 'list.txt', '--baseline', 'baseline.json')).stderr).not.toContain('did not audit');
    // The directory again: every device, so a rewrite replaces the file (a device gone is dropped).
    writeFileSync(join(dir, 'dc.cfg'), '% Connection timed out\n');
    rmSync(join(dir, 'dc.cfg'));
    const full = await cliWith({ cwd: dir }, 'audit', '.', '--write-baseline', 'baseline.json');
    expect(full.stderr).toMatch(/wrote baseline\.json: \d+ findings recorded/);
    expect(readJson<BaselineFile>(readFileSync(join(dir, 'baseline.json'), 'utf8')).entries.every((e) => e.device === 'hq-asa')).toBe(true);
  });

  it('ties an entry to its file exactly when a shorter path would fit two files, and never calls an unread file fixed', async () => {
    const dir = tempDir('ama-base-');
    const demo = readFileSync(fixture('demo/demo-headend.cfg'), 'utf8');
    const fixed = demo.replace('hostname vpn-demo\n', 'hostname vpn-demo\ncrypto isakmp nat-traversal 3600\n');
    expect(fixed).not.toBe(demo);
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b', 'a'), { recursive: true });
    writeFileSync(join(dir, 'a', 'x.cfg'), demo);
    writeFileSync(join(dir, 'b', 'a', 'x.cfg'), fixed);
    await cliWith({ cwd: dir }, 'audit', '.', '--write-baseline', 'baseline.json');
    // The NAT-T finding moves from a/x.cfg to b/a/x.cfg: `a/x.cfg` also ends b/a/x.cfg, but the exact path wins.
    writeFileSync(join(dir, 'a', 'x.cfg'), fixed);
    writeFileSync(join(dir, 'b', 'a', 'x.cfg'), demo);
    const moved = await cliWith({ cwd: dir }, 'audit', '.', '--baseline', 'baseline.json', '--format', 'json');
    expect(moved.code).toBe(1);
    expect(auditJson(moved.stdout).targets.flatMap((t) => t.findings.map((f) => [t.source, f.ruleId]))).toEqual([['b/a/x.cfg', 'natt-keepalive-short']]);
    // One of the two backups becomes an error page: its entries are not checked, and said so, not "fixed".
    writeFileSync(join(dir, 'a', 'x.cfg'), demo);
    writeFileSync(join(dir, 'b', 'a', 'x.cfg'), '<html>502 Bad Gateway</html>\n');
    const broken = await cliWith({ cwd: dir }, 'audit', '.', '--baseline', 'baseline.json', '--format', 'json');
    expect(auditJson(broken.stdout).baseline?.stale).toEqual([]);
    expect(broken.stderr).toContain('baseline: entries for 1 device this run did not audit: vpn-demo (b/a/x.cfg)');
    // Rewriting from one of the two files would drop the other's entries: refused.
    writeFileSync(join(dir, 'b', 'a', 'x.cfg'), fixed);
    const before = readFileSync(join(dir, 'baseline.json'), 'utf8');
    const partial = await cliWith({ cwd: dir }, 'audit', 'a/x.cfg', '--write-baseline', 'baseline.json');
    expect(partial.stderr).toContain('baseline.json not written: it holds entries for 1 device this run did not audit (vpn-demo (b/a/x.cfg))');
    expect(readFileSync(join(dir, 'baseline.json'), 'utf8')).toBe(before);
  });

  it('names each file relative to the baseline, so runs from any directory tie entries to the right file', async () => {
    const dir = tempDir('ama-base-');
    const demo = readFileSync(fixture('demo/demo-headend.cfg'), 'utf8');
    const fixed = demo.replace('hostname vpn-demo\n', 'hostname vpn-demo\ncrypto isakmp nat-traversal 3600\n');
    for (const site of ['site1', 'site2', 'site3']) {
      mkdirSync(join(dir, site));
      writeFileSync(join(dir, site, 'asa.cfg'), demo);
    }
    await cliWith({ cwd: dir }, 'audit', 'site1/asa.cfg', 'site2/asa.cfg', 'site3/asa.cfg', '--write-baseline', 'b.json');
    const entries = readJson<BaselineFile>(readFileSync(join(dir, 'b.json'), 'utf8')).entries;
    expect(new Set(entries.map((e) => e.source))).toEqual(new Set(['site1/asa.cfg', 'site2/asa.cfg', 'site3/asa.cfg']));
    writeFileSync(join(dir, 'site2', 'asa.cfg'), fixed);
    const site1 = join(dir, 'site1');
    // One file, from its own directory: the other two files' entries are neither matched nor fixed.
    const one = await cliWith({ cwd: site1 }, 'audit', 'asa.cfg', '--baseline', '../b.json', '--format', 'json');
    expect(one.code).toBe(0);
    expect(auditJson(one.stdout).baseline?.stale).toEqual([]);
    expect(one.stderr).toContain('did not audit: vpn-demo (site2/asa.cfg), vpn-demo (site3/asa.cfg)');
    const before = readFileSync(join(dir, 'b.json'), 'utf8');
    const rewrite = await cliWith({ cwd: site1 }, 'audit', 'asa.cfg', '--write-baseline', '../b.json');
    expect(rewrite.stderr).toContain('not written: it holds entries for 2 devices this run did not audit');
    expect(rewrite.code).toBe(2);
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(before);
    // All three, named with ../ from there: each file its own entries; site2's fixed finding is stale.
    const all = await cliWith({ cwd: site1 }, 'audit', 'asa.cfg', '../site2/asa.cfg', '../site3/asa.cfg', '--baseline', '../b.json', '--format', 'json');
    expect(all.code).toBe(0);
    expect(auditJson(all.stdout).baseline?.stale.map((e) => [e.ruleId, e.source])).toEqual([['natt-keepalive-short', 'site2/asa.cfg']]);
    expect(all.stderr).not.toContain('did not audit');
  });

  it('refuses a file that is not a baseline with exit 2', async () => {
    const dir = tempDir('ama-base-');
    copyDemo(dir);
    writeFileSync(join(dir, 'bad.json'), '{"hello": 1}');
    const r = await cliWith({ cwd: dir }, 'audit', 'vpn-demo.cfg', '--baseline', 'bad.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.json: not an asa-mobile-audit baseline/);
    expect((await cliWith({ cwd: dir }, 'audit', 'vpn-demo.cfg', '--baseline', 'missing.json')).stderr).toMatch(/no such baseline file/);
    // An entry edited by hand into the wrong shape is named (it crashed the gate with exit 3).
    const entry = { device: 'vpn-demo', context: null, ruleId: 'x', tunnelGroup: null, groupPolicy: null, object: null };
    for (const [entries, why] of [
      [[{ ...entry, source: 5 }], 'entries[0]: `source` must be a string'],
      [[entry, null], 'entries[1]: not an object'],
      [[{ ...entry, ruleId: 7 }], 'entries[0]: `ruleId` must be a string'],
    ] as const) {
      writeFileSync(join(dir, 'bad.json'), JSON.stringify({ schemaVersion: 1, tool: 'asa-mobile-audit', entries }));
      const bad = await cliWith({ cwd: dir }, 'audit', 'vpn-demo.cfg', '--baseline', 'bad.json');
      expect(bad.code, why).toBe(2);
      expect(bad.stderr, why).toContain(`bad.json: ${why}`);
    }
  });
});
