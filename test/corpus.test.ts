// Facts read by hand from the real public configs in fixtures/corpus (see SOURCES.md there).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainDevice } from '../src/explain/ios-dns.js';
import { analyseOne, corpus, fixture, profile } from './helpers.js';

function gitBlobId(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

describe('corpus files are unmodified and all parse', () => {
  const sources = readFileSync(fixture('corpus/SOURCES.md'), 'utf8');
  const rows = [...sources.matchAll(/^\| `([^`]+\.cfg)` \|.*\| `([0-9a-f]{40})` \|/gm)].map((m) => [m[1]!, m[2]!] as const);

  it('lists every file with its blob id', () => {
    const files = readdirSync(fixture('corpus'))
      .filter((f) => f.endsWith('.cfg'))
      .sort();
    expect(rows.map(([f]) => f).sort()).toEqual(files);
  });

  it.each(rows)('%s matches its recorded git blob id', (file, blob) => {
    expect(gitBlobId(readFileSync(corpus(file)))).toBe(blob);
  });

  it.each(rows)('%s parses, models, resolves and explains', (file) => {
    const t = analyseOne(`corpus/${file}`);
    expect(t.model.stats.commandLines).toBeGreaterThan(0);
    expect(explainDevice(t.resolved).length).toBe(t.resolved.profiles.length);
  });
});

describe('ciscoconfparse-sample01-asa90.cfg', () => {
  const t = analyseOne('corpus/ciscoconfparse-sample01-asa90.cfg');
  it('maps the built-in DefaultWEBVPNGroup to SSL_VPN_Policy01', () => {
    expect(t.summary).toMatchObject({ hostname: 'fw', asaVersion: '9.0(3)', complete: true });
    const p = profile(t, 'DefaultWEBVPNGroup');
    expect(p.groupPolicy).toBe('SSL_VPN_Policy01');
    expect(p.groupPolicyLine).toBe(382);
    expect(t.resolved.profiles.map((x) => x.name)).toEqual(['DefaultWEBVPNGroup', 'DefaultRAGroup']);
  });
  it('resolves DNS settings and ignores the user-identity default-domain decoy', () => {
    const a = profile(t, 'DefaultWEBVPNGroup').attributes;
    expect(a.defaultDomain).toMatchObject({ value: 'pennington.net', from: 'group-policy', line: 373 });
    expect(a.dnsServer).toMatchObject({ value: ['192.0.2.13'], line: 367 });
    expect(a.splitTunnelPolicy).toMatchObject({ value: 'tunnelspecified', line: 371 });
    expect(a.splitDns).toMatchObject({ state: 'none', from: 'default' });
    expect(a.vpnIdleTimeout).toMatchObject({ state: 'none', line: 368 });
    expect(a.dpdGateway).toMatchObject({ value: 30, from: 'default' });
    const e = explainDevice(t.resolved).find((x) => x.profile.name === 'DefaultWEBVPNGroup')!;
    expect([e.outcome, e.tunneledDomains]).toEqual(['default-domain-only', ['pennington.net']]);
    // DefaultRAGroup has no policy of its own and no dns-server anywhere
    expect(profile(t, 'DefaultRAGroup').attributes.defaultDomain.state).toBe('none');
  });
});

describe('dlandberg-asa5505-84.cfg', () => {
  const t = analyseOne('corpus/dlandberg-asa5505-84.cfg');
  it('has two remote-access profiles, NAT-T disabled, and ends without a final newline yet complete', () => {
    expect(t.summary).toMatchObject({ hostname: 'test', asaVersion: '8.4(2)', complete: true });
    expect(t.parsed.lines).toHaveLength(294);
    expect(t.resolved.profiles.map((p) => [p.name, p.groupPolicy])).toEqual([
      ['Vodskov_Home', 'Vodskov_Home'],
      ['Home', 'Home'],
      ['DefaultRAGroup', 'DfltGrpPolicy'],
      ['DefaultWEBVPNGroup', 'DfltGrpPolicy'],
    ]);
    expect(t.model.global.natTraversal).toEqual({ state: 'none', line: 176 });
  });
  it('keeps the IP address in Home split-dns as written and explains Vodskov_Home as all-clear', () => {
    expect(profile(t, 'Home').attributes.splitDns).toMatchObject({ value: ['8.8.8.8'], line: 235 });
    const ex = Object.fromEntries(explainDevice(t.resolved).map((e) => [e.profile.name, e]));
    expect(ex.Home!.outcome).toBe('all-tunneled');
    expect(ex.Vodskov_Home!.outcome).toBe('all-clear');
    expect(ex.Vodskov_Home!.because.find((b) => b.setting === 'dns-server')).toMatchObject({ from: 'group-policy', line: 238 });
    expect(profile(t, 'DefaultRAGroup').attributes.vpnTunnelProtocol).toMatchObject({ value: ['l2tp-ipsec'], from: 'DfltGrpPolicy', line: 227 });
  });
});

describe('wosm-asa84-ikev1-ra.cfg', () => {
  const t = analyseOne('corpus/wosm-asa84-ikev1-ra.cfg');
  it('maps both IKEv1 profiles to their same-named policies with default-domain-only on iOS', () => {
    expect(t.resolved.profiles.slice(0, 2).map((p) => [p.name, p.groupPolicy, p.groupPolicyLine])).toEqual([
      ['VPN_ADMINISTRATOR', 'VPN_ADMINISTRATOR', 204],
      ['VPN_USERS_GROUP', 'VPN_USERS_GROUP', 210],
    ]);
    const ex = explainDevice(t.resolved);
    expect(ex.slice(0, 2).map((e) => [e.outcome, e.tunneledDomains])).toEqual([
      ['default-domain-only', ['wosm.com']],
      ['default-domain-only', ['wosm.com']],
    ]);
    expect(profile(t, 'VPN_USERS_GROUP').attributes.vpnTunnelProtocol).toMatchObject({ value: ['ikev1', 'ikev2'], line: 187 });
    expect(t.resolved.natTraversal).toMatchObject({ value: 20, from: 'default' });
  });
});

describe('wosm-asa91-sslvpn-only.cfg', () => {
  const t = analyseOne('corpus/wosm-asa91-sslvpn-only.cfg');
  it('resolves the SSL-only profile to tunnel-all by default', () => {
    const p = profile(t, 'SSLClientProfile');
    expect(p.groupPolicy).toBe('SSLCLientPolicy');
    expect(p.policyLayer).toBe('defined');
    expect(p.tunnelGroup.webvpn.groupAliases).toEqual([{ name: 'SSLVPNClient', enabled: true, line: 153 }]);
    expect(p.attributes.splitTunnelPolicy).toMatchObject({ value: 'tunnelall', from: 'default' });
    expect(p.attributes.vpnTunnelProtocol).toMatchObject({ value: ['ssl-client'], line: 143 });
    expect(t.model.global.webvpn).toMatchObject({ line: 135, enabledInterfaces: [{ name: 'outside', line: 136 }] });
    expect(t.model.global.webvpn?.anyconnectEnabled).toMatchObject({ state: 'value', line: 138 });
  });
});

describe('prometheus-asa1-80-svc.cfg', () => {
  const t = analyseOne('corpus/prometheus-asa1-80-svc.cfg');
  it('maps five named profiles, including one without default-group-policy', () => {
    expect(t.summary).toMatchObject({ hostname: 'pppfw01', asaVersion: '8.0(2)', complete: true });
    expect(t.resolved.profiles.map((p) => [p.name, p.groupPolicy])).toEqual([
      ['DefaultRAGroup', 'DfltGrpPolicy'],
      ['xyzinder', 'xyzinder'],
      ['xyzinder_customer', 'xyzinder_development'],
      ['xyzinder_anyconnect', 'DfltGrpPolicy'],
      ['consultants', 'consultants'],
      ['xyzinder_split_tunnel', 'xyzinder_split_tunnel'],
      ['DefaultWEBVPNGroup', 'DfltGrpPolicy'],
    ]);
    expect(t.model.groupPolicies.size).toBe(6);
  });
  it('normalises legacy protocol keywords and inherits them from DfltGrpPolicy', () => {
    expect(profile(t, 'xyzinder').attributes.vpnTunnelProtocol).toMatchObject({ value: ['ikev1', 'ssl-client', 'ssl-clientless'], line: 766, legacy: true });
    expect(profile(t, 'xyzinder_anyconnect').attributes.vpnTunnelProtocol).toMatchObject({
      value: ['ikev1', 'l2tp-ipsec', 'ssl-client', 'ssl-clientless'],
      from: 'DfltGrpPolicy',
      line: 794,
    });
  });
  it('explains dns-server none and group-aliases with dots', () => {
    const e = explainDevice(t.resolved).find((x) => x.profile.name === 'xyzinder')!;
    expect(e.outcome).toBe('default-domain-only');
    expect(e.because.find((b) => b.setting === 'dns-server')).toMatchObject({ value: 'none', line: 763 });
    expect(e.warnings.join(' ')).toMatch(/No dns-server/);
    expect(profile(t, 'xyzinder').tunnelGroup.webvpn.groupAliases).toEqual([{ name: 'staff.xyz.com', enabled: true, line: 820 }]);
    expect(profile(t, 'DefaultRAGroup').tunnelGroup.webvpn.groupAliases.map((a) => [a.name, a.enabled])).toEqual([
      ['customer', false],
      ['xyz.com', false],
    ]);
  });
});

describe('configs without remote-access VPN', () => {
  it.each([
    ['prometheus-asa2-70-crlf-prompt.cfg', 'WRH-ASA', '7.0(6)'],
    ['fwbuilder-asa83-importer.cfg', 'asa5505', '8.3(2)'],
  ])('%s has only the built-in profiles', (file, hostname, version) => {
    const t = analyseOne(`corpus/${file}`);
    expect(t.summary).toMatchObject({ hostname, asaVersion: version, complete: true });
    expect(t.model.groupPolicies.size).toBe(0);
    expect(t.resolved.profiles.map((p) => p.name)).toEqual(['DefaultRAGroup', 'DefaultWEBVPNGroup']);
  });

  it('7.0 has NAT-T off by default', () => {
    expect(analyseOne('corpus/prometheus-asa2-70-crlf-prompt.cfg').resolved.natTraversal).toMatchObject({ state: 'none', from: 'default' });
  });
});
