// The two sides of a `diff`: files, directories (devices matched by hostname, then by path), or two
// revisions of a git repository read with `git show`-style blob reads (no checkout, no working-tree
// change). Files that are not ASA configs are skipped quietly where they were found by listing.

import { execFileSync } from 'node:child_process';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { planPaths, type AuditOptions } from '../audit/audit.js';
import { analyseBytes, analyseFile, analyseParsed, type AnalysedTarget } from '../audit/pipeline.js';
import { cmp } from '../common/problem.js';
import { decodeUserText, READ_LIMITS } from '../common/read-file.js';
import { InputError, parseConfigInput } from '../input/load.js';
import {
  clientProfileFileName,
  embeddedSideFiles,
  folderSideFiles,
  profilesFolderOf,
  type SideFile,
  type SideFileOptions,
  type SideFileStore,
} from '../input/side-files.js';
import type { DeviceModel } from '../model/types.js';
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
    if (p.unread) side.errors.push(new InputError(p.file, p.skip!));
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

/** Standard input (`diff - NEW`): one file, named `source`, paired with the other side's file. */
export function sideFromBytes(bytes: Buffer, source: string, options: AuditOptions): Side {
  const side: Side = { devices: [], errors: [], skipped: [] };
  try {
    for (const a of analyseBytes(bytes, source)) side.devices.push({ snapshot: snapshotOf(a, options), path: '' });
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    side.errors.push(err);
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

/** The two revisions to compare; `mergeBase`: BASE is to be replaced by the merge base of BASE and HEAD (`BASE...HEAD`). */
export interface GitRange {
  base: string;
  head: string;
  mergeBase?: true;
}

/**
 * `BASE..HEAD`, `BASE..` (git's shorthand for BASE..HEAD), `BASE` (then HEAD), or `BASE...HEAD`
 * (as in `git diff`: what HEAD changed since it branched from BASE, the merge base against HEAD): the
 * two revisions to compare. Anything else is refused with what is wrong with it.
 */
export function parseRange(range: string): GitRange {
  const refuse = (why: string): never => {
    throw new GitError(`--git ${range}: ${why}; give BASE..HEAD, or BASE.. or BASE to compare BASE with HEAD, or BASE...HEAD to compare from their merge base`);
  };
  if (range.trim() === '') refuse('no revision');
  const three = range.split('...');
  if (three.length === 2 && !three.some((r) => r.includes('..'))) {
    const [base, head] = three as [string, string];
    if (base === '') refuse('no base revision before `...`');
    for (const rev of [base, head]) {
      if (rev.startsWith('-')) refuse(`a revision cannot start with \`-\` (\`${rev}\`)`);
      if (/\s/.test(rev)) refuse('a revision cannot hold spaces');
    }
    return { base, head: head === '' ? 'HEAD' : head, mergeBase: true };
  }
  if (range.includes('...')) refuse('more than two revisions');
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

/** A blob larger than the configuration read limit (git's output passed maxBuffer). */
class TooLarge extends Error {}

/**
 * The files under `paths` that differ between two revisions, each side read from git's object store.
 * The configuration file's `files.include`/`exclude` (`options.fileFilter`, on the file's place in the
 * working tree) leave files out as they do when `audit DIR` scans; a path named exactly is read, as a
 * file named on the command line is. `excluded`: the changed files left out that way.
 */
export function sidesFromGit(
  repo: string,
  asked: GitRange,
  paths: string[],
  options: AuditOptions,
): {
  old: Side;
  new: Side;
  root: string;
  excluded: string[];
  moved: Map<string, string>;
  gitDirs: string[];
  files: string[];
  /** Submodules the range changes: commits of other repositories, not compared. */
  submodules: string[];
} {
  /** git in the working directory (`at`: elsewhere, such as the top of the tree for top-relative paths). */
  const git = (args: string[], at: string = repo, maxBuffer?: number): Buffer => {
    try {
      return execFileSync('git', ['-C', at, ...args], { maxBuffer: maxBuffer ?? 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      const e = err as { stderr?: Buffer; code?: string };
      if (e.code === 'ENOENT') throw new GitError('git is not installed (needed for --git)');
      // (Only where the caller set the limit and says what it means.)
      if (e.code === 'ENOBUFS' && maxBuffer !== undefined) throw new TooLarge();
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
  // PATHs and the configuration file's filters are placed in the working tree: a bare repository has none.
  if (git(['rev-parse', '--is-bare-repository']).toString('utf8').trim() === 'true')
    throw new GitError(
      `--git: ${repo} is a bare repository, with no working tree to place paths in: run diff --git from a clone (git worktree add, or a checkout)`,
    );
  // Each revision's commit: blobs are read as SHA:PATH (`:/text:PATH` would not parse), named as typed.
  const commitOf = new Map<string, string>();
  for (const rev of [asked.base, asked.head]) {
    try {
      // In two steps: `:/message` (a commit by its message) takes no `^{commit}` after it.
      const sha = git(['rev-parse', '--verify', '--quiet', rev]).toString('utf8').trim();
      commitOf.set(
        rev,
        git(['rev-parse', '--verify', '--quiet', `${sha}^{commit}`])
          .toString('utf8')
          .trim(),
      );
    } catch (err) {
      if (err instanceof GitError && /not installed/.test(err.message)) throw err;
      throw new GitError(`--git: \`${rev}\` is not a commit in the repository at ${repo} (is it fetched? CI checkouts are shallow: fetch-depth: 0)`);
    }
  }
  let range = asked;
  if (asked.mergeBase) {
    let base: string;
    try {
      base = git(['merge-base', asked.base, asked.head]).toString('utf8').trim();
    } catch (err) {
      if (err instanceof GitError && /not installed/.test(err.message)) throw err;
      throw new GitError(
        `--git ${asked.base}...${asked.head}: the two have no merge base in the repository at ${repo} (is the history fetched? CI checkouts are shallow: fetch-depth: 0)`,
      );
    }
    range = { base, head: asked.head };
  }
  // A path (or pathspec) that names nothing on either side is a typo, not "no change": it would
  // pass the gate without looking at anything. Compared with the empty tree, every file of a revision shows.
  const empty = git(['hash-object', '-t', 'tree', '/dev/null']).toString('utf8').trim();
  // The top of the working tree spelled from the working directory (not git's resolved path), so a
  // configuration file found through a symbolic link filters the same files as `audit DIR` does.
  const top = resolve(repo, git(['rev-parse', '--show-cdup']).toString('utf8').trim());
  const sideOptions = sideFilesInTree(options.sideFiles ?? {}, top);
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
  // Moves as git finds them (a file renamed, or moved to another folder, maybe edited too): the old
  // file's device pairs with the new file's, whatever hostnames the two share with others (an HA
  // pair, devices still named ciscoasa). Found over the whole tree, so a move across the PATHs given
  // (one half in them) is a move too, not a device added or removed.
  // A submodule (a gitlink) is a commit of another repository, not a file: it cannot be read here.
  const listedChanges = fileChanges(git(['diff', '--raw', '-z', '--find-renames', range.base, range.head, '--', ...paths]));
  const submodules = listedChanges.filter((c) => c.gitlink).map((c) => c.file);
  const changed = listedChanges.filter((c) => !c.gitlink);
  const everywhere =
    paths.length === 0 ? changed : fileChanges(git(['diff', '--raw', '-z', '--find-renames', range.base, range.head])).filter((c) => !c.gitlink);
  const movedFrom = new Map(everywhere.filter((c) => c.from !== null).map((c) => [c.file, c.from!]));
  const movedTo = new Map(everywhere.filter((c) => c.from !== null).map((c) => [c.from!, c.file]));
  const old: Side = { devices: [], errors: [], skipped: [] };
  const neu: Side = { devices: [], errors: [], skipped: [] };
  // Paths in a revision are relative to the top of the working tree (what `REV:PATH` names).
  const root = git(['rev-parse', '--show-toplevel']).toString('utf8').trim();
  const named = new Set(paths.map((p) => resolve(repo, p)));
  const excluded: string[] = [];
  const moved = new Map<string, string>();
  // The configuration file's files.include/exclude judge each half of a move on its own: a device
  // moved into an excluded folder (an archive) is removed, one moved out of it is added.
  const kept = (file: string | null): string | null => {
    if (file === null || !options.fileFilter || named.has(join(top, file)) || options.fileFilter(join(top, file))) return file;
    if (!excluded.includes(file)) excluded.push(file);
    return null;
  };
  const read = new Set<string>();
  // Each revision's file lists, asked for once (see filesIn), and its side-file store (see storeOf).
  const listed = new Map<string, Set<string>>();
  const stores = new Map<string, SideFileStore>();
  let folders: Set<string> | null = null;
  for (const c of changed) {
    // The half of a move the PATHs leave out is read from where it is.
    const from = c.from ?? (c.status === 'A' ? (movedFrom.get(c.file) ?? null) : null);
    const oldFile = kept(c.status === 'A' ? from : (from ?? c.file));
    const newFile = kept(c.status === 'D' ? (movedTo.get(c.file) ?? null) : c.file);
    // (A move inside the PATHs is one entry; across them, git's other half is not listed, so read it here.)
    if (oldFile !== null) readSide(old, range.base, oldFile, named.has(join(top, oldFile)));
    if (newFile !== null) readSide(neu, range.head, newFile, named.has(join(top, newFile)));
    if (oldFile !== null && newFile !== null && oldFile !== newFile) moved.set(oldFile, newFile);
    for (const f of [oldFile, newFile, c.file]) if (f !== null) read.add(f);
  }
  // Client profiles and dap.xml are read from each revision, as the configurations are: a change to
  // one is a change to every device that serves it, whether or not its configuration changed too.
  const changedXml = xmlChangedIn(everywhere);
  const changedXmlNames = new Set(changedXml.map((f) => clientProfileFileName(f).toLowerCase()));
  for (const file of devicesServing(changedXml)) {
    readSide(old, range.base, file, false, changedXmlNames);
    readSide(neu, range.head, file, false, changedXmlNames);
    read.add(file);
  }
  // A changed XML file a device took as its side file was compared with it: not a file passed over.
  for (const side of [old, neu]) {
    const taken = new Set(side.devices.flatMap((d) => sideFilesOf(d.snapshot.analysed.model)));
    side.skipped = side.skipped.filter((e) => !taken.has(e.file));
  }
  // What --output must not overwrite: the repository's own files (its git directory, the common one of
  // a linked worktree, the `.git` entry itself) and the place of every file this run read.
  const gitDirs = [...new Set([git(['rev-parse', '--git-dir']), git(['rev-parse', '--git-common-dir'])].map((b) => resolve(repo, b.toString('utf8').trim())))];
  gitDirs.push(join(top, '.git'));
  const files = [...read].map((f) => join(top, f));
  return { old, new: neu, root, excluded, moved, gitDirs, files, submodules };

  /**
   * `git diff --raw -z` read: each file with its status letter, where a move came from, and whether it
   * is a submodule on either side (mode 160000). Each entry is `:OLDMODE NEWMODE OLD NEW STATUS`, then
   * its path (two for a rename or copy: where from, then where to).
   */
  function fileChanges(out: Buffer): Array<{ status: string; file: string; from: string | null; gitlink: boolean }> {
    const parts = out
      .toString('utf8')
      .split('\0')
      .filter((x) => x !== '');
    const list: Array<{ status: string; file: string; from: string | null; gitlink: boolean }> = [];
    for (let i = 0; i < parts.length;) {
      const [oldMode, newMode, , , status = ''] = parts[i]!.slice(1).split(' ');
      const gitlink = oldMode === '160000' || newMode === '160000';
      // A rename (R and its similarity, R100) or copy names two paths: where from, then where to.
      if (/^[RC]/.test(status)) {
        list.push({ status: status[0]!, from: status[0] === 'R' ? parts[i + 1]! : null, file: parts[i + 2]!, gitlink });
        i += 3;
      } else {
        list.push({ status, file: parts[i + 1]!, from: null, gitlink });
        i += 2;
      }
    }
    return list;
  }

  /** The `filter` attribute (git-crypt, transcrypt, LFS) of each file that has one set. */
  function filterAttributes(files: string[]): Map<string, string> {
    const found = new Map<string, string>();
    if (files.length === 0) return found;
    // (From the top of the tree: the paths are relative to it, and git reads them from where it runs.)
    const out = git(['check-attr', '-z', 'filter', '--', ...files], top)
      .toString('utf8')
      .split('\0');
    for (let i = 0; i + 2 < out.length; i += 3) if (out[i + 2] !== 'unspecified' && out[i + 2] !== 'unset') found.set(out[i]!, out[i + 2]!);
    return found;
  }

  /** Each path of a move, and each added, changed or removed file: those that are XML. */
  function xmlChangedIn(changes: ReadonlyArray<{ file: string; from: string | null }>): string[] {
    return [...new Set(changes.flatMap((c) => [c.file, ...(c.from !== null ? [c.from] : [])]))].filter((f) => /\.xml$/i.test(f));
  }

  /**
   * The configurations (not read already, inside the PATHs and the configuration file's filters) that
   * would take one of these XML files as a side file at either revision: beside it, with it in their
   * `profiles/` or `NAME.profiles/` folder, or every one when it is under --client-profiles or is --dap.
   */
  function devicesServing(xml: string[]): string[] {
    if (xml.length === 0) return [];
    /** Whether a configuration would take one of these XML files. */
    const servedBy = (files: string[]): ((file: string) => boolean) => {
      const folders = new Set(files.map((f) => posix.dirname(f)));
      const everyDevice = files.some(
        (f) => (sideOptions.clientProfilesDir !== undefined && isWithinTree(f, sideOptions.clientProfilesDir)) || f === sideOptions.dapFile,
      );
      return (file) => {
        const folder = posix.dirname(file);
        return everyDevice || folders.has(folder) || folders.has(posix.join(folder, 'profiles')) || folders.has(profilesFolderOf(file));
      };
    };
    const inEither = (under: string[]): string[] => [...new Set([range.base, range.head].flatMap((rev) => [...filesIn(rev, under)]))];
    // The devices inside the PATHs that take any changed XML; and, for an XML file the PATHs name
    // themselves, every device that takes it, wherever it is (naming the client profile is asking
    // what its change does).
    const inside = servedBy(xml);
    const xmlNamed = paths.length === 0 ? [] : xmlChangedIn(changed);
    const outside = xmlNamed.length === 0 ? null : servedBy(xmlNamed);
    const candidates = [...inEither(paths).filter(inside), ...(outside === null ? [] : inEither([]).filter(outside))];
    return [...new Set(candidates)]
      .filter((f) => !read.has(f) && !/\.xml$/i.test(f) && (!options.fileFilter || named.has(join(top, f)) || options.fileFilter(join(top, f))))
      .sort(cmp);
  }

  /**
   * Files of a revision, named from the top of the tree: all of them, or those under `under`
   * (pathspecs as typed, from the working directory). (The whole tree is listed from its top: from a
   * subdirectory, git lists that subdirectory only.)
   */
  function filesIn(rev: string, under: string[] = []): Set<string> {
    const key = `${rev}\0${under.join('\0')}`;
    let files = listed.get(key);
    if (files === undefined) {
      const args = ['ls-tree', '-r', '-z', '--full-name', '--name-only', commitOf.get(rev) ?? rev, '--', ...under];
      files = new Set(
        git(args, under.length === 0 ? top : repo)
          .toString('utf8')
          .split('\0')
          .filter((f) => f !== ''),
      );
      listed.set(key, files);
    }
    return files;
  }

  /** Every folder of either revision (each file's parents), found once. */
  function foldersInEither(): Set<string> {
    folders ??= new Set(
      [range.base, range.head].flatMap((rev) =>
        [...filesIn(rev)].flatMap((f) =>
          f
            .split('/')
            .slice(0, -1)
            .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
        ),
      ),
    );
    return folders;
  }

  /**
   * A revision's files as a place to find side files in; one per revision, reading each file once (a
   * client profile many devices share). A folder either revision has is looked in on both: git keeps
   * no empty folder, so `profiles/` emptied by a commit is still where the devices' XML went missing.
   */
  function storeOf(rev: string): SideFileStore {
    const made = stores.get(rev);
    if (made !== undefined) return made;
    const files = filesIn(rev);
    const clean = (path: string): string => posix.normalize(path).replace(/^\.\//, '');
    const cache = new Map<string, SideFile>();
    const store: SideFileStore = {
      exists: (path) => files.has(clean(path)),
      isDirectory: (path) => clean(path) === '.' || foldersInEither().has(clean(path)),
      read(path) {
        const at = clean(path);
        let got = cache.get(at);
        if (got === undefined) {
          const name = `${rev}:${at}`;
          const bytes = git(['cat-file', '--filters', `${commitOf.get(rev) ?? rev}:${at}`]);
          got =
            bytes.length > READ_LIMITS.list
              ? { file: name, text: '', lineOffset: 0, unreadable: `is larger than the read limit of ${READ_LIMITS.list} bytes` }
              : { file: name, text: decodeUserText(bytes), lineOffset: 0 };
          cache.set(at, got);
        }
        return got;
      },
      name: (path) => `${rev}:${clean(path)}`,
    };
    stores.set(rev, store);
    return store;
  }

  /**
   * `exact`: the file was named as a PATH, so it needs no more evidence than a file named to `audit`.
   * `takesXml`: read because a side file changed (these file names, lower case): kept only when its
   * device takes one, and quietly passed over when it is no configuration (it is not a changed file).
   */
  function readSide(side: Side, rev: string, file: string, exact: boolean, takesXml: ReadonlySet<string> | null = null): void {
    let analysed: AnalysedTarget[];
    const source = `${rev}:${file}`;
    try {
      // --filters: the text as a checkout would write it (a clean/smudge filter undone, line endings as set).
      // No more of it than a file audit would read (ASA_MOBILE_AUDIT_MAX_CONFIG_MB).
      const limit = options.maxConfigBytes ?? READ_LIMITS.config;
      let bytes: Buffer;
      try {
        bytes = git(['cat-file', '--filters', `${commitOf.get(rev) ?? rev}:${file}`], repo, limit);
      } catch (err) {
        if (!(err instanceof TooLarge)) throw err;
        throw new InputError(source, `is more than the ${limit / 1024 / 1024} MiB read limit (ASA_MOBILE_AUDIT_MAX_CONFIG_MB raises it)`, null, 'too-large');
      }
      const parsed = parseConfigInput(bytes, source, exact ? 'lenient' : 'strong');
      analysed = analyseParsed(parsed, {}, folderSideFiles(file, embeddedSideFiles(parsed.lines, source), sideOptions, storeOf(rev)));
    } catch (err) {
      if (err instanceof InputError && takesXml !== null && QUIET.has(err.kind)) return;
      if (err instanceof InputError) {
        // A file git stores through a filter that is not set up here (an encrypted config without its
        // key) reads as no configuration: said, never skipped, or the gate would pass looking at nothing.
        // (Asked only here: most files git stores as they are, and an unreadable one is rare.)
        const filter = QUIET.has(err.kind) ? filterAttributes([file]).get(file) : undefined;
        if (filter !== undefined && QUIET.has(err.kind))
          side.errors.push(
            new InputError(
              source,
              `git stores this file through the \`${filter}\` filter (.gitattributes), and what that gives here is no configuration (${err.message}): set the filter up where diff runs (an encryption key, git lfs), or leave the file out of the PATHs`,
            ),
          );
        else if (!QUIET.has(err.kind)) side.errors.push(err);
        else side.skipped.push(err);
        return;
      }
      throw err;
    }
    for (const a of analysed) if (takesXml === null || takesSideFile(a.model, takesXml)) side.devices.push({ snapshot: snapshotOf(a, options), path: file });
  }
}

/** Whether a device takes a client profile or dap.xml by one of these file names (lower case). */
function takesSideFile(model: DeviceModel, names: ReadonlySet<string>): boolean {
  return (
    model.clientProfileFiles.some((f) => names.has(clientProfileFileName(f.devicePath).toLowerCase())) || (names.has('dap.xml') && model.dapSearched !== null)
  );
}

/** The files a device's client profiles and dap.xml were read from. */
function sideFilesOf(model: DeviceModel): string[] {
  return [...model.clientProfileFiles.map((f) => f.origin?.file), model.dapXml?.origin.file].filter((f): f is string => f !== undefined);
}

/** Whether a path of the tree is `folder` or under it. */
function isWithinTree(path: string, folder: string): boolean {
  return folder === '.' || path === folder || path.startsWith(`${folder}/`);
}

/**
 * `--client-profiles DIR` and `--dap FILE` with --git: places in the repository, read at each revision
 * (the working tree is not what either side had). One outside the repository is refused.
 */
function sideFilesInTree(asked: SideFileOptions, top: string): SideFileOptions {
  const inTree = (path: string, option: string): string => {
    const rel = relative(top, path);
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))
      throw new GitError(
        `${option} ${path}: outside the repository (its working tree is ${top}); with --git, side files are read from each revision, so name a path inside it`,
      );
    return rel === '' ? '.' : rel.split(sep).join('/');
  };
  return {
    ...(asked.clientProfilesDir !== undefined ? { clientProfilesDir: inTree(asked.clientProfilesDir, '--client-profiles') } : {}),
    ...(asked.dapFile !== undefined ? { dapFile: inTree(asked.dapFile, '--dap') } : {}),
  };
}
