import { describe, expect, it } from 'vitest';
import { licenseFactsFromShowVersion } from '../../src/model/licenses.js';
import { compareVersions, parseAsaVersion, atLeast } from '../../src/parse/version.js';
import { analyseOne, analyseText, wrapConfig } from '../helpers.js';

describe('ASA versions', () => {
  it('parses interim builds and compares numerically', () => {
    const v = parseAsaVersion('9.8(4)20')!;
    expect(v).toEqual({ major: 9, minor: 8, maintenance: 4, interim: 20, text: '9.8(4)20' });
    expect(compareVersions(v, parseAsaVersion('9.12(1)')!)).toBeLessThan(0);
    expect(compareVersions(parseAsaVersion('9.12(4)67')!, parseAsaVersion('9.12(4)')!)).toBeGreaterThan(0);
    expect(atLeast(parseAsaVersion('9.3(1)')!, '9.3(1)')).toBe(true);
    expect(atLeast(parseAsaVersion('9.2(4)33')!, '9.3(1)')).toBe(false);
    expect(parseAsaVersion('garbage')).toBeNull();
  });

  it('reads the device facts, including a version only in a `:` comment with a <context> tag', () => {
    const t = analyseOne('corpus/kolhe-context-tcs-91.cfg');
    expect(t.model.version?.text).toBe('9.1(5)16');
    expect(t.model.versionLine).toBe(2);
    expect(t.model.space).toBe('context');
    expect(t.model.hostname).toEqual({ state: 'value', value: 'tcs', line: 4 });
  });

  it('recognises the system execution space and its contexts', () => {
    const [system] = (() => {
      const t = analyseText(
        wrapConfig('admin-context admin\ncontext admin\n  allocate-interface GigabitEthernet0/0\n  config-url disk0:/admin.cfg\n', '9.8(4)20 <system>'),
      );
      return [t];
    })();
    expect(system.model.space).toBe('system');
    expect(system.model.contexts).toEqual([{ name: 'admin', line: 7, configUrl: 'disk0:/admin.cfg' }]);
    expect(system.resolved.profiles).toEqual([]);
  });
});

describe('group-policy model', () => {
  const t = analyseText(
    wrapConfig(`group-policy GP internal
group-policy GP attributes
 vpn-tunnel-protocol ikev2 ssl-client
 vpn-idle-timeout 1440
 vpn-idle-timeout alert-interval 5
 vpn-session-timeout none
 split-tunnel-policy tunnelspecified
 split-tunnel-network-list value ST
 split-tunnel-all-dns disable
 split-dns value a.example b.example
 default-domain none
 dns-server value 10.0.0.53 10.0.1.53
 anyconnect-custom perapp value PA
 anyconnect-custom dynamic-split-exclude-domains none
 webvpn
  homepage value https://portal.example
  anyconnect ssl keepalive 600
  anyconnect dpd-interval gateway none
  anyconnect dpd-interval client 45
  anyconnect ssl dtls enable
  anyconnect profiles value P1 type user
  anyconnect profiles value P2 type user
group-policy EXT external server-group ISE password Secr3t`),
  );
  const gp = t.model.groupPolicies.get('GP')!;

  it('keeps value, none and the line of every attribute', () => {
    const a = gp.attributes;
    expect(gp.type).toBe('internal');
    expect(a.vpnTunnelProtocol).toEqual({ state: 'value', value: ['ikev2', 'ssl-client'], line: 8 });
    expect(a.vpnIdleTimeout).toEqual({ state: 'value', value: 1440, line: 9 }); // alert-interval is another attribute
    expect(a.vpnSessionTimeout).toEqual({ state: 'none', line: 11 });
    expect(a.splitTunnelPolicy).toEqual({ state: 'value', value: 'tunnelspecified', line: 12 });
    expect(a.splitTunnelNetworkList).toEqual({ state: 'value', value: 'ST', line: 13 });
    expect(a.splitTunnelAllDns).toEqual({ state: 'value', value: false, line: 14 });
    expect(a.splitDns).toEqual({ state: 'value', value: ['a.example', 'b.example'], line: 15 });
    expect(a.defaultDomain).toEqual({ state: 'none', line: 16 });
    expect(a.dnsServer).toEqual({ state: 'value', value: ['10.0.0.53', '10.0.1.53'], line: 17 });
    expect(a.homepage).toEqual({ state: 'value', value: 'https://portal.example', line: 21 });
    expect(a.sslKeepalive).toEqual({ state: 'value', value: 600, line: 22 });
    expect(a.dpdGateway).toEqual({ state: 'none', line: 23 });
    expect(a.dpdClient).toEqual({ state: 'value', value: 45, line: 24 });
    expect(a.sslDtls).toEqual({ state: 'value', value: true, line: 25 });
    expect(a.clientProfiles).toEqual({ state: 'value', value: ['P1', 'P2'], line: 27 });
    expect(a.groupLock).toEqual({ state: 'unset' });
    expect(gp.webvpnLine).toBe(20);
  });

  it('reads anyconnect-custom per type, and external policies without keeping their password', () => {
    expect(gp.customAttributes.get('perapp')).toEqual({ state: 'value', value: 'PA', line: 18 });
    expect(gp.customAttributes.get('dynamic-split-exclude-domains')).toEqual({ state: 'none', line: 19 });
    const ext = t.model.groupPolicies.get('EXT')!;
    expect(ext.type).toBe('external');
    expect(ext.externalServerGroup).toBe('ISE');
    expect(JSON.stringify([...t.model.groupPolicies.values()])).not.toContain('Secr3t');
  });

  it('normalises legacy svc keywords and marks them legacy', () => {
    const legacy = analyseOne('synthetic/legacy-svc-82.cfg').model;
    const ssl = legacy.groupPolicies.get('GP-SSL')!.attributes;
    expect(ssl.vpnTunnelProtocol).toEqual({ state: 'value', value: ['ssl-client', 'ssl-clientless'], line: 37, legacy: true });
    expect(ssl.dpdGateway).toEqual({ state: 'value', value: 60, line: 43, legacy: true });
    expect(ssl.dpdClient).toEqual({ state: 'none', line: 44, legacy: true });
    expect(ssl.sslKeepalive).toEqual({ state: 'none', line: 45, legacy: true });
    const dflt = legacy.groupPolicies.get('DfltGrpPolicy')!.attributes;
    expect(dflt.vpnTunnelProtocol.state === 'value' && dflt.vpnTunnelProtocol.value).toEqual(['ikev1', 'l2tp-ipsec', 'ssl-client', 'ssl-clientless']);
    expect(dflt.sslKeepalive).toEqual({ state: 'value', value: 30, line: 34, legacy: true });
    expect(legacy.global.natTraversal).toEqual({ state: 'value', value: 30, line: 24 });
    expect(legacy.global.webvpn?.images[0]).toMatchObject({ legacy: true, order: 1 });
  });

  it('merges a repeated attributes block, later lines winning', () => {
    const m = analyseText(
      wrapConfig('group-policy G internal\ngroup-policy G attributes\n split-dns value old.example\ngroup-policy G attributes\n split-dns none\n'),
    ).model;
    const g = m.groupPolicies.get('G')!;
    expect(g.attributeBlockLines).toEqual([7, 9]);
    expect(g.attributes.splitDns).toEqual({ state: 'none', line: 10 });
  });

  it('reports bad values with their line instead of throwing', () => {
    const m = analyseText(
      wrapConfig('group-policy G internal\ngroup-policy G attributes\n split-tunnel-policy sometimes\n webvpn\n  anyconnect ssl keepalive often\n'),
    ).model;
    expect(m.problems.map((p) => [p.line, p.code])).toEqual([
      [8, 'bad-value'],
      [10, 'bad-value'],
    ]);
  });
});

