// Opens an SSH session to a device with ssh2: strict host-key checking against known_hosts (trust on
// first use only with acceptNew), password / key / agent / keyboard-interactive auth, and legacy
// algorithms only when asked. Failures become CollectErrors that say what to do next.

// ssh2 is CommonJS: Node's ESM loader offers only its default export, not named ones.
import { homedir } from 'node:os';
import ssh2 from 'ssh2';
import type { Algorithms, CipherAlgorithm, ClientChannel, ConnectConfig, KexAlgorithm, MacAlgorithm, ServerHostKeyAlgorithm } from 'ssh2';
import { CollectError } from './errors.js';
import { addKnownHost, fingerprint, hostPattern, keyTypeOf, knownKeyTypes, readKnownHosts, verifyHostKey, type HostKeyVerdict } from './known-hosts.js';

export interface Credentials {
  username: string;
  password?: string;
  privateKey?: Buffer;
  passphrase?: string;
  /** ssh-agent socket (SSH_AUTH_SOCK). */
  agent?: string;
}

export interface ConnectOptions {
  host: string;
  port: number;
  credentials: Credentials;
  /**
   * known_hosts files in the order OpenSSH reads them; keys from all of them count, and
   * --accept-new records a new key in the first.
   */
  knownHostsFiles: readonly string[];
  /** The user's home, to name a known_hosts file under it as `~/...` (messages may go into shared reports). */
  home?: string;
  acceptNew: boolean;
  legacyAlgorithms: boolean;
  /** Time allowed for TCP connect, key exchange and authentication. */
  readyTimeoutMs: number;
  /** Called when acceptNew recorded a new key (so the CLI can say so). */
  onHostKeyAdded?: (fingerprint: string) => void;
  /** Most keyboard-interactive rounds answered before the login is given up (default 5). */
  maxAuthRounds?: number;
  /** Waits before each retry of a session the server refused before the key exchange (busy). */
  retryDelaysMs?: readonly number[];
}

/** How long to wait before trying a busy server again: about 7 s in all, as a person would. */
export const DEFAULT_RETRY_DELAYS_MS = [500, 1500, 5000];

export const DEFAULT_MAX_AUTH_ROUNDS = 5;

// What old ASA releases (8.x, 9.0–9.x before modern crypto) need; never offered unless asked.
// SHA-1 `ssh-rsa` host key signatures are legacy too: OpenSSH 8.8+ refuses them unless asked.
const LEGACY_KEX: KexAlgorithm[] = ['diffie-hellman-group14-sha1', 'diffie-hellman-group-exchange-sha1', 'diffie-hellman-group1-sha1'];
const LEGACY_CIPHER: CipherAlgorithm[] = ['aes256-cbc', 'aes192-cbc', 'aes128-cbc', '3des-cbc'];
const LEGACY_HOST_KEY: ServerHostKeyAlgorithm[] = ['ssh-rsa', 'ssh-dss'];
const LEGACY_MAC: MacAlgorithm[] = ['hmac-sha1-96', 'hmac-md5', 'hmac-md5-96'];
const LEGACY: Required<Pick<Algorithms, 'kex' | 'cipher' | 'hmac'>> = {
  kex: { append: LEGACY_KEX, prepend: [], remove: [] },
  cipher: { append: LEGACY_CIPHER, prepend: [], remove: [] },
  hmac: { append: LEGACY_MAC, prepend: [], remove: [] },
};

export interface OpenSession {
  client: InstanceType<typeof ssh2.Client>;
  channel: ClientChannel;
  hostKeyFingerprint: string;
  /** The known_hosts file and line that vouched for the key (line 0: just added by --accept-new). */
  knownFrom: { file: string; line: number } | null;
}

const { Client } = ssh2;

/**
 * Opens a session; a server that turns the connection away before the key exchange (busy: OpenSSH's
 * MaxStartups, an ASA at its session limit) is tried again after a pause, as it asks.
 */
export async function openSession(opts: ConnectOptions): Promise<OpenSession> {
  const delays = opts.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptSession(opts);
    } catch (err) {
      if (!(err instanceof CollectError) || err.kind !== 'refused-session' || attempt >= delays.length) {
        if (err instanceof CollectError && err.kind === 'refused-session' && attempt > 0)
          throw new CollectError(
            'refused-session',
            `${err.message}; tried ${attempt + 1} times over ${delays.slice(0, attempt).reduce((a, b) => a + b, 0) / 1000} s`,
          );
        throw err;
      }
      await new Promise((r) => setTimeout(r, delays[attempt]));
    }
  }
}

/** What the key exchange said: each side's offer per category, and which category failed. */
interface HandshakeLog {
  local: Map<string, string[]>;
  remote: Map<string, string[]>;
  failed: string | null;
  /** The key exchange finished (after this, a closed connection is not a busy server). */
  done: boolean;
}

