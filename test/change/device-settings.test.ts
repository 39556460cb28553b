// Settings that reach phones though no group-policy line moved: the per-app data's content, the file a
// client profile name stands for, and a profile whose policy does not exist. A diff must show each.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffDevices } from '../../src/change/diff.js';
import { snapshotParsed } from '../../src/change/snapshot.js';
import { parseConfigText } from '../../src/parse/parse.js';
import { fixture } from '../helpers.js';
import { OPTIONS } from './change-kit.js';

const DEMO = readFileSync(fixture('demo/demo-headend.cfg'), 'utf8');
const snapshot = (text: string) => snapshotParsed(parseConfigText(text, 'demo.cfg'), OPTIONS)[0]!;
const diff = (text: string) => diffDevices(snapshot(DEMO), snapshot(text));
/** What a change to the demo does to MOBILE-SPLIT, the profile these tests change. */
const mobileSplit = (text: string) => diff(text).profiles.find((x) => x.tunnelGroup === 'MOBILE-SPLIT')!;

describe('a diff of settings outside the group-policies', () => {
  it('shows an edit of custom data that keeps its length (one app swapped for another)', () => {
    const line = DEMO.split('\n').find((l) => l.startsWith('anyconnect-custom-data perapp '))!;
    const value = line.split(' ').at(-1)!;
    // The same length, one character changed.
    const edited = `${value.slice(0, -2)}${value.at(-2) === 'A' ? 'B' : 'A'}${value.at(-1)}`;
    const d = diff(DEMO.replace(line, line.replace(value, edited)));
    const change = d.device.find((s) => s.setting.startsWith('anyconnect-custom-data perapp '));
    expect(change?.old).toMatch(/^\d+ characters in 2 lines, SHA-256 [0-9a-f]{12}$/);
    expect(change?.new).not.toBe(change?.old);
    expect(change?.new?.replace(/SHA-256 \w+/, '')).toBe(change?.old?.replace(/SHA-256 \w+/, ''));
  });

  it('shows a client profile name re-pointed at another file', () => {
    const d = diff(DEMO.replace('anyconnect profiles MOBILE-PROFILE disk0:/mobile.xml', 'anyconnect profiles MOBILE-PROFILE disk0:/mobile-v2.xml'));
    expect(d.device).toContainEqual(
      expect.objectContaining({ setting: 'anyconnect profiles MOBILE-PROFILE', old: 'disk0:/mobile.xml', new: 'disk0:/mobile-v2.xml' }),
    );
    expect(diff(DEMO).device).toEqual([]);
  });

  it('says a profile names a group-policy the configuration does not define', () => {
    const p = mobileSplit(DEMO.replace(' default-group-policy GP-SPLIT', ' default-group-policy GP-SPLT'));
    expect(p.settings.find((s) => s.setting === 'group-policy')).toMatchObject({
      old: 'GP-SPLIT',
      new: 'GP-SPLT (not defined: DfltGrpPolicy and the built-in defaults assumed)',
    });
  });

  // The values of an external policy come from RADIUS at login: shown beside them, they read as fact
  // unless the policy says so (found by a user trial of what-if).
  it('says a profile moved to an external group-policy gets its values from the AAA server', () => {
    const p = mobileSplit(
      DEMO.replace(' default-group-policy GP-SPLIT', ' default-group-policy GP-EXT').replace(
        'group-policy GP-SPLIT internal',
        'group-policy GP-EXT external server-group RADIUS-MFA\ngroup-policy GP-SPLIT internal',
      ),
    );
    expect(p.settings.find((s) => s.setting === 'group-policy')).toMatchObject({
      old: 'GP-SPLIT',
      new: 'GP-EXT (external: the AAA server may return other values at login than the DfltGrpPolicy and built-in values shown)',
    });
    // So does each value it shows, wherever it changes (a DfltGrpPolicy change reaches it only as far as the server leaves the value unset).
    expect(p.settings.find((s) => s.setting === 'vpn-idle-timeout')).toMatchObject({
      oldSource: 'set in group-policy GP-SPLIT (line 122)',
      newSource: 'not set in any policy: the built-in default; group-policy GP-EXT is external: the AAA server may return another value at login',
    });
  });
});

