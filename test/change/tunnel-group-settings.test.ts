// A change to a profile's own tunnel-group lines (AAA server groups, address pool, ...) changes what
// every user of the profile gets though no policy moved: diff and what-if show it, and a reviewer
// is never told "no change" when a login factor goes.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { snapshotParsed } from '../../src/change/snapshot.js';
import { diffDevices } from '../../src/change/diff.js';
import { whatIf } from '../../src/change/what-if.js';
import { parseConfigText } from '../../src/parse/parse.js';
import { join } from 'node:path';
import { cliWith, fixture, tempDir } from '../helpers.js';
import { OPTIONS } from './change-kit.js';

const DEMO = readFileSync(fixture('demo/demo-headend.cfg'), 'utf8');
const snapshot = (text: string) => snapshotParsed(parseConfigText(text, 'demo.cfg'), OPTIONS);

describe("a profile's own tunnel-group lines", () => {
  it('are settings of the profile, secrets masked', () => {
    const [s] = snapshot(
      DEMO.replace(' default-group-policy GP-DOMAIN', ' default-group-policy GP-DOMAIN\n secondary-authentication-server-group (outside) RADIUS-MFA'),
    );
    const full = s!.profiles.get('MOBILE-FULL')!.settings;
    expect(full.get('authentication-server-group')).toEqual({ value: 'RADIUS-MFA', source: expect.stringMatching(/^line \d+$/) });
    expect(full.get('address-pool')?.value).toBe('VPN-POOL');
    expect(s!.profiles.get('MOBILE-DOMAIN')!.settings.get('secondary-authentication-server-group')?.value).toBe('(outside) RADIUS-MFA');
    // The profile's policy, ways in and login method have their own settings: not repeated.
    expect(full.has('default-group-policy')).toBe(false);
    const [psk] = snapshot(
      DEMO.replace(
        'tunnel-group MOBILE-FULL webvpn-attributes',
        'tunnel-group MOBILE-FULL ipsec-attributes\n ikev1 pre-shared-key S3cr3t\ntunnel-group MOBILE-FULL webvpn-attributes',
      ),
    );
    expect(psk!.profiles.get('MOBILE-FULL')!.settings.get('ikev1 pre-shared-key')?.value).toBe('<redacted>');
  });

  // From a CI-gate user trial: a key rotated read the same masked, so the diff said nothing.
  it('show a pre-shared key changed as changed, never the key; a masked one (`*****`) compares with nothing', () => {
    const withKey = (key: string): string =>
      DEMO.replace(
        'tunnel-group MOBILE-FULL webvpn-attributes',
        `tunnel-group MOBILE-FULL ipsec-attributes\n ikev1 pre-shared-key ${key}\ntunnel-group MOBILE-FULL webvpn-attributes`,
      );
    const [a, b, same, masked] = ['OldKey123', 'NewKey456', 'OldKey123', '*****'].map((k) => snapshot(withKey(k))[0]!);
    const rotated = diffDevices(a!, b!).profiles.find((p) => p.tunnelGroup === 'MOBILE-FULL')!;
    expect(rotated.status).toBe('changed');
    expect(rotated.settings).toEqual([expect.objectContaining({ setting: 'ikev1 pre-shared-key', old: '<redacted>', new: '<redacted> (another secret)' })]);
    expect(JSON.stringify(rotated)).not.toMatch(/OldKey|NewKey/);
    expect(diffDevices(a!, same!).profiles.every((p) => p.status === 'unchanged')).toBe(true);
    // A capture that masks the key says nothing of whether it changed.
    expect(diffDevices(a!, masked!).profiles.every((p) => p.status === 'unchanged')).toBe(true);
  });

  it('show in a diff: a server group removed is a change, not "no change"', () => {
    const [before] = snapshot(DEMO);
    const removed = DEMO.split('\n');
    const at = removed.findIndex((l, i) => l === ' authentication-server-group RADIUS-MFA' && removed[i - 2] === 'tunnel-group MOBILE-FULL general-attributes');
    expect(at).toBeGreaterThan(0);
    removed.splice(at, 1);
    const [after] = snapshot(removed.join('\n'));
    const full = diffDevices(before!, after!).profiles.find((p) => p.tunnelGroup === 'MOBILE-FULL')!;
    expect(full.status).toBe('changed');
    expect(full.settings).toEqual([
      expect.objectContaining({ setting: 'authentication-server-group', old: 'RADIUS-MFA', new: 'LOCAL', newSource: 'the built-in default' }),
    ]);
  });

  it('show in what-if, for a built-in profile cleared too', () => {
    const { diffs } = whatIf(snapshot(DEMO), 'clear configure tunnel-group DefaultWEBVPNGroup', OPTIONS);
    const dflt = diffs[0]!.profiles.find((p) => p.tunnelGroup === 'DefaultWEBVPNGroup')!;
    expect(dflt.settings.map((s) => s.setting)).toContain('authentication-server-group');
  });
});

