// Opens an SSH session to a device with ssh2: strict host-key checking against known_hosts (trust on
// first use only with acceptNew), password / key / agent / keyboard-interactive auth, and legacy
// algorithms only when asked. Failures become CollectErrors that say what to do next.

// ssh2 is CommonJS: Node's ESM loader offers only its default export, not named ones.
import ssh2 from 'ssh2';
import type { Algorithms, ClientChannel, ConnectConfig, ServerHostKeyAlgorithm } from 'ssh2';
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
  knownHostsFile: string;
  acceptNew: boolean;
  legacyAlgorithms: boolean;
  /** Time allowed for TCP connect, key exchange and authentication. */
  readyTimeoutMs: number;
  /** Called when acceptNew recorded a new key (so the CLI can say so). */
  onHostKeyAdded?: (fingerprint: string) => void;
  /** Most keyboard-interactive rounds answered before the login is given up (default 5). */
  maxAuthRounds?: number;
}

export const DEFAULT_MAX_AUTH_ROUNDS = 5;

// What old ASA releases (8.x, 9.0–9.x before modern crypto) need; never offered unless asked.
const LEGACY: Required<Pick<Algorithms, 'kex' | 'cipher' | 'serverHostKey' | 'hmac'>> = {
  kex: { append: ['diffie-hellman-group14-sha1', 'diffie-hellman-group-exchange-sha1', 'diffie-hellman-group1-sha1'], prepend: [], remove: [] },
  cipher: { append: ['aes256-cbc', 'aes192-cbc', 'aes128-cbc', '3des-cbc'], prepend: [], remove: [] },
  serverHostKey: { append: ['ssh-dss'], prepend: [], remove: [] },
  hmac: { append: ['hmac-sha1-96', 'hmac-md5', 'hmac-md5-96'], prepend: [], remove: [] },
};

export interface OpenSession {
  client: InstanceType<typeof ssh2.Client>;
  channel: ClientChannel;
  hostKeyFingerprint: string;
}

const { Client } = ssh2;

export function openSession(opts: ConnectOptions): Promise<OpenSession> {
  const known = readKnownHosts(opts.knownHostsFile);
  let verdict: HostKeyVerdict | null = null;
  let presented: Buffer | null = null;
  let addError: string | null = null;
  const remoteOffers: string[] = [];
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
          addKnownHost(opts.knownHostsFile, opts.host, opts.port, key);
        } catch (err) {
          addError = (err as NodeJS.ErrnoException).code ?? String(err);
          return false;
        }
        verdict = { status: 'match' };
        opts.onHostKeyAdded?.(fingerprint(key));
        return true;
      }
      return verdict.status === 'match';
    },
    // Only the peer's algorithm lists are kept, to explain a failed negotiation; nothing else is logged.
    debug: (line: string) => {
      if (/^Handshake: \(remote\)/.test(line) || /^Handshake: No matching/.test(line)) remoteOffers.push(line.replace(/^Handshake: /, ''));
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
        resolve({ client, channel, hostKeyFingerprint: presented ? fingerprint(presented) : '' });
      });
    });
    client.on('error', (err: Error & { level?: string; code?: string }) => {
      fail(
        addError !== null
          ? new CollectError(
              'host-key-unknown',
              `could not record the host key of ${hostPattern(opts.host, opts.port)} in ${opts.knownHostsFile} (${addError}); refusing to connect`,
            )
          : describeFailure(err, verdict, presented, opts, remoteOffers),
      );
    });
    client.on('close', () => {
      fail(
        new CollectError(
          'refused-session',
          `${opts.host}:${opts.port} closed the connection before login (an ASA allows at most 5 SSH sessions per context; are others open?)`,
        ),
      );
    });
    client.connect(config);
  });
}

function describeFailure(
  err: Error & { level?: string; code?: string },
  verdict: HostKeyVerdict | null,
  key: Buffer | null,
  opts: ConnectOptions,
  offers: string[],
): CollectError {
  const where = hostPattern(opts.host, opts.port);
  if (verdict && key && verdict.status !== 'match') {
    const fp = fingerprint(key);
    const type = keyTypeOf(key);
    switch (verdict.status) {
      case 'unknown':
        return new CollectError(
          'host-key-unknown',
          `host key for ${where} is not known (${type} ${fp}); refusing to connect. Check the fingerprint on the device (\`show crypto key mypubkey rsa\`), then rerun with --accept-new to trust it, or add it to ${opts.knownHostsFile}`,
        );
      case 'mismatch':
        return new CollectError(
          'host-key-mismatch',
          `HOST KEY MISMATCH for ${where}: it presented ${type} ${fp}, which differs from the key in ${opts.knownHostsFile} line ${verdict.line}. Someone may be intercepting the connection, or the device's key was regenerated; refusing to connect. If the change is expected, remove that line (ssh-keygen -R '${where}' -f ${opts.knownHostsFile}) and verify the new fingerprint`,
        );
      case 'other-type-known':
        return new CollectError(
          'host-key-mismatch',
          `host key for ${where} is a ${type} key (${fp}), but ${opts.knownHostsFile} line ${verdict.line} knows this host by a ${verdict.knownTypes.join('/')} key only; refusing to connect, even with --accept-new (a new key type is not first use). If the device's keys changed, verify the fingerprint on the device and replace the entry (ssh-keygen -R '${where}' -f ${opts.knownHostsFile})`,
        );
      case 'revoked':
        return new CollectError(
          'host-key-revoked',
          `host key for ${where} (${type} ${fp}) is marked @revoked in ${opts.knownHostsFile} line ${verdict.line}; refusing to connect`,
        );
    }
  }
  if (err.level === 'client-authentication') {
    return new CollectError(
      'auth',
      `authentication failed for user ${opts.credentials.username} at ${where} (check the user name and the password, key or agent)`,
    );
  }
  if (/no matching/i.test(err.message)) {
    const offered = offers.filter((o) => /\(remote\)/.test(o)).join('; ');
    return new CollectError(
      'algorithms',
      opts.legacyAlgorithms
        ? `no SSH algorithm in common with ${where} even with --legacy-algorithms: ${err.message}${offered ? ` (device offers ${offered})` : ''}`
        : `${where} offers only legacy SSH algorithms (${err.message.replace(/^Handshake failed: /, '')}${offered ? `; device offers ${offered}` : ''}). Old ASA releases need them: rerun with --legacy-algorithms, or better, enable modern key exchange on the ASA (\`ssh key-exchange group dh-group14-sha256\`)`,
    );
  }
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

function algorithmsFor(opts: ConnectOptions, knownTypes: string[]): Algorithms {
  const usable: string[] = [
    'ssh-ed25519',
    'ecdsa-sha2-nistp256',
    'ecdsa-sha2-nistp384',
    'ecdsa-sha2-nistp521',
    'rsa-sha2-512',
    'rsa-sha2-256',
    'ssh-rsa',
    ...(opts.legacyAlgorithms ? ['ssh-dss'] : []),
  ];
  const known = knownTypes
    .flatMap((t) => (t === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [t]))
    .filter((t) => usable.includes(t)) as ServerHostKeyAlgorithm[];
  const base: Algorithms = opts.legacyAlgorithms ? { ...LEGACY } : {};
  // ssh2 applies the keys in order: take the known types out, then put them first.
  if (known.length > 0) base.serverHostKey = { remove: known, prepend: known, append: opts.legacyAlgorithms ? ['ssh-dss'] : [] };
  return base;
}
