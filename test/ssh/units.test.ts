// The collector's pieces without a network: allow-list, known_hosts, output cleaning, inventories.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { assertAllowed, CommandRefusedError, isAllowed, changetoContext, COMMANDS } from '../../src/collect/allow-list.js';
import { parseShowContext } from '../../src/collect/collect-device.js';
import { parseRouterDb, loadInventory, InventoryError } from '../../src/collect/inventory.js';
import { addKnownHost, defaultKnownHostsFiles, fingerprint, knownKeyTypes, readKnownHosts, verifyHostKey } from '../../src/collect/known-hosts.js';
import { AsaShell, clean } from '../../src/collect/shell.js';

// Written by OpenSSH (`ssh-keygen -H`) for the key below: an independent check of the hashing.
const KEY = Buffer.from('AAAAC3NzaC1lZDI1NTE5AAAAINiYXy1e4AcZJqG90ApAbQyLm3cD19fyXA+1mvVwQg6F', 'base64');
const HASHED = [
  '|1|2sjRSprYYoBA2CTxcYHrPjRKMKE=|YTUPnAX1NtVI335fUd6wTXE5qj0= ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINiYXy1e4AcZJqG90ApAbQyLm3cD19fyXA+1mvVwQg6F',
  '|1|pZXDrOwjmh+NELmLPfeqaEgGkPc=|sVXKjnS+0YP1BTPtqDwI7PVHMpA= ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINiYXy1e4AcZJqG90ApAbQyLm3cD19fyXA+1mvVwQg6F',
].join('\n');
const tmp = (): string => tempDir('ama-ssh-');