describe('the entries of an extended split-tunnel list', () => {
  // The demo with ST-CORP written as an extended list over an object-group (nesting another) and an object.
  const extended = (corp: string, dns: string): string =>
    DEMO.replace(
      /^access-list ST-CORP .*$/m,
      [
        'object-group network LAB-NETS',
        ` network-object ${corp}`,
        'object-group network CORP-NETS',
        ' group-object LAB-NETS',
        'object network DNS-HOSTS',
        ` subnet ${dns}`,
        'access-list ST-CORP extended permit ip object-group CORP-NETS any',
        'access-list ST-CORP extended permit ip object DNS-HOSTS any',
      ].join('\n'),
    );
  const old = extended('10.0.0.0 255.0.0.0', '10.0.0.0 255.255.255.0');

  it('show the objects and object-groups the entries name, nested ones too, so re-pointing one shows', () => {
    const d = diffDevices(snapshot(old), snapshot(extended('172.31.0.0 255.255.0.0', '10.0.0.0 255.255.255.0')));
    const p = d.profiles.find((x) => x.tunnelGroup === 'MOBILE-SPLIT')!;
    const entries = p.settings.find((s) => s.setting === 'split-tunnel-network-list entries')!;
    expect(entries.old).toBe(
      'extended permit ip object-group CORP-NETS any, extended permit ip object DNS-HOSTS any; object-group CORP-NETS: group-object LAB-NETS; object-group LAB-NETS: network-object 10.0.0.0 255.0.0.0; object DNS-HOSTS: subnet 10.0.0.0 255.255.255.0',
    );
    expect(entries.new).toContain('object-group LAB-NETS: network-object 172.31.0.0 255.255.0.0');
    // Nothing changed: nothing shown.
    expect(diffDevices(snapshot(old), snapshot(old)).profiles.every((x) => x.status === 'unchanged')).toBe(true);
  });
});

