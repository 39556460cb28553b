// Live audit against the fake ASA over loopback: sessions, pager, enable, contexts, drops, host keys,
// auth, algorithms, session limits, --save. Every run also checks that no secret is printed.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'ssh2';
import { describe, expect, it } from 'vitest';
import type { PlanJsonDocument } from '../../src/report/change-json.js';
import type { AuditJsonFinding } from '../../src/report/audit-json.js';
import { isAllowed } from '../../src/collect/allow-list.js';
import { DEFAULT_SHOW_VERSION, fixtureText, makeHostKey } from '../fake-asa/fake-asa.js';
import { cliWith, fixture, builtCli, auditJson } from '../helpers.js';
import { ENABLE, expectNoSecrets, knownHosts, liveAudit, PASSWORD, startFake, workdir } from './live-kit.js';

const DEMO = fixtureText('demo/demo-headend.cfg');
const keyOf = (f: AuditJsonFinding): string => `${f.ruleId}@${f.line ?? '-'}/${f.tunnelGroup ?? '-'}/${f.severity}`;

async function offlineFindings(file: string): Promise<string[]> {
  const r = await cliWith({}, 'audit', file, '--format', 'json', '--fail-on', 'never');
  return auditJson(r.stdout)
    .targets[0]!.findings.map(keyOf)
    .filter((k) => !k.startsWith('anyconnect-mobile-license'));
}

function onlyAllowed(received: string[]): void {
  for (const line of received) if (line !== '<enable password>') expect(isAllowed(line), `sent ${JSON.stringify(line)}`).toBe(true);
}

