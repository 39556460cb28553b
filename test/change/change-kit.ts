// Helpers for the change-simulation tests: comparable views of a device snapshot, and a generator of
// small headends (profiles on their own, shared or the default policy; aliases and names with the
// characters mobile clients dislike; NAT-T, DPD, keepalive and DNS settings at every layer).
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import type { DeviceSnapshot } from '../../src/change/snapshot.js';
import { emptyLike, modelledLines as ownLines } from '../../src/change/replay.js';
import { mergeCommands } from '../../src/model/merge.js';
import type { ParsedConfig } from '../../src/parse/parse.js';
import { RULES } from '../../rules/index.js';
import { fixture } from '../helpers.js';

export const OPTIONS = { rules: RULES };

/** Every configuration the tests ship: corpus, demo, synthetic, repository copies, plan cases. */
export const CONFIG_FIXTURES = ['corpus', 'demo', 'synthetic', 'plan', 'repo/oxidized', 'repo/rancid/vpn/configs'].flatMap((dir) =>
  readdirSync(fixture(dir))
    .filter((f) => !f.startsWith('.') && !/\.(md|txt|db)$/.test(f))
    .map((f) => `${dir}/${f}`),
);

/** Every effective setting of every profile and of the device, by name (values only: lines move). */
export function settingValues(s: DeviceSnapshot): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [name, p] of [...s.profiles].sort(([a], [b]) => (a < b ? -1 : 1)))
    out[name] = { ...Object.fromEntries([...p.settings].map(([k, v]) => [k, v.value])), iosDns: JSON.stringify(p.iosDns) };
  out['(device)'] = Object.fromEntries([...s.device].map(([k, v]) => [k, v.value]));
  return out;
}

/** Findings by identity (rule, severity, profile, object): messages quote line numbers, which move. */
export function findingIds(s: DeviceSnapshot): string[] {
  return s.target.findings.map((f) => JSON.stringify([f.ruleId, f.severity, f.tunnelGroup, f.object])).sort();
}

/** Applies a script to one section of a parsed config. */
export function apply(parsed: ParsedConfig, sectionIndex: number, script: string): ReturnType<typeof mergeCommands> {
  return mergeCommands(parsed, parsed.sections[sectionIndex]!, script);
}

/** A config's own lines (the top-level blocks the model reads), as one script. */
export function modelledLines(parsed: ParsedConfig, sectionIndex: number): string {
  return ownLines(parsed, sectionIndex)
    .map((l) => l.text)
    .join('\n');
}

export { emptyLike };

// ---- generated headends -------------------------------------------------------------------------

const ATTRIBUTES = [
  'vpn-idle-timeout 30',
  'vpn-idle-timeout 1440',
  'split-tunnel-policy tunnelspecified',
  'split-tunnel-policy excludespecified',
  'split-tunnel-network-list value ST',
  'split-dns value corp.example.com',
  'split-dns value legacy.example.net',
  'split-dns none',
  'default-domain value corp.example.com',
  'default-domain value lab.example.com',
  'dns-server value 10.0.0.53',
  'dns-server none',
  'split-tunnel-all-dns enable',
];
const WEBVPN = [
  'anyconnect ssl keepalive 20',
  'anyconnect ssl keepalive none',
  'anyconnect dpd-interval gateway 30',
  'anyconnect dpd-interval gateway none',
  'anyconnect dpd-interval client none',
  'anyconnect dpd-interval client 30',
  'homepage value https://intranet.example.com',
];
const NAMES = ['PHONES', 'TABLETS', 'Lab&Partners', 'R&D', 'Field Team', 'Lab-Partners'];
const ALIASES = ['Phones', 'Phones&Tablets', 'Phones-Tablets', 'R&D Phones', 'Mobile Split', 'Lab-Partners', 'Lab-Partners-2'];

const lines = (pool: string[]): fc.Arbitrary<string[]> =>
  fc.uniqueArray(fc.constantFrom(...pool), { maxLength: 4, selector: (l) => l.split(' ')[0]! + l.split(' ')[1]! });
const policy = fc.record({ protocols: fc.constantFrom('ikev2 ssl-client', 'ssl-client', 'ikev1'), attributes: lines(ATTRIBUTES), webvpn: lines(WEBVPN) });
const profileArb = fc.record({
  policy: fc.constantFrom<'own' | 'shared' | 'default'>('own', 'shared', 'default'),
  own: policy,
  aliases: fc.uniqueArray(fc.constantFrom(...ALIASES), { maxLength: 2 }),
  url: fc.boolean(),
});

export const headend = fc.record({
  natt: fc.constantFrom('', 'crypto isakmp nat-traversal 20', 'crypto isakmp nat-traversal 3600', 'no crypto isakmp nat-traversal'),
  dflt: fc.record({ attributes: lines(ATTRIBUTES), webvpn: lines(WEBVPN) }),
  shared: policy,
  profiles: fc.uniqueArray(fc.tuple(fc.constantFrom(...NAMES), profileArb), { minLength: 1, maxLength: 4, selector: ([n]) => n }),
});

export type Headend = typeof headend extends fc.Arbitrary<infer T> ? T : never;

const q = (name: string): string => (/\s/.test(name) ? `"${name}"` : name);

export function headendConfig(h: Headend): string {
  const out = [
    ': Saved',
    ':',
    'ASA Version 9.16(4) ',
    '!',
    'hostname gen-asa',
    'domain-name corp.example.com',
    'access-list ST standard permit 10.0.0.0 255.0.0.0',
    ...(h.natt ? [h.natt] : []),
    'crypto ikev2 enable outside client-services port 443',
    'webvpn',
    ' enable outside',
    ' anyconnect enable',
    ' tunnel-group-list enable',
    'group-policy DfltGrpPolicy attributes',
    ...h.dflt.attributes.map((l) => ` ${l}`),
    ...(h.dflt.webvpn.length > 0 ? [' webvpn', ...h.dflt.webvpn.map((l) => `  ${l}`)] : []),
  ];
  const policyLines = (name: string, p: Headend['shared']): string[] => [
    `group-policy ${name} internal`,
    `group-policy ${name} attributes`,
    ` vpn-tunnel-protocol ${p.protocols}`,
    ...p.attributes.map((l) => ` ${l}`),
    ...(p.webvpn.length > 0 ? [' webvpn', ...p.webvpn.map((l) => `  ${l}`)] : []),
  ];
  out.push(...policyLines('GP-SHARED', h.shared));
  h.profiles.forEach(([, p], i) => {
    if (p.policy === 'own') out.push(...policyLines(`GP-${i}`, p.own));
  });
  const usedAliases = new Set<string>();
  h.profiles.forEach(([name, p], i) => {
    out.push(`tunnel-group ${q(name)} type remote-access`, `tunnel-group ${q(name)} general-attributes`, ' address-pool POOL');
    if (p.policy !== 'default') out.push(` default-group-policy ${p.policy === 'own' ? `GP-${i}` : 'GP-SHARED'}`);
    // An alias names one profile on a device.
    const aliases = p.aliases.filter((a) => !usedAliases.has(a));
    for (const a of aliases) usedAliases.add(a);
    const webvpn = [...aliases.map((a) => ` group-alias ${q(a)} enable`), ...(p.url ? [` group-url https://vpn.example.com/p${i} enable`] : [])];
    if (webvpn.length > 0) out.push(`tunnel-group ${q(name)} webvpn-attributes`, ...webvpn);
  });
  out.push('!', 'Cryptochecksum:00000000000000000000000000000000', ': end', '');
  return out.join('\n');
}
