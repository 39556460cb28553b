// `npm run test:interop`: validates the fake ASA against an independent client, Netmiko's
// `cisco_asa` driver (Debian: python3-netmiko). If Netmiko reads the same configuration from the
// fake that our collector reads, the fake behaves like the CLI Netmiko was built against.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FakeAsa, fixtureText, makeHostKey } from '../fake-asa/fake-asa.js';

const PYTHON = process.env.INTEROP_PYTHON ?? '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./netmiko_collect.py', import.meta.url));
const hasNetmiko = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import netmiko'], { encoding: 'utf8' }).status === 0;

describe('fake ASA vs Netmiko cisco_asa', () => {
  it.skipIf(!hasNetmiko)(
    'Netmiko logs in, enables, disables paging and reads the whole demo configuration',
    async () => {
      const demo = fixtureText('demo/demo-headend.cfg');
      const fake = new FakeAsa({
        hostKey: makeHostKey('rsa').private,
        users: { audit: 'interop-pass' },
        enablePassword: 'interop-enable',
        configs: { single: demo },
        motd: 'Authorized access only',
      });
      const port = await fake.start();
      try {
        const out = join(mkdtempSync(join(tmpdir(), 'ama-interop-')), 'netmiko.cfg');
        const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
          const child = spawn(PYTHON, [SCRIPT, String(port), 'audit', 'IP_PW', 'IP_EN', out], {
            env: { ...process.env, IP_PW: 'interop-pass', IP_EN: 'interop-enable' },
          });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
          child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
          child.on('close', (status) => {
            resolve({ status, stdout, stderr });
          });
        });
        console.log(
          `--- netmiko collected ---\n${r.stdout}${r.stderr ? `--- stderr ---\n${r.stderr}` : ''}--- commands the fake received ---\n${fake.received.join('\n')}`,
        );
        expect(r.status).toBe(0);
        expect(r.stdout).toContain('prompt: asa-fake#');
        const got = readFileSync(out, 'latin1').replace(/\r\n/g, '\n').trimEnd();
        expect(got).toBe(demo.toString('latin1').trimEnd());
      } finally {
        await fake.stop();
      }
    },
    120_000,
  );
});
