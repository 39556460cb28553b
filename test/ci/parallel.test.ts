// Directory audits on worker threads must give byte-identical reports, skip lists and exit codes to
// the sequential path. Runs the built CLI (npm test builds first): workers load dist/src/audit/worker.js.
import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, tempDir, builtCli } from '../helpers.js';

const CLI = builtCli();

function run(dir: string, workers: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'audit', '.', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASA_MOBILE_AUDIT_WORKERS: workers },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('parallel directory audit', () => {
  it('matches the sequential audit exactly, including skipped files and their order', () => {
    const dir = tempDir('ama-par-');
    for (let i = 0; i < 12; i++) cpSync(fixture('repo'), join(dir, `site-${String(i).padStart(2, '0')}`), { recursive: true });
    cpSync(fixture('corpus'), join(dir, 'corpus'), { recursive: true });
    cpSync(fixture('bad'), join(dir, 'bad'), { recursive: true });
    writeFileSync(
      join(dir, '.asa-mobile-audit.yaml'),
      'rules:\n  idle-timeout-short: off\nprofiles:\n  exclude: ["LAB*"]\nfiles:\n  exclude:\n    - "site-03/"\n',
    );
    for (const format of ['json', 'sarif', 'table']) {
      const seq = run(dir, '0', '--format', format, '--verbose', '--allow-incomplete');
      const par = run(dir, '2', '--format', format, '--verbose', '--allow-incomplete');
      expect(seq.stdout.length).toBeGreaterThan(1000);
      expect(par.stdout).toBe(seq.stdout);
      // The parallel run really used workers, and says so only in --verbose.
      expect(par.stderr).toMatch(/^asa-mobile-audit: audited \d+ files on 2 worker threads$/m);
      expect(par.stderr.replace(/^asa-mobile-audit: audited \d+ files on 2 worker threads\n/m, '')).toBe(seq.stderr);
      expect(par.code).toBe(seq.code);
    }
    expect(run(dir, '0', '--verbose').stderr).toMatch(/skipped site-03\/.*excluded by the configuration file/);
  });
});
