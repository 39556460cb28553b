// The pre-commit hook (.pre-commit-hooks.yaml), run by Debian's pre-commit with `try-repo` against a
// scratch repository: a commit that touches a configuration with findings fails, one that touches
// only documents passes. Skipped, saying so, where pre-commit is not installed (.ci/run installs it).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cliShim, fixture, tempDir } from '../helpers.js';

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
if (!hasPreCommit) console.warn('pre-commit is not installed: skipping the hook test (apt-get install pre-commit)');

function repoWith(files: Record<string, string>): string {
  const dir = tempDir();
  const git = (...args: string[]): void => {
    spawnSync('git', args, {
      cwd: dir,
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' },
    });
  };
  git('init', '-q');
  for (const [name, from] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    copyFileSync(from, join(dir, name));
  }
  git('add', '.');
  return dir;
}

/** A PATH with `asa-mobile-audit` running this checkout's build (the hook uses the one on PATH). */
function shimPath(): string {
  return `${cliShim(tempDir())}:${process.env.PATH ?? ''}`;
}

describe.skipIf(!hasPreCommit)('the pre-commit hook', () => {
  it('fails a commit that brings a configuration with findings, and passes one with only documents', () => {
    const env = { ...process.env, PATH: shimPath(), PRE_COMMIT_HOME: tempDir() };
    const bad = repoWith({ 'configs/vpn-demo.cfg': fixture('demo/demo-headend.cfg'), 'README.md': fixture('repo/README.md') });
    const r = spawnSync('pre-commit', ['try-repo', ROOT, 'asa-mobile-audit', '--all-files'], { cwd: bad, env, encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/configs\/vpn-demo\.cfg:149:1: error: Client DPD is off/);
    const docs = repoWith({ 'README.md': fixture('repo/README.md'), 'docs/CHANGES.txt': fixture('repo/docs/CHANGES.txt') });
    const ok = spawnSync('pre-commit', ['try-repo', ROOT, 'asa-mobile-audit', '--all-files'], { cwd: docs, env, encoding: 'utf8' });
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
  });
});
