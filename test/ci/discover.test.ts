// Scanning a config repository: only files with strong evidence of an ASA configuration are audited;
// documents and source files, .gitignore'd paths, .git and node_modules are not; symbolic links are
// followed once. Lists from --files-from may be NUL-separated or hold git-quoted paths.
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unquoteGitPath } from '../../src/audit/audit.js';
import { auditJson, cliWith, fixture, tempDir } from '../helpers.js';

const DEMO = fixture('demo/demo-headend.cfg');

/** A repository with one real config and every kind of file that quotes ASA lines. */
function repo(): string {
  const dir = tempDir();
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'configs'));
  mkdirSync(join(dir, 'docs', 'rules'), { recursive: true });
  mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
  mkdirSync(join(dir, 'build'));
  copyFileSync(DEMO, join(dir, 'configs', 'vpn-demo'));
  copyFileSync(DEMO, join(dir, 'node_modules', 'pkg', 'fixture.cfg'));
  copyFileSync(DEMO, join(dir, 'build', 'copy.cfg'));
  copyFileSync(DEMO, join(dir, '.git', 'ORIG.cfg'));
  writeFileSync(join(dir, '.gitignore'), 'build/\n*.bak\n');
  copyFileSync(DEMO, join(dir, 'configs', 'vpn-demo.bak'));
  // A rule page and a runbook quoting ASA lines; source code with a config in a string.
  writeFileSync(join(dir, 'docs', 'rules', 'split-dns.md'), '# split-dns\n\n```\ngroup-policy GP attributes\n split-dns value corp.example.com\n```\n');
  writeFileSync(
    join(dir, 'docs', 'runbook.txt'),
    '# Change runbook\n\n1. Paste:\n```\ntunnel-group MOBILE webvpn-attributes\n group-alias Mobile enable\nwebvpn\n anyconnect enable\n```\n',
  );
  writeFileSync(join(dir, 'docs', 'notes.txt'), 'hostname x\ngroup-policy GP attributes\n vpn-idle-timeout 30\n');
  writeFileSync(join(dir, 'test.ts'), "const cfg = 'ASA Version 9.16(4)\\ngroup-policy GP internal';\n");
  return dir;
}

