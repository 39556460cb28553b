// Builds small, realistic headends for rule tests and runs one rule over them.
import { readFileSync } from 'node:fs';
import { runRules } from '../../src/engine/engine.js';
import type { Finding } from '../../src/engine/types.js';
import { RULES } from '../../rules/index.js';
import { analyseOne, analyseText, wrapConfig } from '../helpers.js';

export interface HeadendParts {
  version?: string;
  /** Lines under `group-policy DfltGrpPolicy attributes` (1-space indented already). */
  dflt?: string;
  /** Lines under `group-policy GP attributes`. */
  policy?: string;
  /** Lines under GP's ` webvpn` sub-mode (2-space indented already). */
  webvpn?: string;
  /** Extra global lines (column 0) before the policies. */
  global?: string;
  /** Lines under `tunnel-group MOBILE webvpn-attributes`. */
  tgWebvpn?: string;
  tunnelGroupName?: string;
  protocols?: string;
  /** Omit GP: the profile uses DfltGrpPolicy. */
  noPolicy?: boolean;
}

export function headend(p: HeadendParts = {}): string {
  const tg = p.tunnelGroupName ?? 'MOBILE';
  const parts = [
    'webvpn',
    ' enable outside',
    ' anyconnect enable',
    'crypto ikev2 enable outside client-services port 443',
    p.global ?? '',
    'group-policy DfltGrpPolicy attributes',
    ' dns-server value 10.0.0.53',
    p.dflt ?? '',
  ];
  if (!p.noPolicy) {
    parts.push('group-policy GP internal', 'group-policy GP attributes', ` vpn-tunnel-protocol ${p.protocols ?? 'ssl-client ikev2'}`, p.policy ?? '');
    if (p.webvpn) parts.push(' webvpn', p.webvpn);
  }
  parts.push(`tunnel-group ${tg} type remote-access`, `tunnel-group ${tg} general-attributes`, p.noPolicy ? ' address-pool POOL' : ' default-group-policy GP');
  if (p.tgWebvpn) parts.push(`tunnel-group ${tg} webvpn-attributes`, p.tgWebvpn);
  return wrapConfig(parts.filter((l) => l !== '').join('\n'), p.version ?? '9.16(4)');
}

export function ruleById(id: string) {
  const rule = RULES.find((r) => r.meta.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

/** Findings of one rule for one profile (MOBILE unless told), or device-wide ones with profile null. */
export function findingsOf(id: string, config: string, profile: string | null = 'MOBILE'): Finding[] {
  const t = analyseText(config);
  return runRules(t.resolved, [ruleById(id)]).findings.filter((f) => f.tunnelGroup === profile);
}

export function fixtureFindings(id: string, rel: string): Finding[] {
  return runRules(analyseOne(rel).resolved, [ruleById(id)]).findings;
}

// DfltGrpPolicy as `show running-config all` prints it on 9.16 (from fixtures/synthetic/run-all-916.cfg),
// with the kit's own DfltGrpPolicy values (dns-server, no split-dns).
const RUN_ALL_DFLT = readFileSync(new URL('../../fixtures/synthetic/run-all-916.cfg', import.meta.url), 'utf8')
  .split('\n')
  .reduce<{ on: boolean; done: boolean; lines: string[] }>(
    (acc, l) => {
      if (acc.done) return acc;
      if (l.startsWith('group-policy DfltGrpPolicy attributes')) return { ...acc, on: true };
      if (acc.on && !l.startsWith(' ')) return { ...acc, done: true };
      if (acc.on) acc.lines.push(l.trimEnd());
      return acc;
    },
    { on: false, done: false, lines: [] },
  )
  .lines.map((l) => (l.startsWith(' dns-server ') ? ' dns-server value 10.0.0.53' : l.startsWith(' split-dns ') ? ' split-dns none' : l));

/** The words that name an attribute (its value follows): `anyconnect dpd-interval gateway`, `split-dns`. */
function attributeKey(line: string): string {
  const w = line.trim().split(/\s+/);
  if (w[0] === 'anyconnect') return w.slice(0, 3).join(' ');
  if (w[0] === 'anyconnect-custom' || w[1] === 'alert-interval') return w.slice(0, 2).join(' ');
  return w[0]!;
}

/**
 * The same headend as `show running-config all` prints it: DfltGrpPolicy in full (the part's own
 * DfltGrpPolicy lines replace the printed defaults they set) and NAT-T printed with its default.
 */
export function headendRunAll(p: HeadendParts = {}): string {
  const overrides = (p.dflt ?? '').split('\n').filter((l) => l.trim() !== '' && l.trim() !== 'webvpn');
  const dflt = [...RUN_ALL_DFLT];
  for (const o of overrides) {
    const inWebvpn = o.startsWith('  ');
    const webvpnAt = dflt.indexOf(' webvpn');
    const at = dflt.findIndex((l, i) => (inWebvpn ? i > webvpnAt : i < webvpnAt) && l.startsWith(inWebvpn ? '  ' : ' ') && attributeKey(l) === attributeKey(o));
    if (at >= 0) dflt[at] = o;
    else if (inWebvpn) dflt.push(o);
    else dflt.splice(webvpnAt, 0, o);
  }
  const natt = /nat-traversal/.test(p.global ?? '') ? '' : 'crypto isakmp nat-traversal 20';
  const plain = headend({ ...p, dflt: '' });
  return plain
    .replace('group-policy DfltGrpPolicy attributes\n dns-server value 10.0.0.53\n', `group-policy DfltGrpPolicy internal\n${dflt.join('\n')}\n`.replace(/^/, ''))
    .replace('crypto ikev2 enable outside', `${natt ? `${natt}\n` : ''}crypto ikev2 enable outside`)
    .replace(/group-policy DfltGrpPolicy internal\n/, 'group-policy DfltGrpPolicy internal\ngroup-policy DfltGrpPolicy attributes\n');
}
