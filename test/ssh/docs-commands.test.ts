// Docs that are true: every `sh` block of the README and docs/ that calls the tool is run, as a user
// would paste it, in a sandbox holding what the examples name (running.cfg, configs/, change.txt, a
// git repository, an inventory) with the built binary on PATH. SSH examples run against the fake ASA:
// the example host names map to it, the example password placeholder to its password.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ROOT, cliShim, fixture, tempDir } from '../helpers.js';
import { knownHosts, PASSWORD, startFake } from './live-kit.js';

const DOCS = ['README.md', 'docs/ci.md', 'docs/live-audit.md', 'docs/plan.md', ...readdirSync(join(ROOT, 'docs', 'rules')).map((f) => `docs/rules/${f}`)];

interface Block {
  file: string;
  line: number;
  script: string;
}

/**
 * Fenced sh blocks that call the tool, and the `run:`/`script:` commands of the CI examples (GitHub
 * workflow and GitLab YAML blocks) that do.
 */
function toolBlocks(): Block[] {
  const blocks: Block[] = [];
  const callsTool = (s: string): boolean => /(^|\|\s*|&&\s*)asa-mobile-audit\s/m.test(s);
  for (const file of DOCS) {
    const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const fence = /^```(sh|bash|shell|yaml)\s*$/.exec(lines[i]!);
      if (!fence) continue;
      const start = i + 1;
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
      const script = fence[1] === 'yaml' ? yamlCommands(body.join('\n')) : body.join('\n');
      if (callsTool(script)) blocks.push({ file, line: start, script });
    }
  }
  return blocks;
}

/** The shell commands of a CI YAML example: every `run:` string and `script:` list, in order. */
function yamlCommands(text: string): string {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch {
    return '';
  }
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === 'run' && typeof x === 'string') out.push(x);
        else if (k === 'script' && Array.isArray(x)) out.push(...x.filter((s): s is string => typeof s === 'string'));
        else walk(x);
      }
  };
  walk(doc);
  return out.join('\n');
}

function sandbox(port: number): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = tempDir('ama-docs-');
  const demo = fixture('demo/demo-headend.cfg');
  copyFileSync(demo, join(dir, 'running.cfg'));
  writeFileSync(
    join(dir, 'old.cfg'),
    readFileSync(demo, 'utf8').replace(' split-dns value corp.example.com lab.example.com\n', ' split-dns value corp.example.com\n'),
  );
  writeFileSync(join(dir, 'change.txt'), 'group-policy GP-SPLIT attributes\n split-dns value corp.example.com\n');
  cpSync(fixture('repo'), join(dir, 'configs'), { recursive: true });
  copyFileSync(demo, join(dir, 'configs', 'vpn-demo.cfg'));
  cpSync(join(ROOT, 'fixtures'), join(dir, 'fixtures'), { recursive: true });
  writeFileSync(join(dir, 'fleet.yaml'), `defaults:\n  user: audit\n  password-env: ASA_PW\nhosts:\n  - host: 127.0.0.1\n    port: ${port}\n`);
  // A repository with a staged change, for the git hook and --git examples.
  const git = (...args: string[]): void => {
    spawnSync('git', args, {
      cwd: dir,
      env: { ...process.env, GIT_AUTHOR_NAME: 'd', GIT_AUTHOR_EMAIL: 'd@e', GIT_COMMITTER_NAME: 'd', GIT_COMMITTER_EMAIL: 'd@e' },
    });
  };
  git('init', '-q', '-b', 'main');
  git('add', 'configs');
  git('commit', '-q', '-m', 'configs');
  writeFileSync(join(dir, 'configs', 'vpn-demo.cfg'), readFileSync(join(dir, 'old.cfg')));
  git('add', 'configs/vpn-demo.cfg');
  // `origin` is the sandbox itself, so the pull-request examples find origin/main.
  git('remote', 'add', 'origin', dir);
  git('fetch', '-q', 'origin');
  // The built binary on PATH, as an installed one would be; SSH trusts the fake's key.
  const bin = cliShim(join(dir, '.bin'));
  mkdirSync(join(dir, '.ssh'));
  knownHosts(join(dir, '.ssh'), [port]);
  return { dir, env: { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: dir, ASA_PW: PASSWORD, GITHUB_STEP_SUMMARY: join(dir, 'step-summary.md') } };
}

function runAsync(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', command], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => {
      resolve({ status, stdout, stderr });
    });
  });
}

/** Example values in the docs and what they stand for in the sandbox. */
function concrete(script: string, port: number): string {
  return script
    .replace(/\$\{\{\s*github\.base_ref\s*\}\}/g, 'main')
    .replace(/\$\{\{\s*github\.event\.number\s*\}\}/g, '1')
    .replace(/[a-z0-9-]+\.example\.net(:\d+)?/g, `127.0.0.1:${port}`)
    .replace(/'…'/g, `'${PASSWORD}'`)
    .replace(/OWNER\/asa-mobile-audit/g, 'example/asa-mobile-audit');
}

describe('the commands in the docs', () => {
  const blocks = toolBlocks();

  it('finds the examples (README, ci, live audit, plans)', () => {
    expect(new Set(blocks.map((b) => b.file))).toEqual(new Set(['README.md', 'docs/ci.md', 'docs/live-audit.md', 'docs/plan.md']));
  });

  it.each(blocks.map((b) => [`${b.file}:${b.line}`, b] as const))('%s runs', async (_, block) => {
    const fake = await startFake({ configs: { single: readFileSync(fixture('demo/demo-headend.cfg')) } });
    const { dir, env } = sandbox(fake.port);
    // Variable assignments earlier in a block (`BASE=...`) stay in force for the commands after them.
    const setup: string[] = [];
    for (const command of concrete(block.script, fake.port)
      .split(/(?<!\\)\n/)
      .map((l) => l.replace(/\\\n/g, ' ').trim())) {
      if (/^(export\s+)?[A-Za-z_][A-Za-z0-9_]*=/.test(command) && !/'…'/.test(command)) setup.push(command);
      if (command === '' || command.startsWith('#') || !/asa-mobile-audit\s/.test(command) || command.startsWith('git clone')) continue;
      // Asynchronously: the fake ASA answers from this process's event loop.
      const r = await runAsync([...setup, command].join('\n'), dir, env);
      // Findings (exit 1) are what the examples are for; anything else is a doc that lies.
      if (r.status !== 0 && r.status !== 1) throw new Error(`${block.file}:${block.line}: \`${command}\` exited ${String(r.status)}\n${r.stdout}${r.stderr}`);
      expect(r.stderr).not.toMatch(/internal error/);
    }
  });
});