describe('tunnels and users beyond the connection profiles', () => {
  it("show a site-to-site tunnel-group's policy and tunnel protocols, so a DfltGrpPolicy change that drops IKEv2 shows on it", () => {
    const text = readFileSync(fixture('plan/dflt-site-to-site.cfg'), 'utf8');
    const changed = `${text.replace(/\n: end\n?$/, '\n')}group-policy DfltGrpPolicy attributes\n vpn-tunnel-protocol ssl-client\n: end\n`;
    const d = diffDevices(snapshot(text), snapshot(changed));
    const l2l = d.device.find((s) => s.setting === 'site-to-site tunnel-groups on group-policy DfltGrpPolicy');
    // (DefaultL2LGroup, built in, is left out.)
    expect(l2l?.old).toMatch(/^vpn-tunnel-protocol .*ikev2.*; tunnel-group: 198\.51\.100\.7$/);
    expect(l2l?.new).toBe('vpn-tunnel-protocol ssl-client; tunnel-group: 198.51.100.7');
  });

  it('show many peers on one policy as one setting, in the order a person reads addresses', () => {
    const peers = Array.from({ length: 12 }, (_, i) => `tunnel-group 198.51.100.${i + 1} type ipsec-l2l`).join('\n');
    const [s] = snapshotParsed(
      parseConfigText(DEMO.replace('tunnel-group MOBILE-FULL type remote-access', `${peers}\ntunnel-group MOBILE-FULL type remote-access`), 'l2l.cfg'),
      OPTIONS,
    );
    // (One setting for their protocols, one per session timer they take from the policy.)
    const l2l = [...s!.device].filter(([k]) => k.startsWith('site-to-site'));
    expect(l2l.map(([k]) => k)).toEqual([
      'site-to-site tunnel-groups on group-policy DfltGrpPolicy',
      'site-to-site tunnel-groups on group-policy DfltGrpPolicy: vpn-idle-timeout',
      'site-to-site tunnel-groups on group-policy DfltGrpPolicy: vpn-session-timeout',
    ]);
    expect(l2l[0]![1].value).toMatch(
      /; 13 tunnel-groups: 198\.51\.100\.1, 198\.51\.100\.2, .*, 198\.51\.100\.9, 198\.51\.100\.10, 198\.51\.100\.11, 198\.51\.100\.12, SITE-B$/,
    );
  });

  it('leave out DefaultL2LGroup, built in: a key added to it is no new tunnel', () => {
    const d = diff(
      DEMO.replace(
        'tunnel-group MOBILE-FULL type remote-access',
        'tunnel-group DefaultL2LGroup ipsec-attributes\n ikev1 pre-shared-key *****\ntunnel-group MOBILE-FULL type remote-access',
      ),
    );
    expect(d.device.filter((c) => c.setting.startsWith('site-to-site'))).toEqual([]);
  });

  it("show a local user's vpn-group-policy", () => {
    const d = diff(DEMO.replace('username alice attributes\n vpn-group-policy GP-SPLIT', 'username alice attributes\n vpn-group-policy GP-FULL'));
    expect(d.device).toContainEqual(expect.objectContaining({ setting: 'local user alice vpn-group-policy', old: 'GP-SPLIT', new: 'GP-FULL' }));
  });

  it('show what a policy local users have gives them, once per policy, only where both sides give it to users', () => {
    const idle = (text: string, minutes: string) =>
      text.replace('group-policy GP-SPLIT attributes\n vpn-idle-timeout 1440\n', `group-policy GP-SPLIT attributes\n vpn-idle-timeout ${minutes}\n`);
    // A change to alice's policy reaches her on every profile, MOBILE-SPLIT's included.
    expect(diff(idle(DEMO, '5')).device).toEqual([
      expect.objectContaining({ setting: "local users' group-policy GP-SPLIT: vpn-idle-timeout", old: '1440', new: '5' }),
    ]);
    // A profile moving off or onto it changes nothing for her: no line.
    const moved = DEMO.replace('default-group-policy GP-SPLIT', 'default-group-policy GP-FULL');
    expect(diff(moved).device).toEqual([]);
    // A user added to it is one line, not the whole policy again; so is a user moved to a policy no user had.
    const bob = DEMO.replace(
      'username alice attributes\n vpn-group-policy GP-SPLIT',
      'username alice attributes\n vpn-group-policy GP-SPLIT\nusername bob attributes\n vpn-group-policy GP-SPLIT',
    );
    expect(diff(bob).device.map((c) => c.setting)).toEqual(['local user bob vpn-group-policy']);
    const elsewhere = DEMO.replace('username alice attributes\n vpn-group-policy GP-SPLIT', 'username alice attributes\n vpn-group-policy GP-FULL');
    expect(diff(elsewhere).device.map((c) => c.setting)).toEqual(['local user alice vpn-group-policy']);
    // What every such user sets themselves (split-tunnel-policy in `username X attributes`) is theirs, not the policy's.
    const own = DEMO.replace(
      'username alice attributes\n vpn-group-policy GP-SPLIT',
      'username alice attributes\n vpn-group-policy GP-SPLIT\n split-tunnel-policy tunnelall',
    );
    const keys = [...snapshot(own).device.keys()].filter((k) => k.startsWith("local users' group-policy GP-SPLIT: "));
    expect(keys).toContain("local users' group-policy GP-SPLIT: split-dns");
    expect(keys).not.toContain("local users' group-policy GP-SPLIT: split-tunnel-policy");
  });

  it("show the entries of a split-tunnel list only a local user's policy names", () => {
    const text = readFileSync(fixture('plan/exclude-list-user-policy.cfg'), 'utf8');
    const keys = [...snapshot(text).device.keys()].filter((k) => k.endsWith('split-tunnel-network-list entries'));
    expect(keys.length).toBeGreaterThan(0);
    const key = keys[0]!;
    const entries = snapshot(text).device.get(key)!.value;
    const first = /\b(\d+\.\d+\.\d+\.\d+ \d+\.\d+\.\d+\.\d+)/.exec(entries)![1]!;
    const changed = diffDevices(snapshot(text), snapshot(text.replace(first, '10.0.0.0 255.0.0.0'))).device.find((c) => c.setting === key);
    expect(changed).toMatchObject({ old: entries, new: expect.stringContaining('10.0.0.0 255.0.0.0') });
  });

  it('show the session timers site-to-site tunnels take from their policy', () => {
    const d = diff(DEMO.replace('group-policy DfltGrpPolicy attributes\n', 'group-policy DfltGrpPolicy attributes\n vpn-idle-timeout 5\n'));
    expect(d.device).toContainEqual(
      expect.objectContaining({ setting: 'site-to-site tunnel-groups on group-policy DfltGrpPolicy: vpn-idle-timeout', old: '30', new: '5' }),
    );
  });
});

