// What-if on change scripts as engineers paste them: with a terminal session's prompts, with typos in
// a mode line. Each is applied as the ASA would take it, or refused with its line named.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiffJsonDocument } from '../../src/report/change-json.js';
import { cliWith, fixture, readJson, tempDir } from '../helpers.js';

const DEMO = fixture('demo/demo-headend.cfg');

async function whatIf(config: string, script: string, ...args: string[]) {
  const dir = tempDir();
  writeFileSync(join(dir, 'change.txt'), script);
  return cliWith({ cwd: dir }, 'what-if', config, '--commands', 'change.txt', ...args);
}

describe('what-if on a script pasted from a terminal session', () => {
  it('takes the prompts off, applies the commands, and says so once', async () => {
    const script =
      'vpn-demo(config)# group-policy GP-DOMAIN attributes\nvpn-demo(config-group-policy)# split-dns value corp.example.com\nvpn-demo(config-group-policy)# end\n';
    const r = await whatIf(DEMO, script);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('change.txt:1: info: 3 lines start (this is the first) with a CLI prompt (`vpn-demo(config)#`), which the ASA would refuse');
    expect(r.stdout).toContain(
      'split-dns: none (set in group-policy GP-DOMAIN (line 134)) → value corp.example.com (set in group-policy GP-DOMAIN (change.txt line 2))',
    );
    expect(r.stdout).not.toContain('not simulated');
  });

  it('follows a changeto typed at a prompt in a multiple-context backup', async () => {
    const script = 'dc-asa/admin# changeto context vpn\ndc-asa/vpn# configure terminal\ngroup-policy GP-CTX attributes\n split-dns value corp.example.com\n';
    const r = await whatIf(fixture('synthetic/oxidized-multi-context.cfg'), script, '--format', 'json');
    expect(r.code).toBe(0);
    const json = readJson<DiffJsonDocument>(r.stdout);
    const vpn = json.devices.find((d) => d.context === 'vpn')!;
    expect(vpn.profiles.flatMap((p) => p.settings.filter((s) => s.setting === 'split-dns').map((s) => s.new))).toContain('value corp.example.com');
  });
});

describe('what-if on a mode line typed wrong', () => {
  it('refuses a misspelt mode keyword with the word meant, and applies nothing under it (exit 2)', async () => {
    const r = await whatIf(
      DEMO,
      'tunnel-group MOBILE-DOMAIN general-atributes\n default-group-policy GP-SPLIT\ngroup-policy GP-DOMAIN atributes\n split-dns value corp.example.com\n',
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      'change.txt:1: error: unknown keyword `general-atributes` (did you mean `general-attributes`?): the ASA refuses `tunnel-group MOBILE-DOMAIN general-atributes` and nothing changes',
    );
    expect(r.stdout).toContain(
      'change.txt:2: warning: not applied: it is under `tunnel-group MOBILE-DOMAIN general-atributes`, which was not applied (see that line)',
    );
    expect(r.stdout).toContain('change.txt:3: error: unknown keyword `atributes` (did you mean `attributes`?)');
    expect(r.stdout).toContain('no change to any connection profile');
  });

  it('says the lines under a misspelt command were not applied because of it, not that the tool does not model them', async () => {
    const r = await whatIf(DEMO, 'grop-policy GP-DOMAIN attributes\n split-dns value corp.example.com\n');
    expect(r.stdout).toContain('change.txt:1: error: unknown command `grop-policy` (did you mean `group-policy`?)');
    expect(r.stdout).toContain('change.txt:2: warning: not applied: it is under `grop-policy GP-DOMAIN attributes`');
    expect(r.stdout).not.toContain('does not model');
  });
});

describe('what-if on a change that leaves a name pointing nowhere', () => {
  it('warns of a split-tunnel list that exists neither before nor after the change', async () => {
    const r = await whatIf(DEMO, 'group-policy GP-DOMAIN attributes\n split-tunnel-network-list value ST-NEW\n');
    expect(r.stdout).toContain('change.txt:2: warning: access-list ST-NEW does not exist, before or after this change');
    // Created in the same change: nothing to say.
    const made = await whatIf(
      DEMO,
      'access-list ST-NEW standard permit 10.9.0.0 255.255.0.0\ngroup-policy GP-DOMAIN attributes\n split-tunnel-network-list value ST-NEW\n',
    );
    expect(made.stdout).not.toContain('does not exist');
  });

  it("warns when a removed group-policy is still a local user's vpn-group-policy", async () => {
    const r = await whatIf(DEMO, 'tunnel-group MOBILE-SPLIT general-attributes\n default-group-policy GP-FULL\nclear configure group-policy GP-SPLIT\n');
    expect(r.stdout).toContain('change.txt:3: warning: group-policy GP-SPLIT is the vpn-group-policy of local user alice');
  });
});

