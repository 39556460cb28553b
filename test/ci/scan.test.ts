import { copyFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliWith, auditJson, fixture, tempDir } from '../helpers.js';

describe('repository scanning', () => {
  it('recognises ASA configs by content in a RANCID + Oxidized tree, skipping everything else quietly', async () => {
    const r = await cli('audit', 'fixtures/repo', '--format', 'json', '--fail-on', 'never');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const targets = auditJson(r.stdout).targets.map((t) => [t.source, t.context, t.hostname]);
    expect(targets).toEqual([
      ['fixtures/repo/oxidized/dc-asa', null, 'dc-asa'],
      ['fixtures/repo/oxidized/dc-asa', 'admin', 'admin'],
      ['fixtures/repo/oxidized/dc-asa', 'vpn', 'vpn'],
      ['fixtures/repo/oxidized/edge-oxi', null, 'edge-oxi'],
      ['fixtures/repo/rancid/vpn/configs/branch-rancid', null, 'branch-rancid'],
      ['fixtures/repo/rancid/vpn/configs/vpn-demo', null, 'vpn-demo'],
    ]);
  });

  it('lists skipped files and devices marked down in router.db with --verbose', async () => {
    const r = await cli('audit', 'fixtures/repo', '--format', 'json', '--fail-on', 'never', '--verbose');
    const skipped = r.stderr.trimEnd().split('\n');
    expect(skipped).toEqual([
      'asa-mobile-audit: skipped fixtures/repo/README.md: a .md file: documents and source files are not scanned (name it, or match it with files.include)',
      'asa-mobile-audit: skipped fixtures/repo/docs/CHANGES.txt: not an ASA configuration: no `ASA Version`, `group-policy`, `tunnel-group`, `webvpn` or other ASA-only line found',
      'asa-mobile-audit: skipped fixtures/repo/rancid/vpn/configs/branch-rtr:1: looks like a Cisco IOS configuration (`Building configuration...`), not an ASA configuration',
      'asa-mobile-audit: skipped fixtures/repo/rancid/vpn/configs/legacy-fw: marked `down` in router.db',
      'asa-mobile-audit: skipped fixtures/repo/rancid/vpn/router.db: not an ASA configuration: no `ASA Version`, `group-policy`, `tunnel-group`, `webvpn` or other ASA-only line found',
    ]);
  });

  it('audits exactly the files in --files-from (file or stdin), skipping listed non-configs', async () => {
    const list = 'fixtures/repo/rancid/vpn/configs/branch-rancid\n# a comment\n\nfixtures/repo/README.md\n';
    const r = await cliWith({ stdin: list }, 'audit', '--files-from', '-', '--format', 'json', '--fail-on', 'never');
    expect(r.code).toBe(0);
    expect(auditJson(r.stdout).targets.map((t) => t.source)).toEqual(['fixtures/repo/rancid/vpn/configs/branch-rancid']);
    const onlyDocs = await cliWith({ stdin: 'fixtures/repo/README.md\n' }, 'audit', '--files-from', '-');
    expect(onlyDocs.code).toBe(0); // a pull request that touched no config
    const missing = await cliWith({ stdin: 'fixtures/repo/gone.cfg\n' }, 'audit', '--files-from', '-');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/gone\.cfg: no such file/);
  });

  it('reads a file named twice, or named and found in a folder named with it, once', async () => {
    const dir = tempDir();
    copyFileSync(fixture('demo/demo-headend.cfg'), join(dir, 'a.cfg'));
    symlinkSync(join(dir, 'a.cfg'), join(dir, 'current.cfg'));
    const r = await cliWith({ cwd: dir }, 'audit', 'a.cfg', './a.cfg', '.', join(dir, 'current.cfg'), '--format', 'json', '--fail-on', 'never');
    expect(auditJson(r.stdout).targets.map((t) => t.source)).toEqual(['a.cfg']);
  });

  it('keeps going past bad files; the exit code reflects the worst outcome', async () => {
    const r = await cli('audit', 'fixtures/demo/demo-headend.cfg', 'fixtures/bad/gone.cfg', 'fixtures/synthetic/plain-916.cfg', '--format', 'json');
    expect(auditJson(r.stdout).targets).toHaveLength(2);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/gone\.cfg: no such file/);
  });

  it('skips named files that are not configurations with a note (what a pre-commit hook passes), failing only when nothing was audited', async () => {
    const r = await cli(
      'audit',
      'fixtures/demo/demo-headend.cfg',
      'fixtures/bad/config.json',
      'fixtures/repo/README.md',
      'fixtures/repo/rancid/vpn/router.db',
      '--format',
      'json',
    );
    expect(auditJson(r.stdout).targets).toHaveLength(1);
    expect(r.code).toBe(1); // the demo's findings, not the skipped files
    expect(r.stderr).toMatch(/skipped fixtures\/bad\/config\.json:1: this is JSON/);
    expect(r.stderr).toMatch(/skipped fixtures\/repo\/README\.md: not an ASA configuration/);
    expect(r.stderr).toMatch(/skipped fixtures\/repo\/rancid\/vpn\/router\.db: not an ASA configuration/);
    const none = await cli('audit', 'fixtures/bad/config.json', 'fixtures/repo/README.md');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no ASA configuration found/);
  });
});