function attemptSession(opts: ConnectOptions): Promise<OpenSession> {
  const known = opts.knownHostsFiles.flatMap((file) => readKnownHosts(file));
  let verdict: HostKeyVerdict | null = null;
  let presented: Buffer | null = null;
  let addError: string | null = null;
  const log: HandshakeLog = { local: new Map(), remote: new Map(), failed: null, done: false };
  const startedAt = Date.now();
  const client = new Client();
  const { credentials: c } = opts;

  const config: ConnectConfig = {
    host: opts.host,
    port: opts.port,
    username: c.username,
    readyTimeout: opts.readyTimeoutMs,
    tryKeyboard: c.password !== undefined,
    ...(c.password !== undefined ? { password: c.password } : {}),
    ...(c.privateKey !== undefined ? { privateKey: c.privateKey, ...(c.passphrase !== undefined ? { passphrase: c.passphrase } : {}) } : {}),
    ...(c.agent !== undefined ? { agent: c.agent } : {}),
    algorithms: algorithmsFor(opts, knownKeyTypes(known, opts.host, opts.port)),
    hostVerifier: (key: Buffer): boolean => {
      presented = key;
      verdict = verifyHostKey(known, opts.host, opts.port, key);
      if (verdict.status === 'unknown' && opts.acceptNew) {
        try {
          addKnownHost(opts.knownHostsFiles[0]!, opts.host, opts.port, key);
        } catch (err) {
          addError = (err as NodeJS.ErrnoException).code ?? String(err);
          return false;
        }
        verdict = { status: 'match', file: opts.knownHostsFiles[0]!, line: 0 };
        opts.onHostKeyAdded?.(fingerprint(key));
        return true;
      }
      return verdict.status === 'match';
    },
    // Only the algorithm lists are kept, to explain a failed negotiation; nothing else is logged.
    debug: (line: string) => {
      const offer = /^Handshake: \((local|remote)\) ([^:]+): (.*)$/.exec(line);
      // Markers such as `kex-strict-s-v00@openssh.com` and `ext-info-c` are not algorithms.
      if (offer)
        (offer[1] === 'local' ? log.local : log.remote).set(
          offer[2]!.toLowerCase(),
          offer[3]!.split(',').filter((a) => !/^(kex-strict-[cs]-v00@openssh\.com|ext-info-[cs])$/.test(a)),
        );
      const none = /^Handshake: no matching (.*)$/i.exec(line);
      if (none) log.failed = none[1]!.toLowerCase();
    },
  };

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (err: CollectError): void => {
      if (settled) return;
      settled = true;
      client.end();
      client.destroy();
      reject(err);
    };
    let rounds = 0;
    const maxRounds = opts.maxAuthRounds ?? DEFAULT_MAX_AUTH_ROUNDS;
    client.on('keyboard-interactive', (_name, _instructions, _lang, prompts, finish) => {
      // A device that keeps asking is not going to accept: stop rather than answer forever.
      if (++rounds > maxRounds) {
        fail(
          new CollectError(
            'limit',
            `${hostPattern(opts.host, opts.port)} asked more than ${maxRounds} keyboard-interactive questions (--max-auth-rounds); refused`,
          ),
        );
        return;
      }
      // Answer password prompts with the password; anything else (an OTP) cannot be automated.
      finish(prompts.map((p) => (/password|passcode/i.test(p.prompt) && c.password !== undefined ? c.password : '')));
    });
    client.on('handshake', () => {
      log.done = true;
    });
    client.on('ready', () => {
      // ssh2's readyTimeout ends at login; the shell request gets its own limit.
      const shellTimer = setTimeout(() => {
        fail(new CollectError('timeout', `${hostPattern(opts.host, opts.port)} did not open a shell within ${opts.readyTimeoutMs / 1000} s of login`));
      }, opts.readyTimeoutMs);
      client.shell({ term: 'vt100', cols: 511, rows: 24 }, (err, channel) => {
        clearTimeout(shellTimer);
        if (settled) return;
        if (err) {
          fail(new CollectError('device', `the device refused an interactive shell: ${err.message}`));
          return;
        }
        settled = true;
        const v = verdict;
        resolve({
          client,
          channel,
          hostKeyFingerprint: presented ? fingerprint(presented) : '',
          knownFrom: v?.status === 'match' ? { file: v.file, line: v.line } : null,
        });
      });
    });
    client.on('error', (err: Error & { level?: string; code?: string }) => {
      fail(
        addError !== null
          ? new CollectError(
              'host-key-unknown',
              `could not record the host key of ${hostPattern(opts.host, opts.port)} in ${opts.knownHostsFiles[0]!} (${addError}); refusing to connect`,
            )
          : describeFailure(err, verdict, presented, opts, log),
      );
    });
    client.on('close', () => {
      const where = hostPattern(opts.host, opts.port);
      fail(
        log.done
          ? new CollectError(
              'dropped',
              `${where} closed the connection during login, ${((Date.now() - startedAt) / 1000).toFixed(1)} s after connecting (its login time limit, such as OpenSSH's LoginGraceTime, or a limit on sessions)`,
            )
          : new CollectError(
              'refused-session',
              `${where} turned the connection away before the key exchange (busy: too many connections at once, such as OpenSSH's MaxStartups, or an ASA at its limit of 5 SSH sessions per context)`,
            ),
      );
    });
    client.connect(config);
    preferRsaSha512(client);
  });
}

