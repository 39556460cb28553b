// anyconnect-mobile-license: reads licence lines from backup comments (and, in the SSH tests, live show version).
import { describe, expect, it } from 'vitest';
import { licenseFactsFromShowVersion } from '../../src/model/licenses.js';
import { findingsOf, fixtureFindings, headend } from './kit.js';

const id = 'anyconnect-mobile-license';
const withShowVersion = (lines: string[]): string => ['! Cisco Adaptive Security Appliance Software Version 8.4(7)', ...lines, '!', headend({ version: '8.4(7)' })].join('\n');

describe('anyconnect-mobile-license', () => {
  it('warns when show version says AnyConnect for Mobile is Disabled, at that line', () => {
    const cfg = withShowVersion(['! AnyConnect Premium Peers          : 25             perpetual', '! AnyConnect for Mobile             : Disabled       perpetual']);
    expect(findingsOf(id, cfg, null)).toEqual([expect.objectContaining({ severity: 'warning', line: 3, object: 'AnyConnect for Mobile', fix: null })]);
  });
  it('lists the licence lines as info when mobile is not disabled (Oxidized fixture)', () => {
    const [f, ...rest] = fixtureFindings(id, 'synthetic/oxidized-single-912.cfg');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'info', line: 8 });
    expect(f!.message).toContain('AnyConnect for Mobile: Enabled perpetual');
  });
  it('is silent without show version facts (a plain running-config)', () => {
    expect(findingsOf(id, headend(), null)).toEqual([]);
    expect(fixtureFindings(id, 'demo/demo-headend.cfg')).toEqual([]);
  });
  it('reads licence lines of a live show version, ignoring the rest', () => {
    const facts = licenseFactsFromShowVersion('Cisco Adaptive Security Appliance Software Version 9.8(4)\r\nVPN-3DES-AES                      : Enabled        perpetual\r\nAnyConnect for Mobile             : Disabled       perpetual\r\nAnyConnect Essentials             : Enabled        perpetual\r\n');
    expect(facts.lines).toEqual([
      { feature: 'AnyConnect for Mobile', value: 'Disabled perpetual', line: null },
      { feature: 'AnyConnect Essentials', value: 'Enabled perpetual', line: null },
    ]);
  });
});
