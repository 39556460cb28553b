import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, cliWith, corpus, fixture, builtCli, explainJson } from '../helpers.js';

const DEMO = fixture('demo/demo-headend.cfg');

describe('explain-dns --format json', () => {
  it('follows the schemaVersion 1 contract', async () => {
    const r = await cli('explain-dns', DEMO, '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = explainJson(r.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.targets).toHaveLength(1);
    const target = doc.targets[0]!;
    expect(target.source).toBe(DEMO);
    const inherit = target.profiles.find((p) => p.tunnelGroup === 'MOBILE-INHERIT');
    expect(inherit).toMatchObject({
      tunnelGroup: 'MOBILE-INHERIT',
      groupPolicy: 'GP-INHERIT',
      splitTunnel: 'tunnelspecified',
      iosDns: { outcome: 'split-dns-list', tunneledDomains: ['legacy.example.net'] },
    });
    expect(inherit?.because).toContainEqual({
      setting: 'split-dns',
      value: 'value legacy.example.net',
      from: 'DfltGrpPolicy',
      groupPolicy: 'DfltGrpPolicy',
      line: 109,
    });
    expect(inherit?.because).toContainEqual({
      setting: 'split-tunnel-all-dns',
      value: 'disable',
      from: 'default',
      groupPolicy: null,
      line: null,
      basis: 'recalled',
    });
    for (const p of target.profiles) {
      expect(['tunnelall', 'tunnelspecified', 'excludespecified']).toContain(p.splitTunnel);
      expect(['all-tunneled', 'split-dns-list', 'default-domain-only', 'all-clear', 'undocumented']).toContain(p.iosDns.outcome);
      for (const b of p.because) {
        expect(Object.keys(b).slice(0, 5)).toEqual(['setting', 'value', 'from', 'groupPolicy', 'line']);
        expect(['group-policy', 'DfltGrpPolicy', 'default']).toContain(b.from);
      }
    }
  });

  it('is deterministic', async () => {
    const a = await cli('explain-dns', DEMO, '--format', 'json');
    const b = await cli('explain-dns', DEMO, '--format', 'json');
    expect(a.stdout).toBe(b.stdout);
  });

  it('narrows to one profile and answers a query', async () => {
    const r = await cli('explain-dns', DEMO, '--tunnel-group', 'MOBILE-SPLIT', '--query', 'git.lab.example.com', '--format', 'json');
    const profiles = explainJson(r.stdout).targets[0]!.profiles;
    expect(profiles).toHaveLength(1);
    expect(profiles[0]!.query).toMatchObject({ query: 'git.lab.example.com', via: 'tunnel', matchedDomain: 'lab.example.com' });
  });
});

describe('explain-dns on profiles AnyConnect clients cannot reach', () => {
  it('says so and why, in text and JSON, and still explains them', async () => {
    // IKEv1/L2TP-only profiles on an 8.4 box without AnyConnect.
    const file = corpus('dlandberg-asa5505-84.cfg');
    const json = explainJson((await cli('explain-dns', file, '--format', 'json')).stdout);
    const home = json.targets[0]!.profiles.find((p) => p.tunnelGroup === 'Vodskov_Home')!;
    expect(home).toMatchObject({ mobileFacing: false, notMobileFacingBecause: 'vpn-tunnel-protocol allows no AnyConnect protocol (ikev1)' });
    expect(home.iosDns.outcome).toBe('all-clear');
    const text = (await cli('explain-dns', file, '--tunnel-group', 'Vodskov_Home')).stdout;
    expect(text).toMatch(/not mobile-facing: vpn-tunnel-protocol allows no AnyConnect protocol \(ikev1\);\s+AnyConnect clients cannot reach/);
    // Mobile-facing profiles carry no such note.
    const demo = explainJson((await cli('explain-dns', DEMO, '--format', 'json')).stdout);
    expect(demo.targets[0]!.profiles.find((p) => p.tunnelGroup === 'MOBILE-INHERIT')).toMatchObject({ mobileFacing: true, notMobileFacingBecause: null });
    expect((await cli('explain-dns', DEMO)).stdout).not.toContain('not mobile-facing');
  });
});

describe('explain-dns text', () => {
  it('mentions informational input notes (cp1252 bytes, pager debris) without listing them all', async () => {
    const r = await cli('explain-dns', fixture('synthetic/session-capture-9.9.cfg'));
    expect(r.stdout).toMatch(/^ {2}note: 2 input notes, first \(line 10\): line is not valid UTF-8; decoded as Windows-1252 \(--format json lists all\)$/m);
  });
  it('gives a sentence and a because chain with sources per profile', async () => {
    const r = await cliWith({ env: { COLUMNS: '200' } }, 'explain-dns', DEMO, '--tunnel-group', 'MOBILE-INHERIT');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('MOBILE-INHERIT  (group-policy GP-INHERIT)');
    expect(r.stdout).toContain('iOS: Only queries for legacy.example.net');
    expect(r.stdout).toContain('split-dns value legacy.example.net — inherited from DfltGrpPolicy, line 109');
    expect(r.stdout).toContain('split-tunnel-policy tunnelspecified — set in group-policy GP-INHERIT, line 153');
    expect(r.stdout).toContain('split-tunnel-all-dns disable — built-in default [recalled]');
    expect(r.stdout).toMatch(/desktop: .*iOS/);
  });

  it('wraps to the terminal width, continuation lines under their label', async () => {
    const r = await cliWith({ isTTY: true, columns: 72 }, 'explain-dns', DEMO);
    expect(r.stdout.split('\n').filter((l) => Array.from(l).length > 72)).toEqual([]);
    expect(r.stdout).toMatch(/\n {2}desktop: [^\n]+\n {11}\S/);
  });

  it('gives both readings for excludespecified', async () => {
    const r = await cli('explain-dns', DEMO, '--tunnel-group', 'MOBILE-PERAPP');
    expect(r.stdout).toContain('iOS: Two readings. Inferred (low confidence)');
    expect(r.stdout).toContain('read literally (row D3): Only queries for legacy.example.net');
    expect(r.stdout).toContain('inferred, not stated by the mobile guide');
  });

  it('answers a query per profile in text', async () => {
    const r = await cliWith({ env: { COLUMNS: '200' } }, 'explain-dns', DEMO, '--query', 'hr.corp.example.com');
    expect(r.stdout).toContain('query hr.corp.example.com: through the tunnel — matches corp.example.com');
    expect(r.stdout).toContain("query hr.corp.example.com: to the device's own resolver, in the clear — not under legacy.example.net");
  });
});

describe('bad input and exit codes', () => {
  it.each([
    ['missing', fixture('does-not-exist.cfg'), /does-not-exist\.cfg: no such file$/],
    ['directory', fixture('corpus'), /corpus: is a directory/],
    ['empty', fixture('bad/empty.cfg'), /empty\.cfg: file is empty$/],
    ['blank', fixture('bad/blank-lines.cfg'), /blank-lines\.cfg: file holds only blank lines$/],
    ['binary', fixture('bad/binary.bin'), /binary\.bin: binary file/],
    ['IOS', fixture('bad/ios-router.cfg'), /ios-router\.cfg:1: looks like a Cisco IOS configuration/],
    ['JSON', fixture('bad/config.json'), /config\.json:1: this is JSON, not an ASA configuration$/],
    ['prose', fixture('bad/notes.txt'), /notes\.txt: not an ASA configuration/],
    ['FTD', fixture('bad/ftd-ngfw.cfg'), /ftd-ngfw\.cfg:3: this is a Firepower Threat Defense \(FTD\) configuration \(`NGFW Version`\), not an ASA one/],
  ])('%s input: one line naming the file, exit 2, no stack trace', async (_, file, message) => {
    const r = await cli('explain-dns', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^asa-mobile-audit: /);
    expect(lines[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads the configuration from standard input with `-`, as audit does', async () => {
    const text = readFileSync(DEMO, 'utf8');
    const r = await cliWith({ stdin: text }, 'explain-dns', '-', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe((await cli('explain-dns', DEMO, '--format', 'json')).stdout.replaceAll(JSON.stringify(DEMO).slice(1, -1), '<stdin>'));
    const bad = await cliWith({ stdin: 'hello world\n' }, 'explain-dns', '-');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^asa-mobile-audit: <stdin>: not an ASA configuration/);
  });

  it('reports a truncated config with its results, exit 2 unless --allow-incomplete', async () => {
    const cut = fixture('synthetic/truncated-in-block.cfg');
    const r = await cli('explain-dns', cut, '--format', 'json');
    expect(r.code).toBe(2);
    const target = explainJson(r.stdout).targets[0]!;
    expect(target.complete).toBe(false);
    expect(target.parseProblems).toContainEqual(expect.objectContaining({ line: 22, code: 'incomplete' }));
    expect(target.profiles.map((p) => p.tunnelGroup)).toContain('CUT');
    expect(r.stderr).toMatch(/truncated-in-block\.cfg:22: configuration is incomplete/);
    const ok = await cli('explain-dns', cut, '--allow-incomplete');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('INCOMPLETE configuration');
  });

  it('rejects an unknown profile and bad options with exit 2', async () => {
    const r = await cli('explain-dns', DEMO, '--tunnel-group', 'mobile-split');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean `MOBILE-SPLIT`/);
    expect((await cli('explain-dns', DEMO, '--format', 'xml')).code).toBe(2);
    expect((await cli('explain-dns', DEMO, '--bogus')).code).toBe(2);
    expect((await cli('explain-dns')).code).toBe(2);
    expect((await cli('explain-dns', DEMO, '--query', 'not a host')).code).toBe(2);
  });

  it('never prints a secret from the config', async () => {
    for (const format of ['text', 'json']) {
      const r = await cli('explain-dns', DEMO, '--format', format);
      for (const s of ['Rad1usS3cret', 'Publ1cC0mmunity', 'Sup3rS3cretPSK', 'ZmFrZWhhc2hmYWtlaGFzaA']) expect(r.stdout + r.stderr).not.toContain(s);
    }
  });
});

describe('the built binary', () => {
  it('runs from the checkout the way npx does, and exits 2 on bad input', () => {
    const bin = builtCli();
    const ok = spawnSync(process.execPath, [bin, 'explain-dns', corpus('wosm-asa91-sslvpn-only.cfg'), '--format', 'json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(explainJson(ok.stdout).targets[0]!.profiles[0]!.tunnelGroup).toBe('SSLClientProfile');
    const bad = spawnSync(process.execPath, [bin, 'explain-dns', fixture('bad/config.json')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('explain-dns --query on a profile that pushes no DNS server', () => {
  it('says the tunnelled query gets no answer (row D0), and not for one that goes in the clear', async () => {
    const r = await cli('explain-dns', fixture('client-profiles/headend.cfg'), '--query', 'intranet.corp.example.com', '--format', 'json');
    const profiles = explainJson(r.stdout).targets[0]!.profiles;
    const byName = new Map(profiles.map((p) => [p.tunnelGroup, p.query!]));
    expect(byName.get('DefaultRAGroup')).toMatchObject({
      via: 'tunnel',
      reason:
        'all queries are tunnelled; but no dns-server is pushed, so no corporate resolver answers it: the phone may send it to its own resolver instead, outside the tunnel [inferred] (row D0)',
    });
    expect(byName.get('MOBILE-FULL')).toMatchObject({ via: 'tunnel', reason: 'matches corp.example.com' });
  });
});

describe('explain-dns --query on excludespecified', () => {
  it('answers "tunnel" when both readings tunnel the name, and "undocumented" only when they differ', async () => {
    const demo = fixture('demo/demo-headend.cfg');
    const verdict = async (name: string) =>
      explainJson((await cli('explain-dns', demo, '--tunnel-group', 'MOBILE-PERAPP', '--query', name, '--format', 'json')).stdout).targets[0]!.profiles[0]!
        .query!;
    expect(await verdict('legacy.example.net')).toMatchObject({
      via: 'tunnel',
      matchedDomain: 'legacy.example.net',
      reason: 'excludespecified: tunnelled under both readings (inferred: every query; read literally: it matches legacy.example.net)',
    });
    expect(await verdict('www.example.org')).toMatchObject({ via: 'undocumented', likely: 'tunnel', literal: 'clear' });
  });
});
