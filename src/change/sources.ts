// The two sides of a `diff`: files, directories (devices matched by hostname, then by path), or two
// revisions of a git repository read with `git show`-style blob reads (no checkout, no working-tree
// change). Files that are not ASA configs are skipped quietly where they were found by listing.

import { execFileSync } from 'node:child_process';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { planPaths, type AuditOptions } from '../audit/audit.js';
import { analyseBytes, analyseFile, type AnalysedTarget } from '../audit/pipeline.js';
import { InputError } from '../input/load.js';
import { snapshotOf, type DeviceSnapshot } from './snapshot.js';

export interface SideDevice {
  snapshot: DeviceSnapshot;
  /** The file's path relative to its side's root (what pairs devices that have no hostname). */
  path: string;
}

export interface Side {
  devices: SideDevice[];
  errors: InputError[];
  /**
   * Files found by listing that were skipped quietly (empty, binary, not an ASA configuration): not an
   * error on their own, but a device the other side has there was not removed.
   */
  skipped: InputError[];
}

const QUIET: ReadonlySet<InputError['kind']> = new Set(['not-asa', 'empty', 'binary']);

/**
 * Where a file sits in its side, the path devices without a hostname are paired by: relative to the
 * side's root with `/` ('' for the root file itself); in a git range (`root` null) the path after `REV:`.
 */
export function sidePath(root: string | null, file: string): string {
  if (root === null) return file.replace(/^[^:]*:/, '');
  return file === root ? '' : relative(root, file).split(sep).join('/');
}

/** A file or a directory (scanned like `audit DIR`). */
export function sideFromPath(path: string, options: AuditOptions): Side {
  const side: Side = { devices: [], errors: [], skipped: [] };
  for (const p of planPaths([path], options)) {
    if (p.skip !== null) continue;
    let analysed: AnalysedTarget[];
    try {
      analysed = analyseFile(p.file, p.evidence, options.maxConfigBytes, options.sideFiles);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      if (!(!p.named && QUIET.has(err.kind))) side.errors.push(err);
      else side.skipped.push(err);
      continue;
    }
    const rel = sidePath(path, p.file);
    for (const a of analysed) side.devices.push({ snapshot: snapshotOf(a, options), path: rel });
  }
  return side;
}

export class GitError extends Error {
  /** What git itself said (its first line, without `fatal: `), when a git command failed. */
  constructor(
    message: string,
    readonly git?: string,
  ) {
    super(message);
  }
}

/**
 * `BASE..HEAD`, `BASE..` (git's shorthand for BASE..HEAD) or `BASE` (then HEAD): the two revisions to
 * compare. Anything else is refused with what is wrong with it.
 */
export function parseRange(range: string): { base: string; head: string } {
  const refuse = (why: string): never => {
    throw new GitError(`--git ${range}: ${why}; give BASE..HEAD, or BASE.. or BASE to compare BASE with HEAD`);
  };
  if (range.trim() === '') refuse('no revision');
  if (range.includes('...')) refuse('three dots (the changes on either side since a merge base) are not supported');
  const parts = range.split('..');
  if (parts.length > 2) refuse('more than two revisions');
  const [base, head = ''] = parts as [string, string?];
  if (base === '') refuse(head === '' ? 'no revision' : `no base revision before \`..\` (git reads \`..${head}\` as HEAD..${head}: write that if it is meant)`);
  for (const rev of [base, head]) {
    if (rev.startsWith('-')) refuse(`a revision cannot start with \`-\` (\`${rev}\`)`);
    if (/\s/.test(rev)) refuse('a revision cannot hold spaces');
  }
  return { base, head: head === '' ? 'HEAD' : head };
}

/**
 * The files under `paths` that differ between two revisions, each side read from git's object store.
 * The configuration file's `files.include`/`exclude` (`options.fileFilter`, on the file's place in the
 * working tree) leave files out as they do when `audit DIR` scans; a path named exactly is read, as a
 * file named on the command line is. `excluded`: the changed files left out that way.
 */
