// OpenSSH known_hosts, read the way `ssh` reads it: plain and hashed (`|1|salt|hash`) host fields,
// `[host]:port` for non-standard ports, comma-separated names, `@revoked` lines. Keys are compared
// as raw blobs; the fingerprint is OpenSSH's `SHA256:` form so users can compare with `ssh-keygen -l`.

import { createHash, createHmac, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { READ_LIMITS, readUserText } from '../common/read-file.js';

export type HostKeyVerdict =
  | { status: 'match'; file: string; line: number }
  | { status: 'unknown' }
  | { status: 'mismatch'; knownTypes: string[]; file: string; line: number }
  /** The host is known by a key of another type only: not first use, so never trusted on sight. */
  | { status: 'other-type-known'; knownTypes: string[]; file: string; line: number }
  | { status: 'revoked'; file: string; line: number };

export interface KnownHostEntry {
  file: string;
  line: number;
  marker: '@revoked' | '@cert-authority' | null;
  hosts: string;
  keyType: string;
  key: Buffer;
}

/** `host` for port 22, `[host]:port` otherwise, as OpenSSH writes and looks up names. */
export function hostPattern(host: string, port: number): string {
  // OpenSSH lowercases names before matching and hashing.
  const h = host.toLowerCase();
  return port === 22 ? h : `[${h}]:${port}`;
}

export function fingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** The key type named inside an SSH public key blob (`ssh-rsa`, `ssh-ed25519`, ...). */
export function keyTypeOf(key: Buffer): string {
  if (key.length < 4) return 'unknown';
  const n = key.readUInt32BE(0);
  return n > 0 && n < 64 && key.length >= 4 + n ? key.subarray(4, 4 + n).toString('latin1') : 'unknown';
}

export function readKnownHosts(file: string): KnownHostEntry[] {
  if (!existsSync(file)) return [];
  const entries: KnownHostEntry[] = [];
  readUserText(file, READ_LIMITS.list)
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const text = raw.trim();
      if (text === '' || text.startsWith('#')) return;
      const fields = text.split(/\s+/);
      let marker: KnownHostEntry['marker'] = null;
      if (fields[0] === '@revoked' || fields[0] === '@cert-authority') marker = fields.shift() as KnownHostEntry['marker'];
      const [hosts, keyType, keyBase64] = fields;
      if (!hosts || !keyType || !keyBase64) return;
      entries.push({ file, line: i + 1, marker, hosts, keyType, key: Buffer.from(keyBase64, 'base64') });
    });
  return entries;
}

function hostFieldMatches(field: string, name: string): boolean {
  if (field.startsWith('|1|')) {
    const [, , salt, hash] = field.split('|');
    if (!salt || !hash) return false;
    return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
  }
  let matched = false;
  for (const pattern of field.split(',')) {
    const negated = pattern.startsWith('!');
    const p = negated ? pattern.slice(1) : pattern;
    if (globMatches(p, name)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}

function globMatches(pattern: string, name: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern.toLowerCase() === name.toLowerCase();
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  return re.test(name);
}

/** The entries (keys and revocations) that name host:port; CA lines are not host keys. */
function entriesFor(entries: KnownHostEntry[], host: string, port: number): KnownHostEntry[] {
  const name = hostPattern(host, port);
  return entries.filter((e) => e.marker !== '@cert-authority' && hostFieldMatches(e.hosts, name));
}

/** The key types trusted for host:port, to prefer them in negotiation as OpenSSH does. */
export function knownKeyTypes(entries: KnownHostEntry[], host: string, port: number): string[] {
  return [
    ...new Set(
      entriesFor(entries, host, port)
        .filter((e) => e.marker === null)
        .map((e) => e.keyType),
    ),
  ];
}

/** Checks a presented host key against the known_hosts entries for host:port. */
export function verifyHostKey(entries: KnownHostEntry[], host: string, port: number, key: Buffer): HostKeyVerdict {
  const forHost = entriesFor(entries, host, port);
  const revoked = forHost.find((e) => e.marker === '@revoked' && e.key.equals(key));
  if (revoked) return { status: 'revoked', file: revoked.file, line: revoked.line };
  const plain = forHost.filter((e) => e.marker === null);
  const match = plain.find((e) => e.key.equals(key));
  if (match) return { status: 'match', file: match.file, line: match.line };
  // Like OpenSSH: a known key of another type is not a mismatch, only of the same type.
  const sameType = plain.find((e) => e.keyType === keyTypeOf(key));
  if (sameType) return { status: 'mismatch', knownTypes: plain.map((e) => e.keyType), file: sameType.file, line: sameType.line };
  if (plain.length > 0)
    return { status: 'other-type-known', knownTypes: [...new Set(plain.map((e) => e.keyType))], file: plain[0]!.file, line: plain[0]!.line };
  return { status: 'unknown' };
}

/**
 * The files OpenSSH reads host keys from, in its order: the user's known_hosts and known_hosts2,
 * then the system-wide files (read only). `--known-hosts FILE` replaces all of them.
 */
export function defaultKnownHostsFiles(home: string): string[] {
  return [join(home, '.ssh', 'known_hosts'), join(home, '.ssh', 'known_hosts2'), '/etc/ssh/ssh_known_hosts', '/etc/ssh/ssh_known_hosts2'];
}

/** Appends a hashed entry, as OpenSSH does with HashKnownHosts (the default on Debian and Ubuntu). */
export function addKnownHost(file: string, host: string, port: number, key: Buffer): void {
  const salt = randomBytes(20);
  const hash = createHmac('sha1', salt).update(hostPattern(host, port)).digest('base64');
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  appendFileSync(file, `|1|${salt.toString('base64')}|${hash} ${keyTypeOf(key)} ${key.toString('base64')}\n`, { mode: 0o600 });
}
