import { describe, expect, it } from 'vitest';
import { findingsOf, fixtureFindings, headend } from './kit.js';

const DECLARED = 'webvpn\n anyconnect-custom-attr perapp description Per-app';
const DATA = 'anyconnect-custom-data perapp PA eJyVkMFqwzAMhl';

describe('perapp-attr-not-declared', () => {
  const id = 'perapp-attr-not-declared';
  it('fires when a policy uses perapp without the webvpn declaration', () => {
    const [f] = findingsOf(id, headend({ global: DATA, policy: ' anyconnect-custom perapp value PA' }));
    expect(f).toMatchObject({ severity: 'error', line: 16, fix: 'webvpn\n anyconnect-custom-attr perapp description Per-app VPN policy' });
  });
  it('does not fire when declared, or when the value is inherited but declared', () => {
    expect(findingsOf(id, headend({ global: `${DECLARED}\n${DATA}`, policy: ' anyconnect-custom perapp value PA' }))).toEqual([]);
    expect(findingsOf(id, headend({ global: DATA, policy: ' anyconnect-custom perapp none', dflt: ' anyconnect-custom perapp value PA' }))).toEqual([]);
  });
  it('fires for a perapp value inherited from DfltGrpPolicy', () => {
    expect(findingsOf(id, headend({ global: DATA, dflt: ' anyconnect-custom perapp value PA' }))[0]).toMatchObject({ line: 13 });
  });
  it('is quiet on the demo headend, which declares it', () => {
    expect(fixtureFindings(id, 'demo/demo-headend.cfg')).toEqual([]);
  });
});

describe('perapp-data-missing', () => {
  const id = 'perapp-data-missing';
  it('fires when the named data is not defined, and not when it is', () => {
    const [f] = findingsOf(id, headend({ global: DECLARED, policy: ' anyconnect-custom perapp value PA' }));
    expect(f).toMatchObject({ line: 17, fix: 'anyconnect-custom-data perapp PA BASE64-POLICY-FROM-APPLICATION-SELECTOR' });
    expect(findingsOf(id, headend({ global: `${DECLARED}\n${DATA}`, policy: ' anyconnect-custom perapp value PA' }))).toEqual([]);
    // data for another name does not count
    expect(findingsOf(id, headend({ global: `${DECLARED}\nanyconnect-custom-data perapp OTHER abc`, policy: ' anyconnect-custom perapp value PA' }))).toHaveLength(1);
  });
  it('is quiet on the demo headend, whose data spans two lines', () => {
    expect(fixtureFindings(id, 'demo/demo-headend.cfg')).toEqual([]);
  });
});

describe('perapp-asa-version', () => {
  const id = 'perapp-asa-version';
  const cfg = (version: string) => headend({ version, global: `${DECLARED}\n${DATA}`, policy: ' anyconnect-custom perapp value PA' });
  it('fires before 9.3(1), including interim builds of 9.2', () => {
    expect(findingsOf(id, cfg('9.2(4)33'))).toEqual([expect.objectContaining({ severity: 'error', line: 18, fix: null })]);
    expect(findingsOf(id, cfg('9.3(1)'))).toEqual([]);
    expect(findingsOf(id, cfg('9.16(4)'))).toEqual([]);
  });
  it('does not fire without per-app VPN', () => {
    expect(findingsOf(id, headend({ version: '9.1(1)' }))).toEqual([]);
    expect(fixtureFindings(id, 'corpus/wosm-asa91-sslvpn-only.cfg')).toEqual([]);
  });
});