describe('what-if on an incomplete configuration, accepted', () => {
  it('names where the file stops once, on the old side, and counts no change when nothing changed', async () => {
    const r = await whatIf(
      fixture('corpus/kolhe-context-tcs-91.cfg'),
      'group-policy GP-NEW internal\ngroup-policy GP-NEW attributes\n split-dns value corp.example.com\n',
      '--allow-incomplete',
    );
    expect(r.stdout).toContain('compared although incomplete: the old side');
    // The changed configuration exists only in memory: its line numbers are not the file's.
    expect(r.stdout).not.toContain('the new side');
    expect(r.stdout).toContain('no change to any connection profile (1 device compared)');
  });
});

describe("what-if on an alias or URL like another profile's", () => {
  it('warns of one that differs only in letter case or a trailing slash: whether the ASA takes them for one is not known', async () => {
    const r = await whatIf(
      DEMO,
      'tunnel-group MOBILE-DOMAIN webvpn-attributes\n group-alias mobile-full enable\n group-url https://vpn.corp.example.com/full/ enable\n',
    );
    expect(r.stdout).toContain('change.txt:2: warning: group-alias Mobile-Full of tunnel-group MOBILE-FULL differs from this one only in letter case');
    expect(r.stdout).toContain(
      'change.txt:3: warning: group-url https://vpn.corp.example.com/full of tunnel-group MOBILE-FULL differs from this one only in letter case or a trailing slash',
    );
    // The same alias exactly is refused, as before.
    const same = await whatIf(DEMO, 'tunnel-group MOBILE-DOMAIN webvpn-attributes\n group-alias Mobile-Full enable\n');
    expect(same.stdout).toContain('change.txt:2: error: group-alias Mobile-Full is already used by tunnel-group MOBILE-FULL');
    // The profile's own, typed in another case to disable it: the enabled one may stay as it was.
    const own = await whatIf(DEMO, 'tunnel-group MOBILE-SPLIT webvpn-attributes\n group-url https://VPN.corp.example.com/split disable\n');
    expect(own.stdout).toContain(
      'change.txt:2: warning: tunnel-group MOBILE-SPLIT has group-url https://vpn.corp.example.com/split, which differs from this one only in letter case or a trailing slash: the tool keeps both lines',
    );
  });
});

describe('what-if on a no form the tool is unsure of', () => {
  it('says that `no split-dns value` naming part of the list may delete only those domains on the ASA', async () => {
    const r = await whatIf(DEMO, 'group-policy GP-SPLIT attributes\n no split-dns value lab.example.com\n');
    expect(r.stdout).toContain(
      'change.txt:2: info: the tool removes the whole `split-dns value corp.example.com lab.example.com` line; the ASA may instead delete only the domains this line names [recalled]',
    );
    const whole = await whatIf(DEMO, 'group-policy GP-SPLIT attributes\n no split-dns value corp.example.com lab.example.com\n');
    expect(whole.stdout).not.toContain('info:');
  });
});

describe('what-if in markdown', () => {
  it('is titled what-if, keeps code spans in problems, and ends the problem list before what follows', async () => {
    const r = await whatIf(DEMO, 'group-policy GP-SPLIT attributes\n no split-dns value lab.example.com\n', '--format', 'markdown');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^## asa-mobile-audit what-if: /);
    const problem = lines.findIndex((l) => l.startsWith('- :information_source: `change.txt` line 2: '));
    expect(lines[problem]).toContain('the tool removes the whole `split-dns value corp.example.com lab.example.com` line');
    expect(lines[problem + 1]).toBe('');
  });
});

describe('what-if in JSON', () => {
  it('names the change script its problems are in', async () => {
    const r = await whatIf(DEMO, 'group-policy GP-SPLIT attributes\n no split-dns value lab.example.com\n', '--format', 'json');
    const json = readJson<DiffJsonDocument>(r.stdout);
    expect(json.scriptFile).toBe('change.txt');
    expect(json.problems).toEqual([expect.objectContaining({ line: 2, severity: 'info', command: 'no split-dns value lab.example.com' })]);
  });
});

