// Which devices a fleet run visits: an inventory YAML (hosts, groups, per-group user and the names of
// the environment variables that hold secrets, never the secrets) or a RANCID router.db.

import { basename } from 'node:path';
import { FileError } from '../common/file-error.js';
import { parseRouterDbLines } from '../input/router-db.js';
import { pathOf } from '../common/schema-path.js';
import { READ_LIMITS, ReadError, readUserText } from '../common/read-file.js';
import { isContextName } from './allow-list.js';
import { toPlain } from '../common/yaml-plain.js';

export interface InventoryHost {
  host: string;
  port: number;
  user?: string;
  passwordEnv?: string;
  enablePasswordEnv?: string;
  identity?: string;
  context?: string;
  legacyAlgorithms?: boolean;
  group: string | null;
}

export interface Inventory {
  hosts: InventoryHost[];
  /** router.db devices not audited (not `up`, or not a Cisco device), with the reason. */
  skipped: Array<{ host: string; reason: string; invalid?: boolean }>;
}

/** A mistake in an inventory file: `FILE:LINE: message`, exit code 2, like a configuration file. */
export class InventoryError extends FileError {
  constructor(file: string, line: number | null, message: string) {
    super(file, message, line);
    this.name = 'InventoryError';
  }
}

const SETTINGS = {
  user: { type: 'string', minLength: 1 },
  port: { type: 'integer', minimum: 1, maximum: 65535 },
  'password-env': { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
  'enable-password-env': { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
  identity: { type: 'string', minLength: 1 },
  context: { type: 'string', minLength: 1 },
  'legacy-algorithms': { type: 'boolean' },
} as const;
const HOST = {
  oneOf: [
    { type: 'string', minLength: 1 },
    { type: 'object', additionalProperties: false, required: ['host'], properties: { host: { type: 'string', minLength: 1 }, ...SETTINGS } },
  ],
} as const;
export const INVENTORY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    defaults: { type: 'object', additionalProperties: false, properties: SETTINGS },
    hosts: { type: 'array', items: HOST },
    groups: {
      type: 'object',
      additionalProperties: { type: 'object', additionalProperties: false, properties: { ...SETTINGS, hosts: { type: 'array', items: HOST } } },
    },
  },
} as const;

type Settings = Partial<Record<keyof typeof SETTINGS, string | number | boolean>>;
type HostEntry = string | ({ host: string } & Settings);

export async function loadInventory(file: string): Promise<Inventory> {
  let text: string;
  try {
    text = readUserText(file, READ_LIMITS.list);
  } catch (err) {
    if (err instanceof ReadError) throw new InventoryError(file, null, `cannot read inventory: ${err.message}`);
    throw err;
  }
  return looksLikeRouterDb(file, text) ? parseRouterDb(text) : parseYamlInventory(file, text);
}

function looksLikeRouterDb(file: string, text: string): boolean {
  if (basename(file) === 'router.db') return true;
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  return lines.length > 0 && lines.every((l) => /^[^\s;:]+[;:][\w-]+[;:]\w+/.test(l));
}

/** RANCID router.db: only Cisco devices marked `up` are visited; the rest are listed as skipped. */
export function parseRouterDb(text: string): Inventory {
  const inv: Inventory = { hosts: [], skipped: [] };
  for (const { name, type, state } of parseRouterDbLines(text)) {
    if (!/^cisco/i.test(type)) inv.skipped.push({ host: name, reason: `type \`${type}\` in router.db is not an ASA (cisco)` });
    else if (state !== 'up') inv.skipped.push({ host: name, reason: `marked \`${state}\` in router.db` });
    else {
      const hp = splitHostPort(name);
      const bad = hostProblem(hp.host, hp.port);
      if (bad !== null) inv.skipped.push({ host: name, reason: bad, invalid: true });
      else inv.hosts.push({ ...hp, group: null });
    }
  }
  return inv;
}

