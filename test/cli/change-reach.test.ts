// A change that takes a way in away (a profile removed, SSL switched off) is not a fix: the findings
// of what it cut off are no longer reported, and the reports say so apart from those it resolved.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiffJsonDocument } from '../../src/report/change-json.js';
import { cli, fixture, readJson, tempDir } from '../helpers.js';

const DEMO = fixture('demo/demo-headend.cfg');
const DEMO_TEXT = readFileSync(DEMO, 'utf8');

function newSide(text: string): string {
  const file = join(tempDir(), 'new.cfg');
  writeFileSync(file, text);
  return file;
}

/** The demo without a tunnel-group's lines (its type line and attribute blocks). */
function withoutProfile(name: string): string {
  const out: string[] = [];
  let skipping = false;
  for (const line of DEMO_TEXT.split('\n')) {
    if (!line.startsWith(' ')) skipping = line.startsWith(`tunnel-group ${name} `);
    if (!skipping) out.push(line);
  }
  return out.join('\n');
}

describe('diff of a change that cuts profiles off', () => {
  it('says the findings of profiles that lost SSL may only have gone with it (the tool cannot tell), and warns in github format', async () => {
    const neu = newSide(DEMO_TEXT.replace('\n anyconnect enable\n', '\n'));
    const json = readJson<DiffJsonDocument>((await cli('diff', DEMO, neu, '--format', 'json')).stdout);
    const resolved = json.devices[0]!.findings.resolved;
    // JSON keeps them in `resolved` (the contract): every one is on a profile that lost SSL.
    expect(resolved.length).toBeGreaterThan(0);
    const text = (await cli('diff', DEMO, neu)).stdout;
    expect(text).toContain('MOBILE-FULL: changed, no longer reachable over SSL');
    expect(text).toContain(`findings: 0 introduced, ${resolved.length} resolved (${resolved.length} on profiles that lost a protocol: check)`);
    expect(text).toContain(`findings resolved on profiles that lost a protocol: fixed, or only no longer reported with it (check) (${resolved.length}):`);
    expect(text).not.toContain('findings resolved (');
    const github = (await cli('diff', DEMO, neu, '--format', 'github')).stdout;
    expect(github).toMatch(
      /^::warning file=.*new\.cfg,line=\d+,title=asa-mobile-audit%3A MOBILE-FULL no longer reachable over SSL::MOBILE-FULL is no longer reachable over SSL: AnyConnect clients that used it over that protocol can no longer connect to it; findings that only applied there/m,
    );
    const markdown = (await cli('diff', DEMO, neu, '--format', 'markdown')).stdout;
    expect(markdown).toContain(
      `**Findings resolved on profiles that lost a protocol: fixed, or only no longer reported with it (check) (${resolved.length})**`,
    );
  });

  it('counts the findings of a profile cut off entirely as no longer reported, not resolved', async () => {
    // DfltGrpPolicy allows only clientless: every profile on it is cut off from AnyConnect.
    const neu = newSide(DEMO_TEXT.replace(' vpn-tunnel-protocol ikev2 ssl-client\n', ' vpn-tunnel-protocol ssl-clientless\n'));
    const text = (await cli('diff', DEMO, neu)).stdout;
    expect(text).toMatch(/: changed, now unreachable\n/);
    expect(text).toMatch(/findings no longer reported, not fixed: their profile was removed or lost reach \(\d+\):/);
    expect(text).toMatch(/\d+ no longer reported: their profiles were removed or lost reach \(not fixed\)/);
  });

  it('warns of a removed mobile-facing profile in github format (no line: it is not in the new file) and keeps real fixes apart', async () => {
    // MOBILE-FULL goes, and GP-SPLIT's keepalive is fixed in the same change.
    const neu = newSide(
      withoutProfile('MOBILE-FULL').replace(
        '  anyconnect dpd-interval gateway none\n  anyconnect profiles value MOBILE-PROFILE type user\ngroup-policy GP-DOMAIN',
        '  anyconnect dpd-interval gateway none\n  anyconnect ssl keepalive none\n  anyconnect profiles value MOBILE-PROFILE type user\ngroup-policy GP-DOMAIN',
      ),
    );
    const github = (await cli('diff', DEMO, neu, '--format', 'github')).stdout;
    expect(github).toMatch(
      /^::warning file=.*new\.cfg,title=asa-mobile-audit%3A MOBILE-FULL removed::MOBILE-FULL is removed: AnyConnect clients that used it/m,
    );
    const text = (await cli('diff', DEMO, neu)).stdout;
    // Who used it: its ways in as they were.
    expect(text).toContain(
      '  MOBILE-FULL: removed\n    clients reached it: SSL and IKEv2 via group-alias Mobile-Full (tunnel-group-list enable), group-url https://vpn.corp.example.com/full',
    );
    // A resolved finding's line is the old file's, and says so.
    expect(text).toMatch(/findings resolved \(1\):\n {4}warning ssl-keepalive-enabled \(MOBILE-SPLIT, old line \d+\)/);
    const json = readJson<DiffJsonDocument>((await cli('diff', DEMO, neu, '--format', 'json')).stdout);
    expect(json.devices[0]!.findings.resolved.map((f) => f.ruleId)).toEqual(['ssl-keepalive-enabled']);
    expect(text).toContain('findings: 0 introduced, 1 resolved\n');
  });
});

