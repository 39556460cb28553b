// Which files a run audits: the files named on the command line, and the files found under the
// directories named, in a stable order. A repository holds more than configurations: documents and
// source files are not scanned (unless named or matched by `files.include`), `.gitignore` is honoured,
// `.git` and `node_modules` are never walked, symbolic links are followed once (loops are caught),
// and RANCID devices not marked `up` in router.db are skipped with that reason.

import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Evidence } from './load.js';
import { parseRouterDbLines } from './router-db.js';

/** One file to audit, in report order. */
export interface PlannedFile {
  file: string;
  /** How much evidence of an ASA configuration it needs (scanned files: strong). */
  evidence: Evidence;
  /** Named on the command line or listed: a skip is reported without --verbose. */
  named: boolean;
  /** Why the file is skipped without being read (router.db state, .gitignore, files.exclude, ...), or null. */
  skip: string | null;
  /**
   * The skip is a failure to read (a folder that cannot be listed, a broken symbolic link): what is
   * there may be a configuration, so it is an input error (exit 2, listed as not audited), not a skip.
   */
  unread?: true;
}

export interface DiscoverOptions {
  /** Config file `files.include/exclude`, applied to scanned files. */
  fileFilter?: ((path: string) => boolean) | undefined;
  /** Whether `files.include` names the file explicitly (then its extension does not exclude it). */
  fileIncluded?: ((path: string) => boolean) | undefined;
}

/** Extensions of documents, source code and data files: never configurations when found by scanning. */
const NOT_SCANNED = new Set([
  '.md',
  '.markdown',
  '.rst',
  '.adoc',
  '.html',
  '.htm',
  '.ts',
  '.tsx',
  '.js',
  '.jsx',
  '.mjs',
  '.cjs',
  '.py',
  '.rb',
  '.go',
  '.sh',
  '.json',
  '.yaml',
  '.yml',
  '.toml',
  '.xml',
  '.csv',
  '.pdf',
]);

const NEVER_WALKED = new Set(['.git', 'node_modules']);

export function planPaths(paths: readonly string[], options: DiscoverOptions = {}): PlannedFile[] {
  const plan: PlannedFile[] = [];
  for (const path of paths) {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      // reported when the file is read, with a clear message
    }
    if (!isDir) {
      plan.push({ file: path, evidence: 'lenient', named: true, skip: null });
      continue;
    }
    const walk = new Walk(path, options);
    // A folder the user names is scanned even when a .gitignore above it ignores it (bench/.work,
    // build output): the rules above it apply only where they do not cover the folder itself.
    const above = walk.ancestorIgnores(path).filter((l) => !walk.covers(l, path));
    walk.directory(path, above, undefined);
    plan.push(...walk.found);
  }
  return onceEach(plan);
}

/**
 * A file named twice (`audit a.cfg ./a.cfg`, or a folder and a file in it) is read once, as named
 * (the lenient evidence a named file needs): reported twice, it would count its findings twice.
 */
function onceEach(plan: PlannedFile[]): PlannedFile[] {
  const first = new Map<string, PlannedFile>();
  const out: PlannedFile[] = [];
  for (const p of plan) {
    if (p.skip !== null) {
      out.push(p);
      continue;
    }
    let key: string;
    try {
      key = realpathSync(p.file);
    } catch {
      key = resolve(p.file);
    }
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, p);
      out.push(p);
    } else if (p.named && !seen.named) Object.assign(seen, { named: true, evidence: p.evidence });
  }
  return out;
}

interface IgnoreLayer {
  base: string;
  rules: Ignore;
  file: string;
}

class Walk {
  readonly found: PlannedFile[] = [];
  private readonly visited = new Set<string>();

  constructor(
    private readonly root: string,
    private readonly options: DiscoverOptions,
  ) {}

  /** `.gitignore` files above the scanned directory, from the repository root (the folder with `.git`) down. */
  ancestorIgnores(dir: string): IgnoreLayer[] {
    const above: string[] = [];
    let d = dirname(resolve(dir));
    for (;;) {
      above.unshift(d);
      if (existsSync(join(d, '.git'))) return above.flatMap((a) => this.layer(a));
      const parent = dirname(d);
      if (parent === d) return [];
      d = parent;
    }
  }

  private layer(dir: string): IgnoreLayer[] {
    const file = join(dir, '.gitignore');
    if (!existsSync(file)) return [];
    try {
      return [{ base: resolve(dir), rules: ignore().add(readFileSync(file, 'utf8')), file }];
    } catch {
      return [];
    }
  }

