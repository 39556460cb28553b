import { describe, expect, it } from 'vitest';
import { findingsOf, fixtureFindings, headend } from './kit.js';

describe('server-side-dpd-enabled', () => {
  const id = 'server-side-dpd-enabled';
  it('fires on a gateway DPD interval set in the policy, pointing at that line', () => {
    const [f, ...rest] = findingsOf(id, headend({ webvpn: '  anyconnect dpd-interval gateway 30' }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning', line: 16, lineRole: 'offending', groupPolicy: 'GP' });
    expect(f!.fix).toBe('group-policy GP attributes\n webvpn\n  anyconnect dpd-interval gateway none');
  });
  it('fires on the built-in default, pointing at the line that should set it', () => {
    const [f] = findingsOf(id, headend({ webvpn: '  anyconnect ssl keepalive none' }));
    expect(f).toMatchObject({ line: 15, lineRole: 'should-set' });
    expect(f!.message).toMatch(/built-in default \[recalled\]/);
    expect(f!.message).toMatch(/Line 15 is where it should be set/);
  });
  it('fires when inherited from DfltGrpPolicy, fixing the profile policy', () => {
    const [f] = findingsOf(id, headend({ dflt: ' webvpn\n  anyconnect dpd-interval gateway 300' }));
    expect(f!.message).toMatch(/inherited from DfltGrpPolicy \(line 13\)/);
    expect(f!.line).toBe(13);
    expect(f!.fix).toMatch(/^group-policy GP attributes/);
  });
  it('fixes DfltGrpPolicy itself when the profile uses it', () => {
    const [f] = findingsOf(id, headend({ noPolicy: true }));
    expect(f!.fix).toBe('group-policy DfltGrpPolicy attributes\n webvpn\n  anyconnect dpd-interval gateway none');
  });
  it('does not fire when off, or when the profile is IKEv2 only (DPD applies to SSL)', () => {
    expect(findingsOf(id, headend({ webvpn: '  anyconnect dpd-interval gateway none' }))).toEqual([]);
    expect(findingsOf(id, headend({ protocols: 'ikev2' }))).toEqual([]);
    // none in DfltGrpPolicy stops the default too
    expect(findingsOf(id, headend({ dflt: ' webvpn\n  anyconnect dpd-interval gateway none' }))).toEqual([]);
  });
  it('speaks legacy svc on pre-8.4 configs', () => {
    const [f] = findingsOf(id, headend({ version: '8.2(5)', protocols: 'svc', webvpn: '  svc dpd-interval gateway 60' }));
    expect(f!.fix).toBe('group-policy GP attributes\n webvpn\n  svc dpd-interval gateway none');
    const legacy = fixtureFindings(id, 'synthetic/legacy-svc-82.cfg').filter((x) => x.tunnelGroup === 'SSL-USERS');
    expect(legacy).toHaveLength(1);
    expect(legacy[0]).toMatchObject({ line: 43, fix: 'group-policy GP-SSL attributes\n webvpn\n  svc dpd-interval gateway none' });
  });
  it('reads show running-config all input (DfltGrpPolicy printed in full)', () => {
    const f = fixtureFindings(id, 'synthetic/run-all-916.cfg').filter((x) => x.tunnelGroup === 'PHONES');
    expect(f).toEqual([]); // GP-PHONES sets gateway none
    const ra = fixtureFindings(id, 'synthetic/run-all-916.cfg').find((x) => x.tunnelGroup === 'DefaultRAGroup');
    expect(ra).toMatchObject({ line: 93, lineRole: 'offending' }); // the printed `anyconnect dpd-interval gateway 30`
  });
  it('fires on real corpus configs with legacy svc syntax', () => {
    const f = fixtureFindings(id, 'corpus/prometheus-asa1-80-svc.cfg');
    expect(f.find((x) => x.tunnelGroup === 'xyzinder')).toMatchObject({ line: 770, lineRole: 'should-set', fix: 'group-policy xyzinder attributes\n webvpn\n  svc dpd-interval gateway none' });
    expect(f.map((x) => x.tunnelGroup)).not.toContain('consultants'); // IKEv1 only
  });
});

describe('client-side-dpd-disabled', () => {
  const id = 'client-side-dpd-disabled';
  it('fires on `client none` in the policy or inherited, not on a number or the default', () => {
    const [f] = findingsOf(id, headend({ webvpn: '  anyconnect dpd-interval client none' }));
    expect(f).toMatchObject({ line: 16, fix: 'group-policy GP attributes\n webvpn\n  anyconnect dpd-interval client 30' });
    expect(findingsOf(id, headend({ dflt: ' webvpn\n  anyconnect dpd-interval client none' }))[0]!.message).toMatch(/inherited from DfltGrpPolicy/);
    expect(findingsOf(id, headend({ webvpn: '  anyconnect dpd-interval client 30' }))).toEqual([]);
    expect(findingsOf(id, headend())).toEqual([]);
  });
  it('keeps gateway and client DPD independent', () => {
    expect(findingsOf(id, headend({ webvpn: '  anyconnect dpd-interval gateway none' }))).toEqual([]);
  });
  it('handles legacy svc and real configs', () => {
    const legacy = fixtureFindings(id, 'synthetic/legacy-svc-82.cfg');
    expect(legacy).toEqual([expect.objectContaining({ tunnelGroup: 'SSL-USERS', line: 44, fix: 'group-policy GP-SSL attributes\n webvpn\n  svc dpd-interval client 30' })]);
    expect(fixtureFindings(id, 'corpus/prometheus-asa1-80-svc.cfg')).toEqual([]);
    expect(fixtureFindings(id, 'synthetic/run-all-916.cfg')).toEqual([]);
  });
});

describe('ssl-keepalive-enabled', () => {
  const id = 'ssl-keepalive-enabled';
  it('fires on a keepalive set in the policy, inherited, or by default', () => {
    expect(findingsOf(id, headend({ webvpn: '  anyconnect ssl keepalive 20' }))[0]).toMatchObject({ line: 16, lineRole: 'offending' });
    expect(findingsOf(id, headend({ dflt: ' webvpn\n  anyconnect ssl keepalive 120' }))[0]).toMatchObject({ line: 13 });
    const [d] = findingsOf(id, headend());
    expect(d).toMatchObject({ lineRole: 'should-set', line: 13 }); // GP attributes header: no webvpn sub-mode yet
    expect(d!.fix).toBe('group-policy GP attributes\n webvpn\n  anyconnect ssl keepalive none');
  });
  it('does not fire when off or for IKEv2-only profiles', () => {
    expect(findingsOf(id, headend({ webvpn: '  anyconnect ssl keepalive none' }))).toEqual([]);
    expect(findingsOf(id, headend({ protocols: 'ikev2' }))).toEqual([]);
  });
  it('uses `svc keepalive` for legacy configs', () => {
    const legacy = fixtureFindings(id, 'synthetic/legacy-svc-82.cfg');
    // SSL-USERS sets `svc keepalive none`; PORTAL is clientless only; the built-ins inherit `svc keepalive 30`
    expect(legacy.map((f) => f.tunnelGroup)).toEqual(['DefaultRAGroup', 'DefaultWEBVPNGroup']);
    expect(legacy[0]).toMatchObject({ line: 34, fix: 'group-policy DfltGrpPolicy attributes\n webvpn\n  svc keepalive none' });
  });
  it('reads show running-config all and real corpus configs', () => {
    expect(fixtureFindings(id, 'synthetic/run-all-916.cfg').find((f) => f.tunnelGroup === 'PHONES')).toMatchObject({ line: 89, lineRole: 'offending' });
    expect(fixtureFindings(id, 'corpus/wosm-asa91-sslvpn-only.cfg').find((f) => f.tunnelGroup === 'SSLClientProfile')).toMatchObject({ line: 141, lineRole: 'should-set' });
  });
});

describe('fixes for external and undefined policies', () => {
  it('prints no fix for an external policy and says the RADIUS attributes need changing', () => {
    const cfg = headend({ noPolicy: true }).replace(' address-pool POOL', ' default-group-policy EXT').replace('tunnel-group MOBILE type', 'group-policy EXT external server-group ISE\ntunnel-group MOBILE type');
    const [f] = findingsOf('ssl-keepalive-enabled', cfg);
    expect(f!.fix).toBeNull();
    expect(f!.message).toMatch(/RADIUS attributes of external group-policy EXT/);
  });
  it('creates a policy the profile names but the config lacks before setting it', () => {
    const cfg = headend({ noPolicy: true }).replace(' address-pool POOL', ' default-group-policy GP-NOPE');
    const [f] = findingsOf('server-side-dpd-enabled', cfg);
    expect(f!.fix).toBe('group-policy GP-NOPE internal\ngroup-policy GP-NOPE attributes\n webvpn\n  anyconnect dpd-interval gateway none');
  });
});

describe('client-side-dpd-disabled escalation', () => {
  it('is an error when gateway DPD is off too and DTLS is on (nothing drives DTLS-to-TLS fallback)', () => {
    const [f] = findingsOf('client-side-dpd-disabled', headend({ webvpn: '  anyconnect dpd-interval client none\n  anyconnect dpd-interval gateway none' }));
    expect(f!.severity).toBe('error');
    const [g] = findingsOf('client-side-dpd-disabled', headend({ webvpn: '  anyconnect dpd-interval client none\n  anyconnect dpd-interval gateway none\n  anyconnect ssl dtls none' }));
    expect(g!.severity).toBe('warning');
  });
});

describe('recalled defaults are labelled', () => {
  it('mentions that 8.0-era releases may default keepalives to none', () => {
    const [f] = findingsOf('ssl-keepalive-enabled', headend({ version: '8.2(5)', protocols: 'svc' }));
    expect(f!.message).toMatch(/\[recalled\] \(8\.0-era releases may default to none\)/);
  });
});
