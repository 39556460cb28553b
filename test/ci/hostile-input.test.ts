// Input that must not exhaust or hang the machine: symbolic links to devices, FIFOs, oversized files,
// and files that are almost right (a stray NUL, a path starting with #, a `null` baseline).
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditJson, builtCli, cliWith, fixture, tempDir } from '../helpers.js';

const DEMO = fixture('demo/demo-headend.cfg');

function fifo(path: string): boolean {
  return spawnSync('mkfifo', [path]).status === 0;
}

describe('files that are not regular files', () => {
  it('refuses a named symlink to /dev/zero and a FIFO at once, with exit 2 and what they are', async () => {
    const dir = tempDir();
    symlinkSync('/dev/zero', join(dir, 'x.cfg'));
    const zero = await cliWith({ cwd: dir }, 'audit', 'x.cfg');
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('x.cfg: is a character device, not a regular file: not read');
    if (fifo(join(dir, 'pipe.cfg'))) {
      const pipe = await cliWith({ cwd: dir }, 'audit', 'pipe.cfg');
      expect(pipe.code).toBe(2);
      expect(pipe.stderr).toContain('pipe.cfg: is a FIFO (named pipe), not a regular file: not read');
    }
    // The documented pull-request job: a list naming the symlink.
    const listed = await cliWith({ cwd: dir, stdin: 'x.cfg\n' }, 'audit', '--files-from', '-');
    expect(listed.code).toBe(2);
    expect(listed.stderr).toContain('is a character device');
  });

  it('skips devices and FIFOs found while scanning, saying so with -v', async () => {
    const dir = tempDir();
    copyFileSync(DEMO, join(dir, 'real.cfg'));
    symlinkSync('/dev/zero', join(dir, 'zero.cfg'));
    fifo(join(dir, 'pipe.cfg'));
    const r = await cliWith({ cwd: dir }, 'audit', '.', '--format', 'json', '--fail-on', 'never', '-v');
    expect(r.code).toBe(0);
    expect(auditJson(r.stdout).targets.map((t) => t.source)).toEqual(['real.cfg']);
    expect(r.stderr).toMatch(/skipped zero\.cfg: not a regular file/);
  });

  it('refuses the same for baselines, identities, lists and change scripts', async () => {
    const dir = tempDir();
    symlinkSync('/dev/zero', join(dir, 'zero'));
    const baseline = await cliWith({ cwd: dir }, 'audit', DEMO, '--baseline', 'zero');
    expect(baseline.code).toBe(2);
    expect(baseline.stderr).toMatch(/zero: is a character device/);
    const list = await cliWith({ cwd: dir }, 'audit', '--files-from', 'zero');
    expect(list.stderr).toMatch(/--files-from .*zero: is a character device/);
    const script = await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'zero');
    expect(script.stderr).toMatch(/--commands zero: .*is a character device/);
  });

  it('caps what it reads: ASA_MOBILE_AUDIT_MAX_CONFIG_MB', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.cfg'), `${readFileSync(DEMO, 'utf8')}${'!\n'.repeat(700_000)}`);
    const r = await cliWith({ cwd: dir, env: { ASA_MOBILE_AUDIT_MAX_CONFIG_MB: '1' } }, 'audit', 'big.cfg');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/big\.cfg: is 1\.\d MiB, more than the 1 MiB read limit \(ASA_MOBILE_AUDIT_MAX_CONFIG_MB raises it\)/);
    expect((await cliWith({ cwd: dir }, 'audit', 'big.cfg', '--fail-on', 'never')).code).toBe(0);
  });
});

describe('folders that cannot be read', () => {
  // Root reads every folder, so as root the scan runs as `nobody` (setpriv); skipped where neither works.
  it('skips an unreadable folder with a note and audits the rest (exit by findings, not 3)', (ctx) => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    copyFileSync(DEMO, join(dir, 'real.cfg'));
    chmodSync(join(dir, 'real.cfg'), 0o644);
    mkdirSync(join(dir, 'locked'));
    copyFileSync(DEMO, join(dir, 'locked', 'hidden.cfg'));
    chmodSync(join(dir, 'locked'), 0o000);
    const cli = builtCli();
    const asRoot = process.getuid?.() === 0;
    const argv = [process.execPath, cli, 'audit', dir, '--format', 'json', '--fail-on', 'never'];
    const r = asRoot
      ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', ...argv], { encoding: 'utf8' })
      : spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8' });
    if (r.error || (asRoot && /Permission denied|Cannot find module|EACCES/.test(r.stderr) && r.stdout === '')) ctx.skip();
    expect(r.status).toBe(0);
    expect(auditJson(r.stdout).targets.map((t) => t.source)).toEqual([join(dir, 'real.cfg')]);
    expect(r.stderr).toMatch(/locked.*cannot list this folder \(permission denied\)/);
  });
});

describe('input that is almost right', () => {
  it('audits a configuration with a stray NUL byte instead of calling it binary', async () => {
    const dir = tempDir();
    const text = readFileSync(DEMO);
    writeFileSync(join(dir, 'nul.cfg'), Buffer.concat([text.subarray(0, 100), Buffer.from([0]), text.subarray(100)]));
    const r = await cliWith({ cwd: dir }, 'audit', '.', '--format', 'json', '--fail-on', 'never');
    expect(auditJson(r.stdout).targets.map((t) => t.hostname)).toEqual(['vpn-demo']);
    // A real binary is still refused.
    writeFileSync(join(dir, 'blob.bin'), Buffer.alloc(4096, 0));
    expect((await cliWith({ cwd: dir }, 'audit', 'blob.bin')).stderr).toMatch(/blob\.bin: binary file/);
  });

  it('reads a --files-from path that starts with # when the file exists', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '#archive'));
    copyFileSync(DEMO, join(dir, '#archive', 'vpn.cfg'));
    const r = await cliWith({ cwd: dir, stdin: '# a comment\n#archive/vpn.cfg\n' }, 'audit', '--files-from', '-', '--format', 'json', '--fail-on', 'never');
    expect(auditJson(r.stdout).targets.map((t) => t.source)).toEqual(['#archive/vpn.cfg']);
  });

  it('refuses a baseline that is JSON but not a baseline (null, an array) with exit 2', async () => {
    const dir = tempDir();
    for (const text of ['null', '[]', '42']) {
      writeFileSync(join(dir, 'b.json'), text);
      const r = await cliWith({ cwd: dir }, 'audit', DEMO, '--baseline', 'b.json');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('not an asa-mobile-audit baseline');
    }
  });
});
