// The binary (dist/src/cli/main.js) runs the CLI bundled into dist/cli.cjs by `npm run build`, or the
// compiled modules themselves when the bundle is older than them (a build by plain tsc): the newest
// compiled code always runs, and both give the same output.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, symlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtCli, fixture, ROOT, tempDir } from '../helpers.js';

const DEMO = fixture('demo/demo-headend.cfg');

/** Runs a binary with Node's module-loading trace on stderr. */
function traced(cli: string, args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'module,esm' } });
}

describe('the binary', () => {
  it('runs the bundle, not the modules, after npm run build', () => {
    const r = traced(builtCli(), ['audit', DEMO, '--format', 'json', '--fail-on', 'never']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`load "${join(ROOT, 'dist', 'cli.cjs')}"`);
    expect(r.stderr).not.toContain('dist/src/cli/program.js');
    expect(r.stdout).toContain('"schemaVersion": 1');
  });

  it('runs the modules when the bundle is older than them, with the same output', () => {
    const copy = tempDir();
    cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
    copyFileSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(copy, 'dist', 'cli.cjs'), old, old);
    const args = ['audit', DEMO, '--format', 'json', '--fail-on', 'never'];
    const fromModules = traced(join(copy, 'dist', 'src', 'cli', 'main.js'), args);
    expect(fromModules.status).toBe(0);
    expect(fromModules.stderr).not.toContain('cli.cjs');
    expect(fromModules.stderr).toContain('dist/src/cli/program.js');
    const fromBundle = spawnSync(process.execPath, [builtCli(), ...args], { encoding: 'utf8' });
    expect(fromModules.stdout).toBe(fromBundle.stdout);
    expect(fromModules.stdout).toContain('"ruleId"');
  });
});
