import { describe, expect, it } from 'vitest';
import { findingsOf, fixtureFindings, headend } from './kit.js';

describe('profile-name-special-chars', () => {
  const id = 'profile-name-special-chars';
  it('fires on characters other than letters, digits, - _ . and recreates the profile under a safe name', () => {
    const [f] = findingsOf(id, headend({ tunnelGroupName: 'Lab&Partners', tgWebvpn: ' group-alias Lab enable' }), 'Lab&Partners');
    expect(f!.message).toMatch(/contains `&`/);
    expect(f!.line).toBe(15);
    expect(f!.fix).toBe(
      [
        'tunnel-group Lab&Partners webvpn-attributes',
        ' no group-alias Lab',
        'tunnel-group Lab-Partners type remote-access',
        'tunnel-group Lab-Partners general-attributes',
        ' default-group-policy GP',
        'tunnel-group Lab-Partners webvpn-attributes',
        ' group-alias Lab enable',
      ].join('\n'),
    );
  });
  it('accepts dots, dashes and underscores, and skips non-mobile profiles', () => {
    expect(findingsOf(id, headend({ tunnelGroupName: 'vpn.corp_MOBILE-1' }), 'vpn.corp_MOBILE-1')).toEqual([]);
    expect(findingsOf(id, headend({ tunnelGroupName: 'Lab&Partners', protocols: 'ikev1' }), 'Lab&Partners')).toEqual([]);
  });
  it('quotes names with spaces and reports non-ASCII characters', () => {
    const [f] = findingsOf(id, headend({ tunnelGroupName: '"Café VPN"' }), 'Café VPN');
    expect(f!.message).toMatch(/`é`, `space`/);
    expect(f!.fix).toContain('tunnel-group Caf-VPN type remote-access');
  });
  it('finds nothing in the real corpus, whose names are plain', () => {
    expect(fixtureFindings(id, 'corpus/prometheus-asa1-80-svc.cfg')).toEqual([]);
    expect(fixtureFindings(id, 'demo/demo-headend.cfg').map((f) => f.tunnelGroup)).toEqual(['Lab&Partners']);
  });
});

describe('group-alias-special-chars', () => {
  const id = 'group-alias-special-chars';
  it('fires on an enabled alias with a space, not on a disabled one', () => {
    const [f, ...rest] = findingsOf(id, headend({ tgWebvpn: ' group-alias "Mobile Users" enable\n group-alias "Old Name" disable' }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ line: 19, fix: 'tunnel-group MOBILE webvpn-attributes\n no group-alias "Mobile Users"\n group-alias Mobile-Users enable' });
  });
  it('accepts aliases with dots, as in a real config', () => {
    expect(fixtureFindings(id, 'corpus/prometheus-asa1-80-svc.cfg')).toEqual([]); // staff.xyz.com, customer.xyz.com
    expect(fixtureFindings(id, 'corpus/wosm-asa91-sslvpn-only.cfg')).toEqual([]);
  });
});

describe('natt-keepalive-short', () => {
  const id = 'natt-keepalive-short';
  it('fires once per device when IKEv2 client services serve mobile profiles and NAT-T is implicit (20 s)', () => {
    const f = findingsOf(id, headend(), null);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ line: 9, lineRole: 'should-set', tunnelGroup: null, fix: 'crypto isakmp nat-traversal 3600' });
    expect(f[0]!.message).toMatch(/default 20 s \[recalled\]/);
  });
  it('fires on an explicit short keepalive, not on 3600', () => {
    expect(findingsOf(id, headend({ global: 'crypto isakmp nat-traversal 120' }), null)[0]).toMatchObject({ line: 10, lineRole: 'offending' });
    expect(findingsOf(id, headend({ global: 'crypto isakmp nat-traversal 3600' }), null)).toEqual([]);
  });
  it('does not fire without AnyConnect IKEv2', () => {
    expect(findingsOf(id, headend({ protocols: 'ssl-client', dflt: ' vpn-tunnel-protocol ssl-client' }), null)).toEqual([]);
    // prometheus has NAT-T 120 but no IKEv2 client services
    expect(fixtureFindings(id, 'corpus/prometheus-asa1-80-svc.cfg')).toEqual([]);
  });
  it('reads an explicit default in show running-config all', () => {
    expect(fixtureFindings(id, 'synthetic/run-all-916.cfg')).toEqual([expect.objectContaining({ line: 19, lineRole: 'offending' })]);
    expect(fixtureFindings(id, 'synthetic/plain-916.cfg')).toEqual([expect.objectContaining({ line: 18, lineRole: 'should-set' })]);
  });
});

describe('natt-disabled', () => {
  const id = 'natt-disabled';
  it('fires on `no crypto isakmp nat-traversal` with IKEv2 client services', () => {
    const f = findingsOf(id, headend({ global: 'no crypto isakmp nat-traversal' }), null);
    expect(f).toEqual([expect.objectContaining({ severity: 'error', line: 10, fix: 'crypto isakmp nat-traversal 3600' })]);
    expect(findingsOf('natt-keepalive-short', headend({ global: 'no crypto isakmp nat-traversal' }), null)).toEqual([]);
  });
  it('does not fire when NAT-T is on or IKEv2 is not used for AnyConnect', () => {
    expect(findingsOf(id, headend(), null)).toEqual([]);
    // real config: NAT-T disabled, but IKEv1 only
    expect(fixtureFindings(id, 'corpus/dlandberg-asa5505-84.cfg')).toEqual([]);
  });
});