type ExtInfoHandler = (p: unknown, exts: Array<{ name: string; algs?: string[] }>) => void;

/**
 * RSA keys sign with SHA-512 when the server lists it, as OpenSSH does. ssh2 picks SHA-256 whenever
 * `server-sig-algs` lists it, and OpenSSH 9.2 servers list every algorithm they know whatever
 * PubkeyAcceptedAlgorithms allows, so a server taking only `rsa-sha2-512` refused our keys. ssh2 has
 * no option for this; its handler for the server's EXT_INFO message is wrapped (ssh2 is pinned by
 * the lockfile, and test/ssh covers a server that accepts only SHA-512).
 */
function preferRsaSha512(client: InstanceType<typeof Client>): void {
  const handlers = (client as unknown as { _protocol?: { _handlers?: Record<string, ExtInfoHandler | undefined> } })._protocol?._handlers;
  const original = handlers?.EXT_INFO;
  if (!handlers || !original) return;
  handlers.EXT_INFO = (p, exts) => {
    original(
      p,
      exts.map((e) => (e.name === 'server-sig-algs' && e.algs?.includes('rsa-sha2-512') ? { ...e, algs: e.algs.filter((a) => a !== 'rsa-sha2-256') } : e)),
    );
  };
}

function describeFailure(
  err: Error & { level?: string; code?: string | number },
  verdict: HostKeyVerdict | null,
  key: Buffer | null,
  opts: ConnectOptions,
  log: HandshakeLog,
): CollectError {
  const where = hostPattern(opts.host, opts.port);
  if (verdict && key && verdict.status !== 'match') {
    const fp = fingerprint(key);
    const type = keyTypeOf(key);
    switch (verdict.status) {
      case 'unknown':
        return new CollectError(
          'host-key-unknown',
          `host key for ${where} is not known (${type} ${fp}); refusing to connect. Check the fingerprint on the device's console (\`show crypto key mypubkey ${asaKeyKind(type)}\` shows the key it offers [recalled]), then rerun with --accept-new to trust it, or add it to ${homeShown(opts.knownHostsFiles[0]!, opts.home ?? homedir())}`,
        );
      case 'mismatch':
        return new CollectError(
          'host-key-mismatch',
          `HOST KEY MISMATCH for ${where}: it presented ${type} ${fp}, which differs from the key in ${verdict.file} line ${verdict.line}. Someone may be intercepting the connection, or the device's key was regenerated; refusing to connect. If the change is expected, remove that line (ssh-keygen -R '${where}' -f ${verdict.file}) and verify the new fingerprint`,
        );
      case 'other-type-known':
        return new CollectError(
          'host-key-mismatch',
          `host key for ${where} is a ${type} key (${fp}), but ${verdict.file} line ${verdict.line} knows this host by a ${verdict.knownTypes.join('/')} key only; refusing to connect, even with --accept-new (a new key type is not first use). If the device's keys changed, verify the fingerprint on the device and replace the entry (ssh-keygen -R '${where}' -f ${verdict.file})`,
        );
      case 'revoked':
        return new CollectError(
          'host-key-revoked',
          `host key for ${where} (${type} ${fp}) is marked @revoked in ${verdict.file} line ${verdict.line}; refusing to connect`,
        );
    }
  }
  if (/too many authentication failures/i.test(err.message)) {
    return new CollectError(
      'auth',
      `${where} ended the login after too many failed attempts (the server's limit, such as OpenSSH's MaxAuthTries): an ssh-agent holding many keys offers each in turn; give the key with --identity, or use the password`,
    );
  }
  if (err.level === 'client-authentication') {
    return new CollectError(
      'auth',
      `authentication failed for user ${opts.credentials.username} at ${where} (check the user name and the password, key or agent)`,
    );
  }
  if (/no matching/i.test(err.message)) return algorithmMismatch(log, opts, where);
  if (
    err.code === 'ECONNREFUSED' ||
    err.code === 'EHOSTUNREACH' ||
    err.code === 'ENETUNREACH' ||
    err.code === 'ENOTFOUND' ||
    err.code === 'EAI_AGAIN' ||
    err.code === 'ETIMEDOUT'
  ) {
    return new CollectError(
      'unreachable',
      `cannot reach ${where}: ${err.code === 'ECONNREFUSED' ? 'connection refused (is SSH enabled for this address: `ssh ADDRESS MASK INTERFACE`?)' : err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN' ? 'unknown host name' : err.code}`,
    );
  }
  if (/timed out/i.test(err.message)) return new CollectError('timeout', `${where} did not complete the SSH login in ${opts.readyTimeoutMs / 1000} s`);
  return new CollectError('unreachable', `SSH connection to ${where} failed: ${err.message}`);
}