  /** Whether a layer ignores this folder (or a folder above it, up to the layer's base). */
  covers(layer: IgnoreLayer, dir: string): boolean {
    const rel = relative(layer.base, resolve(dir)).split(sep).join('/');
    if (rel === '' || rel.startsWith('..')) return false;
    const parts = rel.split('/');
    return parts.some((_, i) => layer.rules.ignores(`${parts.slice(0, i + 1).join('/')}/`));
  }

  private ignoredReason(layer: IgnoreLayer): string {
    return `ignored by ${relative(this.root, layer.file) || '.gitignore'}`;
  }

  private ignoredBy(path: string, isDir: boolean, layers: readonly IgnoreLayer[]): IgnoreLayer | null {
    const abs = resolve(path);
    for (const l of layers) {
      const rel = relative(l.base, abs).split(sep).join('/');
      if (rel === '' || rel.startsWith('..')) continue;
      if (l.rules.ignores(isDir ? `${rel}/` : rel)) return l;
    }
    return null;
  }

  directory(dir: string, inherited: readonly IgnoreLayer[], rancidStates: Map<string, string> | undefined): void {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (this.visited.has(real)) {
      this.found.push({
        file: dir,
        evidence: 'strong',
        named: false,
        skip: 'the same folder as one already scanned, through a symbolic link (each folder is scanned once; loops stop here)',
      });
      return;
    }
    this.visited.add(real);
    const layers = [...inherited, ...this.layer(dir)];
    const states = existsSync(join(dir, 'router.db')) ? readRouterDb(join(dir, 'router.db')) : rancidStates;
    let names: string[];
    try {
      names = readdirSync(dir).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    } catch (err) {
      // An unreadable folder is skipped, said, and never stops the rest of the scan.
      const code = (err as NodeJS.ErrnoException).code;
      this.found.push({
        file: `${dir}/`,
        evidence: 'strong',
        named: true,
        unread: true,
        skip: `cannot list this folder (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(err))})`,
      });
      return;
    }
    for (const name of names) {
      // Dot files and folders (.git, .github, .gitignore, editor state) are not configurations.
      if (name.startsWith('.') || NEVER_WALKED.has(name)) continue;
      const full = join(dir, name);
      let isDir: boolean;
      let isFile: boolean;
      try {
        // stat follows symbolic links.
        const st = statSync(full);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        // A link .gitignore, files.exclude or the file's extension would skip anyway is that skip;
        // only one that would have been read is a read failure.
        const ignored = this.ignoredBy(full, false, layers);
        const skip = ignored ? this.ignoredReason(ignored) : this.skipReason(full, name, rancidStates);
        this.found.push(
          skip !== null
            ? { file: full, evidence: 'strong', named: false, skip }
            : { file: full, evidence: 'strong', named: false, unread: true, skip: 'a broken symbolic link' },
        );
        continue;
      }
      const ignoredBy = this.ignoredBy(full, isDir, layers);
      if (ignoredBy) {
        this.found.push({
          file: isDir ? `${full}/` : full,
          evidence: 'strong',
          named: false,
          skip: this.ignoredReason(ignoredBy),
        });
        continue;
      }
      if (isDir) {
        this.directory(full, layers, name === 'configs' ? states : undefined);
        continue;
      }
      if (!isFile) {
        this.found.push({ file: full, evidence: 'strong', named: false, skip: 'not a regular file (a FIFO, socket or device): not read' });
        continue;
      }
      this.found.push({ file: full, evidence: 'strong', named: false, skip: this.skipReason(full, name, rancidStates) });
    }
  }

  private skipReason(full: string, name: string, rancidStates: Map<string, string> | undefined): string | null {
    const state = rancidStates && basename(dirname(full)) === 'configs' ? rancidStates.get(name) : undefined;
    if (state !== undefined && state !== 'up') return `marked \`${state}\` in router.db`;
    const ext = extname(name).toLowerCase();
    const included = this.options.fileIncluded?.(full) ?? false;
    if (NOT_SCANNED.has(ext) && !included) return `a ${ext} file: documents and source files are not scanned (name it, or match it with files.include)`;
    if (this.options.fileFilter && !this.options.fileFilter(full)) return 'excluded by the configuration file (files.include/exclude)';
    return null;
  }
}

/** Device states of a RANCID router.db, by name. */
export function readRouterDb(path: string): Map<string, string> {
  return new Map(parseRouterDbLines(readFileSync(path, 'utf8')).map((e) => [e.name, e.state]));
}