export function sidesFromGit(
  repo: string,
  range: { base: string; head: string },
  paths: string[],
  options: AuditOptions,
): { old: Side; new: Side; root: string; excluded: string[] } {
  const git = (args: string[]): Buffer => {
    try {
      return execFileSync('git', ['-C', repo, ...args], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      const e = err as { stderr?: Buffer; code?: string };
      if (e.code === 'ENOENT') throw new GitError('git is not installed (needed for --git)');
      const said = (e.stderr?.toString() ?? String(err)).trim().split('\n')[0] ?? '';
      throw new GitError(`git ${args.join(' ')}: ${said}`, said.replace(/^fatal: /, ''));
    }
  };
  try {
    git(['rev-parse', '--git-dir']);
  } catch (err) {
    if (err instanceof GitError && /not installed/.test(err.message)) throw err;
    throw new GitError(`--git: ${repo} is not inside a git repository (run diff --git from the repository's working tree)`);
  }
  for (const rev of [range.base, range.head]) {
    try {
      git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
    } catch (err) {
      if (err instanceof GitError && /not installed/.test(err.message)) throw err;
      throw new GitError(`--git: \`${rev}\` is not a commit in the repository at ${repo} (is it fetched? CI checkouts are shallow: fetch-depth: 0)`);
    }
  }
  // A path (or pathspec) that names nothing on either side is a typo, not "no change": it would
  // pass the gate without looking at anything. Compared with the empty tree, every file of a revision shows.
  const empty = git(['hash-object', '-t', 'tree', '/dev/null']).toString('utf8').trim();
  // The top of the working tree spelled from the working directory (not git's resolved path), so a
  // configuration file found through a symbolic link filters the same files as `audit DIR` does.
  const top = resolve(repo, git(['rev-parse', '--show-cdup']).toString('utf8').trim());
  for (const path of paths) {
    const rel = relative(top, resolve(repo, path));
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))
      throw new GitError(`--git: ${path} is outside the repository (its working tree is ${top}); name paths inside it`);
    let found: boolean;
    try {
      found = [range.base, range.head].some((rev) => git(['diff', '--name-only', '-z', empty, rev, '--', path]).length > 0);
    } catch (err) {
      // Git's own words for a path it will not take (a bad pathspec), without the command line.
      if (err instanceof GitError && err.git !== undefined) throw new GitError(`--git: ${path}: ${err.git}`);
      throw err;
    }
    if (!found) throw new GitError(`--git: ${path} matches no file in ${range.base} or ${range.head}`);
  }
  const changed = git(['diff', '--name-status', '-z', '--no-renames', range.base, range.head, '--', ...paths])
    .toString('utf8')
    .split('\0')
    .filter((x) => x !== '');
  const old: Side = { devices: [], errors: [], skipped: [] };
  const neu: Side = { devices: [], errors: [], skipped: [] };
  // Paths in a revision are relative to the top of the working tree (what `REV:PATH` names).
  const root = git(['rev-parse', '--show-toplevel']).toString('utf8').trim();
  const named = new Set(paths.map((p) => resolve(repo, p)));
  const excluded: string[] = [];
  for (let i = 0; i + 1 < changed.length; i += 2) {
    const status = changed[i]!;
    const file = changed[i + 1]!;
    const abs = join(top, file);
    if (options.fileFilter && !named.has(abs) && !options.fileFilter(abs)) {
      excluded.push(file);
      continue;
    }
    if (status !== 'A') readSide(old, range.base, file);
    if (status !== 'D') readSide(neu, range.head, file);
  }
  return { old, new: neu, root, excluded };

  function readSide(side: Side, rev: string, file: string): void {
    let analysed: AnalysedTarget[];
    try {
      analysed = analyseBytes(git(['cat-file', 'blob', `${rev}:${file}`]), `${rev}:${file}`);
    } catch (err) {
      if (err instanceof InputError) {
        if (!QUIET.has(err.kind)) side.errors.push(err);
        else side.skipped.push(err);
        return;
      }
      throw err;
    }
    for (const a of analysed) side.devices.push({ snapshot: snapshotOf(a, options), path: file });
  }
}
