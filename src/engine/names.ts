// Which characters in a profile or alias name mobile clients may not handle, and the safe spelling
// fixes use. Shared by the rules that report names and the remedies that write new ones.

import { NAME_MAX_CHARS } from '../model/types.js';

/**
 * Characters in a connection profile name or alias, by how likely they are to trouble a mobile client.
 * The guide names no characters; the client and gateway exchange the name in XML and in URLs, so the
 * characters those break are the risky ones [inferred]. The guide's own URI example uses an alias with
 * a space and a period, so those are not proven harmful.
 */
export interface NameCharacters {
  /** Break XML or URLs: `& < > " ' / ? # % \`, control characters, non-ASCII. */
  breaking: string[];
  /** Anything else outside letters, digits, `.`, `_` and `-` (space, `+`, `(`, ...): at most worth a note. */
  doubtful: string[];
}

const PLAIN_CHARACTER = /[A-Za-z0-9._-]/;
const BREAKING_CHARACTER = /[&<>"'/?#%\\\x00-\x1f\x7f]|[^\x00-\x7f]/u;

export function nameCharacters(name: string): NameCharacters {
  const odd = [...new Set(Array.from(name).filter((c) => !PLAIN_CHARACTER.test(c)))];
  return { breaking: odd.filter((c) => BREAKING_CHARACTER.test(c)), doubtful: odd.filter((c) => !BREAKING_CHARACTER.test(c)) };
}

/** "`&`, `space`, `0x09`": characters as a reader can see them. */
export function describeCharacters(chars: readonly string[]): string {
  return chars.map((c) => `\`${c === ' ' ? 'space' : /[\x00-\x1f\x7f]/.test(c) ? `0x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c}\``).join(', ');
}

/**
 * Whether `candidate` is a name a plan gives a copy of profile `original`: its safe name (for a SAML
 * profile, `.` as `-` too), or that name with `-N` when taken, without regard to case (as unusedName
 * makes names).
 */
export function copyNameOf(original: string, candidate: string): boolean {
  const base = safeName(original);
  return madeFrom(base, candidate) || madeFrom(base.replace(/\./g, '-'), candidate);
}

/**
 * Whether `candidate` is a name made from `base` as a plan makes new names: `base`, or `base-N` when
 * taken, a long one cut to leave room for its `-N` within the 64 characters a name may have, without
 * regard to case.
 */
export function madeFrom(base: string, candidate: string): boolean {
  const lower = candidate.toLowerCase();
  const b = base.toLowerCase();
  const numbered = /^(.*)(-\d+)$/.exec(lower);
  return lower === cutName(b, NAME_MAX_CHARS) || (numbered !== null && numbered[1] === cutName(b, NAME_MAX_CHARS - numbered[2]!.length));
}

/** The first `length` characters of a name, without a separator left dangling at the end. */
export function cutName(name: string, length: number): string {
  return name.length <= length ? name : name.slice(0, length).replace(/[-._]+$/, '');
}

/** The name a plan gives a policy of a profile's own (`-N` when taken): copy recognition knows it by it. */
export function ownPolicyBase(profile: string): string {
  return `GP-${safeName(profile)}`;
}

export function safeName(name: string): string {
  const s = name
    // Accented letters keep their letter (`Été` → `Ete`), so users recognise the new name.
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return s === '' ? 'MOBILE' : s;
}
