// Every rule on `show running-config all` input: the same device printed with DfltGrpPolicy in full
// (and NAT-T with its default) must give the same findings as its plain `show running-config`.
// Values that were built-in defaults become DfltGrpPolicy lines, so only lines and sources may differ.
import { describe, expect, it } from 'vitest';
import { analyseText } from '../helpers.js';
import { findingsOf, headend, headendRunAll, type HeadendParts } from './kit.js';

const SPLIT = ' split-tunnel-policy tunnelspecified\n split-tunnel-network-list value ST';
const DECLARED = 'webvpn\n anyconnect-custom-attr perapp description Per-app';
const DATA = 'anyconnect-custom-data perapp PA eJyVkMFqwzAMhl';

const CASES: Array<[rule: string, parts: HeadendParts, profile?: string | null]> = [
  ['profile-name-special-chars', { tunnelGroupName: 'Lab&Partners', tgWebvpn: ' group-alias Lab enable' }, 'Lab&Partners'],
  ['profile-name-special-chars', { tunnelGroupName: 'vpn.corp_MOBILE-1' }, 'vpn.corp_MOBILE-1'],
  ['group-alias-special-chars', { tgWebvpn: ' group-alias "Mobile Users" enable\n group-alias "Old Name" disable' }],
  ['group-alias-special-chars', { tgWebvpn: ' group-alias Mobile-Users enable' }],
  ['server-side-dpd-enabled', { webvpn: '  anyconnect dpd-interval gateway 30' }],
  ['server-side-dpd-enabled', { dflt: ' webvpn\n  anyconnect dpd-interval gateway 300' }],
  ['server-side-dpd-enabled', { noPolicy: true }],
  ['server-side-dpd-enabled', { webvpn: '  anyconnect dpd-interval gateway none' }],
  ['client-side-dpd-disabled', { webvpn: '  anyconnect dpd-interval client none' }],
  ['client-side-dpd-disabled', { dflt: ' webvpn\n  anyconnect dpd-interval client none' }],
  ['client-side-dpd-disabled', {}],
  ['ssl-keepalive-enabled', { webvpn: '  anyconnect ssl keepalive 20' }],
  ['ssl-keepalive-enabled', { dflt: ' webvpn\n  anyconnect ssl keepalive none' }],
  ['ssl-keepalive-enabled', {}],
  ['natt-keepalive-short', { global: 'crypto isakmp nat-traversal 120' }, null],
  ['natt-keepalive-short', {}, null],
  ['natt-keepalive-short', { global: 'crypto isakmp nat-traversal 3600' }, null],
  ['natt-disabled', { global: 'no crypto isakmp nat-traversal' }, null],
  ['natt-disabled', {}, null],
  ['split-dns-inherited', { dflt: ' split-dns value old.example.net', policy: `${SPLIT}\n default-domain value corp.example.com` }],
  ['split-dns-inherited', { dflt: ' split-dns value old.example.net', policy: `${SPLIT}\n split-dns none` }],
  ['ios-dns-all-clear', { policy: `${SPLIT}\n split-dns none\n default-domain none` }],
  ['ios-dns-all-clear', { dflt: ' split-dns none\n default-domain none', policy: SPLIT }],
  ['ios-dns-all-clear', { policy: `${SPLIT}\n split-dns none\n default-domain value corp.example.com` }],
  ['split-dns-not-domain', { policy: `${SPLIT}\n split-dns value corp.example.com 10.0.0.53` }],
  ['split-dns-not-domain', { dflt: ' split-dns value 8.8.8.8', policy: SPLIT }],
  ['split-dns-not-domain', { policy: `${SPLIT}\n split-dns value corp.example.com` }],
  ['split-dns-without-dns-server', { policy: `${SPLIT}\n split-dns value corp.example.com\n dns-server none` }],
  ['split-dns-without-dns-server', { dflt: ' dns-server none', policy: `${SPLIT}\n split-dns value corp.example.com` }],
  ['split-dns-without-dns-server', { policy: `${SPLIT}\n split-dns value corp.example.com` }],
  ['homepage-ignored-on-mobile', { webvpn: '  homepage value https://portal.example' }],
  ['homepage-ignored-on-mobile', { dflt: ' webvpn\n  homepage value https://portal.example' }],
  ['homepage-ignored-on-mobile', {}],
  ['perapp-attr-not-declared', { global: DATA, policy: ' anyconnect-custom perapp value PA' }],
  ['perapp-attr-not-declared', { global: DATA, dflt: ' anyconnect-custom perapp value PA' }],
  ['perapp-attr-not-declared', { global: `${DECLARED}\n${DATA}`, policy: ' anyconnect-custom perapp value PA' }],
  ['perapp-data-missing', { global: DECLARED, policy: ' anyconnect-custom perapp value PA' }],
  ['perapp-data-missing', { global: DECLARED, dflt: ' anyconnect-custom perapp value PA' }],
  ['perapp-data-missing', { global: `${DECLARED}\n${DATA}`, policy: ' anyconnect-custom perapp value PA' }],
  ['perapp-asa-version', { version: '9.2(4)', global: `${DECLARED}\n${DATA}`, policy: ' anyconnect-custom perapp value PA' }],
  ['perapp-asa-version', { version: '9.2(4)', global: `${DECLARED}\n${DATA}`, dflt: ' anyconnect-custom perapp value PA' }],
  ['perapp-asa-version', { version: '9.3(1)', global: `${DECLARED}\n${DATA}`, policy: ' anyconnect-custom perapp value PA' }],
];

const essence = (fs: ReturnType<typeof findingsOf>) => fs.map((f) => ({ ruleId: f.ruleId, severity: f.severity, tunnelGroup: f.tunnelGroup, groupPolicy: f.groupPolicy, object: f.object }));

describe('rules on show running-config all input', () => {
  it('the run-all rendering prints DfltGrpPolicy in full and resolves it as complete', () => {
    const t = analyseText(headendRunAll({ dflt: ' webvpn\n  anyconnect dpd-interval gateway 300' }));
    expect(t.summary.complete).toBe(true);
    expect(t.model.groupPolicies.get('DfltGrpPolicy')!.attributes.dpdGateway).toMatchObject({ state: 'value', value: 300 });
  });
  it.each(CASES.map((c, i) => [i, ...c] as const))('case %i: %s gives the same findings as the plain config', (_, rule, parts, profile) => {
    const plain = findingsOf(rule, headend(parts), profile ?? (profile === null ? null : 'MOBILE'));
    const all = findingsOf(rule, headendRunAll(parts), profile ?? (profile === null ? null : 'MOBILE'));
    expect(essence(all)).toEqual(essence(plain));
  });
  it('covers every rule of the issue, firing and not firing', () => {
    const fired = new Set(CASES.filter(([r, p, pr]) => findingsOf(r, headendRunAll(p), pr === undefined ? 'MOBILE' : pr).length > 0).map(([r]) => r));
    const quiet = new Set(CASES.filter(([r, p, pr]) => findingsOf(r, headendRunAll(p), pr === undefined ? 'MOBILE' : pr).length === 0).map(([r]) => r));
    const rules = [...new Set(CASES.map(([r]) => r))];
    expect(rules).toHaveLength(15);
    expect(rules.filter((r) => !fired.has(r))).toEqual([]);
    expect(rules.filter((r) => !quiet.has(r))).toEqual([]);
  });
});