describe('tunnel-groups, globals and users', () => {
  it('models the rare keywords of a real show running-config tunnel-group fragment', () => {
    const t = analyseOne('corpus/ntc-show-run-tunnel-group.cfg');
    const tun = t.model.tunnelGroups.get('tun01')!;
    expect(tun.type).toBe('remote-access');
    expect(tun.general.defaultGroupPolicy).toEqual({ state: 'value', value: 'default_gpol', line: 13 });
    expect(tun.general.addressPools).toEqual([{ name: 'vpn_pool', line: 9 }]);
    expect(tun.general.authenticationServerGroup).toEqual({ state: 'value', value: 'LOCAL', line: 10 });
    expect(tun.webvpn.authentication).toEqual({ state: 'value', value: ['aaa', 'certificate'], line: 23 });
    expect(tun.webvpn.groupAliases).toEqual([
      { name: 'grpalias', enabled: true, line: 26 },
      { name: 'aj', enabled: false, line: 27 },
    ]);
    expect(tun.webvpn.groupUrls).toEqual([{ url: 'https://blah', enabled: true, line: 28 }]);
    expect(tun.webvpn.samlIdentityProvider).toEqual({ state: 'value', value: 'idp', line: 36 });
    expect(t.model.tunnelGroups.get('10.15.20.25')!.type).toBe('ipsec-l2l');
    // the policy it names is not in the fragment: a reported problem, not a crash
    expect(t.model.problems.find((p) => p.code === 'undefined-group-policy')).toMatchObject({ line: 13 });
  });

  it('reads quoted alias names', () => {
    const demo = analyseOne('demo/demo-headend.cfg').model;
    expect(demo.tunnelGroups.get('MOBILE-SPLIT')!.webvpn.groupAliases).toEqual([{ name: 'Mobile Split', enabled: true, line: 191 }]);
  });

  it('reads global crypto, webvpn and custom data (concatenating repeated data lines)', () => {
    const g = analyseOne('demo/demo-headend.cfg').model.global;
    expect(g.ikev2Enable).toEqual([{ interface: 'outside', clientServices: true, port: 443, line: 83 }]);
    expect(g.natTraversal).toEqual({ state: 'unset' });
    expect(g.webvpn?.enabledInterfaces).toEqual([{ name: 'outside', line: 95 }]);
    expect(g.webvpn?.tunnelGroupListEnabled.state).toBe('value');
    expect(g.webvpn?.customAttributeTypes).toEqual([{ type: 'perapp', description: 'Per-app VPN policy', line: 100 }]);
    expect(g.webvpn?.clientProfiles).toEqual([{ name: 'MOBILE-PROFILE', path: 'disk0:/mobile.xml', line: 97 }]);
    const data = g.customData.get('perapp PA-ALL-APPS')!;
    expect(data.lines).toEqual([104, 105]);
    expect(data.value).toBe('eJyVkMFqwzAMhl/F+O7Y7mWspSmMwa4dY4e9gGiqJoY4dm0l298/JwqFXgq7GMm/Pn1CDNnLVmYB3QxbW9iaWxlLWFwcHMtYWxsLnBvbGljeS5leGFtcGxl');
    expect(g.sslTrustPoints).toEqual([{ trustpoint: 'TP-PUBLIC', interface: 'outside', line: 93 }]);
  });

  it('reads re-entered `crypto ikev2 enable` as replacing client services', () => {
    const m = analyseText(wrapConfig('crypto ikev2 enable outside client-services port 443\ncrypto ikev2 enable outside\n')).model;
    expect(m.global.ikev2Enable).toEqual([{ interface: 'outside', clientServices: false, port: null, line: 7 }]);
  });

  it('models local users and flags references to undefined policies', () => {
    const t = analyseOne('corpus/wosm-asa84-ikev1-ra.cfg');
    expect(t.model.users.get('verkauf')!.vpnGroupPolicy).toEqual({ state: 'value', value: 'VPN_USERS_GROUP', line: 195 });
    expect(t.model.users.get('admin')!.vpnGroupPolicy).toEqual({ state: 'value', value: 'VPN_ADMINISTRATOR', line: 199 });
    const m = analyseText(
      wrapConfig('group-policy Mobile internal\ntunnel-group T type remote-access\ntunnel-group T general-attributes\n default-group-policy MOBILE\n'),
    ).model;
    expect(m.problems[0]!.message).toMatch(/did you mean `Mobile`/);
  });

  it('counts the lines it modelled and the ones it kept without modelling', () => {
    const { stats } = analyseOne('corpus/prometheus-asa1-80-svc.cfg').model;
    expect(stats.commandLines).toBeGreaterThan(900);
    expect(stats.modelledLines).toBeGreaterThan(50);
    expect(stats.modelledLines).toBeLessThan(stats.commandLines);
  });
});

