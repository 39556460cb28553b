// Shared setup for the live-audit tests: a fake ASA with a trusted host key and a CLI runner.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { FakeAsa, makeHostKey, type FakeAsaOptions } from '../fake-asa/fake-asa.js';
import { cliWith, type CliRun, tempDir } from '../helpers.js';

export const PASSWORD = 'Vpn-Audit-Pa55!';
export const ENABLE = 'En4ble-S3cret#';
export const HOST_KEY = makeHostKey('ed25519');

const running: FakeAsa[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((f) => f.stop()));
});

export async function startFake(o: Partial<FakeAsaOptions> & Pick<FakeAsaOptions, 'configs'>): Promise<FakeAsa> {
  const fake = new FakeAsa({ hostKey: HOST_KEY.private, users: { audit: PASSWORD }, ...o });
  await fake.start();
  running.push(fake);
  return fake;
}

export function workdir(): string {
  return tempDir('ama-live-');
}

/** A known_hosts file that trusts the given key for 127.0.0.1 on these ports. */
export function knownHosts(dir: string, ports: number[], blob: Buffer = HOST_KEY.blob, type = 'ssh-ed25519'): string {
  const file = join(dir, 'known_hosts');
  writeFileSync(file, ports.map((p) => `[127.0.0.1]:${p} ${type} ${blob.toString('base64')}\n`).join(''));
  return file;
}

export interface LiveRun extends CliRun {
  dir: string;
}

/** Runs `audit --ssh audit@127.0.0.1:PORT` with the password in ASA_PW and the enable password in ASA_ENABLE. */
export async function liveAudit(
  port: number,
  extra: string[] = [],
  opts: { dir?: string; knownHosts?: string | null; env?: NodeJS.ProcessEnv; promptSecret?: (q: string) => Promise<string> } = {},
): Promise<LiveRun> {
  const dir = opts.dir ?? workdir();
  const kh = opts.knownHosts === undefined ? knownHosts(dir, [port]) : opts.knownHosts;
  const args = [
    'audit',
    '--ssh',
    `audit@127.0.0.1:${port}`,
    '--password-env',
    'ASA_PW',
    '--enable-password-env',
    'ASA_ENABLE',
    ...(kh !== null ? ['--known-hosts', kh] : []),
    '--command-timeout',
    '5',
    ...extra,
  ];
  const r = await cliWith(
    { cwd: dir, env: { ASA_PW: PASSWORD, ASA_ENABLE: ENABLE, HOME: dir, ...opts.env }, ...(opts.promptSecret ? { promptSecret: opts.promptSecret } : {}) },
    ...args,
  );
  expectNoSecrets(r.stdout + r.stderr);
  return { ...r, dir };
}

/** No password, enable password or config secret of the fixtures may ever be printed. */
export function expectNoSecrets(text: string): void {
  for (const secret of [PASSWORD, ENABLE, 'Sup3rS3cretPSK']) expect(text).not.toContain(secret);
}