describe('live audit of one device', () => {
  it('logs in at >, enables, collects and reports the same findings and lines as the saved config', async () => {
    // A release that licenses mobile separately, with the mobile licence off: the licence rule must see it.
    const showVersion = DEFAULT_SHOW_VERSION.replace(/AnyConnect for Mobile( +): Enabled /, 'AnyConnect for Mobile$1: Disabled');
    const fake = await startFake({
      configs: { single: DEMO },
      showVersion,
      enablePassword: ENABLE,
      banner: 'Authorized access only\n',
      motd: 'NOTICE: lab device#\nreport issues to noc>',
    });
    const r = await liveAudit(fake.port, ['--format', 'json', '--fail-on', 'never']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const target = auditJson(r.stdout).targets[0]!;
    expect(target.source).toBe(`ssh://127.0.0.1:${fake.port}`);
    expect(target.hostname).toBe('vpn-demo');
    expect(target.complete).toBe(true);
    const live = target.findings.map(keyOf);
    // Live, the device was looked at for the client profile the demo pushes and it is not on its
    // flash; offline, nobody looked, so nothing is said about it.
    const missing = target.findings.filter((f) => f.ruleId === 'client-profile-file-missing');
    expect(missing.map((f) => f.tunnelGroup).sort()).toEqual(['MOBILE-FULL', 'MOBILE-SPLIT']);
    expect(missing[0]!.message).toContain('was not found in the device');
    expect(live.filter((k) => !k.startsWith('anyconnect-mobile-license') && !k.startsWith('client-profile-file-missing'))).toEqual(
      await offlineFindings(fixture('demo/demo-headend.cfg')),
    );
    // show version's licence lines reach the licence rule
    expect(target.findings.find((f) => f.ruleId === 'anyconnect-mobile-license')?.message).toContain('live `show version`');
    expect(fake.received).toEqual([
      'enable',
      '<enable password>',
      'terminal pager 0',
      'show version',
      'show mode',
      'show running-config',
      'more disk0:/mobile.xml',
    ]);
    onlyAllowed(fake.received);
    expect(r.stdout).not.toContain('Sup3rS3cretPSK');
  });

  it('answers the pager when paging cannot be turned off, with slow chunked output, and loses no line', async () => {
    const fake = await startFake({ configs: { single: DEMO }, pagerCommandsFail: true, pageLines: 24, chunkBytes: 97, chunkDelayMs: 1 });
    const dir = workdir();
    const r = await liveAudit(fake.port, ['--format', 'json', '--fail-on', 'never', '--save', 'saved', '--keep-secrets'], { dir });
    expect(r.code).toBe(0);
    expect(fake.received.slice(0, 2)).toEqual(['terminal pager 0', 'terminal pager lines 0']);
    expect(r.stderr).toMatch(/paging could not be turned off/);
    const saved = readFileSync(join(dir, 'saved', `127.0.0.1_${fake.port}.cfg`));
    expect(saved.equals(DEMO)).toBe(true);
    onlyAllowed(fake.received);
  });

  it('collects a device that ignores `terminal pager 0` and sends each page with its marker in one message', async () => {
    const fake = await startFake({ configs: { single: DEMO }, pagerIgnored: true, pageAtOnce: true, pageLines: 24 });
    const dir = workdir();
    const r = await liveAudit(fake.port, ['--format', 'json', '--fail-on', 'never', '--save', 'saved', '--keep-secrets'], { dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fake.markersSent).toBeGreaterThan(5);
    expect(readFileSync(join(dir, 'saved', `127.0.0.1_${fake.port}.cfg`)).equals(DEMO)).toBe(true);
    // Without --save the flag does nothing: said, not silently ignored.
    const alone = await liveAudit(fake.port, ['--format', 'json', '--fail-on', 'never', '--keep-secrets'], { dir });
    expect(alone.stderr).toBe('asa-mobile-audit: --keep-secrets has no effect without --save (reports always mask secrets)\n');
    expect(alone.stdout).not.toContain('Sup3rS3cretPSK');
  });

  it('collects a large configuration sent one line per message, whole (reading stays linear)', async () => {
    const acl = Array.from({ length: 30_000 }, (_, i) => `access-list OUTSIDE extended permit tcp any host 10.0.${(i >> 8) & 255}.${i & 255} eq 443`).join(
      '\n',
    );
    const big = Buffer.from(DEMO.toString('latin1').replace(/^(hostname .*)$/m, `$1\n${acl}`), 'latin1');
    const fake = await startFake({ configs: { single: big } });
    const dir = workdir();
    const r = await liveAudit(fake.port, ['--fail-on', 'never', '--save', 'saved', '--keep-secrets', '--timeout', '60'], { dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'saved', `127.0.0.1_${fake.port}.cfg`)).equals(big)).toBe(true);
  }, 90_000);

  it('answers a marker erased with backspaces exactly once', async () => {
    // The erasure arrives on its own, a moment before the next page.
    const fake = await startFake({ configs: { single: DEMO }, pagerCommandsFail: true, pagerErase: 'backspaces', eraseDelayMs: 30 });
    const dir = workdir();
    const r = await liveAudit(fake.port, ['--format', 'json', '--fail-on', 'never', '--save', 'saved', '--keep-secrets'], { dir });
    expect(r.code).toBe(0);
    expect(fake.strayInput).toBe('');
    expect(readFileSync(join(dir, 'saved', `127.0.0.1_${fake.port}.cfg`)).equals(DEMO)).toBe(true);
  });

  it('keeps `<--- More --->` that is part of a config line; only a marker at a page boundary is pager output', async () => {
    const text = DEMO.toString('latin1').replace(/^hostname .*$/m, (h) => `${h}\nbanner motd <--- More ---> is not a pager\nbanner motd <--- More --->`);
    const config = Buffer.from(text, 'latin1');
    for (const paging of [false, true]) {
      const fake = await startFake({ configs: { single: config }, ...(paging ? { pagerCommandsFail: true } : {}) });
      const dir = workdir();
      await liveAudit(fake.port, ['--fail-on', 'never', '--save', 'saved', '--keep-secrets'], { dir });
      expect(readFileSync(join(dir, 'saved', `127.0.0.1_${fake.port}.cfg`), 'latin1'), `paging ${paging}`).toBe(text);
    }
  });

  it('falls back to `terminal pager lines 0` on releases without `terminal pager 0`', async () => {
    const fake = await startFake({ configs: { single: DEMO }, pager0Unsupported: true });
    const r = await liveAudit(fake.port, ['--format', 'json', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    expect(fake.received.slice(0, 2)).toEqual(['terminal pager 0', 'terminal pager lines 0']);
    expect(r.stderr).toBe('');
  });

  it('saved files are private (0600) whether or not secrets are kept, even when one existed before', async () => {
    const fake = await startFake({ configs: { single: DEMO } });
    const dir = workdir();
    await liveAudit(fake.port, ['--fail-on', 'never', '--save', 'saved'], { dir });
    const file = join(dir, 'saved', `127.0.0.1_${fake.port}.cfg`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    chmodSync(file, 0o644);
    const r = await cliWith(
      { cwd: dir, env: { ASA_PW: PASSWORD, HOME: dir } },
      'audit',
      '--ssh',
      `audit@127.0.0.1:${fake.port}`,
      '--password-env',
      'ASA_PW',
      '--known-hosts',
      knownHosts(dir, [fake.port]),
      '--fail-on',
      'never',
      '--save',
      'saved',
      '--keep-secrets',
    );
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('Sup3rS3cretPSK');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('--save redacts secrets by default, and the saved file audits identically offline', async () => {
    const fake = await startFake({ configs: { single: DEMO } });
    const dir = workdir();
    const r = await liveAudit(fake.port, ['--format', 'json', '--fail-on', 'never', '--save', 'saved'], { dir });
    const file = join(dir, 'saved', `127.0.0.1_${fake.port}.cfg`);
    const text = readFileSync(file, 'utf8');
    expectNoSecrets(text);
    expect(text).toContain('pre-shared-key <redacted>');
    expect(text.split('\n').length).toBe(DEMO.toString('latin1').split('\n').length);
    const live = auditJson(r.stdout)
      .targets[0]!.findings.map(keyOf)
      .filter((k) => !k.startsWith('anyconnect-mobile-license'));
    expect(await offlineFindings(file)).toEqual(live);
  });

  it('reports a connection dropped mid-config as incomplete (exit 2), never as a whole config', async () => {
    const fake = await startFake({ configs: { single: DEMO }, dropAfterLines: 120 });
    const r = await liveAudit(fake.port, ['--format', 'json', '--fail-on', 'never', '--save', 'saved', '--keep-secrets']);
    expect(r.code).toBe(2);
    // The count said is the count saved.
    expect(r.stderr).toMatch(/the connection dropped during `show running-config` after 120 lines; this is a partial configuration/);
    const saved = readFileSync(join(r.dir, 'saved', `127.0.0.1_${fake.port}.partial.cfg`), 'latin1');
    expect(saved.split('\n').filter((_, i, all) => i < all.length - 1 || all[i] !== '').length).toBe(120);
    expect(saved).toBe(DEMO.toString('latin1').split('\n').slice(0, 120).join('\n') + '\n');
    const t = auditJson(r.stdout).targets[0]!;
    expect(t.complete).toBe(false);
    const accepted = await liveAudit(fake.port, ['--format', 'json', '--fail-on', 'never', '--allow-incomplete']);
    expect(accepted.code).toBe(0);
    expect(auditJson(accepted.stdout).targets[0]!.complete).toBe(false);
  });

  it('gives up on a device that stops answering after --command-timeout, keeping it incomplete', async () => {
    const fake = await startFake({ configs: { single: DEMO }, stallAfterLines: 50 });
    const r = await liveAudit(fake.port, ['--format', 'json', '--fail-on', 'never', '--command-timeout', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the device stopped answering during `show running-config`/);
    expect(auditJson(r.stdout).targets[0]!.complete).toBe(false);
  });

  it('stops at the per-host --timeout even while output still trickles in', async () => {
    const fake = await startFake({ configs: { single: DEMO }, chunkBytes: 16, chunkDelayMs: 20 });
    const started = Date.now();
    const r = await liveAudit(fake.port, ['--format', 'json', '--fail-on', 'never', '--timeout', '2']);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^asa-mobile-audit: ssh://127\\.0\\.0\\.1:${fake.port} \\(line \\d+\\): `, 'm'));
    expect(r.stderr).toMatch(/the per-host timeout ran out during `show running-config` after \d+ lines; this is a partial configuration/);
    expect(auditJson(r.stdout).targets[0]!.complete).toBe(false);
  });

  it('refuses a wrong password and a wrong enable password without printing either', async () => {
    const fake = await startFake({ configs: { single: DEMO }, enablePassword: ENABLE });
    const bad = await liveAudit(fake.port, [], { env: { ASA_PW: 'wrong-password-123' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/authentication failed for user audit at \[127\.0\.0\.1\]:\d+/);
    expect(bad.stderr).not.toContain('wrong-password-123');
    const badEnable = await liveAudit(fake.port, [], { env: { ASA_ENABLE: 'not-the-enable' } });
    expect(badEnable.code).toBe(2);
    expect(badEnable.stderr).toMatch(/the enable password was refused \(the device asked for it again\)/);
    expect(badEnable.stderr).not.toContain('not-the-enable');
    fake.received.length = 0;
    const smuggled = await liveAudit(fake.port, [], { env: { ASA_ENABLE: `${ENABLE}\nconfigure terminal\nwrite erase` } });
    expect(smuggled.code).toBe(2);
    expect(smuggled.stderr).toMatch(/enable password contains a line break or control character; refusing to send it/);
    expect(fake.received).not.toContain('configure terminal');
    expect(fake.received).not.toContain('<enable password>');
    onlyAllowed(fake.received);
    const unset = await cliWith({ env: {} }, 'audit', '--ssh', `audit@127.0.0.1:${fake.port}`, '--password-env', 'NOPE_PW');
    expect(unset.code).toBe(2);
    expect(unset.stderr).toMatch(/the environment variable NOPE_PW is not set/);
    const empty = await cliWith({ env: { EMPTY_PW: '' } }, 'audit', '--ssh', `audit@127.0.0.1:${fake.port}`, '--password-env', 'EMPTY_PW');
    expect(empty.stderr).toMatch(/the environment variable EMPTY_PW is empty/);
    // The password typed where its variable's name goes, or in the host spec: refused, never echoed.
    const typed = await cliWith({ env: {} }, 'audit', '--ssh', `audit@127.0.0.1:${fake.port}`, '--password-env', 'Vpn-Audit-Pa55!');
    expect(typed.code).toBe(2);
    expect(typed.stderr).toMatch(/--password-env takes the name of an environment variable that holds the password/);
    expect(typed.stderr).not.toContain('Vpn-Audit-Pa55!');
    const inSpec = await cliWith({ env: {} }, 'audit', '--ssh', `audit:Vpn-Audit-Pa55!@127.0.0.1:${fake.port}`);
    expect(inSpec.code).toBe(2);
    expect(inSpec.stderr).toMatch(/a password does not go on the command line/);
    expect(inSpec.stderr).not.toContain('Vpn-Audit-Pa55!');
    const inUser = await cliWith({ env: {} }, 'audit', '--ssh', `127.0.0.1:${fake.port}`, '--user', 'audit:Vpn-Audit-Pa55!');
    expect(inUser.code).toBe(2);
    expect(inUser.stderr).toMatch(/--user audit:\.\.\.: a password does not go on the command line/);
    expect(inUser.stderr).not.toContain('Vpn-Audit-Pa55!');
  });

  it('names a known-hosts file it cannot read before any connection (exit 2), not an internal error per host', async () => {
    const fake = await startFake({ configs: { single: DEMO } });
    const dir = workdir();
    const r = await cliWith(
      { cwd: dir, env: { ASA_PW: PASSWORD, HOME: dir } },
      'audit',
      '--ssh',
      `audit@127.0.0.1:${fake.port}`,
      '--password-env',
      'ASA_PW',
      '--known-hosts',
      '/dev/null',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('asa-mobile-audit: /dev/null: is a character device, not a regular file: not read\n');
    expect(fake.sessionsOpened).toBe(0);
  });

  it('tries the factory-blank enable password when none is given, and says what to give when it is refused', async () => {
    const blank = await startFake({ configs: { single: DEMO }, enablePassword: '' });
    const dir = workdir();
    const ok = await cliWith(
      { cwd: dir, env: { ASA_PW: PASSWORD, HOME: dir } },
      'audit',
      '--ssh',
      `audit@127.0.0.1:${blank.port}`,
      '--password-env',
      'ASA_PW',
      '--known-hosts',
      knownHosts(dir, [blank.port]),
      '--format',
      'json',
      '--fail-on',
      'never',
    );
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const guarded = await startFake({ configs: { single: DEMO }, enablePassword: ENABLE });
    const no = await cliWith(
      { cwd: dir, env: { ASA_PW: PASSWORD, HOME: dir } },
      'audit',
      '--ssh',
      `audit@127.0.0.1:${guarded.port}`,
      '--password-env',
      'ASA_PW',
      '--known-hosts',
      knownHosts(dir, [guarded.port]),
    );
    expect(no.code).toBe(2);
    expect(no.stderr).toMatch(/the login lands at `>` and `enable` needs a password: give --enable-password-env NAME/);
  });

  it('asks for the password (and enable password) on a terminal when no other credential is given', async () => {
    const fake = await startFake({ configs: { single: DEMO }, enablePassword: ENABLE, keyboardInteractiveOnly: true });
    const dir = workdir();
    const asked: string[] = [];
    const r = await cliWith(
      { cwd: dir, env: { HOME: dir }, promptSecret: (q) => (asked.push(q), Promise.resolve(q.startsWith('Enable') ? ENABLE : PASSWORD)) },
      'audit',
      '--ssh',
      `audit@127.0.0.1:${fake.port}`,
      '--known-hosts',
      knownHosts(dir, [fake.port]),
      '--format',
      'json',
      '--fail-on',
      'never',
    );
    expect(r.code).toBe(0);
    expect(asked).toEqual([`Password for audit@127.0.0.1: `, 'Enable password for 127.0.0.1: ']);
    expectNoSecrets(r.stdout + r.stderr);
    // As OpenSSH: a host whose key is not known is refused before anyone types a password for it.
    const unknown: string[] = [];
    const refused = await cliWith(
      { cwd: dir, env: { HOME: dir }, promptSecret: (q) => (unknown.push(q), Promise.resolve(PASSWORD)) },
      'audit',
      '--ssh',
      `audit@127.0.0.1:${fake.port}`,
      '--known-hosts',
      join(dir, 'empty-known-hosts'),
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/is not known \(ssh-ed25519 SHA256:/);
    expect(unknown).toEqual([]);
  });

  it('authenticates with a private key, asking for its passphrase', async () => {
    const { utils } = await import('ssh2');
    const pair = utils.generateKeyPairSync('ed25519', { passphrase: 'key-pass-phrase', cipher: 'aes256-cbc', rounds: 4 });
    const fake = await startFake({ configs: { single: DEMO }, users: {}, authorizedKeys: { audit: pair.public } });
    const dir = workdir();
    writeFileSync(join(dir, 'id'), pair.private);
    const r = await cliWith(
      { cwd: dir, env: { HOME: dir }, promptSecret: () => Promise.resolve('key-pass-phrase') },
      'audit',
      '--ssh',
      `audit@127.0.0.1:${fake.port}`,
      '--identity',
      'id',
      '--known-hosts',
      knownHosts(dir, [fake.port]),
      '--format',
      'json',
      '--fail-on',
      'never',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('key-pass-phrase');
    const noTty = await cliWith(
      { cwd: dir, env: { HOME: dir } },
      'audit',
      '--ssh',
      `audit@127.0.0.1:${fake.port}`,
      '--identity',
      'id',
      '--known-hosts',
      knownHosts(dir, [fake.port]),
    );
    expect(noTty.code).toBe(2);
    expect(noTty.stderr).toMatch(/id is encrypted: run on a terminal/);
    // The .pub file by mistake: said so (it was an "internal error").
    writeFileSync(join(dir, 'id.pub'), pair.public);
    const pub = await cliWith(
      { cwd: dir, env: { HOME: dir } },
      'audit',
      '--ssh',
      `audit@127.0.0.1:${fake.port}`,
      '--identity',
      'id.pub',
      '--known-hosts',
      knownHosts(dir, [fake.port]),
    );
    expect(pub.code).toBe(2);
    expect(pub.stderr).toMatch(/--identity \S*id\.pub is a public key: give the private key file \(the one without \.pub\)/);
    expect(pub.stderr).not.toMatch(/internal error/);
  });

  it('goes on without a dead SSH_AUTH_SOCK, with a one-line note', async () => {
    const fake = await startFake({ configs: { single: DEMO } });
    const dir = workdir();
    const r = await liveAudit(fake.port, ['--format', 'json', '--fail-on', 'never'], { dir, env: { SSH_AUTH_SOCK: join(dir, 'gone.sock') } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`asa-mobile-audit: SSH_AUTH_SOCK ${join(dir, 'gone.sock')}: no such socket; going on without ssh-agent\n`);
  });
});

describe('servers that turn sessions away', () => {
  it('tries a busy server again after a pause (MaxStartups), and says so when it never lets in', async () => {
    const busy = await startFake({ configs: { single: DEMO }, turnAwayFirst: 2 });
    const ok = await liveAudit(busy.port, ['--format', 'json', '--fail-on', 'never']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(busy.turnedAway).toBe(2);
    const never = await startFake({ configs: { single: DEMO }, turnAwayFirst: 100 });
    const r = await liveAudit(never.port, ['--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/turned the connection away before the key exchange \(busy: .*MaxStartups.*\); tried 4 times over 7 s/);
  }, 30_000);

  it('calls a connection closed during login what it is (login time limit), not a session limit', async () => {
    const fake = await startFake({ configs: { single: DEMO }, loginGraceMs: 200 });
    const r = await liveAudit(fake.port, []);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/closed the connection during login, [\d.]+ s after connecting \(its login time limit, such as OpenSSH's LoginGraceTime/);
    expect(r.stderr).not.toMatch(/at most 5 SSH sessions/);
  });
});

// ssh-agent, ssh-add and ssh-keygen are OpenSSH binaries; where one is missing the test says so and is skipped.
const hasAgent = ['ssh-agent', 'ssh-add', 'ssh-keygen'].every((tool) => spawnSync(tool, ['-h']).error === undefined);

describe('ssh-agent', () => {
  it.skipIf(!hasAgent)('authenticates with a key held by ssh-agent (SSH_AUTH_SOCK), no password given', async () => {
    // The key is OpenSSH's own. Under load ssh-add twice refused one made by ssh2's generator ("error
    // in libcrypto"), though 300 such keys all load with `ssh-keygen -y`: the cause is not known, and a
    // key OpenSSH made itself takes the generator out of it.
    const dir = workdir();
    const keygen = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'agent-test', '-f', join(dir, 'id')], { encoding: 'utf8' });
    expect({ status: keygen.status, stderr: keygen.stderr }).toEqual({ status: 0, stderr: '' });
    const fake = await startFake({ configs: { single: DEMO }, users: {}, authorizedKeys: { audit: readFileSync(join(dir, 'id.pub'), 'utf8').trim() } });
    const sock = join(dir, 'agent.sock');
    const agent = spawnSync('ssh-agent', ['-a', sock, '-s'], { encoding: 'utf8' });
    const pid = /SSH_AGENT_PID=(\d+)/.exec(agent.stdout)?.[1];
    // ssh-agent listens on its socket before it forks, so the socket is there once `ssh-agent -s` returns.
    expect(agent.status).toBe(0);
    expect(existsSync(sock)).toBe(true);
    try {
      // (Its stderr goes with the status: a rare failure under load must say why.)
      const added = spawnSync('ssh-add', [join(dir, 'id')], { env: { SSH_AUTH_SOCK: sock }, encoding: 'utf8' });
      expect({ status: added.status, stderr: added.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
      const r = await cliWith(
        { cwd: dir, env: { HOME: dir, SSH_AUTH_SOCK: sock } },
        'audit',
        '--ssh',
        `audit@127.0.0.1:${fake.port}`,
        '--known-hosts',
        knownHosts(dir, [fake.port]),
        '--format',
        'json',
        '--fail-on',
        'never',
      );
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    } finally {
      if (pid) process.kill(Number(pid));
    }
  });
});

describe('the built binary', () => {
  // The tests above run the sources through vitest; this runs dist/ under plain Node, whose ESM loader
  // is stricter about CommonJS packages such as ssh2 (npm test builds first).
  it('audits a live device end to end', async () => {
    const fake = await startFake({ configs: { single: DEMO }, enablePassword: ENABLE });
    const dir = workdir();
    const kh = knownHosts(dir, [fake.port]);
    const cli = builtCli();
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          cli,
          'audit',
          '--ssh',
          `audit@127.0.0.1:${fake.port}`,
          '--password-env',
          'ASA_PW',
          '--enable-password-env',
          'ASA_ENABLE',
          '--known-hosts',
          kh,
          '--format',
          'json',
          '--fail-on',
          'never',
        ],
        {
          cwd: dir,
          env: { PATH: process.env.PATH, HOME: dir, ASA_PW: PASSWORD, ASA_ENABLE: ENABLE },
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => {
        resolve({ code, stdout, stderr });
      });
    });
    expectNoSecrets(r.stdout + r.stderr);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(auditJson(r.stdout).targets[0]!).toMatchObject({ source: `ssh://127.0.0.1:${fake.port}`, hostname: 'vpn-demo', complete: true });
  });
});

describe('host keys', () => {
  it('refuses an unknown host with its SHA256 fingerprint; --accept-new records it (hashed), then it is known', async () => {
    const fake = await startFake({ configs: { single: DEMO } });
    const dir = workdir();
    const kh = join(dir, 'kh');
    const r = await liveAudit(fake.port, [], { dir, knownHosts: kh });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/host key for \[127\.0\.0\.1\]:\d+ is not known \(ssh-ed25519 SHA256:[A-Za-z0-9+/]{43}\); refusing to connect.*--accept-new/);
    // The device command that shows the key names its kind (it said rsa for every key).
    expect(r.stderr).toContain('`show crypto key mypubkey eddsa` shows the key it offers [recalled]');
    // A known_hosts file under the user's home is named as ~/...: the message may go into a shared report.
    const home = await cliWith({ cwd: dir, env: { HOME: dir, X: 'not-sent' } }, 'audit', '--ssh', `audit@127.0.0.1:${fake.port}`, '--password-env', 'X');
    expect(home.stderr).toContain('or add it to ~/.ssh/known_hosts');
    expect(home.stderr).not.toContain(`${dir}/.ssh`);
    expect(fake.received).toEqual([]);
    expect(existsSync(kh)).toBe(false);
    const accepted = await liveAudit(fake.port, ['--accept-new', '--fail-on', 'never'], { dir, knownHosts: kh });
    expect(accepted.code).toBe(0);
    expect(accepted.stderr).toMatch(/host key SHA256:\S+ added to .*kh \(--accept-new\)/);
    expect(readFileSync(kh, 'utf8')).toMatch(/^\|1\|/);
    expect((await liveAudit(fake.port, ['--fail-on', 'never'], { dir, knownHosts: kh })).code).toBe(0);
  });

  it('always refuses a changed host key, even with --accept-new, before sending anything', async () => {
    const fake = await startFake({ configs: { single: DEMO } });
    const dir = workdir();
    const other = makeHostKey('ed25519');
    const kh = knownHosts(dir, [fake.port], other.blob);
    const r = await liveAudit(fake.port, ['--accept-new'], { dir, knownHosts: kh });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /HOST KEY MISMATCH for \[127\.0\.0\.1\]:\d+: it presented ssh-ed25519 SHA256:\S+, which differs from the key in .*known_hosts line 1/,
    );
    expect(fake.received).toEqual([]);
    expect(readFileSync(kh, 'utf8').split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('refuses a key of another type than the known one, even with --accept-new (not first use)', async () => {
    const fake = await startFake({ configs: { single: DEMO } });
    const dir = workdir();
    const rsa = makeHostKey('rsa');
    const kh = knownHosts(dir, [fake.port], rsa.blob, 'ssh-rsa');
    const r = await liveAudit(fake.port, ['--accept-new'], { dir, knownHosts: kh });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a ssh-ed25519 key \(SHA256:\S+\), but .* knows this host by a ssh-rsa key only; refusing to connect, even with --accept-new/);
    expect(readFileSync(kh, 'utf8').split('\n').filter(Boolean)).toHaveLength(1);
    expect(fake.received).toEqual([]);
  });

  it('needs --legacy-algorithms for a device that offers only SHA-1 key exchange and CBC ciphers', async () => {
    const rsa = makeHostKey('rsa');
    const fake = await startFake({
      configs: { single: DEMO },
      hostKey: rsa.private,
      algorithms: { kex: ['diffie-hellman-group14-sha1'], cipher: ['aes128-cbc'], serverHostKey: ['ssh-rsa'], hmac: ['hmac-sha1'] },
    });
    const dir = workdir();
    const kh = knownHosts(dir, [fake.port], rsa.blob, 'ssh-rsa');
    const r = await liveAudit(fake.port, [], { dir, knownHosts: kh });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no key exchange algorithm in common: .* offers only legacy ones \(diffie-hellman-group14-sha1\).*Rerun with --legacy-algorithms/);
    const ok = await liveAudit(fake.port, ['--legacy-algorithms', '--fail-on', 'never'], { dir, knownHosts: kh });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
  });
});

describe('algorithm categories', () => {
  it('names the category that failed: a cipher mismatch is not called a key exchange one', async () => {
    const fake = await startFake({ configs: { single: DEMO }, algorithms: { cipher: ['aes128-cbc'] } });
    const r = await liveAudit(fake.port, []);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no cipher algorithm in common: .* offers only legacy ones \(aes128-cbc\)/);
    expect(r.stderr).not.toMatch(/key-exchange/);
  });

  it('refuses a SHA-1 ssh-rsa host key signature unless --legacy-algorithms, as OpenSSH 8.8+ does', async () => {
    const rsa = makeHostKey('rsa');
    const fake = await startFake({ configs: { single: DEMO }, hostKey: rsa.private, algorithms: { serverHostKey: ['ssh-rsa'] } });
    const dir = workdir();
    const kh = knownHosts(dir, [fake.port], rsa.blob, 'ssh-rsa');
    const r = await liveAudit(fake.port, [], { dir, knownHosts: kh });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no host key algorithm in common: .* offers only legacy ones \(ssh-rsa\)/);
    expect((await liveAudit(fake.port, ['--legacy-algorithms', '--fail-on', 'never'], { dir, knownHosts: kh })).code).toBe(0);
  });
});

describe('sessions and contexts', () => {
  it('reports a refused sixth concurrent session clearly', async () => {
    const fake = await startFake({ configs: { single: DEMO } });
    const others: Client[] = [];
    for (let i = 0; i < 5; i++) {
      const c = new Client();
      await new Promise<void>((resolve, reject) => {
        c.on('ready', () => {
          resolve();
        }).on('error', reject);
        c.connect({ host: '127.0.0.1', port: fake.port, username: 'audit', password: PASSWORD, hostVerifier: () => true });
      });
      others.push(c);
    }
    try {
      const r = await liveAudit(fake.port);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /turned the connection away before the key exchange \(busy: .*an ASA at its limit of 5 SSH sessions per context\); tried 4 times/,
      );
      expect(fake.sessionsRefused).toBe(4);
    } finally {
      for (const c of others) c.end();
    }
  }, 30_000);
  it('gets in once a sixth session is free again, trying after a pause', async () => {
    const fake = await startFake({ configs: { single: DEMO } });
    const others: Client[] = [];
    for (let i = 0; i < 5; i++) {
      const c = new Client();
      await new Promise<void>((resolve, reject) => {
        c.on('ready', () => {
          resolve();
        }).on('error', reject);
        c.connect({ host: '127.0.0.1', port: fake.port, username: 'audit', password: PASSWORD, hostVerifier: () => true });
      });
      others.push(c);
    }
    try {
      setTimeout(() => others.pop()!.end(), 1000);
      const r = await liveAudit(fake.port, ['--fail-on', 'never']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(fake.sessionsRefused).toBeGreaterThanOrEqual(1);
    } finally {
      for (const c of others) c.end();
    }
  }, 30_000);

  it('collects every security context in multiple mode, each audited on its own', async () => {
    const ctx = Buffer.from(DEMO.toString('latin1').replace('ASA Version 9.16(4)', 'ASA Version 9.16(4) <context>'), 'latin1');
    const system =
      ': Saved\n:\nASA Version 9.16(4) <system>\n!\nhostname vpn-demo\ncontext admin\n  config-url disk0:/admin.cfg\n!\ncontext ctx-b\n  config-url disk0:/ctx-b.cfg\n!\n: end\n';
    const fake = await startFake({ mode: 'multiple', configs: { system, admin: ctx, 'ctx-b': ctx } });
    const r = await liveAudit(fake.port, ['--format', 'json', '--fail-on', 'never']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const targets = auditJson(r.stdout).targets;
    expect(targets.map((t) => t.context)).toEqual(['admin', 'ctx-b']);
    expect(targets[1]!.findings.length).toBeGreaterThan(0);
    expect(fake.received).toEqual([
      'terminal pager 0',
      'show version',
      'show mode',
      'changeto system',
      'show context',
      'changeto context admin',
      'show running-config',
      'more disk0:/mobile.xml',
      'changeto context ctx-b',
      'show running-config',
      'more disk0:/mobile.xml',
    ]);
    const one = await liveAudit(fake.port, ['--format', 'json', '--fail-on', 'never', '--context', 'ctx-b']);
    expect(auditJson(one.stdout).targets.map((t) => t.context)).toEqual(['ctx-b']);
    const inCtx = await startFake({ mode: 'multiple', configs: { system, admin: ctx, 'ctx-b': ctx }, loginContext: 'ctx-b' });
    const only = await liveAudit(inCtx.port, ['--format', 'json', '--fail-on', 'never']);
    expect(only.code).toBe(0);
    expect(only.stderr).toMatch(/cannot change to the system execution space from context ctx-b; only that context was collected/);
    expect(auditJson(only.stdout).targets.map((t) => t.context)).toEqual(['ctx-b']);
    const missing = await liveAudit(fake.port, ['--format', 'json', '--fail-on', 'never', '--context', 'nope']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/context nope: `changeto context nope` was refused/);
  });
});

describe('per-host budget in multiple context mode', () => {
  it('keeps the contexts collected before the budget ran out and reports the rest', async () => {
    const ctx = Buffer.from(DEMO.toString('latin1').replace('ASA Version 9.16(4)', 'ASA Version 9.16(4) <context>'), 'latin1');
    const system = ': Saved\n:\nASA Version 9.16(4) <system>\nhostname vpn-demo\n: end\n';
    // ctx-c stops answering mid-config: the per-host budget, not the per-command silence, ends the
    // run there, whatever the machine's speed. admin and ctx-b are whole; ctx-d is never reached.
    const fake = await startFake({ mode: 'multiple', configs: { system, admin: ctx, 'ctx-b': ctx, 'ctx-c': ctx, 'ctx-d': ctx }, stallInContext: 'ctx-c' });
    const r = await liveAudit(fake.port, ['--format', 'json', '--fail-on', 'never', '--timeout', '4', '--command-timeout', '60']);
    expect(r.code).toBe(2);
    const targets = auditJson(r.stdout).targets as Array<{ context: string; complete: boolean }>;
    expect(targets.map((t) => [t.context, t.complete])).toEqual([
      ['admin', true],
      ['ctx-b', true],
      ['ctx-c', false],
    ]);
    // ctx-d is named, never dropped silently.
    expect(r.stderr).toMatch(/context ctx-d: not collected: the per-host timeout of 4 s ran out/);
  });

  it('a stalled context costs only itself: a new session reads the contexts after it', async () => {
    const ctx = Buffer.from(DEMO.toString('latin1').replace('ASA Version 9.16(4)', 'ASA Version 9.16(4) <context>'), 'latin1');
    const system = ': Saved\n:\nASA Version 9.16(4) <system>\nhostname vpn-demo\n: end\n';
    const fake = await startFake({ mode: 'multiple', configs: { system, admin: ctx, 'ctx-b': ctx, 'ctx-c': ctx }, stallInContext: 'ctx-b' });
    const r = await liveAudit(fake.port, ['--format', 'json', '--fail-on', 'never', '--command-timeout', '1', '--timeout', '60']);
    expect(r.code).toBe(2);
    const targets = auditJson(r.stdout).targets as Array<{ context: string; complete: boolean }>;
    expect(targets.map((t) => [t.context, t.complete])).toEqual([
      ['admin', true],
      ['ctx-b', false],
      ['ctx-c', true],
    ]);
    expect(fake.sessionsOpened).toBe(2);
    onlyAllowed(fake.received);
  });

  it('reports every listed context it will not send, including a 65-character name, and reads the rest', async () => {
    const ctx = Buffer.from(DEMO.toString('latin1').replace('ASA Version 9.16(4)', 'ASA Version 9.16(4) <context>'), 'latin1');
    const system = ': Saved\n:\nASA Version 9.16(4) <system>\nhostname vpn-demo\n: end\n';
    const long = `c${'x'.repeat(64)}`;
    const fake = await startFake({ mode: 'multiple', configs: { system, admin: ctx, 'ctx-b': ctx }, extraContextRows: [long, 'bad;name'] });
    const r = await liveAudit(fake.port, ['--format', 'json', '--fail-on', 'never', '-v']);
    expect(r.code).toBe(2);
    expect((auditJson(r.stdout).targets as Array<{ context: string }>).map((t) => t.context)).toEqual(['admin', 'ctx-b']);
    expect(r.stderr).toContain(`context ${long}: not collected: \`${long}\` is not a name the auditor sends`);
    expect(r.stderr).toContain('context bad;name: not collected');
    expect(r.stderr).not.toMatch(/internal error/);
    onlyAllowed(fake.received);
  });
});

describe('client profiles and dap.xml from flash', () => {
  const CP = fixtureText('client-profiles/headend.cfg');
  const MOBILE_XML = readFileSync(fixture('client-profiles/profiles/mobile.xml'), 'latin1');
  const DAP_XML = readFileSync(fixture('client-profiles/profiles/dap.xml'), 'latin1');

  it('reads the XML files the configuration references with `more`, audits them, and --save keeps them where an offline audit finds them', async () => {
    // Flash holds other XML too (another profile, a portal customisation): never asked for.
    const flash = { 'disk0:/mobile.xml': MOBILE_XML, 'disk0:/dap.xml': DAP_XML, 'disk0:/old-desktop.xml': MOBILE_XML, 'disk0:/portal.xml': '<custom/>' };
    const fake = await startFake({ configs: { single: CP }, flash });
    const dir = workdir();
    const r = await liveAudit(fake.port, ['--format', 'json', '--fail-on', 'never', '--save', 'saved'], { dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Only the files the config names, after the configuration.
    expect(fake.received.slice(-2)).toEqual(['more disk0:/mobile.xml', 'more disk0:/dap.xml']);
    expect(fake.received.filter((c) => c.startsWith('more '))).toEqual(['more disk0:/mobile.xml', 'more disk0:/dap.xml']);
    onlyAllowed(fake.received);
    const live = auditJson(r.stdout).targets[0]!;
    expect(live.clientProfiles).toEqual([
      {
        name: 'MOBILE-PROFILE',
        file: 'disk0:/mobile.xml',
        assignedTo: ['MOBILE-FULL', 'MOBILE-SPLIT'],
        found: true,
        readFrom: `ssh://127.0.0.1:${fake.port}/disk0:/mobile.xml`,
        status: 'read',
      },
    ]);
    const xmlFindings = live.findings.filter((f) => f.file !== null);
    expect(xmlFindings.map((f) => `${f.ruleId}@${f.file!.replace(/^.*\//, '')}:${f.line}`).sort()).toEqual([
      'client-profile-host-unknown@mobile.xml:24',
      'client-profile-mobile-settings@mobile.xml:26',
      'client-profile-mobile-settings@mobile.xml:5',
      'connect-on-demand-domains@mobile.xml:31',
      'dap-mobile-criteria@dap.xml:16',
    ]);
    // The saved copy, audited offline, finds the same XML findings at the same lines.
    const saved = join(dir, 'saved', `127.0.0.1_${fake.port}.cfg`);
    expect(readFileSync(join(dir, 'saved', `127.0.0.1_${fake.port}.profiles`, 'mobile.xml'), 'latin1')).toBe(MOBILE_XML);
    const offline = await cliWith({ cwd: dir }, 'audit', saved, '--format', 'json', '--fail-on', 'never');
    const off = auditJson(offline.stdout).targets[0]!.findings.filter((f) => f.file !== null);
    expect(off.map((f) => `${f.ruleId}@${f.file!.replace(/^.*\//, '')}:${f.line}`).sort()).toEqual(
      xmlFindings.map((f) => `${f.ruleId}@${f.file!.replace(/^.*\//, '')}:${f.line}`).sort(),
    );
  });

  it('a referenced file missing on flash is reported as missing, from the device', async () => {
    const fake = await startFake({ configs: { single: CP }, flash: {} });
    const r = await liveAudit(fake.port, ['--format', 'json', '--fail-on', 'never']);
    const f = auditJson(r.stdout).targets[0]!.findings.find((x) => x.ruleId === 'client-profile-file-missing');
    expect(f?.message).toMatch(/was not found in the device/);
  });
});

describe('hostile devices', () => {
  it('refuses a device that floods output past --max-output-mb, keeping memory bounded', async () => {
    const fake = await startFake({ configs: { single: DEMO }, floodRunningConfig: true });
    const r = await liveAudit(fake.port, ['--format', 'json', '--fail-on', 'never', '--max-output-mb', '8']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the device sent more than 8 MB .*--max-output-mb\); refused/);
    expect(auditJson(r.stdout).targets).toEqual([]);
  });

  it('stops answering keyboard-interactive questions after --max-auth-rounds', async () => {
    const fake = await startFake({ configs: { single: DEMO }, keyboardInteractiveOnly: true, keyboardInteractiveForever: true });
    const r = await liveAudit(fake.port, ['--format', 'json', '--fail-on', 'never', '--max-auth-rounds', '3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/asked more than 3 keyboard-interactive questions \(--max-auth-rounds\); refused/);
    expect(fake.keyboardRounds).toBeLessThanOrEqual(4);
  });

  it('checks --save before connecting: a file there is exit 2 and the device is never contacted', async () => {
    const fake = await startFake({ configs: { single: DEMO } });
    const dir = workdir();
    writeFileSync(join(dir, 'saved'), 'not a folder');
    const r = await liveAudit(fake.port, ['--save', 'saved'], { dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--save .*saved: is a file, not a folder/);
    expect(fake.sessionsOpened).toBe(0);
  });
});

describe('fleet', () => {
  it('audits an inventory with concurrency, one session per device, and keeps going past a dead host', async () => {
    // The first host is the slow one, so finishing order differs from the order of the report.
    const a = await startFake({ configs: { single: DEMO }, hostname: 'asa-a', chunkBytes: 256, chunkDelayMs: 4 });
    const b = await startFake({ configs: { single: DEMO }, hostname: 'asa-b' });
    const dir = workdir();
    const dead = 1; // nothing listens on port 1
    writeFileSync(
      join(dir, 'inventory.yaml'),
      [
        'defaults:',
        '  user: audit',
        '  password-env: ASA_PW',
        'groups:',
        '  lab:',
        '    hosts:',
        `      - 127.0.0.1:${a.port}`,
        `      - 127.0.0.1:${b.port}`,
        `      - 127.0.0.1:${a.port}`,
        `      - 127.0.0.1:${dead}`,
      ].join('\n'),
    );
    const kh = knownHosts(dir, [a.port, b.port, dead]);
    const r = await cliWith(
      { cwd: dir, env: { ASA_PW: PASSWORD, HOME: dir } },
      'audit',
      '--inventory',
      'inventory.yaml',
      '--known-hosts',
      kh,
      '--concurrency',
      '3',
      '--format',
      'json',
      '--fail-on',
      'never',
    );
    expectNoSecrets(r.stdout + r.stderr);
    expect(r.code).toBe(2);
    const sources = auditJson(r.stdout).targets.map((t) => t.source);
    expect(sources).toEqual([`ssh://127.0.0.1:${a.port}`, `ssh://127.0.0.1:${b.port}`]);
    expect(r.stderr).toMatch(/is listed more than once; collecting it once/);
    expect(r.stderr).toMatch(new RegExp(`ssh://127.0.0.1:${dead}: cannot reach \\[127.0.0.1\\]:${dead}: connection refused`));
    expect(r.stderr).toMatch(/^host\s+status\s+configs\s+findings\s+seconds$/m);
    expect(r.stderr).toMatch(new RegExp(`^ssh://127.0.0.1:${dead}\\s+unreachable`, 'm'));
    const rows = r.stderr.split('\n').filter((l) => l.startsWith('ssh://'));
    expect(rows.map((l) => l.split(/\s+/)[0])).toEqual([`ssh://127.0.0.1:${a.port}`, `ssh://127.0.0.1:${b.port}`, `ssh://127.0.0.1:${dead}`]);
    expect(a.maxActive).toBe(1);
    expect(b.maxActive).toBe(1);
    onlyAllowed([...a.received, ...b.received]);
  });

  it('shows a progress bar on a terminal', async () => {
    const a = await startFake({ configs: { single: DEMO } });
    const b = await startFake({ configs: { single: DEMO } });
    const dir = workdir();
    const r = await cliWith(
      { cwd: dir, env: { ASA_PW: PASSWORD, HOME: dir }, stderrIsTTY: true },
      'audit',
      '--ssh',
      `audit@127.0.0.1:${a.port}`,
      '--ssh',
      `audit@127.0.0.1:${b.port}`,
      '--password-env',
      'ASA_PW',
      '--known-hosts',
      knownHosts(dir, [a.port, b.port]),
      '--format',
      'json',
      '--fail-on',
      'never',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('\r[###############               ] 1/2 hosts');
    expect(r.stderr).toContain('\r[##############################] 2/2 hosts\n');
  });

  it('takes a RANCID router.db with --user, skipping devices that are down', async () => {
    const a = await startFake({ configs: { single: DEMO } });
    const dir = workdir();
    writeFileSync(join(dir, 'router.db'), `127.0.0.1:${a.port};cisco;up\nold-fw;cisco;down\n`.replace(`127.0.0.1:${a.port}`, `[127.0.0.1]:${a.port}`));
    const r = await cliWith(
      { cwd: dir, env: { ASA_PW: PASSWORD, HOME: dir } },
      'audit',
      '--inventory',
      'router.db',
      '--user',
      'audit',
      '--password-env',
      'ASA_PW',
      '--known-hosts',
      knownHosts(dir, [a.port]),
      '--format',
      'json',
      '--fail-on',
      'never',
      '--verbose',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/skipped old-fw: marked `down` in router.db/);
    expect(auditJson(r.stdout).targets).toHaveLength(1);
  });
});

describe('plan over SSH', () => {
  it('plans the devices it could collect, and names one it could not in notPlanned and the exit code', async () => {
    const a = await startFake({ configs: { single: DEMO }, hostname: 'asa-a' });
    const dir = workdir();
    const dead = 1; // nothing listens on port 1
    const kh = knownHosts(dir, [a.port, dead]);
    const r = await cliWith(
      { cwd: dir, env: { ASA_PW: PASSWORD, HOME: dir } },
      'plan',
      '--ssh',
      `audit@127.0.0.1:${a.port}`,
      '--ssh',
      `audit@127.0.0.1:${dead}`,
      '--password-env',
      'ASA_PW',
      '--known-hosts',
      kh,
      '--command-timeout',
      '5',
      '--format',
      'json',
    );
    expectNoSecrets(r.stdout + r.stderr);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as PlanJsonDocument;
    expect(doc.targets).toHaveLength(1);
    expect(doc.notPlanned.map((n) => n.source)).toEqual([expect.stringContaining(`127.0.0.1:${dead}`)]);
  });
});