describe('scanning a repository', () => {
  it('audits only configurations, and says why each other file was skipped', async () => {
    const dir = repo();
    const r = await cliWith({ cwd: dir }, 'audit', '.', '--format', 'json', '--fail-on', 'never', '--verbose');
    expect(r.code).toBe(0);
    expect(auditJson(r.stdout).targets.map((t) => t.source)).toEqual(['configs/vpn-demo']);
    const skipped = r.stderr.split('\n').filter((l) => l.includes('skipped'));
    expect(skipped).toEqual(
      expect.arrayContaining([
        expect.stringContaining('skipped build/: ignored by .gitignore'),
        expect.stringContaining('skipped configs/vpn-demo.bak: ignored by .gitignore'),
        expect.stringContaining('skipped docs/rules/split-dns.md: a .md file: documents and source files are not scanned'),
        expect.stringMatching(/skipped docs\/runbook\.txt:1: a document or source file that quotes ASA lines/),
        expect.stringMatching(/skipped docs\/notes\.txt: not enough evidence of an ASA configuration/),
        expect.stringContaining('skipped test.ts: a .ts file'),
      ]),
    );
    // Never walked, so never mentioned.
    expect(r.stderr).not.toMatch(/node_modules|\.git\//);
    // Without --verbose, a scan is quiet.
    expect((await cliWith({ cwd: dir }, 'audit', '.', '--fail-on', 'never')).stderr).toBe('');
  });

  it('audits a document extension that files.include names, and a file named on the command line with less evidence', async () => {
    const dir = repo();
    writeFileSync(join(dir, 'configs', 'edge.yaml'), readFileSync(DEMO));
    writeFileSync(join(dir, '.asa-mobile-audit.yaml'), 'files:\n  include: ["configs/**"]\n');
    const r = await cliWith({ cwd: dir }, 'audit', '.', '--format', 'json', '--fail-on', 'never');
    expect(auditJson(r.stdout).targets.map((t) => t.source)).toEqual(['configs/edge.yaml', 'configs/vpn-demo']);
    const named = await cliWith({ cwd: dir }, 'audit', 'docs/notes.txt', '--format', 'json', '--fail-on', 'never');
    expect(auditJson(named.stdout).targets.map((t) => t.source)).toEqual(['docs/notes.txt']);
    // Named or not, a document quoting ASA lines is not a configuration.
    const runbook = await cliWith({ cwd: dir }, 'audit', 'docs/runbook.txt');
    expect(runbook.code).toBe(2);
    expect(runbook.stderr).toMatch(/skipped docs\/runbook\.txt:1: a document or source file/);
  });

  it('scans a folder the user names even when a .gitignore above it ignores it', async () => {
    const dir = repo();
    const r = await cliWith({ cwd: dir }, 'audit', 'build', '--format', 'json', '--fail-on', 'never');
    expect(auditJson(r.stdout).targets.map((t) => t.source)).toEqual(['build/copy.cfg']);
  });

  it('follows symbolic links once and reports a loop', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    copyFileSync(DEMO, join(dir, 'real', 'vpn-demo'));
    symlinkSync(join(dir, 'real'), join(dir, 'linked'));
    symlinkSync(dir, join(dir, 'real', 'back-to-top'));
    const r = await cliWith({ cwd: dir }, 'audit', '.', '--format', 'json', '--fail-on', 'never', '--verbose');
    // `linked` comes first and is the same folder as `real`: each folder is scanned once.
    expect(auditJson(r.stdout).targets.map((t) => t.source)).toEqual(['linked/vpn-demo']);
    expect(r.stderr).toMatch(/skipped real: the same folder as one already scanned, through a symbolic link/);
    // The link back to the top stops there instead of looping.
    expect(r.stderr).toMatch(/skipped linked\/back-to-top: the same folder as one already scanned/);
  });
});

describe('--files-from', () => {
  it('reads NUL-separated lists (-z) and git-quoted paths', async () => {
    const dir = tempDir();
    copyFileSync(DEMO, join(dir, 'café.cfg'));
    copyFileSync(DEMO, join(dir, 'with\nnewline.cfg'));
    const z = await cliWith({ cwd: dir, stdin: 'café.cfg\0with\nnewline.cfg\0' }, 'audit', '--files-from', '-', '-z', '--format', 'json', '--fail-on', 'never');
    expect(auditJson(z.stdout).targets.map((t) => t.source)).toEqual(['café.cfg', 'with\nnewline.cfg']);
    const quoted = await cliWith({ cwd: dir, stdin: '"caf\\303\\251.cfg"\n' }, 'audit', '--files-from', '-', '--format', 'json', '--fail-on', 'never');
    expect(auditJson(quoted.stdout).targets.map((t) => t.source)).toEqual(['café.cfg']);
  });

  it('passes (exit 0, with a note) a list that holds no configuration: a change that touched none', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'not a configuration\n');
    for (const stdin of ['notes.txt\n', '']) {
      const r = await cliWith({ cwd: dir, stdin }, 'audit', '--files-from', '-');
      expect(r.code, JSON.stringify(stdin)).toBe(0);
      expect(r.stderr).toContain('no ASA configuration found in the list from --files-from -');
    }
    // The same file named as a path is an error: nothing at all could be audited.
    expect((await cliWith({ cwd: dir }, 'audit', 'notes.txt')).code).toBe(2);
  });

  it('unquotes what git quotes and leaves other lines alone', () => {
    expect(unquoteGitPath('"configs/caf\\303\\251 \\"x\\".cfg"')).toBe('configs/café "x".cfg');
    expect(unquoteGitPath('"tab\\there"')).toBe('tab\there');
    expect(unquoteGitPath('plain/path.cfg')).toBe('plain/path.cfg');
    expect(unquoteGitPath('"bad\\qescape"')).toBe('"bad\\qescape"');
  });
});
