// `audit --ssh user@host[:port]` and `audit --inventory FILE`: collect over SSH, then hand the
// configurations to the same audit as saved files. Secrets come from environment variables named on
// the command line or in the inventory, or from a no-echo prompt; they are never printed or stored.

import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { defaultKnownHostsFiles, knownKeyTypes, readKnownHosts } from '../collect/known-hosts.js';
// ssh2 is CommonJS: Node's ESM loader offers only its default export, not named ones.
import ssh2 from 'ssh2';
import { auditCollected, emptyRun, type AuditOptions } from '../audit/audit.js';
import type { AuditRun } from '../audit/result.js';
import { collectDevice, sshSource, type CollectedDevice } from '../collect/collect-device.js';
import { CollectError } from '../collect/errors.js';
import { isContextName } from '../collect/allow-list.js';
import { runFleet } from '../collect/fleet.js';
import { hostProblem, loadInventory, splitHostPort, type InventoryHost } from '../collect/inventory.js';
import { CollectionSaver, SaveError } from '../collect/save.js';
import { agentProblem } from '../collect/agent.js';
import { InputError } from '../input/load.js';
import { complain, type CliIo } from './io.js';
import { UsageError } from './usage-error.js';
import { READ_LIMITS, ReadError, readUserFile } from '../common/read-file.js';

export interface SshCliOptions {
  ssh: string[];
  inventory?: string;
  user?: string;
  passwordEnv?: string;
  enablePasswordEnv?: string;
  identity?: string;
  knownHosts?: string;
  acceptNew?: boolean;
  legacyAlgorithms?: boolean;
  context?: string;
  save?: string;
  keepSecrets?: boolean;
  concurrency?: string;
  timeout?: string;
  commandTimeout?: string;
  maxOutputMb?: string;
  maxAuthRounds?: string;
  verbose?: boolean;
}

interface Target extends InventoryHost {
  source: string;
}

/**
 * Collects every target over SSH (read-only) and hands each device to `consume` (by default: audit it
 * into the run). `plan` and `what-if` consume the analysed configuration instead.
 */
