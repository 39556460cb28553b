// The rule tester itself: it must fail on every kind of wrong expectation, or the rule tests prove nothing.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { ROOT } from '../helpers.js';
import { CASES } from './cases/index.js';
import { mobile } from './cases/_kit.js';
import { assertFindings, completeConfig, lineOf, ruleById, type ExpectedFinding } from './rule-tester.js';

const rule = ruleById('ssl-keepalive-enabled');
const config = mobile({ webvpn: ['anyconnect ssl keepalive 20'] });
const right: ExpectedFinding = {
  profile: 'MOBILE',
  at: 'anyconnect ssl keepalive 20',
  severity: 'warning',
  messageId: 'keepaliveOn',
  data: { seconds: 20 },
  fix: 'group-policy GP attributes\n webvpn\n  anyconnect ssl keepalive none',
};

describe('rule tester', () => {
  it('passes on the right, complete list', () => {
    expect(() => {
      assertFindings(rule, { config }, [right]);
    }).not.toThrow();
  });
  it.each([
    ['a missing finding', []],
    ['an extra finding', [right, { ...right, profile: 'OTHER' }]],
    ['the wrong line', [{ ...right, at: ' vpn-tunnel-protocol ssl-client ikev2' }]],
    ['the wrong line role', [{ ...right, lineRole: 'should-set' as const }]],
    ['the wrong severity', [{ ...right, severity: 'error' as const }]],
    ['the wrong messageId', [{ ...right, messageId: 'other' }]],
    ['the wrong data', [{ ...right, data: { seconds: 30 } }]],
    ['the wrong fix', [{ ...right, fix: null }]],
    ['the wrong object', [{ ...right, object: 'group-alias X' }]],
  ])('fails on %s', (_, expected) => {
    expect(() => {
      assertFindings(rule, { config }, expected);
    }).toThrow();
  });
  it('refuses a line text that matches several lines', () => {
    const text = completeConfig(mobile({ webvpn: ['anyconnect ssl keepalive 20'], dfltWebvpn: ['anyconnect ssl keepalive 20'] }));
    expect(() => lineOf(text, 'anyconnect ssl keepalive 20')).toThrow(/matches 2 lines/);
    expect(() => lineOf(text, 'no such line')).toThrow(/matches 0 lines/);
  });
  it('completes a fragment into a complete, auditable configuration of the release it names', () => {
    const text = completeConfig('ASA Version 8.2(5)\ntunnel-group T type remote-access');
    expect(text).toMatch(/^: Saved\n:\nASA Version 8\.2\(5\) \n/);
    expect(text).toContain(' svc enable');
    expect(text).not.toContain('crypto ikev2');
    expect(text.trimEnd().endsWith(': end')).toBe(true);
  });
});

describe('rule cases', () => {
  it('never print a placeholder in a fix: what needs the user goes to needsInput', () => {
    for (const [id, tests] of Object.entries(CASES)) {
      for (const c of tests.invalid) {
        if (c.config === undefined) continue;
        const text = completeConfig(c.config);
        for (const f of c.findings) {
          // An all-caps hyphenated word the configuration does not contain is a placeholder (DNS-SERVER-IP).
          const invented = (f.fix ?? '').match(/(?<=^|\s)[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+(?=\s|$)/gm)?.filter((w) => !text.includes(w)) ?? [];
          expect(invented, `${id}: ${c.name ?? ''}`).toEqual([]);
        }
      }
    }
  });
  it('exist for every rule, each with its own test file', () => {
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
    for (const id of Object.keys(CASES)) expect(existsSync(`${ROOT}test/rules/${id}.test.ts`), id).toBe(true);
  });
});
