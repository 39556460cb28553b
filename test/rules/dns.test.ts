import { describe, expect, it } from 'vitest';
import { notADomain } from '../../rules/split-dns-not-domain.js';
import { findingsOf, fixtureFindings, headend } from './kit.js';

const SPLIT = ' split-tunnel-policy tunnelspecified\n split-tunnel-network-list value ST';

describe('split-dns-inherited', () => {
  const id = 'split-dns-inherited';
  it('warns when the inherited list leaves the policy default domain in the clear', () => {
    const [f] = findingsOf(id, headend({ dflt: ' split-dns value old.example.net', policy: `${SPLIT}\n default-domain value corp.example.com` }));
    expect(f).toMatchObject({ severity: 'warning', line: 14, lineRole: 'should-set' });
    expect(f!.message).toMatch(/inherits DfltGrpPolicy's `split-dns value old.example.net` \(line 12\)/);
    expect(f!.fix).toBe('group-policy GP attributes\n split-dns value old.example.net corp.example.com'); // lists replace, so keep what was inherited
  });
  it('is info when the inherited list covers the default domain', () => {
    const [f] = findingsOf(id, headend({ dflt: ' split-dns value example.com', policy: `${SPLIT}\n default-domain value corp.example.com` }));
    expect(f).toMatchObject({ severity: 'info', fix: 'group-policy GP attributes\n split-dns value example.com' });
  });
  it('does not fire when the policy sets split-dns (even none), for tunnel-all, or when the profile uses DfltGrpPolicy itself', () => {
    expect(findingsOf(id, headend({ dflt: ' split-dns value old.example.net', policy: `${SPLIT}\n split-dns none` }))).toEqual([]);
    expect(findingsOf(id, headend({ dflt: ' split-dns value old.example.net', policy: ' split-tunnel-policy tunnelall' }))).toEqual([]);
    expect(findingsOf(id, headend({ dflt: ` split-dns value old.example.net\n${SPLIT}`, noPolicy: true }))).toEqual([]);
  });
  it('says the guide is silent for excludespecified, and names an inherited default domain as such', () => {
    const [x] = findingsOf(id, headend({ dflt: ' split-dns value old.example.net', policy: ' split-tunnel-policy excludespecified' }));
    expect(x!.message).toMatch(/does not say what iOS does with it under excludespecified/);
    const [y] = findingsOf(id, headend({ dflt: ' split-dns value old.example.net\n default-domain value corp.example.com', policy: SPLIT }));
    expect(y!.message).toMatch(/the default domain \(inherited from DfltGrpPolicy\) corp.example.com goes in the clear/);
  });
  it('fires on the demo headend and stays quiet on show running-config all when the policy is tunnel-all', () => {
    expect(fixtureFindings(id, 'demo/demo-headend.cfg').map((f) => [f.tunnelGroup, f.severity])).toEqual([
      ['MOBILE-INHERIT', 'warning'],
      ['MOBILE-PERAPP', 'info'],
    ]);
    // GP-PHONES is split and silent on split-dns; run-all prints DfltGrpPolicy's list, which covers its default domain
    expect(fixtureFindings(id, 'synthetic/run-all-916.cfg')).toEqual([expect.objectContaining({ tunnelGroup: 'PHONES', severity: 'info', line: 117 })]);
    expect(fixtureFindings(id, 'synthetic/plain-916.cfg')).toEqual([expect.objectContaining({ tunnelGroup: 'PHONES', severity: 'info' })]);
  });
});

describe('ios-dns-all-clear', () => {
  const id = 'ios-dns-all-clear';
  it('fires when split-dns and default-domain are none on a split profile', () => {
    const [f] = findingsOf(id, headend({ policy: `${SPLIT}\n split-dns none\n default-domain none` }));
    expect(f).toMatchObject({ line: 18, fix: 'group-policy GP attributes\n split-dns value DOMAIN' }); // the later of the two deciding lines
  });
  it('fires when the nones are inherited from DfltGrpPolicy, and suggests the device domain-name', () => {
    const [f] = findingsOf(id, headend({ global: 'domain-name corp.example.com', dflt: ' split-dns none\n default-domain none', policy: SPLIT }));
    expect(f!.fix).toBe('group-policy GP attributes\n split-dns value corp.example.com');
  });
  it('does not fire with a default domain or a split-dns list, or for tunnel-all', () => {
    expect(findingsOf(id, headend({ policy: `${SPLIT}\n split-dns none\n default-domain value corp.example.com` }))).toEqual([]);
    expect(findingsOf(id, headend({ policy: ' split-tunnel-policy tunnelall\n split-dns none\n default-domain none' }))).toEqual([]);
  });
  it('is the demo headend Lab&Partners profile', () => {
    expect(fixtureFindings(id, 'demo/demo-headend.cfg').map((f) => f.tunnelGroup)).toEqual(['Lab&Partners']);
  });
});

describe('split-dns-not-domain', () => {
  const id = 'split-dns-not-domain';
  it('classifies entries', () => {
    expect(notADomain('corp.example.com')).toBeNull();
    expect(notADomain('corp')).toBeNull();
    expect(notADomain('8.8.8.8')).toBe('an IP address');
    expect(notADomain('2001:db8::53')).toBe('an IP address');
    expect(notADomain('-bad.example')).toMatch(/not a valid/);
    expect(notADomain('a..b')).toMatch(/not a valid/);
    expect(notADomain('host.123')).toMatch(/numeric/);
  });
  it('fires on an IP address in split-dns and rewrites the list without it', () => {
    const [f] = findingsOf(id, headend({ policy: `${SPLIT}\n split-dns value corp.example.com 10.0.0.53` }));
    expect(f).toMatchObject({ line: 17, fix: 'group-policy GP attributes\n split-dns value corp.example.com' });
    expect(f!.message).toMatch(/`10.0.0.53` \(an IP address\)/);
  });
  it('fixes DfltGrpPolicy when the bad list is inherited', () => {
    const [f] = findingsOf(id, headend({ dflt: ' split-dns value 8.8.8.8', policy: SPLIT }));
    expect(f).toMatchObject({ line: 12, fix: 'group-policy DfltGrpPolicy attributes\n split-dns none' });
  });
  it('skips the real 8.8.8.8 entry of an IKEv1-only profile (not mobile-facing)', () => {
    expect(fixtureFindings(id, 'corpus/dlandberg-asa5505-84.cfg')).toEqual([]);
  });
});

describe('split-dns-without-dns-server', () => {
  const id = 'split-dns-without-dns-server';
  it('fires when the policy says dns-server none under a split-dns list', () => {
    const [f] = findingsOf(id, headend({ policy: `${SPLIT}\n split-dns value corp.example.com\n dns-server none` }));
    expect(f).toMatchObject({ severity: 'error', line: 18, fix: 'group-policy GP attributes\n dns-server value DNS-SERVER-IP' });
  });
  it('does not fire when a dns-server is inherited', () => {
    expect(findingsOf(id, headend({ policy: `${SPLIT}\n split-dns value corp.example.com` }))).toEqual([]);
  });
  it('does not fire on the corpus, where no policy with dns-server none has split-dns', () => {
    expect(fixtureFindings(id, 'corpus/prometheus-asa1-80-svc.cfg')).toEqual([]);
  });
});

describe('homepage-ignored-on-mobile', () => {
  const id = 'homepage-ignored-on-mobile';
  it('reports a home page as info, set or inherited', () => {
    expect(findingsOf(id, headend({ webvpn: '  homepage value https://portal.example' }))).toEqual([expect.objectContaining({ severity: 'info', line: 16, fix: null })]);
    expect(findingsOf(id, headend({ dflt: ' webvpn\n  homepage value https://portal.example' }))[0]).toMatchObject({ line: 13 });
    expect(findingsOf(id, headend({ webvpn: '  homepage none' }))).toEqual([]);
  });
  it('ignores clientless-only profiles (legacy fixture PORTAL)', () => {
    expect(fixtureFindings(id, 'synthetic/legacy-svc-82.cfg')).toEqual([]);
    expect(fixtureFindings(id, 'demo/demo-headend.cfg').map((f) => f.tunnelGroup)).toEqual(['Lab&Partners']);
  });
});