describe('firewall mode', () => {
  it('is unset (routed, the default) without a line, and transparent with `firewall transparent`', () => {
    expect(analyseText(wrapConfig('interface GigabitEthernet0/0\n nameif outside\n')).model.firewallMode.state).toBe('unset');
    const t = analyseText(wrapConfig('firewall transparent\ninterface GigabitEthernet0/0\n nameif outside\n'));
    expect(t.model.firewallMode).toMatchObject({ state: 'value', value: 'transparent', line: 6 });
  });
});

describe('licence lines of a live show version', () => {
  it('keeps the AnyConnect lines and ignores the rest', () => {
    const facts = licenseFactsFromShowVersion(
      'Cisco Adaptive Security Appliance Software Version 9.8(4)\r\nVPN-3DES-AES                      : Enabled        perpetual\r\nAnyConnect for Mobile             : Disabled       perpetual\r\nAnyConnect Essentials             : Enabled        perpetual\r\n',
    );
    expect(facts).toEqual({
      from: 'show-version',
      lines: [
        { feature: 'AnyConnect for Mobile', value: 'Disabled perpetual', line: null },
        { feature: 'AnyConnect Essentials', value: 'Enabled perpetual', line: null },
      ],
    });
  });
});

describe('lines indented deeper than their block allows', () => {
  it('warns about each stray group, in tunnel-group blocks and in a group-policy outside its webvpn sub-mode', () => {
    const t = analyseText(
      wrapConfig(
        [
          'group-policy G internal',
          'group-policy G attributes',
          ' vpn-tunnel-protocol ssl-client',
          '  split-dns value corp.example.com',
          ' webvpn',
          '  anyconnect ssl keepalive none',
          '   anyconnect dpd-interval gateway none',
          'tunnel-group T type remote-access',
          'tunnel-group T webvpn-attributes',
          ' authentication aaa',
          '  group-alias Mobile enable',
          '  group-url https://vpn.example.com/m enable',
        ].join('\n'),
      ),
    );
    const stray = t.model.problems.filter((p) => p.code === 'misplaced-line').map((p) => p.message.split(' is indented')[0]);
    expect(stray).toEqual(['`split-dns value corp.example.com`', '`anyconnect dpd-interval gateway none`', '`group-alias Mobile enable`']);
    // Not read: the alias is not the profile's.
    expect(t.model.tunnelGroups.get('T')!.webvpn.groupAliases).toEqual([]);
    // The webvpn sub-mode's own lines are no stray lines.
    expect(t.model.groupPolicies.get('G')!.webvpnLine).not.toBeNull();
  });
});
