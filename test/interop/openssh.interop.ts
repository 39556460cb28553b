// `npm run test:interop`: the live collector against a real OpenSSH server (Debian's sshd on
// loopback) whose ForceCommand is an ASA CLI emulator on a real pty. Our ssh2 fake cannot show how
// OpenSSH splits output, authenticates, limits start-ups or negotiates algorithms; this can.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cliWith, fixture, tempDir, type CliRun } from '../helpers.js';
import {
  ensureInteropUser,
  INTEROP_PASSWORD,
  INTEROP_USER,
  keygen,
  sshdUnavailable,
  startSshd,
  type EmulatorScenario,
  type RunningSshd,
} from './sshd-harness.mjs';

const unavailable = sshdUnavailable();
const DEMO = fixture('demo/demo-headend.cfg');
const running: RunningSshd[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function server(
  scenario: Partial<EmulatorScenario> = {},
  options: string[] = [],
  more: { authorizedKeys?: string[]; hostKeyType?: 'ed25519' | 'rsa' } = {},
) {
  const s = await startSshd({ scenario: { config: DEMO, ...scenario }, options, ...more });
  running.push(s);
  return s;
}

/** `audit --ssh` as the interop user, trusting the server's key, saving what it collected. */
async function audit(s: RunningSshd, extra: string[] = [], env: NodeJS.ProcessEnv = {}, knownHosts = true): Promise<CliRun & { dir: string }> {
  const dir = tempDir('ama-interop-');
  const kh = join(dir, 'known_hosts');
  writeFileSync(kh, knownHosts ? `${s.knownHostsLine}\n` : '');
  const r = await cliWith(
    { cwd: dir, env: { HOME: dir, PW: INTEROP_PASSWORD, ...env } },
    'audit',
    '--ssh',
    `${INTEROP_USER}@127.0.0.1:${s.port}`,
    '--known-hosts',
    kh,
    '--command-timeout',
    '10',
    '--fail-on',
    'never',
    '--save',
    'saved',
    '--keep-secrets',
    ...extra,
  );
  expect(r.stdout + r.stderr).not.toContain(INTEROP_PASSWORD);
  return { ...r, dir };
}

function saved(r: { dir: string }, port: number): string {
  return readFileSync(join(r.dir, 'saved', `127.0.0.1_${port}.cfg`), 'latin1');
}

describe.skipIf(unavailable !== null)(`live collection against OpenSSH ${unavailable ?? ''}`, () => {
  beforeAll(() => {
    ensureInteropUser();
  });

  it('password and keyboard-interactive logins read exactly the configuration the device holds', async () => {
    const password = await server();
    const r = await audit(password, ['--password-env', 'PW']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(saved(r, password.port)).toBe(readFileSync(DEMO, 'latin1'));
    const kbd = await server({}, ['PasswordAuthentication no']);
    const k = await audit(kbd, ['--password-env', 'PW']);
    expect(k.stderr).toBe('');
    expect(saved(k, kbd.port)).toBe(readFileSync(DEMO, 'latin1'));
  });

  it('pages that arrive with their marker in one read, and markers erased with backspaces, are answered once each', async () => {
    for (const scenario of [
      { pagerIgnored: true, pageAtOnce: true },
      { pagerCommandsFail: true, pagerErase: 'backspaces' as const },
      { pagerCommandsFail: true, pagerErase: 'backspaces' as const, pageAtOnce: true },
    ]) {
      const s = await server(scenario);
      const r = await audit(s, ['--password-env', 'PW']);
      expect(r.code, JSON.stringify(scenario)).toBe(0);
      expect(saved(r, s.port)).toBe(readFileSync(DEMO, 'latin1'));
    }
  });

  it('a large configuration sent line by line is collected whole, within --timeout', async () => {
    const dir = tempDir();
    const big = join(dir, 'big.cfg');
    const demo = readFileSync(DEMO, 'latin1');
    const acl = Array.from(
      { length: 40_000 },
      (_, i) => `access-list OUTSIDE extended permit tcp any host 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255} eq 443`,
    ).join('\n');
    writeFileSync(big, demo.replace(/^(hostname .*)$/m, `$1\n${acl}`));
    const s = await server({ config: big, lineByLine: true });
    const r = await audit(s, ['--password-env', 'PW', '--timeout', '60']);
    expect(r.code).toBe(0);
    expect(saved(r, s.port)).toBe(readFileSync(big, 'latin1'));
  }, 90_000);

  it('an RSA key signs with rsa-sha2-512 for a server that accepts only that', async () => {
    const dir = tempDir();
    const key = keygen(dir, 'id_rsa', 'rsa');
    const s = await server({}, ['PubkeyAcceptedAlgorithms rsa-sha2-512', 'PasswordAuthentication no', 'KbdInteractiveAuthentication no'], {
      authorizedKeys: [key.public],
    });
    const r = await audit(s, ['--identity', key.private]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('a dead SSH_AUTH_SOCK is a note, and the password still logs in', async () => {
    const s = await server();
    const r = await audit(s, ['--password-env', 'PW'], { SSH_AUTH_SOCK: '/tmp/ama-no-such-agent.sock' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('asa-mobile-audit: SSH_AUTH_SOCK /tmp/ama-no-such-agent.sock: no such socket; going on without ssh-agent\n');
  });

  it('a server at MaxStartups is tried again after a pause and lets us in once a slot is free', async () => {
    const s = await server({}, ['MaxStartups 1']);
    // One connection that never authenticates holds the only start-up slot for a second.
    const holder = connect(s.port, '127.0.0.1');
    await new Promise((r) => holder.once('connect', r));
    await new Promise((r) => setTimeout(r, 200));
    setTimeout(() => holder.destroy(), 1000);
    const r = await audit(s, ['--password-env', 'PW']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 30_000);

  it('"Too many authentication failures" is an authentication problem, not an unreachable host', async (ctx) => {
    if (spawnSync('ssh-agent', ['-h']).error) ctx.skip();
    // The classic case: an agent holding more keys than the server's MaxAuthTries, none of them right.
    const dir = tempDir();
    const sock = join(dir, 'agent.sock');
    const agent = spawn('ssh-agent', ['-D', '-a', sock], { stdio: 'ignore' });
    let r: CliRun;
    try {
      for (let i = 0; i < 50 && spawnSync('ssh-add', ['-l'], { env: { SSH_AUTH_SOCK: sock } }).status === 2; i++) await new Promise((w) => setTimeout(w, 50));
      for (const n of [1, 2, 3]) expect(spawnSync('ssh-add', [keygen(dir, `id_wrong${n}`).private], { env: { SSH_AUTH_SOCK: sock } }).status).toBe(0);
      const s = await server({}, ['MaxAuthTries 2', 'PasswordAuthentication no', 'KbdInteractiveAuthentication no']);
      r = await audit(s, [], { SSH_AUTH_SOCK: sock });
    } finally {
      agent.kill();
    }
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ended the login after too many failed attempts \(the server's limit, such as OpenSSH's MaxAuthTries\)/);
    expect(r.stderr).not.toMatch(/cannot reach/);
  });

  it('names the algorithm category that failed, and suggests --legacy-algorithms only when it would help', async () => {
    const newer = await server({}, ['KexAlgorithms sntrup761x25519-sha512@openssh.com']);
    const n = await audit(newer, ['--password-env', 'PW']);
    expect(n.code).toBe(2);
    expect(n.stderr).toMatch(
      /no key exchange algorithm in common with .*offers sntrup761x25519-sha512@openssh\.com; this client offers .*newer than this client supports/,
    );
    expect(n.stderr).not.toMatch(/--legacy-algorithms/);
    const cbc = await server({}, ['Ciphers aes128-cbc']);
    const c = await audit(cbc, ['--password-env', 'PW']);
    expect(c.stderr).toMatch(/no cipher algorithm in common: .* offers only legacy ones \(aes128-cbc\)/);
    expect((await audit(cbc, ['--password-env', 'PW', '--legacy-algorithms'])).code).toBe(0);
  });

  it('a SHA-1 ssh-rsa host key is refused without --legacy-algorithms, as OpenSSH refuses it', async () => {
    const s = await server({}, ['HostKeyAlgorithms ssh-rsa'], { hostKeyType: 'rsa' });
    const r = await audit(s, ['--password-env', 'PW']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no host key algorithm in common: .* offers only legacy ones \(ssh-rsa\)/);
    const ssh = spawnSync('ssh', ['-p', String(s.port), '-o', 'BatchMode=yes', '-o', `UserKnownHostsFile=${join(r.dir, 'known_hosts')}`, '127.0.0.1', 'true'], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(ssh.stderr).toMatch(/no matching host key type found/);
    expect((await audit(s, ['--password-env', 'PW', '--legacy-algorithms'])).code).toBe(0);
  });

  it('--accept-new writes a hashed line OpenSSH finds, and ~/.ssh/known_hosts2 is read as OpenSSH reads it', async () => {
    const s = await server();
    const dir = tempDir('ama-interop-');
    const env = { HOME: dir, PW: INTEROP_PASSWORD };
    const argv = ['audit', '--ssh', `${INTEROP_USER}@127.0.0.1:${s.port}`, '--password-env', 'PW', '--fail-on', 'never'];
    const first = await cliWith({ cwd: dir, env }, ...argv, '--accept-new');
    expect(first.code).toBe(0);
    const found = spawnSync('ssh-keygen', ['-F', `[127.0.0.1]:${s.port}`, '-f', join(dir, '.ssh', 'known_hosts')], { encoding: 'utf8' });
    expect(found.status).toBe(0);
    expect(found.stdout).toContain('found: line 1');
    // The same key, known only from known_hosts2: OpenSSH trusts it, and so do we, saying where from.
    const other = tempDir('ama-interop-');
    mkdirSync(join(other, '.ssh'));
    writeFileSync(join(other, '.ssh', 'known_hosts2'), `${s.knownHostsLine}\n`);
    const second = await cliWith({ cwd: other, env: { HOME: other, PW: INTEROP_PASSWORD } }, ...argv, '-v');
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(`known from ${join(other, '.ssh', 'known_hosts2')} line 1`);
  });

  it('reads through ssh-agent with an RSA key, as OpenSSH does', async (ctx) => {
    if (spawnSync('ssh-agent', ['-h']).error) ctx.skip();
    const dir = tempDir();
    const key = keygen(dir, 'id_rsa', 'rsa');
    const sock = join(dir, 'agent.sock');
    const agent = spawn('ssh-agent', ['-D', '-a', sock], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 50 && spawnSync('ssh-add', ['-l'], { env: { SSH_AUTH_SOCK: sock } }).status === 2; i++) await new Promise((r) => setTimeout(r, 50));
      expect(spawnSync('ssh-add', [key.private], { env: { SSH_AUTH_SOCK: sock } }).status).toBe(0);
      const s = await server({}, ['PubkeyAcceptedAlgorithms rsa-sha2-512', 'PasswordAuthentication no', 'KbdInteractiveAuthentication no'], {
        authorizedKeys: [key.public],
      });
      const r = await audit(s, [], { SSH_AUTH_SOCK: sock });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    } finally {
      agent.kill();
    }
  });
});
