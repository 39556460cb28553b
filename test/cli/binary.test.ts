// The binary (dist/src/cli/main.js) runs the CLI bundled into dist/cli.cjs by `npm run build`; in a
// checkout, the compiled modules themselves when one is newer than the bundle (a build by plain tsc or
// tsc --watch): the newest compiled code always runs, and both give the same output. The bundle runs
// with the V8 code cache the build wrote beside it (dist/cli.cjs.cache) when V8 accepts it.
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtCli, fixture, ROOT, tempDir } from '../helpers.js';

const DEMO = fixture('demo/demo-headend.cfg');
const AUDIT_DEMO = ['audit', DEMO, '--format', 'json', '--fail-on', 'never'];
/** --format table: the bundle's lazy load of a package (`table`) must resolve from dist/. */
const TABLE_DEMO = ['audit', DEMO, '--format', 'table', '--fail-on', 'never'];
/** A time before any build: a file set to it is older than everything else. */
const LONG_AGO = new Date('2020-01-01T00:00:00Z');

/** A copy of the built package (dist/, package.json, node_modules linked) to tamper with. */
function builtCopy(): string {
  builtCli();
  const copy = tempDir();
  cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
  copyFileSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

/** Runs a binary with Node's module-loading trace, and the binary's own, on stderr. */
function traced(cli: string, args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'module,esm,asa-mobile-audit' } });
}

/** The binary's own trace line for the bundle it ran, with what became of the code cache. */
const bundleLoaded = (dist: string, cache: string) => `load ${join(dist, 'cli.cjs')} (code cache ${cache})`;

describe('the binary', () => {
  it('runs the bundle, not the modules, after npm run build', () => {
    const r = traced(builtCli(), AUDIT_DEMO);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(bundleLoaded(join(ROOT, 'dist'), 'accepted'));
    expect(r.stderr).not.toContain('dist/src/cli/program.js');
    expect(r.stdout).toContain('"schemaVersion": 1');
  });

  it('without its code cache, or with one V8 refuses, compiles the bundle and gives the same output', () => {
    const withCache = traced(builtCli(), TABLE_DEMO);
    expect(withCache.stderr).toContain(bundleLoaded(join(ROOT, 'dist'), 'accepted'));
    const caches: Array<[string, 'absent' | 'rejected', (dist: string) => void]> = [
      [
        'no cache file',
        'absent',
        (dist) => {
          rmSync(join(dist, 'cli.cjs.cache'));
        },
      ],
      [
        'the cache of an earlier bundle',
        'rejected',
        (dist) => {
          appendFileSync(join(dist, 'cli.cjs'), '\n// rebuilt\n');
        },
      ],
      [
        'a cache cut short',
        'rejected',
        (dist) => {
          truncateSync(join(dist, 'cli.cjs.cache'), 4096);
        },
      ],
      [
        'not a cache at all',
        'rejected',
        (dist) => {
          writeFileSync(join(dist, 'cli.cjs.cache'), 'not a V8 code cache');
        },
      ],
    ];
    for (const [what, use, spoil] of caches) {
      const copy = builtCopy();
      spoil(join(copy, 'dist'));
      const r = traced(join(copy, 'dist', 'src', 'cli', 'main.js'), TABLE_DEMO);
      expect(r.status, what).toBe(0);
      expect(r.stderr, what).toContain(bundleLoaded(join(copy, 'dist'), use));
      expect(r.stdout, what).toBe(withCache.stdout);
    }
  });

  it('with its code cache, runs every path that loads a package lazily (yaml, ajv, table), and holds no import()', () => {
    // Functions V8 takes from a code cache lose the script's dynamic-import callback: an import() left in
    // the bundle failed as an internal error on the first inventory run (CI, docs/live-audit.md:8).
    expect(readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'utf8')).not.toMatch(/\bimport\(/);
    const dir = tempDir();
    const inventory = join(dir, 'fleet.yaml');
    writeFileSync(inventory, 'hosts:\n  - host: 192.0.2.1\n    colour: red\n');
    const runs: Array<[string[], number, RegExp, 'stdout' | 'stderr']> = [
      [['audit', '--inventory', inventory], 2, /fleet\.yaml:3: hosts\.0\.colour: unknown key `colour`/, 'stderr'],
      [['audit', DEMO, '--print-config'], 0, /^failOn: warning$/m, 'stdout'],
      [TABLE_DEMO, 0, /╔|┌|\|/, 'stdout'],
    ];
    for (const [args, status, expected, stream] of runs) {
      const r = traced(builtCli(), args);
      expect(r.stderr, args.join(' ')).toContain(bundleLoaded(join(ROOT, 'dist'), 'accepted'));
      expect(r.stderr, args.join(' ')).not.toMatch(/internal error|ExperimentalWarning/);
      expect(r.status, args.join(' ')).toBe(status);
      expect(r[stream], args.join(' ')).toMatch(expected);
    }
  });

  it('in a checkout, runs the modules when any compiled module is newer than the bundle, with the same output', () => {
    const fromBundle = spawnSync(process.execPath, [builtCli(), ...AUDIT_DEMO], { encoding: 'utf8' });
    const builds: Array<[string, (copy: string) => void]> = [
      [
        'plain tsc: the bundle is older than every module',
        (copy) => {
          utimesSync(join(copy, 'dist', 'cli.cjs'), LONG_AGO, LONG_AGO);
        },
      ],
      [
        'tsc --watch: only the edited module is newer',
        (copy) => {
          const soon = new Date(Date.now() + 60_000);
          utimesSync(join(copy, 'dist', 'src', 'engine', 'engine.js'), soon, soon);
        },
      ],
    ];
    for (const [build, age] of builds) {
      const copy = builtCopy();
      mkdirSync(join(copy, 'src'));
      age(copy);
      const fromModules = traced(join(copy, 'dist', 'src', 'cli', 'main.js'), AUDIT_DEMO);
      expect(fromModules.status, build).toBe(0);
      expect(fromModules.stderr, build).not.toContain('cli.cjs');
      expect(fromModules.stderr, build).toContain('dist/src/cli/program.js');
      expect(fromModules.stdout, build).toBe(fromBundle.stdout);
    }
  });

  it("installed (no src/ beside dist/), runs the bundle whatever the files' times", () => {
    const copy = builtCopy();
    utimesSync(join(copy, 'dist', 'cli.cjs'), LONG_AGO, LONG_AGO);
    const r = traced(join(copy, 'dist', 'src', 'cli', 'main.js'), ['--version']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(bundleLoaded(join(copy, 'dist'), 'accepted'));
    expect(r.stderr).not.toContain('dist/src/cli/program.js');
  });

  it('runs the bundle in strict mode, as the modules run (its first statement is the directive)', () => {
    builtCli();
    expect(readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'utf8').split('\n')[0]).toBe("'use strict';");
  });
});