export async function collectOverSsh(
  opts: SshCliOptions,
  io: CliIo,
  auditOptions: AuditOptions,
  consume: (device: CollectedDevice, run: AuditRun) => void = (device, run) => {
    auditCollected(device, auditOptions, run);
  },
): Promise<AuditRun> {
  const concurrency = positiveInt(opts.concurrency ?? '4', '--concurrency');
  const hostTimeoutMs = positiveInt(opts.timeout ?? '120', '--timeout') * 1000;
  const idleTimeoutMs = positiveInt(opts.commandTimeout ?? '30', '--command-timeout') * 1000;
  const maxOutputBytes = positiveInt(opts.maxOutputMb ?? '256', '--max-output-mb', 65_536) * 1024 * 1024;
  const maxAuthRounds = positiveInt(opts.maxAuthRounds ?? '5', '--max-auth-rounds', 1000);
  if (opts.context !== undefined && opts.context !== 'all' && !isContextName(opts.context))
    throw new UsageError(`--context: \`${opts.context}\` is not a security context name`);
  const abs = (p: string): string => resolve(io.cwd, p);
  // Checked before any connection: a bad --save must not cost a fleet's collection.
  const saver = opts.save !== undefined ? saverFor(abs(opts.save), Boolean(opts.keepSecrets)) : null;
  // Said, not silently ignored: reports always mask secrets, whatever the flag.
  if (opts.keepSecrets && opts.save === undefined) complain(io, '--keep-secrets has no effect without --save (reports always mask secrets)');
  // OpenSSH's files (the user's, then the system's), unless --known-hosts names the one to use.
  const knownHostsFiles = opts.knownHosts !== undefined ? [abs(opts.knownHosts)] : defaultKnownHostsFiles(io.env.HOME ?? homedir());
  // Read once before any connection: one that cannot be read (a device, too large) is the user's to fix
  // (exit 2, naming the file), not an internal error for every host.
  const knownEntries = knownHostsFiles.flatMap((file) => readKnownHosts(file));
  const targets = await targetsFrom(opts, io);
  const secrets = new SecretSource(io, targets.length > 1);
  const run = emptyRun();

  const progress = io.stderrIsTTY && targets.length > 1;
  const results = await runFleet(
    targets,
    concurrency,
    async (t): Promise<CollectedDevice> => {
      const user = t.user ?? opts.user;
      if (user === undefined) throw new CollectError('auth', `no user name for ${t.host}: give user@host, --user NAME, or \`user:\` in the inventory`);
      const passwordEnv = t.passwordEnv ?? opts.passwordEnv;
      const identity = t.identity ?? opts.identity;
      const agent = io.env.SSH_AUTH_SOCK;
      const credentials = {
        username: user,
        ...(await secrets.credentials(user, t.host, passwordEnv, identity !== undefined ? abs(identity) : undefined, agent, {
          // As OpenSSH: a host whose key will be refused is not worth a typed password.
          refusedKey: !opts.acceptNew && knownKeyTypes(knownEntries, t.host, t.port).length === 0,
        })),
      };
      const enableEnv = t.enablePasswordEnv ?? opts.enablePasswordEnv;
      return collectDevice({
        host: t.host,
        port: t.port,
        credentials,
        knownHostsFiles,
        home: io.env.HOME ?? homedir(),
        acceptNew: Boolean(opts.acceptNew),
        legacyAlgorithms: Boolean(t.legacyAlgorithms ?? opts.legacyAlgorithms),
        readyTimeoutMs: Math.min(hostTimeoutMs, 30_000),
        idleTimeoutMs,
        hostTimeoutMs,
        maxOutputBytes,
        maxAuthRounds,
        enablePassword: () => secrets.enable(user, t.host, enableEnv),
        ...((t.context ?? opts.context) !== undefined ? { context: (t.context ?? opts.context)! } : {}),
        onHostKeyAdded: (fp) => {
          complain(io, `${t.source}: host key ${fp} added to ${knownHostsFiles[0]!} (--accept-new)`);
        },
      });
    },
    (done, total) => {
      if (progress) io.stderr(`\r${bar(done, total)} ${done}/${total} hosts${done === total ? '\n' : ''}`);
    },
  );

  const rows: string[][] = [];
  for (const r of results) {
    const t = targets[r.index]!;
    if (!r.ok) {
      const message =
        r.error instanceof CollectError || r.error instanceof UsageError
          ? r.error.message
          : `internal error: ${r.error instanceof Error ? r.error.message : String(r.error)}`;
      run.inputErrors.push(new InputError(t.source, message));
      rows.push([t.source, r.error instanceof CollectError ? r.error.kind : 'failed', '-', '-', (r.ms / 1000).toFixed(1)]);
      continue;
    }
    const device = r.value!;
    for (const note of device.notes) complain(io, `${device.source}: ${note}`);
    const from = device.hostKeyKnownFrom;
    if (opts.verbose && from !== null && from.line > 0)
      complain(io, `${device.source}: host key ${device.hostKeyFingerprint} known from ${from.file} line ${from.line}`);
    if (saver !== null) {
      // A save that fails is said, and the device is still audited from memory.
      try {
        for (const f of saver.save(device)) if (opts.verbose) complain(io, `saved ${f}`);
      } catch (err) {
        if (!(err instanceof SaveError)) throw err;
        run.inputErrors.push(new InputError(device.source, err.message));
      }
    }
    const before = run.targets.length;
    consume(device, run);
    const mine = run.targets.slice(before);
    const status = device.configs.some((c) => !c.complete) ? 'incomplete' : device.contextErrors.length > 0 ? 'partial' : 'ok';
    rows.push([device.source, status, String(device.configs.length), String(mine.reduce((n, x) => n + x.findings.length, 0)), (r.ms / 1000).toFixed(1)]);
  }
  if (targets.length > 1) printSummary(rows, io);
  return run;
}

