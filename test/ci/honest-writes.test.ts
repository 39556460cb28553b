// Writes and exit codes that tell the truth: a report that could not be written is exit 2 with one
// line (never a stack trace, never exit 0 or 1), a closed pipe ends quietly, files are replaced
// atomically, and ordinary mistakes (paths, dates, URLs, ports, YAML bombs) are exit 2 before work.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtCli, cliWith, fixture, tempDir } from '../helpers.js';

const CLI = builtCli();
const DEMO = fixture('demo/demo-headend.cfg');

describe('standard output', () => {
  it('a full disk (/dev/full) is exit 2 with one line, no stack trace', (ctx) => {
    if (!existsSync('/dev/full')) ctx.skip();
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" audit "${DEMO}" --format sarif > /dev/full`], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('asa-mobile-audit: cannot write the report to standard output: no space left on device (the output is incomplete)\n');
  });

  it('a reader that closes the pipe (| head) ends the run quietly', async () => {
    // A large report (~1 MB: 40 configurations), so the write is still going when the reader leaves.
    const dir = tempDir();
    for (let i = 0; i < 40; i++) copyFileSync(DEMO, join(dir, `fw${i}.cfg`));
    const child = spawn(process.execPath, [CLI, 'audit', dir, '--format', 'json', '--fail-on', 'never'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(stderr).not.toMatch(/Error|at .*\.js|internal error/);
    expect(code).toBe(0);
  });
});

describe('files the tool writes', () => {
  it('--output replaces a report atomically and leaves no temporary file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'report.json'), 'old report');
    const r = await cliWith({ cwd: dir }, 'audit', DEMO, '--format', 'json', '--output', 'report.json', '--fail-on', 'never');
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toHaveProperty('targets');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('--output or --write-baseline onto a folder or into a missing folder is exit 2 before any work', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'reports'));
    for (const [flag, path, why] of [
      ['--output', 'reports', 'is a folder, not a file'],
      ['--output', 'missing/report.json', 'the folder'],
      ['--write-baseline', 'reports', 'is a folder, not a file'],
      ['--write-baseline', 'missing/b.json', 'does not exist'],
    ] as const) {
      const r = await cliWith({ cwd: dir }, 'audit', DEMO, flag, path);
      expect(r.code, `${flag} ${path}`).toBe(2);
      expect(r.stderr).toContain(why);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.stdout).toBe('');
    }
  });
});

describe('validation', () => {
  it('an ignore `until:` that is not a real day is exit 2 naming the line', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.asa-mobile-audit.yaml'), 'ignore:\n  - rule: ssl-keepalive-enabled\n    reason: proxy needs it\n    until: 2027-02-30\n');
    const r = await cliWith({ cwd: dir }, 'audit', DEMO);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.asa-mobile-audit\.yaml:4: ignore\[0\]\.until: `2027-02-30` is not a date/);
  });

  it('help URIs must be http(s), from the flag or the file', async () => {
    const dir = tempDir();
    const flag = await cliWith({ cwd: dir }, 'audit', DEMO, '--help-uri-base', 'javascript:alert(1)');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--help-uri-base: `javascript:alert(1)` is not an http(s) URL');
    writeFileSync(join(dir, '.asa-mobile-audit.yaml'), 'helpUriBase: "data:text/html,x"\n');
    const file = await cliWith({ cwd: dir }, 'audit', DEMO);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/\.asa-mobile-audit\.yaml:1: helpUriBase: `data:text\/html,x` is not an http\(s\) URL/);
  });

  it('YAML alias bombs in the configuration file and the inventory are exit 2 naming the file', async () => {
    const dir = tempDir();
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [i, n] of 'bcdefghij'.split('').entries())
      bomb.push(
        `${n}: &${n} [${Array(9)
          .fill(`*${i === 0 ? 'a' : 'bcdefghij'[i - 1]!}`)
          .join(', ')}]`,
      );
    writeFileSync(join(dir, 'inventory.yaml'), `${bomb.join('\n')}\nhosts: [fw1]\n`);
    const inv = await cliWith({ cwd: dir }, 'audit', '--inventory', 'inventory.yaml');
    expect(inv.code).toBe(2);
    expect(inv.stderr).toMatch(/inventory\.yaml: YAML aliases expand too far/);
    writeFileSync(join(dir, '.asa-mobile-audit.yaml'), `${bomb.join('\n')}\n`);
    const cfg = await cliWith({ cwd: dir }, 'audit', DEMO);
    expect(cfg.code).toBe(2);
    expect(cfg.stderr).toMatch(/\.asa-mobile-audit\.yaml: YAML aliases expand too far/);
  });

  it('ports, host names and context names are checked the same on the command line and in the inventory', async () => {
    const dir = tempDir();
    const cli = await cliWith({ cwd: dir }, 'audit', '--ssh', 'audit@fw1:70000');
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('port 70000 is not from 1 to 65535');
    // A port that is not a number is said to be one (it was "unknown host name" after a DNS lookup).
    const word = await cliWith({ cwd: dir }, 'audit', '--ssh', 'audit@fw1:abc');
    expect(word.code).toBe(2);
    expect(word.stderr).toContain('port abc is not a number from 1 to 65535');
    for (const [entry, why] of [
      ['  - fw1:ssh', 'port ssh is not a number from 1 to 65535'],
      // A quoted port: the map's own error, not "must be string" for the whole entry.
      ['  - host: fw1\n    port: "22"', 'hosts.0.port: must be integer'],
      ['  - fw1:70000', 'port 70000 is not from 1 to 65535'],
      ['  - "fw 1"', 'no spaces or control characters'],
      ['  - "-oProxyCommand=x"', 'does not start with `-`'],
      ['  - host: fw1\n    context: "a;b"', 'context `a;b` is not a security context name'],
    ] as const) {
      writeFileSync(join(dir, 'inventory.yaml'), `defaults:\n  user: audit\nhosts:\n${entry}\n`);
      const r = await cliWith({ cwd: dir }, 'audit', '--inventory', 'inventory.yaml');
      expect(r.code, entry).toBe(2);
      expect(r.stderr).toMatch(/inventory\.yaml:[45]: hosts\.0(\.port)?: /);
      expect(r.stderr).toContain(why);
      expect(r.stderr).not.toMatch(/internal error/);
    }
  });
});