async function parseYamlInventory(file: string, text: string): Promise<Inventory> {
  const [{ LineCounter, parseDocument }, { Ajv }] = await Promise.all([import('yaml'), import('ajv')]);
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) throw new InventoryError(file, lc.linePos(doc.errors[0]!.pos[0]).line, `invalid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  const data = (toPlain(doc, file, (f, m) => new InventoryError(f, null, m)) ?? {}) as {
    defaults?: Settings;
    hosts?: HostEntry[];
    groups?: Record<string, Settings & { hosts?: HostEntry[] }>;
  };
  const validate = new Ajv({ allErrors: true, strict: false }).compile(INVENTORY_SCHEMA);
  if (!validate(data)) {
    // A host entry is a string or a map (oneOf): the map branch's error (an unknown key, or the deeper
    // error: `port` must be an integer, not "must be string" for the entry) is the useful one.
    const rank = (e: { keyword: string }): number =>
      e.keyword === 'additionalProperties' ? 0 : e.keyword === 'required' ? 1 : e.keyword === 'oneOf' || e.keyword === 'type' ? 3 : 2;
    const err = [...validate.errors!].sort((a, b) => rank(a) - rank(b) || pathOf(b).length - pathOf(a).length)[0]!;
    const path = pathOf(err);
    const unknownKey = err.keyword === 'additionalProperties' ? String(path[path.length - 1]) : null;
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const where = path.join('.') || '(top level)';
    throw new InventoryError(
      file,
      node?.range ? lc.linePos(node.range[0]).line : null,
      unknownKey !== null ? `${where}: unknown key \`${unknownKey}\`` : `${where}: ${err.message ?? 'invalid'}`,
    );
  }
  const hosts: InventoryHost[] = [];
  const lineOf = (path: Array<string | number>): number | null => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lc.linePos(node.range[0]).line : null;
  };
  const add = (entries: HostEntry[] | undefined, group: string | null, inherited: Settings): void => {
    for (const [i, e] of (entries ?? []).entries()) {
      // A string entry is written as on the command line: `[user@]host[:port]`. (An object entry's
      // `host:` written the same way is refused the same way: never quoted, so its password is not printed.)
      const spelled = typeof e === 'string' ? e : e.host;
      const at = spelled.lastIndexOf('@');
      const entryPath = group === null ? ['hosts', i] : ['groups', group, 'hosts', i];
      if (at > 0 && spelled.slice(0, at).includes(':'))
        throw new InventoryError(file, lineOf(entryPath), `${entryPath.join('.')}: a password does not go in the inventory: give \`password-env: NAME\``);
      const s: Settings = { ...data.defaults, ...inherited, ...(typeof e === 'string' ? (at > 0 ? { user: e.slice(0, at) } : {}) : e) };
      if (s.user !== undefined && String(s.user).includes(':'))
        throw new InventoryError(
          file,
          lineOf(entryPath),
          `${entryPath.join('.')}: a user name has no \`:\` (a password does not go in the inventory: give \`password-env: NAME\`)`,
        );
      const name = typeof e === 'string' ? e.slice(at + 1) : e.host;
      const { host, port } = splitHostPort(name, s.port as number | undefined);
      // The same checks as --ssh and --context on the command line.
      const bad = hostProblem(host, port);
      if (bad !== null) throw new InventoryError(file, lineOf(entryPath), `${entryPath.join('.')}: \`${name}\`: ${bad}`);
      if (s.context !== undefined && s.context !== 'all' && !isContextName(String(s.context)))
        throw new InventoryError(file, lineOf(entryPath), `${entryPath.join('.')}: context \`${String(s.context)}\` is not a security context name`);
      hosts.push({
        host,
        port,
        group,
        ...(s.user !== undefined ? { user: String(s.user) } : {}),
        ...(s['password-env'] !== undefined ? { passwordEnv: String(s['password-env']) } : {}),
        ...(s['enable-password-env'] !== undefined ? { enablePasswordEnv: String(s['enable-password-env']) } : {}),
        ...(s.identity !== undefined ? { identity: String(s.identity) } : {}),
        ...(s.context !== undefined ? { context: String(s.context) } : {}),
        ...(s['legacy-algorithms'] !== undefined ? { legacyAlgorithms: Boolean(s['legacy-algorithms']) } : {}),
      });
    }
  };
  add(data.hosts, null, {});
  for (const name of Object.keys(data.groups ?? {}).sort()) {
    const { hosts: members, ...settings } = data.groups![name]!;
    add(members, name, settings);
  }
  return { hosts, skipped: [] };
}

/** What is wrong with a host and port a user gave (command line or inventory), or null. */
export function hostProblem(host: string, port: number): string | null {
  if (host === '') return 'no host name';
  if (/[\s\u0000-\u001f\u007f-\u009f]/.test(host)) return 'a host name has no spaces or control characters';
  if (host.includes('@')) return 'a host name has no `@` (give the user name as `user:`)';
  if (host.startsWith('-')) return 'a host name does not start with `-`';
  // `host:abc`: a port that is not a number, not part of a name (an IPv6 address goes in brackets).
  const badPort = /^[^:[\]]+:([^:]*)$/.exec(host)?.[1];
  if (badPort !== undefined) return `port ${badPort === '' ? '(empty)' : badPort} is not a number from 1 to 65535`;
  if (!Number.isInteger(port) || port < 1 || port > 65535) return `port ${port} is not from 1 to 65535`;
  return null;
}

/** `host`, `host:port`, `[v6]:port`; an explicit port setting wins over the default 22. */
export function splitHostPort(text: string, port?: number): { host: string; port: number } {
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (v6) return { host: v6[1]!, port: v6[2] ? Number(v6[2]) : (port ?? 22) };
  const m = /^([^:]+):(\d+)$/.exec(text);
  if (m) return { host: m[1]!, port: Number(m[2]) };
  return { host: text, port: port ?? 22 };
}