describe('what-if on an unindented block the tool does not model', () => {
  it('warns that a line after its header may be its own, and keeps applying the script after its exit', async () => {
    const r = await whatIf(DEMO, 'dns server-group DefaultDNS\ndomain-name example.org\nexit\ngroup-policy GP-SPLIT attributes\nvpn-idle-timeout 1000\nexit\n');
    expect(r.stdout).toContain(
      'change.txt:2: warning: applied where the tool knows the command, but it follows `dns server-group DefaultDNS`, a sub-mode the tool does not model',
    );
    expect(r.stdout).toContain('change.txt:3: warning: `exit` at the top level');
    expect(r.stdout).toContain('vpn-idle-timeout: 1440 (set in group-policy GP-SPLIT (line 122)) → 1000');
    expect(r.stdout).not.toContain('error:');
  });
});

describe('what-if on a whole terminal session pasted', () => {
  it("ignores what the ASA printed back (write memory's output) and applies the commands", async () => {
    const session = [
      'vpn-demo# conf t',
      'vpn-demo(config)# group-policy GP-SPLIT attributes',
      'vpn-demo(config-group-policy)# webvpn',
      'vpn-demo(config-group-webvpn)# anyconnect ssl keepalive none',
      'vpn-demo(config-group-webvpn)# end',
      'vpn-demo# copy running-config startup-config',
      'Source filename [running-config]?',
      'WARNING: this is a note the ASA printed',
      'vpn-demo# write memory',
      'Building configuration...',
      'Cryptochecksum: 3f9b2c41 d0e8a776 5b1c2d3e 4f5a6b7c',
      '[OK]',
      'vpn-demo#',
    ].join('\n');
    const r = await whatIf(DEMO, session);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('error:');
    expect(r.stdout).toMatch(/anyconnect ssl keepalive: .* → none/);
  });
});

describe('what-if after a block the tool does not model, closed by its own exit', () => {
  it('knows where the session is again: a later top-level exit leaves configuration mode', async () => {
    const r = await whatIf(
      DEMO,
      'dns server-group DefaultDNS\n domain-name corp.example.com\n exit\ngroup-policy GP-SPLIT attributes\n vpn-idle-timeout 600\n exit\nexit\ngroup-policy GP-FULL attributes\n vpn-idle-timeout 600\n',
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('change.txt:8: error: after `exit` the session is no longer in configuration mode');
    expect(r.stdout).not.toMatch(/MOBILE-FULL: changed/);
  });
});

describe('what-if removing a block the tool keeps whole', () => {
  it('warns of a trustpoint still named by the SSL or IKEv2 certificate lines, of a block not there, and of the built-in DAP record', async () => {
    const tp = await whatIf(DEMO, 'no crypto ca trustpoint TP-PUBLIC\n');
    expect(tp.stdout).toContain('change.txt:1: warning: trustpoint TP-PUBLIC is still named by `ssl trust-point TP-PUBLIC outside`');
    expect((await whatIf(DEMO, 'no username bob attributes\n')).stdout).toContain(
      'change.txt:1: warning: `username bob attributes` is not in the configuration: nothing to remove',
    );
    expect((await whatIf(DEMO, 'no dynamic-access-policy-record DfltAccessPolicy\n')).stdout).toContain(
      'change.txt:1: warning: not simulated: DfltAccessPolicy is built in',
    );
  });
});

describe('what-if after an unindented command in an indented sub-mode', () => {
  it('doubts the exit that follows: the command may have left the sub-mode (a global one does)', async () => {
    const r = await whatIf(
      DEMO,
      'tunnel-group MOBILE-FULL webvpn-attributes\n group-alias Full2 enable\nlogging enable\nexit\ngroup-policy GP-FULL attributes\n vpn-idle-timeout 600\n',
    );
    expect(r.stdout).toContain(
      'change.txt:4: warning: `exit` is taken as leaving `tunnel-group MOBILE-FULL webvpn-attributes`, but the unindented command above it',
    );
    const object = await whatIf(
      DEMO,
      'object network OBJ1\n subnet 10.9.0.0 255.255.0.0\nlogging enable\nexit\ngroup-policy GP-FULL attributes\n vpn-idle-timeout 600\n',
    );
    expect(object.stdout).toContain('change.txt:4: warning: `exit` at the top level');
  });

  it('matches a trustpoint still in use by its name, not by any word of the line', async () => {
    const r = await whatIf(DEMO, 'crypto ca trustpoint outside\n enrollment terminal\nno crypto ca trustpoint outside\n');
    expect(r.stdout).not.toContain('still named by');
  });
});

describe('what-if on a line holding a question mark', () => {
  it('applies it as written and says the ASA CLI would take the `?` as a request for help when pasted', async () => {
    const r = await whatIf(DEMO, 'tunnel-group MOBILE-FULL webvpn-attributes\n group-alias What?Now enable\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('change.txt:2: info: this line holds `?`, which the ASA CLI reads as a request for help when pasted [recalled]');
  });
});