describe('a copy a plan makes (a rename)', () => {
  it('is not said to lose reach: its users have not moved yet', async () => {
    const text = (await cli('plan', DEMO)).stdout;
    const copies = text.split('\n').filter((l) => l.includes(': added, a copy of '));
    expect(copies.length).toBeGreaterThan(0);
    for (const l of copies) expect(l).not.toMatch(/reachable|unreachable/);
  });
});

describe('github annotations of device-wide changes', () => {
  it('warn once on the file when a site-to-site tunnel-group loses an IKE version, and list every device-wide change', async () => {
    const neu = newSide(DEMO_TEXT.replace(' vpn-tunnel-protocol ikev2 ssl-client\n', ' vpn-tunnel-protocol ssl-client\n'));
    const github = (await cli('diff', DEMO, neu, '--format', 'github')).stdout;
    const device = github.split('\n').filter((l) => l.includes('device-wide change'));
    expect(device).toHaveLength(1);
    expect(device[0]).toMatch(
      /^::warning file=.*new\.cfg,title=asa-mobile-audit%3A device-wide change::Beyond the connection profiles .*%0Asite-to-site tunnel-groups on group-policy DfltGrpPolicy: vpn-tunnel-protocol ikev2 ssl-client; tunnel-group: SITE-B/,
    );
    // A device-wide change that cuts no tunnel is a notice.
    // A peer moved to a policy with fewer IKE versions is cut; one moved between equal policies is not.
    const moved = (protocols: string): string =>
      DEMO_TEXT.replace(
        'tunnel-group MOBILE-FULL type remote-access',
        `group-policy GP-L2L internal\ngroup-policy GP-L2L attributes\n vpn-tunnel-protocol ${protocols}\ntunnel-group MOBILE-FULL type remote-access`,
      ).replace(/^(tunnel-group SITE-B type ipsec-l2l)$/m, '$1\ntunnel-group SITE-B general-attributes\n default-group-policy GP-L2L');
    expect((await cli('diff', DEMO, newSide(moved('ikev1')), '--format', 'github')).stdout).toMatch(/^::warning .*device-wide change/m);
    expect((await cli('diff', DEMO, newSide(moved('ikev2 ssl-client')), '--format', 'github')).stdout).toMatch(/^::notice .*device-wide change/m);
    // A peer whose tunnel-group goes is cut; a peer added beside it on the same policy cuts nothing.
    const siteB = /^tunnel-group SITE-B type ipsec-l2l\n(?:tunnel-group SITE-B .*\n(?: .*\n)*)*/m;
    expect(DEMO_TEXT).toMatch(siteB);
    expect((await cli('diff', DEMO, newSide(DEMO_TEXT.replace(siteB, '')), '--format', 'github')).stdout).toMatch(/^::warning .*device-wide change/m);
    const added = DEMO_TEXT.replace(siteB, (block) => `${block}tunnel-group 198.51.100.7 type ipsec-l2l\n`);
    expect((await cli('diff', DEMO, newSide(added), '--format', 'github')).stdout).toMatch(/^::notice .*device-wide change.*198\.51\.100\.7/m);
    const user = newSide(DEMO_TEXT.replace('username alice attributes\n vpn-group-policy GP-SPLIT', 'username alice attributes\n vpn-group-policy GP-FULL'));
    const notice = (await cli('diff', DEMO, user, '--format', 'github')).stdout;
    expect(notice).toMatch(
      /^::notice file=.*new\.cfg,title=asa-mobile-audit%3A device-wide change::Beyond the connection profiles .*%0Alocal user alice vpn-group-policy: GP-SPLIT /m,
    );
  });
});