describe('allow-list', () => {
  it('is exactly what the collector sends: it names every command from the list, never a literal', () => {
    for (const file of ['src/collect/collect-device.ts', 'src/collect/shell.ts']) {
      const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
      expect(text.match(/\.(run|runText)\(\s*['`]/g) ?? [], file).toEqual([]);
    }
    for (const command of Object.values(COMMANDS)) expect(isAllowed(command), command).toBe(true);
    expect(isAllowed(changetoContext('ctx-1'))).toBe(true);
    expect(isAllowed(changetoContext('ctx 1; reload'))).toBe(false);
  });
  it('allows only the read-only commands', () => {
    for (const c of [
      'show version',
      'show mode',
      'show running-config',
      'terminal pager 0',
      'terminal pager lines 0',
      'enable',
      'changeto system',
      'changeto context CTX-1',
      'more disk0:/mobile.xml',
      'more disk0:/dap.xml',
      'more flash:/profiles/mobile-ios.xml',
      'show context',
    ]) {
      expect(isAllowed(c), c).toBe(true);
    }
  });
  it('refuses everything else, including commands smuggled after an allowed one', () => {
    for (const c of [
      'configure terminal',
      'conf t',
      'write memory',
      'reload',
      'copy running-config tftp://x/y',
      'pager lines 0',
      'terminal width 511',
      'show running-config\nreload',
      'show running-config | redirect disk0:/x',
      'changeto context a; reload',
      'more system:running-config',
      'more disk0:/../../etc/passwd.xml',
      'more disk0:/a.xml; reload',
      'more disk0:/a b.xml',
      'more disk0:/x.cfg',
      'more disk0:/a/b/c.xml',
      'changeto context ../x',
      'show version ',
      ' show version',
      'clear configure all',
    ]) {
      expect(isAllowed(c), JSON.stringify(c)).toBe(false);
      expect(() => assertAllowed(c)).toThrow(CommandRefusedError);
    }
  });
  it('refuses an enable password with a line break before writing anything', async () => {
    const written: string[] = [];
    const channel = Object.assign(new PassThrough(), { write: (d: string) => (written.push(d), true) });
    const shell = new AsaShell(channel, { idleTimeoutMs: 1000 });
    await expect(shell.enable('secret\nreload')).rejects.toThrow(/line break or control character/);
    expect(written).toEqual([]);
  });

  it('refuses in the shell before anything is written to the channel', async () => {
    const written: string[] = [];
    const channel = Object.assign(new PassThrough(), { write: (d: string) => (written.push(d), true) });
    const shell = new AsaShell(channel, { idleTimeoutMs: 1000 });
    await expect(shell.run('write memory')).rejects.toBeInstanceOf(CommandRefusedError);
    expect(written).toEqual([]);
  });
});

describe('known_hosts', () => {
  it('matches OpenSSH-hashed entries for host and [host]:port, and gives the SHA256 fingerprint', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'kh'), `${HASHED}\n`);
    const kh = join(dir, 'kh');
    const entries = readKnownHosts(kh);
    // Which hashed line is which host is known only through the hash: the line number shows it.
    const lineOf = (host: string, port: number): number => (verifyHostKey(entries, host, port, KEY) as { line: number }).line;
    expect(verifyHostKey(entries, '127.0.0.1', 2222, KEY)).toEqual({ status: 'match', file: kh, line: lineOf('127.0.0.1', 2222) });
    expect(verifyHostKey(entries, 'asa.example.net', 22, KEY)).toEqual({ status: 'match', file: kh, line: lineOf('asa.example.net', 22) });
    expect(lineOf('127.0.0.1', 2222)).not.toBe(lineOf('asa.example.net', 22));
    expect(verifyHostKey(entries, 'ASA.Example.NET', 22, KEY).status).toBe('match'); // OpenSSH lowercases
    expect(verifyHostKey(entries, '127.0.0.1', 22, KEY)).toEqual({ status: 'unknown' });
    expect(verifyHostKey(entries, 'other.example.net', 22, KEY)).toEqual({ status: 'unknown' });
    expect(fingerprint(KEY)).toBe('SHA256:sCyGBvxKXX3ZOr4KWO5nRTwboH430/JZmvD4RKjqEQw');
  });
  it('reports a different key of the same type as a mismatch, and honours @revoked and plain patterns', () => {
    const other = Buffer.from(KEY);
    other[other.length - 1] = other[other.length - 1]! ^ 1;
    const dir = tmp();
    writeFileSync(
      join(dir, 'kh'),
      `# comment\nasa.example.net,10.0.0.1 ssh-ed25519 ${KEY.toString('base64')}\n@revoked *.lab.example ssh-ed25519 ${other.toString('base64')}\n`,
    );
    const kh = join(dir, 'kh');
    const entries = readKnownHosts(kh);
    expect(verifyHostKey(entries, '10.0.0.1', 22, KEY).status).toBe('match');
    expect(verifyHostKey(entries, 'asa.example.net', 22, other)).toEqual({ status: 'mismatch', knownTypes: ['ssh-ed25519'], file: kh, line: 2 });
    expect(verifyHostKey(entries, 'fw.lab.example', 22, other)).toEqual({ status: 'revoked', file: kh, line: 3 });
    const rsaBlob = Buffer.concat([Buffer.from([0, 0, 0, 7]), Buffer.from('ssh-rsa'), Buffer.alloc(8, 1)]);
    expect(verifyHostKey(entries, 'asa.example.net', 22, rsaBlob)).toEqual({ status: 'other-type-known', knownTypes: ['ssh-ed25519'], file: kh, line: 2 });
    // Negotiation prefers the types trusted for the host; revoked keys do not count.
    expect(knownKeyTypes(entries, '10.0.0.1', 22)).toEqual(['ssh-ed25519']);
    expect(knownKeyTypes(entries, 'fw.lab.example', 22)).toEqual([]);
  });
  it('appends hashed entries that it (and OpenSSH) can read back', () => {
    const file = join(tmp(), 'sub', 'known_hosts');
    addKnownHost(file, '127.0.0.1', 2022, KEY);
    expect(readFileSync(file, 'utf8')).toMatch(/^\|1\|[^|]+\|[^ ]+ ssh-ed25519 AAAA/);
    expect(readFileSync(file, 'utf8')).not.toContain('127.0.0.1');
    expect(verifyHostKey(readKnownHosts(file), '127.0.0.1', 2022, KEY)).toEqual({ status: 'match', file, line: 1 });
  });
  it("reads the files OpenSSH reads, in its order: the user's known_hosts and known_hosts2, then the system's", () => {
    expect(defaultKnownHostsFiles('/home/ops')).toEqual([
      '/home/ops/.ssh/known_hosts',
      '/home/ops/.ssh/known_hosts2',
      '/etc/ssh/ssh_known_hosts',
      '/etc/ssh/ssh_known_hosts2',
    ]);
    // A key in a later file counts; the verdict names the file that vouched for it.
    const dir = tmp();
    writeFileSync(join(dir, 'known_hosts'), '');
    writeFileSync(join(dir, 'known_hosts2'), `asa.example.net ssh-ed25519 ${KEY.toString('base64')}\n`);
    const entries = [join(dir, 'known_hosts'), join(dir, 'known_hosts2'), join(dir, 'absent')].flatMap((f) => readKnownHosts(f));
    expect(verifyHostKey(entries, 'asa.example.net', 22, KEY)).toEqual({ status: 'match', file: join(dir, 'known_hosts2'), line: 1 });
  });
});

/** A channel that answers each written line with a scripted reply. */
function scripted(greeting: string, replies: Record<string, string>) {
  const listeners: { data: Array<(b: Buffer) => void>; close: Array<() => void> } = { data: [], close: [] };
  const emit = (t: string) =>
    setTimeout(() => {
      listeners.data.forEach((l) => {
        l(Buffer.from(t, 'latin1'));
      });
    }, 1);
  const channel = {
    on(event: 'data' | 'close', l: never) {
      (listeners[event] as unknown[]).push(l);
      return channel;
    },
    write(d: string) {
      const cmd = d.replace(/\n$/, '');
      emit(`${cmd}\r\n${replies[cmd] ?? "ERROR: % Invalid input detected at '^' marker.\r\n"}`);
      return true;
    },
    end() {},
  };
  emit(greeting);
  return channel;
}

describe('prompts', () => {
  it('follows failover prompts (host/pri/act#) and contexts with failover segments', async () => {
    const shell = new AsaShell(
      scripted("Type help or '?' for a list of available commands.\r\nasa1/pri/act# ", {
        'show mode': 'Security context mode: multiple\r\nasa1/pri/act# ',
        'changeto context ctx1': 'asa1/ctx1/pri/act# ',
        'show running-config': ': Saved\r\nhostname asa1\r\n: end\r\nasa1/ctx1/pri/act# ',
      }),
      { idleTimeoutMs: 2000, settleMs: 20 },
    );
    expect(await shell.login()).toBe('asa1/pri/act#');
    expect(shell.promptContext).toBeNull();
    expect((await shell.run('show mode')).toString()).toBe('Security context mode: multiple\n');
    await shell.run('changeto context ctx1');
    expect(shell.promptContext).toBe('ctx1');
    expect((await shell.run('show running-config')).toString()).toBe(': Saved\nhostname asa1\n: end\n');
  });
});

describe('output cleaning', () => {
  it('drops the echo, pager debris and SSH line-ending noise but keeps indentation', () => {
    const raw =
      'show running-config\r\n: Saved\r\n\r\ngroup-policy GP attributes\r\n<--- More --->\r              \r dns-server value 10.0.0.53\r\r\n webvpn\n\r  anyconnect ssl keepalive none\r\n: end\r\n';
    // Only the marker the shell answered (its offset) is pager output.
    expect(clean(raw, 'show running-config', [raw.indexOf('<---')])).toBe(
      ': Saved\n\ngroup-policy GP attributes\n dns-server value 10.0.0.53\n webvpn\n  anyconnect ssl keepalive none\n: end\n',
    );
    expect(clean('x\r\nbanner motd <--- More ---> here\r\n', 'x')).toBe('banner motd <--- More ---> here\n');
  });
  it('reads context names from show context', () => {
    const text =
      'Context Name      Class      Interfaces           Mode         URL\n*admin            default    Management0/0        Routed       disk0:/admin.cfg\n ctx-a            default    GigabitEthernet0/1,  Routed       disk0:/ctx-a.cfg\n                             GigabitEthernet0/2\nTotal active Security Contexts: 2\n';
    expect(parseShowContext(text)).toEqual(['admin', 'ctx-a']);
  });
});

describe('host names', () => {
  it('splits host, host:port and [IPv6]:port, and names the source the way ssh URLs do', async () => {
    const { splitHostPort } = await import('../../src/collect/inventory.js');
    const { sshSource } = await import('../../src/collect/collect-device.js');
    expect(splitHostPort('asa1.example.net')).toEqual({ host: 'asa1.example.net', port: 22 });
    expect(splitHostPort('asa1.example.net:2222')).toEqual({ host: 'asa1.example.net', port: 2222 });
    expect(splitHostPort('[2001:db8::1]:2222')).toEqual({ host: '2001:db8::1', port: 2222 });
    expect(splitHostPort('2001:db8::1')).toEqual({ host: '2001:db8::1', port: 22 });
    expect(splitHostPort('asa1', 830)).toEqual({ host: 'asa1', port: 830 });
    expect(sshSource('2001:db8::1', 2222)).toBe('ssh://[2001:db8::1]:2222');
    expect(sshSource('asa1.example.net', 22)).toBe('ssh://asa1.example.net');
  });
});

describe('inventories', () => {
  it('reads a RANCID router.db, keeping only Cisco devices that are up', () => {
    expect(parseRouterDb('# core\nasa1.example.net;cisco;up\nrtr1;juniper;up\nasa2:cisco:down\n\n')).toEqual({
      hosts: [{ host: 'asa1.example.net', port: 22, group: null }],
      skipped: [
        { host: 'rtr1', reason: 'type `juniper` in router.db is not an ASA (cisco)' },
        { host: 'asa2', reason: 'marked `down` in router.db' },
      ],
    });
  });
  it('reads YAML hosts and groups with inherited settings, and names the line of a mistake', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'inv.yaml'),
      [
        'defaults:',
        '  user: audit',
        '  password-env: ASA_PW',
        'hosts:',
        '  - vpn1.example.net',
        'groups:',
        '  dc:',
        '    user: netops',
        '    enable-password-env: DC_ENABLE',
        '    hosts:',
        '      - dc-asa1:2222',
        '      - host: dc-asa2',
        '        context: all',
      ].join('\n'),
    );
    const inv = await loadInventory(join(dir, 'inv.yaml'));
    expect(inv.hosts).toEqual([
      { host: 'vpn1.example.net', port: 22, group: null, user: 'audit', passwordEnv: 'ASA_PW' },
      { host: 'dc-asa1', port: 2222, group: 'dc', user: 'netops', passwordEnv: 'ASA_PW', enablePasswordEnv: 'DC_ENABLE' },
      { host: 'dc-asa2', port: 22, group: 'dc', user: 'netops', passwordEnv: 'ASA_PW', enablePasswordEnv: 'DC_ENABLE', context: 'all' },
    ]);
    writeFileSync(join(dir, 'bad.yaml'), 'hosts:\n  - host: a\n    pasword-env: X\n');
    const err = await loadInventory(join(dir, 'bad.yaml')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InventoryError);
    expect((err as InventoryError).describe()).toMatch(/bad\.yaml:3: hosts\.0\.pasword-env: unknown key `pasword-env`$/);
    // A string entry is written as on the command line: user@host[:port] (never with a password).
    writeFileSync(join(dir, 'at.yaml'), 'defaults:\n  user: audit\nhosts:\n  - ops@fw1:2222\n  - fw2\n');
    expect((await loadInventory(join(dir, 'at.yaml'))).hosts).toEqual([
      { host: 'fw1', port: 2222, group: null, user: 'ops' },
      { host: 'fw2', port: 22, group: null, user: 'audit' },
    ]);
    writeFileSync(join(dir, 'pw.yaml'), 'hosts:\n  - "ops:S3cret@fw1"\n');
    const pw = await loadInventory(join(dir, 'pw.yaml')).catch((e: unknown) => e);
    expect((pw as InventoryError).describe()).toMatch(/pw\.yaml:2: hosts\.0: a password does not go in the inventory/);
    expect((pw as InventoryError).describe()).not.toContain('S3cret');
    // The object form's `host:` and a `user:` holding `:` are refused the same way, never quoted
    // (a security review found `port S3cret@fw1 is not a number` echoed).
    writeFileSync(join(dir, 'pw-object.yaml'), 'hosts:\n  - host: "ops:S3cret@fw1"\n');
    const inHost = await loadInventory(join(dir, 'pw-object.yaml')).catch((e: unknown) => e);
    expect((inHost as InventoryError).describe()).toMatch(/pw-object\.yaml:2: hosts\.0: a password does not go in the inventory/);
    expect((inHost as InventoryError).describe()).not.toContain('S3cret');
    writeFileSync(join(dir, 'pw-user.yaml'), 'hosts:\n  - host: fw1\n    user: "ops:S3cret"\n');
    const inUser = await loadInventory(join(dir, 'pw-user.yaml')).catch((e: unknown) => e);
    expect((inUser as InventoryError).describe()).toMatch(/pw-user\.yaml:2: hosts\.0: a user name has no `:`/);
    expect((inUser as InventoryError).describe()).not.toContain('S3cret');
    writeFileSync(join(dir, 'at-host.yaml'), 'hosts:\n  - host: ops@fw1\n');
    const atHost = await loadInventory(join(dir, 'at-host.yaml')).catch((e: unknown) => e);
    expect((atHost as InventoryError).describe()).toMatch(/hosts\.0: `ops@fw1`: a host name has no `@`/);
  });
});
