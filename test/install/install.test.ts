// The install paths the README gives, run for real: the tarball `npm pack` makes, installed globally
// into a scratch prefix from npm's cache (no network: `npm ci` filled it), and an install from the
// clone. Each installed binary audits the bundled demo.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, builtCli, tempDir } from '../helpers.js';

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { code: number; out: string } {
  const r = spawnSync(cmd, args, {
    cwd,
    env: { ...process.env, npm_config_loglevel: 'error', npm_config_fund: 'false', npm_config_audit: 'false', ...env },
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

function auditsTheDemo(bin: string): void {
  const version = run(bin, ['--version'], tempDir());
  expect(version.code).toBe(0);
  expect(version.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  const demo = join(ROOT, 'fixtures', 'demo', 'demo-headend.cfg');
  const audit = run(bin, ['audit', demo, '--format', 'compact'], tempDir());
  expect(audit.code).toBe(1);
  expect(audit.out).toMatch(/demo-headend\.cfg:149:1: error: Client DPD is off/);
  const rule = run(bin, ['rules', 'ios-dns-all-clear'], tempDir());
  expect(rule.out).toMatch(/^# ios-dns-all-clear/);
  // It runs the bundle (whatever times npm gave the unpacked files), not the modules one by one, with
  // the code cache the build made for it.
  const traced = run(bin, ['--version'], tempDir(), { NODE_DEBUG: 'asa-mobile-audit' });
  expect(traced.out).toMatch(/load \S*dist\/cli\.cjs \(code cache accepted\)/);
}

describe('install paths', () => {
  it('npm pack makes a tarball with what the tool needs and nothing that points at unshipped sources', () => {
    builtCli();
    const dir = tempDir();
    const pack = run('npm', ['pack', '--pack-destination', dir, '--json', '--ignore-scripts'], ROOT);
    expect(pack.code).toBe(0);
    const [info] = JSON.parse(pack.out.slice(pack.out.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const files = info!.files.map((f) => f.path);
    expect(files).toContain('dist/src/cli/main.js');
    expect(files).toContain('dist/cli.cjs');
    expect(files).toContain('dist/cli.cjs.cache');
    expect(files).toContain('docs/rules/ios-dns-all-clear.md');
    expect(files).toContain('LICENSE');
    expect(files.filter((f) => f.endsWith('.map') || f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
  });

  it('installs globally from that tarball (dependencies from npm’s cache where it has them), and the binary works', () => {
    builtCli();
    const dir = tempDir();
    run('npm', ['pack', '--pack-destination', dir, '--ignore-scripts'], ROOT);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    const prefix = join(dir, 'prefix');
    const install = run('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', join(dir, tarball)], dir);
    expect(install.code, install.out).toBe(0);
    auditsTheDemo(join(prefix, 'bin', 'asa-mobile-audit'));
  });

  it('installs globally from the clone (npm install --global .), as the README says', () => {
    builtCli();
    const prefix = join(tempDir(), 'prefix');
    const install = run('npm', ['install', '--global', '--prefix', prefix, '--offline', '--ignore-scripts', '.'], ROOT);
    expect(install.code, install.out).toBe(0);
    const bin = join(prefix, 'bin', 'asa-mobile-audit');
    expect(existsSync(bin)).toBe(true);
    auditsTheDemo(bin);
  });
});