describe('a rename in a change (a copy takes the ways in)', () => {
  it("compares the copy's reach with the original once the original is gone: a copy on an IKEv2-only policy lost SSL", async () => {
    const neu = newSide(
      withoutProfile('MOBILE-INHERIT').replace(
        'tunnel-group MOBILE-FULL type remote-access',
        [
          'group-policy GP-V2 internal',
          'group-policy GP-V2 attributes',
          ' vpn-tunnel-protocol ikev2',
          'tunnel-group MOBILE-INHERIT2 type remote-access',
          'tunnel-group MOBILE-INHERIT2 general-attributes',
          ' default-group-policy GP-V2',
          'tunnel-group MOBILE-INHERIT2 webvpn-attributes',
          ' group-alias Mobile-Inherit enable',
          'tunnel-group MOBILE-FULL type remote-access',
        ].join('\n'),
      ),
    );
    const text = (await cli('diff', DEMO, neu)).stdout;
    expect(text).toMatch(/MOBILE-INHERIT2: added, a copy of MOBILE-INHERIT .*, no longer reachable over SSL/);
    expect(text).toMatch(/on profiles that lost a protocol: check\)/);
  });

  it("says a plan's original lost its ways in to its copy, not that it is cut off, and counts nothing as not fixed", async () => {
    const dir = tempDir();
    const cfg = fixture('plan/restated-on-recreated-profile.cfg');
    const script = (await cli('plan', cfg, '--format', 'script')).stdout;
    writeFileSync(join(dir, 'plan.txt'), script);
    const text = (await cli('what-if', cfg, '--commands', join(dir, 'plan.txt'))).stdout;
    expect(text).toContain('x/y: changed, its ways in moved to its copy x-y');
    expect(text).not.toMatch(/now unreachable|not fixed/);
    const github = (await cli('what-if', cfg, '--commands', join(dir, 'plan.txt'), '--format', 'github')).stdout;
    expect(github).not.toMatch(/x\/y is now unreachable/);
  });
});

describe("a plan's waiting copy in its own report", () => {
  it('is never said to lose reach, in text, markdown or HTML', async () => {
    const cfg = fixture('plan/rename-group-lock.cfg');
    for (const format of ['text', 'markdown', 'html']) {
      const out = (await cli('plan', cfg, '--format', format)).stdout;
      expect(out, format).toMatch(/a copy of Lab/);
      expect(out, format).not.toMatch(/no longer reachable|now unreachable/);
    }
  });
});