describe('a policy attribute that moves between layers', () => {
  it('shows the same value set in the policy instead of inherited (the next DfltGrpPolicy edit no longer reaches it)', () => {
    const d = diff(DEMO.replace('group-policy GP-INHERIT attributes\n', 'group-policy GP-INHERIT attributes\n split-dns value legacy.example.net\n'));
    const p = d.profiles.find((x) => x.tunnelGroup === 'MOBILE-INHERIT')!;
    expect(p.status).toBe('changed');
    expect(p.settings.find((s) => s.setting === 'split-dns')).toMatchObject({
      old: 'value legacy.example.net',
      new: 'value legacy.example.net',
      oldSource: expect.stringMatching(/^inherited from DfltGrpPolicy/),
      newSource: expect.stringMatching(/^set in group-policy GP-INHERIT/),
    });
  });

  it('shows no change when DfltGrpPolicy prints a built-in default (as `show running-config all` does)', () => {
    const d = diff(DEMO.replace('group-policy DfltGrpPolicy attributes\n', 'group-policy DfltGrpPolicy attributes\n vpn-idle-timeout 30\n'));
    expect(d.profiles.every((p) => p.status === 'unchanged')).toBe(true);
  });
});

describe('small words of a diff', () => {
  it('says a split-tunnel list is not used once the policy tunnels everything (not that it was emptied)', () => {
    const p = mobileSplit(
      DEMO.replace(
        ' split-tunnel-policy tunnelspecified\n split-tunnel-network-list value ST-CORP\n split-dns value corp',
        ' split-tunnel-policy tunnelall\n split-tunnel-network-list value ST-CORP\n split-dns value corp',
      ),
    );
    expect(p.settings.find((s) => s.setting === 'split-tunnel-network-list entries')).toMatchObject({
      old: 'permit 10.0.0.0 255.0.0.0',
      new: 'not used: split-tunnel-policy tunnelall tunnels everything',
    });
  });

  it("keeps the old side's hostname when the new side has none", () => {
    const d = diffDevices(snapshot(DEMO), snapshot(DEMO.replace(/^hostname .*\n/m, '')));
    expect(d.hostname).toBe('vpn-demo');
  });
});

describe('objects an extended split-tunnel list names, as a running-config prints them', () => {
  const withObjects = (objects: string[]): string =>
    DEMO.replace(/^access-list ST-CORP .*$/m, [...objects, 'access-list ST-CORP extended permit ip object-group CORP-NETS any'].join('\n'));
  const base = [
    'object network CORP-10',
    ' subnet 10.0.0.0 255.0.0.0',
    'object network CORP-10',
    ' nat (inside,outside) static CORP-10',
    'object-group network CORP-NETS',
    ' network-object 172.20.0.0 255.255.0.0',
    ' network-object object CORP-10',
  ];
  const entries = (text: string): string | undefined => snapshot(text).profiles.get('MOBILE-SPLIT')!.settings.get('split-tunnel-network-list entries')?.value;

  it('follows network-object object, reads an object printed twice (its NAT block) as one, and ignores NAT', () => {
    expect(entries(withObjects(base))).toBe(
      'extended permit ip object-group CORP-NETS any; object-group CORP-NETS: network-object 172.20.0.0 255.255.0.0, network-object object CORP-10; object CORP-10: subnet 10.0.0.0 255.0.0.0',
    );
    // Re-pointing the nested object shows; changing only its NAT does not.
    expect(entries(withObjects(base.map((l) => l.replace(' subnet 10.0.0.0 255.0.0.0', ' subnet 10.0.0.0 255.255.0.0'))))).toContain(
      'object CORP-10: subnet 10.0.0.0 255.255.0.0',
    );
    expect(entries(withObjects(base.map((l) => l.replace('static CORP-10', 'dynamic interface'))))).toBe(entries(withObjects(base)));
  });

  it("takes an object-group's members in any order as the same", () => {
    const reordered = [...base.slice(0, 5), base[6]!, base[5]!];
    expect(entries(withObjects(reordered))).toBe(entries(withObjects(base)));
  });
});

describe('a standard split-tunnel list reordered', () => {
  it('is no change when it only permits (a set of networks), and a change when a deny makes order matter', () => {
    const two = (a: string, b: string): string =>
      DEMO.replace(/^access-list ST-CORP .*$/m, `access-list ST-CORP standard ${a}\naccess-list ST-CORP standard ${b}`);
    const permits = diffDevices(
      snapshot(two('permit 10.0.0.0 255.0.0.0', 'permit 172.16.0.0 255.240.0.0')),
      snapshot(two('permit 172.16.0.0 255.240.0.0', 'permit 10.0.0.0 255.0.0.0')),
    );
    expect(permits.profiles.every((p) => p.status === 'unchanged')).toBe(true);
    const deny = diffDevices(
      snapshot(two('deny 10.1.0.0 255.255.0.0', 'permit 10.0.0.0 255.0.0.0')),
      snapshot(two('permit 10.0.0.0 255.0.0.0', 'deny 10.1.0.0 255.255.0.0')),
    );
    expect(deny.profiles.find((p) => p.tunnelGroup === 'MOBILE-SPLIT')?.status).toBe('changed');
  });
});