describe('settings that are sets', () => {
  it('vpn-tunnel-protocol in another order is no change', () => {
    const [before] = snapshot(DEMO);
    const { diffs } = whatIf([before!], 'group-policy DfltGrpPolicy attributes\n vpn-tunnel-protocol ssl-client ikev2', OPTIONS);
    expect(DEMO).toContain(' vpn-tunnel-protocol ikev2 ssl-client');
    expect(diffs[0]!.profiles.filter((p) => p.status !== 'unchanged')).toEqual([]);
    // A protocol dropped is still a change.
    const dropped = whatIf([before!], 'group-policy DfltGrpPolicy attributes\n vpn-tunnel-protocol ssl-client', OPTIONS).diffs[0]!;
    expect(dropped.profiles.some((p) => p.settings.some((s) => s.setting === 'vpn-tunnel-protocol' && s.new === 'ssl-client'))).toBe(true);
  });
});

describe('a capture with the defaults printed (show running-config all)', () => {
  it('is no change against one without them', () => {
    const all = readFileSync(fixture('synthetic/run-all-916.cfg'), 'utf8');
    const plain = all.replace(/^ no address-pool\n/gm, '').replace(/^ authentication-server-group LOCAL\n/gm, '');
    expect(plain).not.toBe(all);
    const [a] = snapshotParsed(parseConfigText(plain, 'plain.cfg'), OPTIONS);
    const [b] = snapshotParsed(parseConfigText(all, 'all.cfg'), OPTIONS);
    expect(diffDevices(a!, b!).profiles.filter((p) => p.status !== 'unchanged')).toEqual([]);
    // A server group that is not the default still shows.
    const [c] = snapshotParsed(
      parseConfigText(
        all.replace(' authentication-server-group LOCAL\n default-group-policy GP-PHONES', ' authentication-server-group ISE\n default-group-policy GP-PHONES'),
        'ise.cfg',
      ),
      OPTIONS,
    );
    expect(diffDevices(b!, c!).profiles.find((p) => p.tunnelGroup === 'PHONES')!.settings).toEqual([
      expect.objectContaining({ setting: 'authentication-server-group', old: 'LOCAL', oldSource: 'the built-in default', new: 'ISE' }),
    ]);
  });
});

describe('diff --format github', () => {
  it('annotates a change to how users log in, though it brings no finding', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'old.cfg'), DEMO);
    writeFileSync(
      join(dir, 'new.cfg'),
      DEMO.replace('default-group-policy GP-FULL', 'default-group-policy GP-FULL\n secondary-authentication-server-group RADIUS-MFA').replace(
        /^ authentication-server-group RADIUS-MFA\n default-group-policy GP-FULL/m,
        ' default-group-policy GP-FULL',
      ),
    );
    const r = await cliWith({ cwd: dir }, 'diff', 'old.cfg', 'new.cfg', '--format', 'github');
    expect(r.stdout).toMatch(
      /^::notice file=new\.cfg,line=\d+,title=asa-mobile-audit%3A MOBILE-FULL changed::.*authentication-server-group: RADIUS-MFA \(line \d+\) → LOCAL \(the built-in default\)/m,
    );
    expect(r.stdout).toMatch(/secondary-authentication-server-group: \(none\) → RADIUS-MFA/);
    // IKEv2 clients' login method too.
    writeFileSync(
      join(dir, 'eap.cfg'),
      DEMO.replace(
        'tunnel-group MOBILE-FULL webvpn-attributes',
        'tunnel-group MOBILE-FULL ipsec-attributes\n ikev2 remote-authentication eap query-identity\ntunnel-group MOBILE-FULL webvpn-attributes',
      ),
    );
    const eap = await cliWith({ cwd: dir }, 'diff', 'old.cfg', 'eap.cfg', '--format', 'github');
    // And the SAML identity provider users sign in with.
    const idp = (url: string): string =>
      DEMO.replace('tunnel-group MOBILE-FULL webvpn-attributes\n', `tunnel-group MOBILE-FULL webvpn-attributes\n saml identity-provider ${url}\n`);
    writeFileSync(join(dir, 'idp-a.cfg'), idp('https://idp-a.example.com/app'));
    writeFileSync(join(dir, 'idp-b.cfg'), idp('https://idp-b.example.com/app'));
    expect((await cliWith({ cwd: dir }, 'diff', 'idp-a.cfg', 'idp-b.cfg', '--format', 'github')).stdout).toMatch(
      /MOBILE-FULL changed::saml: identity-provider https:\/\/idp-a\.example\.com\/app \(line \d+\) → identity-provider https:\/\/idp-b/,
    );
    expect(eap.stdout).toMatch(/MOBILE-FULL changed::ikev2 remote-authentication: \(none\) → eap query-identity/);
  });
});
