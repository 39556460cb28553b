// Plans on generated headends whose VALUES vary (the mutated-config fuzz moves lines; this one keeps
// every line where an ASA prints it and varies what it says): split-tunnel policies and lists,
// split-dns entries valid or not, default domains, DNS servers, per-app types spelt right or wrong,
// profile names that reduce to the same safe name, policies shared or on DfltGrpPolicy itself. Every
// such configuration is one an ASA could hold, so the plan must keep its proof in both scopes: its
// script applies, it introduces nothing, and no fixable finding is left "still present" unexplained.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planDevice } from '../../src/change/plan.js';
import { snapshotParsed } from '../../src/change/snapshot.js';
import { parseConfigText } from '../../src/parse/parse.js';
import { OPTIONS } from './change-kit.js';

const DOMAINS = ['corp.example.com', 'lab.example.com', 'example.com', 'corp..example.com', '10.0.0.53', 'host.123', 'intra.local'];
const split = fc.constantFrom('tunnelall', 'tunnelspecified', 'excludespecified', null);
const splitDns = fc.oneof(fc.constant(null), fc.constant('none'), fc.uniqueArray(fc.constantFrom(...DOMAINS), { minLength: 1, maxLength: 3 }));
const defaultDomain = fc.constantFrom(null, 'none', 'corp.example.com', 'example.com', 'host.123', 'corp..example.com');
const dnsServer = fc.constantFrom(null, 'none', '10.0.0.53', '10.9.0.53', '10.0.0.53 10.9.0.53');
const perapp = fc.constantFrom(null, 'perapp', 'per-app', 'PerApp');

const layer = fc.record({
  split,
  list: fc.constantFrom(null, 'ST-A', 'ST-B'),
  splitDns,
  defaultDomain,
  dnsServer,
  idle: fc.constantFrom(null, '30', '1440'),
  perapp,
  allDns: fc.constantFrom(null, 'enable'),
});

const headend = fc.record({
  dflt: layer,
  policies: fc.array(layer, { minLength: 1, maxLength: 3 }),
  // Each profile: a name (some reduce to the same safe name), its policy (an index, or DfltGrpPolicy), how it authenticates.
  profiles: fc.uniqueArray(
    fc.record({
      name: fc.constantFrom('MOBILE', 'Mobile', 'A+B', 'A-B', 'Lab&Partners', 'SALES'),
      policy: fc.nat({ max: 3 }),
      certificate: fc.boolean(),
      alias: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4, selector: (p) => p.name },
  ),
  types: fc.uniqueArray(fc.constantFrom('perapp', 'per-app', 'PerApp'), { maxLength: 2 }),
  scope: fc.constantFrom<'narrow' | 'shared'>('narrow', 'shared'),
});

type Layer = typeof layer extends fc.Arbitrary<infer T> ? T : never;

function layerLines(l: Layer, types: readonly string[]): string[] {
  const out: string[] = [];
  if (l.split) out.push(` split-tunnel-policy ${l.split}`);
  if (l.allDns) out.push(` split-tunnel-all-dns ${l.allDns}`);
  if (l.list) out.push(` split-tunnel-network-list value ${l.list}`);
  if (l.splitDns) out.push(` split-dns ${l.splitDns === 'none' ? 'none' : `value ${l.splitDns.join(' ')}`}`);
  if (l.defaultDomain) out.push(` default-domain ${l.defaultDomain === 'none' ? 'none' : `value ${l.defaultDomain}`}`);
  if (l.dnsServer) out.push(` dns-server ${l.dnsServer === 'none' ? 'none' : `value ${l.dnsServer}`}`);
  if (l.idle) out.push(` vpn-idle-timeout ${l.idle}`);
  if (l.perapp && types.includes(l.perapp)) out.push(` anyconnect-custom ${l.perapp} value PA-1`);
  return out;
}

type Headend = typeof headend extends fc.Arbitrary<infer T> ? T : never;

function config({ dflt, policies, profiles, types }: Headend): string {
  const lines = [
    ': Saved',
    ':',
    'ASA Version 9.16(4)',
    'hostname vpn-fuzz',
    'interface GigabitEthernet0/0',
    ' nameif outside',
    ' security-level 0',
    ' ip address 198.51.100.1 255.255.255.0',
    'access-list ST-A standard permit 10.0.0.0 255.255.0.0',
    'access-list ST-B standard permit host 10.9.0.53',
    'crypto isakmp nat-traversal 3600',
    'crypto ca trustpoint TP',
    ' enrollment terminal',
    'ssl trust-point TP outside',
    'webvpn',
    ' enable outside',
    ' anyconnect enable',
    ' tunnel-group-list enable',
    ...types.map((t) => ` anyconnect-custom-attr ${t}`),
    ...types.map((t) => `anyconnect-custom-data ${t} PA-1 eJyzCUgtciwoCAvws7MJ`),
    'group-policy DfltGrpPolicy attributes',
    ' vpn-tunnel-protocol ssl-client',
    ...layerLines(dflt, types),
    ' webvpn',
    '  anyconnect ssl keepalive none',
    '  anyconnect dpd-interval gateway none',
  ];
  policies.forEach((p, i) => lines.push(`group-policy GP-${i} internal`, `group-policy GP-${i} attributes`, ...layerLines(p, types)));
  for (const p of profiles) {
    const policy = p.policy < policies.length ? `GP-${p.policy}` : 'DfltGrpPolicy';
    lines.push(
      `tunnel-group ${p.name} type remote-access`,
      `tunnel-group ${p.name} general-attributes`,
      ` default-group-policy ${policy}`,
      `tunnel-group ${p.name} webvpn-attributes`,
      ` authentication ${p.certificate ? 'certificate' : 'aaa'}`,
      ...(p.alias ? [` group-alias ${p.name}-phones enable`] : []),
    );
  }
  lines.push('Cryptochecksum:00000000000000000000000000000000', ': end');
  return `${lines.join('\n')}\n`;
}

describe('plan on headends with varied values', () => {
  it('keeps its proof in both scopes: applies, introduces nothing, leaves no fixable finding unexplained', () => {
    fc.assert(
      fc.property(headend, (h) => {
        const text = config(h);
        for (const before of snapshotParsed(parseConfigText(text, 'fuzz.cfg'), OPTIONS)) {
          const plan = planDevice(before, OPTIONS, { scope: h.scope });
          expect(plan.problems, text).toEqual([]);
          expect(plan.introduced, text).toEqual([]);
          if (h.scope === 'narrow') expect(plan.collateral, text).toEqual([]);
          for (const r of plan.remains) expect(r.why, text).not.toBe('still present after the plan');
        }
      }),
      // A fixed seed keeps CI repeatable; FUZZ_SEED and FUZZ_RUNS explore further.
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150), seed: Number(process.env.FUZZ_SEED ?? 20261130) },
    );
  });
});
