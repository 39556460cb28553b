// Applies `.asa-mobile-audit.yaml` to a run: which rules and severities, which profiles and files,
// and which findings are ignored (until an optional expiry date).

import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import type Picomatch from 'picomatch';
import type Ignore from 'ignore';
import type { Finding, RuleModule } from '../engine/types.js';
import type { AuditConfig, IgnoreEntry } from './schema.js';

// Loaded on first use: most runs have no globs, and these cost startup time on every audit.
const require = createRequire(import.meta.url);
const picomatch = (...args: Parameters<typeof Picomatch>): ReturnType<typeof Picomatch> => (require('picomatch') as typeof Picomatch)(...args);
const ignore = (): ReturnType<typeof Ignore> => (require('ignore') as typeof Ignore)();

export function configuredRules(all: readonly RuleModule[], cfg: AuditConfig): RuleModule[] {
  return all
    .filter((r) => cfg.rules[r.meta.id] !== 'off')
    .map((r) => {
      const setting = cfg.rules[r.meta.id];
      // The override is also a severity the rule may report, so escalations keep working.
      return setting === 'error' || setting === 'warning' || setting === 'info'
        ? { ...r, meta: { ...r.meta, severity: setting, severities: [...new Set([setting, ...r.meta.severities])] } }
        : r;
    });
}

/** Severity overrides apply to every finding of a rule, including per-finding escalations. */
export function applySeverityOverrides<F extends Finding>(findings: F[], cfg: AuditConfig): F[] {
  return findings.map((f) => {
    const s = cfg.rules[f.ruleId];
    return s === 'error' || s === 'warning' || s === 'info' ? { ...f, severity: s } : f;
  });
}

export function profileFilter(cfg: AuditConfig): ((name: string) => boolean) | undefined {
  const { include, exclude } = cfg.profiles;
  if (include.length === 0 && exclude.length === 0) return undefined;
  const inc = include.length > 0 ? picomatch(include) : () => true;
  const exc = exclude.length > 0 ? picomatch(exclude) : () => false;
  return (name) => inc(name) && !exc(name);
}

/** Whether the configuration file names a profile: a profile glob of an ignore entry, or of profiles.include/exclude. */
export function namesProfile(cfg: AuditConfig): (name: string) => boolean {
  const globs = [...cfg.ignore.flatMap((e) => (e.profile === undefined ? [] : [e.profile])), ...cfg.profiles.include, ...cfg.profiles.exclude];
  if (globs.length === 0) return () => false;
  const match = picomatch(globs);
  return (name) => match(name);
}

/**
 * Which scanned files to audit: gitignore-style `files.exclude` and glob `files.include`, both
 * relative to the directory of the config file (or the working directory).
 */
export function fileFilter(cfg: AuditConfig, base: string): ((path: string) => boolean) | undefined {
  const { include, exclude } = cfg.files;
  if (include.length === 0 && exclude.length === 0) return undefined;
  const ig = ignore().add(exclude);
  const inc = include.length > 0 ? picomatch(include, { dot: true }) : () => true;
  return (path) => {
    const rel = relative(base, path).split('\\').join('/');
    if (rel.startsWith('..')) return true; // outside the config's tree: not ours to filter
    return inc(rel) && !ig.ignores(rel);
  };
}

/** Whether a `profiles.include`/`exclude` glob matches a connection profile name. */
export function profileGlobMatches(glob: string, name: string): boolean {
  return compiledGlob(glob, false)(name);
}

/** Whether `files.include` names a scanned file explicitly (so a document extension does not skip it). */
export function fileIncluded(cfg: AuditConfig, base: string): ((path: string) => boolean) | undefined {
  if (cfg.files.include.length === 0) return undefined;
  const inc = picomatch(cfg.files.include, { dot: true });
  return (path) => {
    const rel = relative(base, path).split('\\').join('/');
    return !rel.startsWith('..') && inc(rel);
  };
}

export interface IgnoredFinding {
  finding: Finding;
  entry: IgnoreEntry;
}

export interface IgnoreResult<F extends Finding = Finding> {
  kept: F[];
  ignored: IgnoredFinding[];
  /** Entries that matched a finding after their `until` day: the finding is kept, the entry is not unused. */
  expired: IgnoreEntry[];
}

/** `today` as YYYY-MM-DD; an ignore is in force through its `until` day. */
/**
 * `profileAliases`: a copy `plan` makes → the profile it copies. The copy is matched by the original's
 * name only: for the plan's proof it is the same profile, and an entry that happens to match only the
 * copy's new name must not make a finding look fixed.
 */
export function applyIgnores<F extends Finding>(
  findings: F[],
  entries: IgnoreEntry[],
  device: { hostname: string | null; source: string; alsoAs?: readonly string[] },
  today: string,
  profileAliases: ReadonlyMap<string, string> = new Map(),
): IgnoreResult<F> {
  const result: IgnoreResult<F> = { kept: [], ignored: [], expired: [] };
  // Globs are compiled once per entry, and entries are looked up by rule: 1,000 entries x 2,500
  // profiles must not compile a glob per finding.
  const byRule = new Map<string, Array<{ entry: IgnoreEntry; profile: ((name: string) => boolean) | null }>>();
  const paths = [device.source, ...(device.alsoAs ?? [])].map((p) => p.split('\\').join('/'));
  for (const e of entries) {
    if (e.device !== undefined) {
      const m = compiledGlob(e.device, true);
      if (!(device.hostname !== null && m(device.hostname)) && !paths.some((p) => m(p))) continue;
    }
    const list = byRule.get(e.rule) ?? [];
    list.push({ entry: e, profile: e.profile === undefined ? null : compiledGlob(e.profile, false) });
    byRule.set(e.rule, list);
  }
  for (const f of findings) {
    const name = f.tunnelGroup === null ? null : (profileAliases.get(f.tunnelGroup) ?? f.tunnelGroup);
    const entry = byRule.get(f.ruleId)?.find((x) => x.profile === null || (name !== null && x.profile(name)))?.entry;
    if (!entry) {
      result.kept.push(f);
    } else if (entry.until !== undefined && entry.until < today) {
      const note = ` (An ignore for this finding expired on ${entry.until}: ${entry.reason})`;
      // Said once, even when a finding passes through again (what-if judges the before side twice).
      result.kept.push(f.message.endsWith(note) ? f : { ...f, message: `${f.message}${note}` });
      result.expired.push(entry);
    } else {
      result.ignored.push({ finding: f, entry });
    }
  }
  return result;
}

/**
 * The spellings of a configuration's path an ignore's `device` glob is matched with besides the one
 * the run reports: relative to the configuration file (as `files` globs are), and to the working
 * directory. So `configs/hq.cfg` names the same file from any directory and in every command.
 */
export function ignorePaths(source: string, cwd: string, configFile: string | null): string[] {
  const abs = resolve(cwd, source);
  const out = [relative(cwd, abs), ...(configFile === null ? [] : [relative(dirname(resolve(cwd, configFile)), abs)])];
  return out.filter((p) => p !== '' && !p.startsWith('..'));
}

const GLOBS = new Map<string, (name: string) => boolean>();

function compiledGlob(glob: string, dot: boolean): (name: string) => boolean {
  const key = `${dot ? 1 : 0}${glob}`;
  let m = GLOBS.get(key);
  if (!m) {
    m = picomatch(glob, { dot });
    GLOBS.set(key, m);
  }
  return m;
}
