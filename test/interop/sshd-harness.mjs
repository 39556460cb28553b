// A real OpenSSH server (Debian's sshd) on loopback for the interop suite and the live benchmark:
// throwaway host keys, its own config and authorized_keys, and the ASA emulator as ForceCommand.
// Plain JavaScript so `npm run bench` (plain Node) can use it as well as the vitest suite.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SSHD = '/usr/sbin/sshd';
// The system's node when there is one: the logged-in user may not reach a node under /root.
const NODE = existsSync('/usr/bin/node') ? '/usr/bin/node' : process.execPath;
const EMULATOR = fileURLToPath(new URL('./asa-emulator.mjs', import.meta.url));
/** A local account for password and keyboard-interactive logins (created when running as root). */
export const INTEROP_USER = 'ama-interop';
export const INTEROP_PASSWORD = 'Interop-Pa55-word';

/** Why the suite cannot run here, or null when it can (sshd installed, and root to run it). */
export function sshdUnavailable() {
  if (!existsSync(SSHD)) return `${SSHD} is not installed (Debian: apt-get install openssh-server)`;
  if (process.getuid?.() !== 0) return 'sshd needs root here (privilege separation, PAM logins)';
  return null;
}

/** Creates the interop account with its password, once. */
export function ensureInteropUser() {
  if (spawnSync('id', [INTEROP_USER]).status !== 0) {
    const r = spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/bin/sh', INTEROP_USER], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`useradd ${INTEROP_USER}: ${r.stderr}`);
  }
  const r = spawnSync('chpasswd', [], { input: `${INTEROP_USER}:${INTEROP_PASSWORD}\n`, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`chpasswd: ${r.stderr}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function accepting(port) {
  return new Promise((resolve) => {
    const socket = createConnection(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export function keygen(dir, name, type = 'ed25519') {
  const file = join(dir, name);
  const r = spawnSync('ssh-keygen', ['-q', '-t', type, ...(type === 'rsa' ? ['-b', '2048'] : []), '-N', '', '-C', name, '-f', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ssh-keygen: ${r.stderr}`);
  chmodSync(file, 0o600);
  return { private: file, public: readFileSync(`${file}.pub`, 'utf8').trim() };
}

/**
 * Starts sshd. `scenario` is the emulator's (config path, pager behaviour...); `options` are extra
 * sshd_config lines (MaxStartups, KexAlgorithms...); `authorizedKeys` public key lines.
 */
export async function startSshd({ scenario, options = [], authorizedKeys = [], hostKeyType = 'ed25519' }) {
  const dir = mkdtempSync(join(tmpdir(), 'ama-sshd-'));
  // The emulator runs as the logged-in user, who must read these files.
  chmodSync(dir, 0o755);
  const hostKey = keygen(dir, `host_${hostKeyType}`, hostKeyType);
  // The emulator, its scenario and the configuration are copied here: the checkout may sit in a
  // folder the interop user cannot read (/root).
  copyFileSync(EMULATOR, join(dir, 'asa-emulator.mjs'));
  copyFileSync(scenario.config, join(dir, 'config.cfg'));
  chmodSync(join(dir, 'config.cfg'), 0o644);
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify({ ...scenario, config: join(dir, 'config.cfg') }), { mode: 0o644 });
  writeFileSync(join(dir, 'authorized_keys'), authorizedKeys.map((k) => `${k}\n`).join(''), { mode: 0o644 });
  const port = await freePort();
  const config = [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${hostKey.private}`,
    `PidFile ${join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    'StrictModes no',
    'UsePAM yes',
    'PermitRootLogin yes',
    'PasswordAuthentication yes',
    'KbdInteractiveAuthentication yes',
    'PrintMotd no',
    'PrintLastLog no',
    'LogLevel ERROR',
    ...options,
    `ForceCommand ${NODE} ${join(dir, 'asa-emulator.mjs')} ${join(dir, 'scenario.json')}`,
  ];
  writeFileSync(join(dir, 'sshd_config'), `${config.join('\n')}\n`);
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const child = spawn(SSHD, ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d.toString()));
  for (let i = 0; i < 100 && !(await accepting(port)); i++) {
    if (child.exitCode !== null) throw new Error(`sshd exited: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const [type, blob] = hostKey.public.split(' ');
  return {
    dir,
    port,
    /** A known_hosts line for this server, as OpenSSH writes it. */
    knownHostsLine: `[127.0.0.1]:${port} ${type} ${blob}`,
    stderr: () => stderr,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
