// Rules beyond the table that the guide supports.
import { describe, expect, it } from 'vitest';
import { findingsOf, fixtureFindings, headend } from './kit.js';

describe('idle-timeout-short', () => {
  const id = 'idle-timeout-short';
  it('reports an AAA profile under 24 h, set, inherited or by default', () => {
    expect(findingsOf(id, headend({ policy: ' vpn-idle-timeout 60' }))).toEqual([expect.objectContaining({ severity: 'info', line: 15, fix: 'group-policy GP attributes\n vpn-idle-timeout 1440' })]);
    expect(findingsOf(id, headend({ dflt: ' vpn-idle-timeout 120' }))[0]).toMatchObject({ line: 12 });
    expect(findingsOf(id, headend())[0]).toMatchObject({ lineRole: 'should-set', line: 13 });
    expect(findingsOf(id, headend({ policy: ' vpn-idle-timeout none' }))[0]!.message).toMatch(/falls back to webvpn `default-idle-timeout`/);
  });
  it('is quiet for 1440+ minutes and for certificate-only profiles', () => {
    expect(findingsOf(id, headend({ policy: ' vpn-idle-timeout 1440' }))).toEqual([]);
    expect(findingsOf(id, headend({ policy: ' vpn-idle-timeout 60', tgWebvpn: ' authentication certificate' }))).toEqual([]);
    expect(fixtureFindings(id, 'demo/demo-headend.cfg').map((f) => f.tunnelGroup)).not.toContain('MOBILE-DOMAIN'); // certificate
  });
  it('reads the real ciscoconfparse policy with vpn-idle-timeout none (not mobile-facing there)', () => {
    expect(fixtureFindings(id, 'corpus/ciscoconfparse-sample01-asa90.cfg')).toEqual([]);
  });
});

describe('ssl-trustpoint-missing', () => {
  const id = 'ssl-trustpoint-missing';
  it('fires per webvpn interface without a trust-point', () => {
    expect(findingsOf(id, headend(), null)).toEqual([expect.objectContaining({ line: 7, fix: 'ssl trust-point TRUSTPOINT-WITH-PUBLIC-CERT outside' })]);
  });
  it('is quiet with an interface or global trust-point, and on the demo headend', () => {
    expect(findingsOf(id, headend({ global: 'ssl trust-point TP outside' }), null)).toEqual([]);
    expect(findingsOf(id, headend({ global: 'ssl trust-point TP' }), null)).toEqual([]);
    expect(fixtureFindings(id, 'demo/demo-headend.cfg')).toEqual([]);
  });
  it('is quiet on the real SSL-only lab config, which names a trust-point for outside (line 134)', () => {
    // The trustpoint is self-signed there, which the config alone cannot show.
    expect(fixtureFindings(id, 'corpus/wosm-asa91-sslvpn-only.cfg')).toEqual([]);
    expect(fixtureFindings(id, 'synthetic/plain-916.cfg')).toEqual([expect.objectContaining({ line: 20 })]);
  });
});

describe('dhe-ciphers-old-asa', () => {
  const id = 'dhe-ciphers-old-asa';
  const enc = 'ssl encryption dhe-aes256-sha1 dhe-aes128-sha1 aes256-sha1 aes128-sha1';
  it('fires before 9.2(1) and drops the DHE ciphers in the fix', () => {
    expect(findingsOf(id, headend({ version: '9.1(7)', global: enc }), null)).toEqual([expect.objectContaining({ line: 10, fix: 'ssl encryption aes256-sha1 aes128-sha1' })]);
  });
  it('is quiet from 9.2(1), and without DHE', () => {
    expect(findingsOf(id, headend({ version: '9.2(1)', global: enc }), null)).toEqual([]);
    expect(findingsOf(id, headend({ version: '9.1(7)', global: 'ssl encryption aes256-sha1' }), null)).toEqual([]);
  });
});

describe('perapp-type-misspelled', () => {
  const id = 'perapp-type-misspelled';
  it('fires on PerApp / per-app declarations and uses', () => {
    const f = findingsOf(id, headend({ global: 'webvpn\n anyconnect-custom-attr per-app description Apps', policy: ' anyconnect-custom PerApp value PA' }), null);
    expect(f.map((x) => x.line)).toEqual([11, 17]);
    expect(f[0]!.fix).toBe('webvpn\n no anyconnect-custom-attr per-app\n anyconnect-custom-attr perapp description Apps');
  });
  it('is quiet for perapp and unrelated types', () => {
    expect(findingsOf(id, headend({ global: 'webvpn\n anyconnect-custom-attr perapp\n anyconnect-custom-attr dynamic-split-exclude-domains' }), null)).toEqual([]);
    expect(fixtureFindings(id, 'demo/demo-headend.cfg')).toEqual([]);
  });
});
