// Builds small, realistic headends for rule tests and runs one rule over them.
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
  const rule = RULES.find((r) => r.id === id);
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