// The categories of the key exchange, by the name ssh2 logs them under, and what legacy means in each.
const CATEGORIES: Array<{ log: RegExp; name: string; legacy: readonly string[] }> = [
  { log: /^(kex method|key exchange)/, name: 'key exchange', legacy: LEGACY_KEX },
  { log: /^host key/, name: 'host key', legacy: LEGACY_HOST_KEY },
  { log: /cipher$/, name: 'cipher', legacy: LEGACY_CIPHER },
  { log: /mac$/, name: 'MAC', legacy: LEGACY_MAC },
  { log: /compression$/, name: 'compression', legacy: [] },
];

/** Which category failed, what each side offered, and --legacy-algorithms only when it would help. */
function algorithmMismatch(log: HandshakeLog, opts: ConnectOptions, where: string): CollectError {
  const failed = log.failed ?? '';
  const category = CATEGORIES.find((c) => c.log.test(failed)) ?? { log: /./, name: 'SSH', legacy: [] };
  const entry = (side: Map<string, string[]>): string[] => [...side.entries()].find(([k]) => category.log.test(k))?.[1] ?? [];
  const theirs = entry(log.remote);
  const ours = entry(log.local);
  const offers = `${where} offers ${theirs.join(', ') || '(unknown)'}; this client offers ${ours.join(', ') || '(unknown)'}`;
  if (!opts.legacyAlgorithms && theirs.some((a) => category.legacy.includes(a))) {
    return new CollectError(
      'algorithms',
      `no ${category.name} algorithm in common: ${where} offers only legacy ones (${theirs.join(', ')}), which old ASA releases need. Rerun with --legacy-algorithms${category.name === 'key exchange' ? ', or better, enable modern key exchange on the ASA (`ssh key-exchange group dh-group14-sha256`)' : ''}`,
    );
  }
  return new CollectError(
    'algorithms',
    `no ${category.name} algorithm in common with ${where}${opts.legacyAlgorithms ? ' even with --legacy-algorithms' : ''}: ${offers}${theirs.length > 0 && !theirs.some((a) => category.legacy.includes(a)) ? ' (the device offers only algorithms newer than this client supports, not legacy ones)' : ''}`,
  );
}

function algorithmsFor(opts: ConnectOptions, knownTypes: string[]): Algorithms {
  const usable: string[] = [
    'ssh-ed25519',
    'ecdsa-sha2-nistp256',
    'ecdsa-sha2-nistp384',
    'ecdsa-sha2-nistp521',
    'rsa-sha2-512',
    'rsa-sha2-256',
    ...(opts.legacyAlgorithms ? ['ssh-rsa', 'ssh-dss'] : []),
  ];
  const known = knownTypes
    .flatMap((t) => (t === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [t]))
    .filter((t) => usable.includes(t)) as ServerHostKeyAlgorithm[];
  const base: Algorithms = opts.legacyAlgorithms ? { ...LEGACY } : {};
  // ssh2 applies the keys in order: take the known types out, then put them first. Without
  // --legacy-algorithms, SHA-1 `ssh-rsa` signatures are not accepted (as OpenSSH 8.8+).
  const sha1 = opts.legacyAlgorithms ? [] : (['ssh-rsa'] as ServerHostKeyAlgorithm[]);
  base.serverHostKey = {
    remove: [...known, ...sha1],
    prepend: known,
    append: opts.legacyAlgorithms ? LEGACY_HOST_KEY.filter((a) => !known.includes(a)) : [],
  };
  return base;
}

/** The ASA's name for a host key's kind, as `show crypto key mypubkey` takes it. */
function asaKeyKind(sshType: string): string {
  if (sshType === 'ssh-rsa') return 'rsa';
  if (sshType.startsWith('ecdsa')) return 'ecdsa';
  if (sshType === 'ssh-ed25519') return 'eddsa';
  return 'rsa|ecdsa|eddsa';
}

/** A path under the user's home as `~/...`: the message may end up in a report others read (an HTML page's "Not audited"). */
function homeShown(path: string, home: string): string {
  return home !== '' && path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
}
