// Over generated headends (one mobile profile; split-dns, default-domain, dns-server, split policy and
// all-dns set, `none`, or unset in its policy and in DfltGrpPolicy): the explanation follows the
// reference's decision table, and the audit reports exactly the DNS findings the explanation implies.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/engine/engine.js';
import { RULES } from '../../rules/index.js';
import { explainDevice, iosDnsSummary } from '../../src/explain/ios-dns.js';
import { analyseText } from '../helpers.js';
import { completeConfig } from '../rules/rule-tester.js';
import { DNS_RULES, expectedDnsFindings } from './dns-oracle.js';
import type { ExplainJsonProfile } from '../../src/report/explain-json.js';

type Layer<T> = { kind: 'unset' } | { kind: 'none' } | { kind: 'value'; value: T };

const layer = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<Layer<T>> =>
  fc.oneof(
    fc.constant({ kind: 'unset' as const }),
    fc.constant({ kind: 'none' as const }),
    value.map((v) => ({ kind: 'value' as const, value: v })),
  );
const domains = fc.uniqueArray(fc.constantFrom('corp.example.com', 'example.com', 'lab.example.com', 'old.example.net', '10.0.0.53'), {
  minLength: 1,
  maxLength: 3,
});
const domain = fc.constantFrom('corp.example.com', 'lab.example.com', 'example.net');
const servers = fc.uniqueArray(fc.constantFrom('10.0.0.53', '10.1.0.53', '192.0.2.53'), { minLength: 1, maxLength: 2 });
const policyLayer = fc.record({
  // split-tunnel-policy has no `none` form.
  split: fc.oneof(
    fc.constant({ kind: 'unset' as const }),
    fc.constantFrom('tunnelall', 'tunnelspecified', 'excludespecified').map((v) => ({ kind: 'value' as const, value: v })),
  ),
  allDns: fc.constantFrom<'unset' | 'enable' | 'disable'>('unset', 'enable', 'disable'),
  splitDns: layer(domains),
  defaultDomain: layer(domain),
  dnsServer: layer(servers),
  list: fc.boolean(),
});
type PolicyLayer = typeof policyLayer extends fc.Arbitrary<infer T> ? T : never;

function lines(p: PolicyLayer): string[] {
  const out: string[] = [];
  if (p.split.kind === 'value') out.push(`split-tunnel-policy ${p.split.value}`);
  if (p.allDns !== 'unset') out.push(`split-tunnel-all-dns ${p.allDns}`);
  if (p.list) out.push('split-tunnel-network-list value ST-CORP');
  for (const [kw, l] of [
    ['split-dns', p.splitDns],
    ['default-domain', p.defaultDomain],
    ['dns-server', p.dnsServer],
  ] as const) {
    if (l.kind === 'none') out.push(`${kw} none`);
    if (l.kind === 'value') out.push(`${kw} value ${Array.isArray(l.value) ? l.value.join(' ') : l.value}`);
  }
  return out.map((l) => ` ${l}`);
}

/** The effective value, resolved by hand: the policy, then DfltGrpPolicy, then the built-in default. */
function effective<T>(own: Layer<T> | { kind: 'unset' }, dflt: Layer<T> | { kind: 'unset' }): T | null {
  const l = own.kind !== 'unset' ? own : dflt;
  return l.kind === 'value' ? l.value : null;
}

/** The reference's decision table (section 5.3), written out again for the test. */
function referenceRow(split: string, allDns: boolean, splitDns: string[] | null, defaultDomain: string | null): string {
  if (split === 'tunnelall') return 'D1';
  if (split === 'excludespecified') return allDns ? 'D7' : 'D6';
  if (allDns) return 'D2';
  if (splitDns) return 'D3';
  return defaultDomain ? 'D4' : 'D5';
}

describe('iOS DNS: explanation and audit over generated headends', () => {
  it('follow the decision table and one truth', () => {
    fc.assert(
      fc.property(policyLayer, policyLayer, (own, dflt) => {
        const config = completeConfig(
          [
            'access-list ST-CORP standard permit 10.0.0.0 255.255.0.0',
            'group-policy DfltGrpPolicy attributes',
            ...lines(dflt),
            'group-policy GP internal',
            'group-policy GP attributes',
            ' vpn-tunnel-protocol ssl-client',
            ...lines(own),
            'tunnel-group MOBILE type remote-access',
            'tunnel-group MOBILE general-attributes',
            ' default-group-policy GP',
            'tunnel-group MOBILE webvpn-attributes',
            ' group-url https://vpn.example.com/mobile enable',
          ].join('\n'),
        );
        const t = analyseText(config);
        const explanation = explainDevice(t.resolved).find((e) => e.profile.name === 'MOBILE')!;
        const allDnsOwn = own.allDns !== 'unset' ? own.allDns : dflt.allDns;
        const split = effective(own.split, dflt.split) ?? 'tunnelall';
        const row = referenceRow(split, allDnsOwn === 'enable', effective(own.splitDns, dflt.splitDns), effective(own.defaultDomain, dflt.defaultDomain));
        expect(explanation.row).toBe(row);

        const findings = runRules(t.resolved, RULES, { profiles: ['MOBILE'] })
          .findings.filter((f) => f.tunnelGroup === 'MOBILE' && (DNS_RULES as readonly string[]).includes(f.ruleId))
          .map((f) => `${f.ruleId}/${f.severity}`)
          .sort();
        const asJson = {
          iosDns: iosDnsSummary(explanation),
          problems: explanation.problems,
          because: explanation.because,
        } as unknown as ExplainJsonProfile;
        expect(findings).toEqual(expectedDnsFindings(asJson));
        // The problems the reference names as such always have their finding (section 6.7).
        const dnsServers = effective(own.dnsServer, dflt.dnsServer);
        if (row === 'D5') expect(findings).toContain('ios-dns-all-clear/warning');
        if (row !== 'D5' && dnsServers === null) expect(findings).toContain('split-dns-without-dns-server/error');
      }),
      { numRuns: 400 },
    );
  });
});
