import { describe, expect, it } from 'vitest';
import { POLICY_ATTRIBUTES } from '../../src/model/policy-attributes.js';
import { valueOf, type Effective } from '../../src/resolve/resolve.js';
import { analyseOne, analyseText, profile, wrapConfig } from '../helpers.js';

describe('resolver: policy → DfltGrpPolicy → built-in', () => {
  // The reference's worked example (section 4.4).
  const t = analyseText(
    wrapConfig(`group-policy DfltGrpPolicy attributes
 dns-server value 10.0.0.53
 split-dns value corp.example.com
group-policy GP-MOBILE internal
group-policy GP-MOBILE attributes
 split-tunnel-policy tunnelspecified
 split-tunnel-network-list value ST-CORP
 default-domain value example.com
 webvpn
  anyconnect dpd-interval gateway none
tunnel-group MOBILE type remote-access
tunnel-group MOBILE general-attributes
 default-group-policy GP-MOBILE`),
  );
  const mobile = profile(t, 'MOBILE');

  it('takes each attribute from the first layer that sets it, with provenance', () => {
    const a = mobile.attributes;
    expect(mobile.groupPolicy).toBe('GP-MOBILE');
    expect(mobile.groupPolicyLine).toBe(18);
    expect(a.splitTunnelPolicy).toEqual({ state: 'value', value: 'tunnelspecified', from: 'group-policy', groupPolicy: 'GP-MOBILE', line: 11 });
    expect(a.splitDns).toEqual({ state: 'value', value: ['corp.example.com'], from: 'DfltGrpPolicy', groupPolicy: 'DfltGrpPolicy', line: 8 });
    expect(a.dnsServer).toMatchObject({ value: ['10.0.0.53'], from: 'DfltGrpPolicy', line: 7 });
    expect(a.defaultDomain).toMatchObject({ value: 'example.com', from: 'group-policy', line: 13 });
    expect(a.dpdGateway).toMatchObject({ state: 'none', from: 'group-policy', line: 15 });
    // DPD client is a separate attribute: the gateway line leaves it to the built-in default
    expect(a.dpdClient).toMatchObject({ state: 'value', value: 30, from: 'default', groupPolicy: null, line: null, basis: 'recalled' });
    expect(a.sslKeepalive).toMatchObject({ value: 20, from: 'default' });
    expect(a.splitTunnelAllDns).toMatchObject({ value: false, from: 'default' });
    expect(a.vpnIdleTimeout).toMatchObject({ value: 30, from: 'default', basis: 'cmd-ref' });
  });

  it('always has the built-in DefaultRAGroup and DefaultWEBVPNGroup, using DfltGrpPolicy', () => {
    expect(t.resolved.profiles.map((p) => p.name)).toEqual(['MOBILE', 'DefaultRAGroup', 'DefaultWEBVPNGroup']);
    const ra = profile(t, 'DefaultRAGroup');
    expect(ra.policyLayer).toBe('DfltGrpPolicy');
    expect(ra.attributes.splitDns).toMatchObject({ from: 'DfltGrpPolicy', line: 8 });
    expect(ra.tunnelGroup.builtIn).toBe(true);
  });

  it('stops inheritance at an explicit none', () => {
    const r = analyseText(
      wrapConfig(
        'group-policy DfltGrpPolicy attributes\n split-dns value old.example\ngroup-policy G internal\ngroup-policy G attributes\n split-dns none\ntunnel-group T type remote-access\ntunnel-group T general-attributes\n default-group-policy G',
      ),
    );
    expect(profile(r, 'T').attributes.splitDns).toEqual({ state: 'none', from: 'group-policy', groupPolicy: 'G', line: 10 });
  });

  it('falls back to lower layers for missing and external policies, and says so', () => {
    const r = analyseText(
      wrapConfig(
        'group-policy DfltGrpPolicy attributes\n split-dns value d.example\ngroup-policy EXT external server-group ISE\ntunnel-group A type remote-access\ntunnel-group A general-attributes\n default-group-policy NOPE\ntunnel-group B type remote-access\ntunnel-group B general-attributes\n default-group-policy EXT',
      ),
    );
    expect(profile(r, 'A').policyLayer).toBe('missing');
    expect(profile(r, 'B').policyLayer).toBe('external');
    expect(profile(r, 'A').attributes.splitDns.from).toBe('DfltGrpPolicy');
    expect(profile(r, 'B').attributes.splitDns.from).toBe('DfltGrpPolicy');
  });

  it('skips site-to-site tunnel-groups and DefaultL2LGroup', () => {
    const r = analyseOne('corpus/ntc-show-run-tunnel-group.cfg');
    expect(r.resolved.profiles.map((p) => p.name)).toEqual(['tun01', 'DefaultRAGroup', 'DefaultWEBVPNGroup']);
  });

  it('uses version-aware built-in tunnel protocols', () => {
    const old = analyseText(wrapConfig('tunnel-group T type remote-access', '8.2(5)'));
    expect(valueOf(profile(old, 'T').attributes.vpnTunnelProtocol)).toEqual(['ikev1', 'l2tp-ipsec', 'ssl-client', 'ssl-clientless']);
    const modern = analyseText(wrapConfig('tunnel-group T type remote-access', '9.16(4)'));
    expect(valueOf(profile(modern, 'T').attributes.vpnTunnelProtocol)).toContain('ikev2');
  });

  it('resolves NAT-T from the global line or the built-in default', () => {
    expect(analyseOne('corpus/dlandberg-asa5505-84.cfg').resolved.natTraversal).toMatchObject({ state: 'none', from: 'global', line: 176 });
    expect(analyseOne('corpus/prometheus-asa1-80-svc.cfg').resolved.natTraversal).toMatchObject({ value: 120, line: 671 });
    expect(analyseOne('demo/demo-headend.cfg').resolved.natTraversal).toMatchObject({ value: 20, from: 'default' });
  });
});

describe('show running-config all', () => {
  it('resolves to the same effective values as the plain show running-config of the same device', () => {
    const plain = analyseOne('synthetic/plain-916.cfg');
    const all = analyseOne('synthetic/run-all-916.cfg');
    // The run-all dump prints the built-in tunnel-groups; the plain one only implies them.
    expect(all.resolved.profiles.map((p) => p.name).sort()).toEqual(plain.resolved.profiles.map((p) => p.name).sort());
    let compared = 0;
    for (const p of plain.resolved.profiles) {
      const q = profile(all, p.name);
      expect(q.groupPolicy).toBe(p.groupPolicy);
      for (const spec of POLICY_ATTRIBUTES) {
        const a = p.attributes[spec.key] as Effective<unknown>;
        const b = q.attributes[spec.key] as Effective<unknown>;
        expect({ attr: spec.keyword, state: b.state, value: valueOf(b) }).toEqual({ attr: spec.keyword, state: a.state, value: valueOf(a) });
        compared++;
      }
    }
    expect(compared).toBe(3 * POLICY_ATTRIBUTES.length);
    expect(valueOf(all.resolved.natTraversal)).toBe(valueOf(plain.resolved.natTraversal));
    // ...while provenance tells them apart: the dump states DfltGrpPolicy's values explicitly.
    expect(profile(all, 'PHONES').attributes.sslKeepalive.from).toBe('DfltGrpPolicy');
    expect(profile(plain, 'PHONES').attributes.sslKeepalive.from).toBe('default');
  });
});