async function targetsFrom(opts: SshCliOptions, io: CliIo): Promise<Target[]> {
  const hosts: InventoryHost[] = [];
  // `--user name:password`: never echoed (messages print user@host), and never used.
  if (opts.user?.includes(':'))
    throw new UsageError(
      `--user ${opts.user.slice(0, opts.user.indexOf(':'))}:...: a password does not go on the command line (shells and process lists keep it); give --user NAME and --password-env NAME, or be asked on a terminal`,
    );
  for (const spec of opts.ssh) {
    const at = spec.lastIndexOf('@');
    const user = at > 0 ? spec.slice(0, at) : undefined;
    // `user:password@host`: never echoed (the spec would be printed in the message), and never used.
    if (user?.includes(':'))
      throw new UsageError(
        `--ssh ${user.slice(0, user.indexOf(':'))}:...@${spec.slice(at + 1)}: a password does not go on the command line (shells and process lists keep it); give user@host and --password-env NAME, or be asked on a terminal`,
      );
    const { host, port } = splitHostPort(at > 0 ? spec.slice(at + 1) : spec);
    const bad = hostProblem(host, port);
    if (bad !== null) throw new UsageError(`--ssh ${spec}: ${bad} (expected user@host[:port])`);
    hosts.push({ host, port, group: null, ...(user !== undefined ? { user } : {}) });
  }
  if (opts.inventory !== undefined) {
    const inv = await loadInventory(resolve(io.cwd, opts.inventory));
    // A name that cannot be a host is always said; devices marked down only with -v.
    for (const s of inv.skipped) if (opts.verbose || s.invalid) complain(io, `skipped ${s.host}: ${s.reason}`);
    hosts.push(...inv.hosts);
  }
  // One session per device: a host listed twice is collected once.
  const seen = new Set<string>();
  const out: Target[] = [];
  for (const h of hosts) {
    const key = `${h.host.toLowerCase()}:${h.port}`;
    if (seen.has(key)) {
      complain(io, `${sshSource(h.host, h.port)} is listed more than once; collecting it once`);
      continue;
    }
    seen.add(key);
    out.push({ ...h, source: sshSource(h.host, h.port) });
  }
  if (out.length === 0) throw new UsageError('no host to audit: the inventory lists none that are up');
  return out;
}

/** Resolves and caches secrets: environment variables first, then one prompt per user and purpose. */
class SecretSource {
  private readonly cache = new Map<string, Promise<string | undefined>>();
  /** In a fleet, one typed password serves every host of that user, and the prompt says so. */
  constructor(
    private readonly io: CliIo,
    private readonly shared: boolean,
  ) {}

  /** `refusedKey`: the host's key is not known and will be refused, so no password is asked for (the login stops at the key). */
  async credentials(
    user: string,
    host: string,
    passwordEnv: string | undefined,
    identity: string | undefined,
    agent: string | undefined,
    { refusedKey }: { refusedKey: boolean } = { refusedKey: false },
  ) {
    const out: { password?: string; privateKey?: Buffer; passphrase?: string; agent?: string } = {};
    if (agent && (await this.agentAnswers(agent))) out.agent = agent;
    if (passwordEnv !== undefined) out.password = this.fromEnv(passwordEnv, '--password-env');
    if (identity !== undefined) {
      try {
        out.privateKey = readUserFile(identity, READ_LIMITS.key);
      } catch (err) {
        if (err instanceof ReadError) throw new CollectError('auth', `--identity ${identity}: ${err.message}`);
        throw err;
      }
      const parsed = ssh2.utils.parseKey(out.privateKey);
      if (parsed instanceof Error && /passphrase/i.test(parsed.message)) {
        const passphrase = await this.ask(`passphrase:${identity}`, `Passphrase for ${identity}: `);
        if (passphrase === undefined)
          throw new CollectError('auth', `${identity} is encrypted: run on a terminal to be asked for its passphrase, or load it into ssh-agent`);
        out.passphrase = passphrase;
        const check = ssh2.utils.parseKey(out.privateKey, passphrase);
        if (check instanceof Error) throw new CollectError('auth', `cannot use ${identity}: wrong passphrase or unsupported key format`);
      } else if (parsed instanceof Error) {
        throw new CollectError('auth', `cannot use ${identity}: ${parsed.message}`);
      } else if (!parsed.isPrivateKey()) {
        // A `.pub` file given by mistake (OpenSSH's -i takes the private key).
        throw new CollectError('auth', `--identity ${identity} is a public key: give the private key file (the one without .pub)`);
      }
    }
    if (out.password === undefined && out.privateKey === undefined && out.agent === undefined) {
      if (refusedKey && this.io.promptSecret !== undefined) return out;
      const password = await this.ask(
        `password:${user}`,
        this.shared ? `Password for ${user} (used for every host with this user): ` : `Password for ${user}@${host}: `,
      );
      if (password === undefined)
        throw new CollectError(
          'auth',
          `no credentials for ${user}@${host}: give --password-env NAME, --identity FILE, or run ssh-agent (or run on a terminal to be asked)`,
        );
      out.password = password;
    }
    return out;
  }

