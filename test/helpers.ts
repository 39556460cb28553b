// Shared test helpers: fixture paths, in-process CLI runs, and a quick text → resolved pipeline.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, onTestFinished } from 'vitest';
import { runCli } from '../src/cli/program.js';
import type { AuditJsonDocument } from '../src/report/audit-json.js';
import type { ExplainJsonDocument } from '../src/report/explain-json.js';
import type { ReportInput } from '../src/report/report-input.js';
import type { AuditTarget } from '../src/audit/result.js';
import { RULES } from '../rules/index.js';
import { analyseBytes, analyseFile, type AnalysedTarget } from '../src/audit/pipeline.js';
import { parseConfigText, type ParsedConfig } from '../src/parse/parse.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * A fresh temporary directory, removed when the test that made it finishes (or, when made while the
 * tests are being collected, after the file's tests).
 */
export function tempDir(prefix = 'ama-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const remove = (): void => {
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    onTestFinished(remove);
  } catch {
    afterAll(remove);
  }
  return dir;
}

export function fixture(rel: string): string {
  return `${ROOT}fixtures/${rel}`;
}

export function corpus(name: string): string {
  return fixture(`corpus/${name}`);
}

/** Analyses a fixture and returns its single target (throws if the file has several sections). */
export function analyseOne(rel: string): AnalysedTarget {
  const targets = analyseFile(fixture(rel));
  if (targets.length !== 1) throw new Error(`${rel}: expected one section, got ${targets.length}`);
  return targets[0]!;
}

export function analyseText(text: string, source = 'inline.cfg'): AnalysedTarget {
  return analyseBytes(Buffer.from(text, 'utf8'), source)[0]!;
}

export function parse(text: string): ParsedConfig {
  return parseConfigText(text, 'inline.cfg');
}

/** A minimal complete config around the given body lines. */
export function wrapConfig(body: string, version = '9.16(4)'): string {
  return `: Saved\n:\nASA Version ${version} \n!\nhostname t-asa\n${body.replace(/\n?$/, '\n')}Cryptochecksum:00000000000000000000000000000000\n: end\n`;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(...argv: string[]): Promise<CliRun> {
  return cliWith({}, ...argv);
}

export interface CliOptions {
  isTTY?: boolean;
  /** The terminal width, when isTTY. */
  columns?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  today?: string;
  /** Standard input: text, or bytes (a configuration piped in as a file's bytes). */
  stdin?: string | Buffer;
  /** A terminal that answers secret prompts (absent: no terminal). */
  promptSecret?: (question: string) => Promise<string>;
  stderrIsTTY?: boolean;
}

export async function cliWith(opts: CliOptions, ...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: opts.isTTY ?? false,
    columns: opts.columns,
    env: opts.env ?? {},
    // The checkout root: it has no .asa-mobile-audit.yaml (tests that need one make a temp dir).
    cwd: opts.cwd ?? ROOT.replace(/\/$/, ''),
    now: () => new Date(`${opts.today ?? '2026-11-23'}T12:00:00Z`),
    readStdin: () => (Buffer.isBuffer(opts.stdin) ? opts.stdin.toString('utf8') : (opts.stdin ?? '')),
    readStdinBytes: () => (Buffer.isBuffer(opts.stdin) ? opts.stdin : Buffer.from(opts.stdin ?? '', 'utf8')),
    ...(opts.promptSecret ? { promptSecret: opts.promptSecret } : {}),
    ...(opts.stderrIsTTY ? { stderrIsTTY: true } : {}),
  });
  return { code, stdout, stderr };
}

export function profile(t: AnalysedTarget, name: string) {
  const p = t.resolved.profiles.find((x) => x.name === name);
  if (!p) throw new Error(`no profile ${name}; have ${t.resolved.profiles.map((x) => x.name).join(', ')}`);
  return p;
}

/** Newest modification time of the files under a directory of the checkout. */
function newest(dir: string): number {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((m, e) => Math.max(m, statSync(join(e.parentPath, e.name)).mtimeMs), 0);
}

/**
 * The built CLI, for tests that run dist/ under plain Node. `npm test` builds first; a stale dist/
 * (sources edited since the last build) would test old code, so it fails here, saying what to do.
 */
export function builtCli(): string {
  const cli = join(ROOT, 'dist', 'src', 'cli', 'main.js');
  let built = 0;
  try {
    // The binary runs dist/cli.cjs, bundled after tsc compiled the sources: the bundle is the build's last file.
    built = statSync(join(ROOT, 'dist', 'cli.cjs')).mtimeMs;
  } catch {
    // no dist/ (or no bundle) at all
  }
  const sources = Math.max(newest('src'), newest('rules'));
  if (built < sources) throw new Error('dist/ is older than src/ (or missing): run `npm run build` (npm test does) before these tests');
  return cli;
}

/** Makes `bin` (created if missing) hold an `asa-mobile-audit` that runs this checkout's build, as an installed binary on PATH would; returns `bin`. */
export function cliShim(bin: string): string {
  mkdirSync(bin, { recursive: true });
  const shim = join(bin, 'asa-mobile-audit');
  writeFileSync(shim, `#!/bin/sh\nexec node ${JSON.stringify(builtCli())} "$@"\n`);
  chmodSync(shim, 0o755);
  return bin;
}

/** `audit --format json` output, typed as its contract. */
/** What a formatter is handed for these targets, with the settings a plain `audit` run gives. */
export function reportInputOf(targets: AuditTarget[]): ReportInput {
  return {
    targets,
    inputErrors: [],
    rules: RULES,
    tool: { name: 'asa-mobile-audit', version: '0' },
    failOn: 'warning',
    cwd: process.cwd(),
    helpUriBase: 'https://example.com/docs/rules',
    display: { color: false, verbose: false, width: 80 },
    summary: { ignored: 0, baselined: 0 },
  };
}

export function auditJson(text: string): AuditJsonDocument {
  return JSON.parse(text) as AuditJsonDocument;
}

/** `explain-dns --format json` output, typed as its contract. */
export function explainJson(text: string): ExplainJsonDocument {
  return JSON.parse(text) as ExplainJsonDocument;
}

/** Any other JSON a test reads (package.json, SARIF, baselines), typed by the test. */
// The caller names the shape it expects; JSON.parse cannot check it.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function readJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
