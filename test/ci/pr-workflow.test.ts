// The pull-request workflow of docs/ci.md, run as GitHub runs it: its `run:` step under `bash -e` in a
// config repository with the built binary on PATH. The comment file must be written whatever the
// verdict (a later step posts it with `if: always()`), and the step must fail exactly when the gate does.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, cliShim, fixture, tempDir } from '../helpers.js';

const DEMO_TEXT = readFileSync(fixture('demo/demo-headend.cfg'), 'utf8');

interface Step {
  name?: string;
  if?: string;
  run?: string;
}

/** The steps of the `diff` workflow example in docs/ci.md. */
function diffWorkflowSteps(): Step[] {
  const text = readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8');
  const block = [...text.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1]!).find((b) => b.startsWith('name: asa-mobile-audit diff\n'));
  expect(block, 'the diff workflow example in docs/ci.md').toBeDefined();
  const doc = parse(block!) as { jobs: Record<string, { steps: Step[] }> };
  return Object.values(doc.jobs).flatMap((j) => j.steps);
}

/** A config repository whose branch `main` holds the demo, and HEAD the change; the tool on PATH. */
function repoWithChange(changed: string): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = tempDir();
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' };
  const git = (...args: string[]): void => {
    const r = spawnSync('git', args, { cwd: dir, env });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.toString()}`);
  };
  git('init', '-q', '-b', 'main');
  mkdirSync(join(dir, 'configs'));
  writeFileSync(join(dir, 'configs', 'vpn-demo.cfg'), DEMO_TEXT);
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'change');
  writeFileSync(join(dir, 'configs', 'vpn-demo.cfg'), changed);
  git('commit', '-q', '-am', 'the change');
  // `origin` is the repository itself, so origin/main is the pull request's base.
  git('remote', 'add', 'origin', dir);
  git('fetch', '-q', 'origin');
  const bin = cliShim(join(dir, '.bin'));
  return { dir, env: { ...env, PATH: `${bin}:${process.env.PATH ?? ''}` } };
}

/** The `run:` step that calls the tool, as GitHub runs it (bash -e), with the pull request's base. */
function runGate(changed: string): { code: number | null; dir: string; stdout: string } {
  const step = diffWorkflowSteps().find((s) => s.run?.includes('asa-mobile-audit diff'))!;
  const { dir, env } = repoWithChange(changed);
  const script = step.run!.replace(/\$\{\{\s*github\.base_ref\s*\}\}/g, 'main');
  const r = spawnSync('bash', ['-e', '-c', script], { cwd: dir, env, encoding: 'utf8' });
  return { code: r.status, dir, stdout: r.stdout };
}

describe('the pull-request workflow of docs/ci.md', () => {
  it('writes the comment file whatever the verdict, and fails the step exactly when the gate fails', () => {
    // A configuration cut short by a failed backup: not compared, exit 2, and the comment says so.
    const truncated = runGate(DEMO_TEXT.split('\n').slice(0, 200).join('\n') + '\n');
    expect(truncated.code).toBe(2);
    expect(readFileSync(join(truncated.dir, 'diff.md'), 'utf8')).toMatch(/^## asa-mobile-audit diff: .*1 device not compared \(incomplete\)$/m);
    // A change that introduces a warning: exit 1, annotations on stdout, and the comment.
    const worse = runGate(DEMO_TEXT.replace(' split-dns value corp.example.com lab.example.com\n', ''));
    expect(worse.code).toBe(1);
    expect(worse.stdout).toMatch(/^::warning file=configs\/vpn-demo\.cfg,/m);
    expect(readFileSync(join(worse.dir, 'diff.md'), 'utf8')).toMatch(/^## asa-mobile-audit diff: 1 device changed, [1-9]\d* finding\(s\) introduced/m);
    // A change that introduces nothing passes, and is still commented on.
    const fine = runGate(DEMO_TEXT.replace(' split-dns value corp.example.com lab.example.com\n', ' split-dns value corp.example.com\n'));
    expect(fine.code).toBe(0);
    expect(existsSync(join(fine.dir, 'diff.md'))).toBe(true);
  });

  it('posts the comment after a failed gate, whenever the comment file exists', () => {
    const comment = diffWorkflowSteps().find((s) => s.run?.includes('--body-file diff.md'))!;
    expect(comment.if).toMatch(/^always\(\)/);
    expect(comment.if).toContain("hashFiles('diff.md')");
  });
});