describe('a diff of group-policy lines the tool does not model', () => {
  it('shows each as a setting marked not modelled, the own policy winning over DfltGrpPolicy keyword by keyword', () => {
    const own = diff(DEMO.replace('group-policy GP-SPLIT attributes\n', 'group-policy GP-SPLIT attributes\n ipv6-split-tunnel-policy tunnelall\n'));
    const split = own.profiles.find((p) => p.tunnelGroup === 'MOBILE-SPLIT')!;
    expect(split.status).toBe('changed');
    expect(split.settings).toContainEqual(
      expect.objectContaining({ setting: 'ipv6-split-tunnel-policy (not modelled)', old: null, new: 'ipv6-split-tunnel-policy tunnelall' }),
    );
    // Only that policy's profiles change.
    expect(own.profiles.filter((p) => p.status !== 'unchanged').map((p) => p.tunnelGroup)).toEqual(['MOBILE-SPLIT']);
    // Added to DfltGrpPolicy: a device setting, and every profile that inherits it changes.
    const withBypass = (value: string): string =>
      DEMO.replace('group-policy DfltGrpPolicy attributes\n', `group-policy DfltGrpPolicy attributes\n client-bypass-protocol ${value}\n`);
    const added = diff(withBypass('enable'));
    expect(added.device).toContainEqual(
      expect.objectContaining({ setting: 'DfltGrpPolicy client-bypass-protocol (not modelled)', old: null, new: 'client-bypass-protocol enable' }),
    );
    expect(added.profiles.filter((p) => p.status !== 'unchanged').length).toBeGreaterThan(1);
    // A plain capture against `show running-config all` (DfltGrpPolicy printed in full): its unmodelled
    // lines on the full side only are the capture's defaults, said once, no profile changes.
    const plain = readFileSync(fixture('synthetic/plain-916.cfg'), 'utf8');
    const all = readFileSync(fixture('synthetic/run-all-916.cfg'), 'utf8');
    const captures = diffDevices(snapshot(plain), snapshot(all));
    expect(captures.profiles.filter((p) => p.status !== 'unchanged')).toEqual([]);
    expect(captures.device.map((x) => x.setting)).toEqual(['DfltGrpPolicy printed']);
    // ...and a change of its value reaches every profile whose policy does not set it.
    const dflt = diffDevices(snapshot(withBypass('disable')), snapshot(withBypass('enable')));
    const reached = dflt.profiles.filter((p) => p.settings.some((s) => s.setting === 'client-bypass-protocol (not modelled)'));
    expect(reached.length).toBeGreaterThan(1);
    expect(
      reached.every((p) =>
        p.settings.find((s) => s.setting === 'client-bypass-protocol (not modelled)')!.newSource!.startsWith('inherited from DfltGrpPolicy'),
      ),
    ).toBe(true);
    // A line the table models by its first word is named by two (`vpn-idle-timeout alert-interval`), and
    // the 8.4 rename of `svc` to `anyconnect` is no change.
    const alert = diff(DEMO.replace('group-policy GP-SPLIT attributes\n', 'group-policy GP-SPLIT attributes\n vpn-idle-timeout alert-interval 1\n'));
    expect(alert.profiles.find((p) => p.tunnelGroup === 'MOBILE-SPLIT')!.settings.map((x) => x.setting)).toContain(
      'vpn-idle-timeout alert-interval (not modelled)',
    );
    const svc = DEMO.replace('group-policy GP-SPLIT attributes\n', 'group-policy GP-SPLIT attributes\n webvpn\n  svc ask none default anyconnect\n');
    expect(diffDevices(snapshot(svc), snapshot(svc.replace('  svc ask', '  anyconnect   ask'))).profiles.every((p) => p.status === 'unchanged')).toBe(true);
    // Set in both: the policy's own line decides, and DfltGrpPolicy's edit does not reach it.
    const both = DEMO.replace('group-policy GP-SPLIT attributes\n', 'group-policy GP-SPLIT attributes\n client-bypass-protocol disable\n');
    const d = diffDevices(
      snapshot(both),
      snapshot(both.replace('group-policy DfltGrpPolicy attributes\n', 'group-policy DfltGrpPolicy attributes\n client-bypass-protocol enable\n')),
    );
    expect(d.profiles.find((p) => p.tunnelGroup === 'MOBILE-SPLIT')!.status).toBe('unchanged');
  });
});