  private agentCheck: Promise<boolean> | null = null;

  /** Checked once per run; a dead agent is a note, and the login goes on without it (as OpenSSH). */
  private agentAnswers(socketPath: string): Promise<boolean> {
    this.agentCheck ??= agentProblem(socketPath).then((problem) => {
      if (problem !== null) complain(this.io, `SSH_AUTH_SOCK ${socketPath}: ${problem}; going on without ssh-agent`);
      return problem === null;
    });
    return this.agentCheck;
  }

  async enable(user: string, host: string, envName: string | undefined): Promise<string | undefined> {
    if (envName !== undefined) return this.fromEnv(envName, '--enable-password-env');
    return this.ask(`enable:${user}`, this.shared ? `Enable password (used for every host of user ${user}): ` : `Enable password for ${host}: `);
  }

  private fromEnv(name: string, flag: string): string {
    // Not a variable name: most likely the password itself, typed in its place. Never echoed.
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new CollectError(
        'auth',
        `${flag} takes the name of an environment variable that holds the password (letters, digits and _), not the password itself`,
      );
    const value = this.io.env[name];
    if (value === undefined) throw new CollectError('auth', `${flag} ${name}: the environment variable ${name} is not set`);
    if (value === '') throw new CollectError('auth', `${flag} ${name}: the environment variable ${name} is empty`);
    return value;
  }

  private ask(key: string, question: string): Promise<string | undefined> {
    const prompt = this.io.promptSecret;
    if (prompt === undefined) return Promise.resolve(undefined);
    let p = this.cache.get(key);
    if (p === undefined) {
      // Prompts are chained so two hosts never ask at once.
      const previous = [...this.cache.values()].at(-1) ?? Promise.resolve(undefined);
      p = previous.catch(() => undefined).then(() => prompt(question));
      this.cache.set(key, p);
    }
    return p;
  }
}

function saverFor(dir: string, keepSecrets: boolean): CollectionSaver {
  try {
    return new CollectionSaver(dir, keepSecrets);
  } catch (err) {
    if (err instanceof SaveError) throw new UsageError(err.message);
    throw err;
  }
}

function positiveInt(text: string, flag: string, max = 86_400): number {
  const n = Number(text);
  // Timers take at most ~24.8 days; a day is more than any device needs.
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${flag}: \`${text}\` is not a whole number from 1 to ${max}`);
  return n;
}

function bar(done: number, total: number): string {
  const width = 30;
  const filled = Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${' '.repeat(width - filled)}]`;
}

function printSummary(rows: string[][], io: CliIo): void {
  const header = ['host', 'status', 'configs', 'findings', 'seconds'];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  for (const r of all)
    io.stderr(
      `${r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd()}\n`,
    );
}