describe('a rename onto a narrower policy while the original stays', () => {
  it('compares the copy with the original: the users of the alias it took lose SSL', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'c.txt'),
      [
        'group-policy GP-V2ONLY internal',
        'group-policy GP-V2ONLY attributes',
        ' vpn-tunnel-protocol ikev2',
        'tunnel-group MOBILE-INHERIT webvpn-attributes',
        ' no group-alias Mobile-Inherit',
        'tunnel-group MOBILE-INHERIT2 type remote-access',
        'tunnel-group MOBILE-INHERIT2 general-attributes',
        ' default-group-policy GP-V2ONLY',
        'tunnel-group MOBILE-INHERIT2 webvpn-attributes',
        ' group-alias Mobile-Inherit enable',
      ].join('\n'),
    );
    const text = (await cli('what-if', DEMO, '--commands', join(dir, 'c.txt'))).stdout;
    expect(text).toContain('MOBILE-INHERIT: changed, its ways in moved to its copy MOBILE-INHERIT2');
    expect(text).toMatch(/MOBILE-INHERIT2: added, a copy of MOBILE-INHERIT .*, no longer reachable over SSL/);
    const github = (await cli('what-if', DEMO, '--commands', join(dir, 'c.txt'), '--format', 'github')).stdout;
    expect(github).toMatch(/^::warning .*MOBILE-INHERIT2 no longer reachable over SSL/m);
  });
});

describe("a plan's script replayed through what-if", () => {
  it('takes a copy whose alias the plan renamed on the way for the rename it is (not a cut, no github warning)', async () => {
    const dir = tempDir();
    const cfg = fixture('plan/perapp-misspelled-copied-policy.cfg');
    writeFileSync(join(dir, 'plan.txt'), (await cli('plan', cfg, '--format', 'script')).stdout);
    const text = (await cli('what-if', cfg, '--commands', join(dir, 'plan.txt'))).stdout;
    expect(text).toContain('R-D: added, a copy of R&D');
    expect(text).toContain('R&D: changed, its ways in moved to its copy R-D');
    expect(text).not.toMatch(/no longer reachable|now unreachable|not fixed/);
    const github = (await cli('what-if', cfg, '--commands', join(dir, 'plan.txt'), '--format', 'github')).stdout;
    expect(github).not.toMatch(/R&D (no longer reachable|is now unreachable)/);
  });

  it('replays every plan fixture without reading a rename as a cut', async () => {
    for (const name of [
      'demo/demo-headend.cfg',
      'plan/rename-collision.cfg',
      'plan/rename-group-lock.cfg',
      'plan/rename-saml.cfg',
      'plan/rename-two-collide.cfg',
      'plan/restated-on-recreated-profile.cfg',
    ]) {
      const dir = tempDir();
      const cfg = fixture(name);
      writeFileSync(join(dir, 'plan.txt'), (await cli('plan', cfg, '--format', 'script')).stdout);
      const text = (await cli('what-if', cfg, '--commands', join(dir, 'plan.txt'))).stdout;
      expect(text, name).not.toMatch(/now unreachable|not fixed/);
    }
  });
});

describe('github annotations of devices that are not there to compare', () => {
  it('annotate a removed device on its old file, and an incomplete side accepted with --allow-incomplete as a warning', async () => {
    const dir = tempDir();
    const { mkdirSync, copyFileSync } = await import('node:fs');
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    copyFileSync(DEMO, join(dir, 'a', 'vpn.cfg'));
    copyFileSync(fixture('synthetic/plain-916.cfg'), join(dir, 'a', 'other.cfg'));
    copyFileSync(fixture('synthetic/plain-916.cfg'), join(dir, 'b', 'other.cfg'));
    const removed = (await cli('diff', join(dir, 'a'), join(dir, 'b'), '--format', 'github')).stdout;
    expect(removed).toMatch(
      /^::warning file=.*vpn\.cfg,title=asa-mobile-audit%3A device removed::vpn-demo is removed: mobile-facing profiles .*MOBILE-FULL.* go with it, and \d+ findings gone with the device \(not fixed\)$/m,
    );
    const accepted = await cli(
      'diff',
      fixture('synthetic/oxidized-single-912.cfg'),
      fixture('synthetic/oxidized-single-truncated.cfg'),
      '--allow-incomplete',
      '--format',
      'github',
    );
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toMatch(/^::warning file=.*truncated\.cfg,line=\d+,title=asa-mobile-audit%3A compared although incomplete/m);
    expect(accepted.stdout).not.toMatch(/^::error/m);
  });
});
