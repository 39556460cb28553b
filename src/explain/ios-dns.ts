// The iOS DNS outcome of one resolved connection profile: the decision table of the reference
// (section 5.3), with the settings that decided it and where each came from.

import { match } from 'ts-pattern';
import type { Basis } from '../model/basis.js';
import { attributeSpec, formatAttributeValue, type PolicyAttributeKey, type SplitTunnelPolicy } from '../model/policy-attributes.js';
import { valueOf, type Effective, type ResolvedDevice, type ResolvedProfile, type ValueSource } from '../resolve/resolve.js';

export type IosDnsOutcome = 'all-tunneled' | 'split-dns-list' | 'default-domain-only' | 'all-clear' | 'undocumented';

/** Row of the decision table (reference section 5.3). */
export type DecisionRow = 'D1' | 'D2' | 'D3' | 'D4' | 'D5' | 'D6' | 'D7';

export interface BecauseEntry {
  setting: string;
  /** What follows the keyword on a config line: `none`, `value a.com b.com`, `tunnelspecified`, `disable`. */
  value: string;
  from: ValueSource;
  groupPolicy: string | null;
  line: number | null;
  /** For built-in defaults: the basis of the value. */
  basis?: Basis;
}

export interface IosDnsExplanation {
  profile: ResolvedProfile;
  splitTunnel: SplitTunnelPolicy;
  outcome: IosDnsOutcome;
  tunneledDomains: string[];
  row: DecisionRow;
  /** `guide` when the mobile guide states the outcome, `inferred` when we reasoned it. */
  basis: 'guide' | 'inferred';
  sentence: string;
  because: BecauseEntry[];
  /** Things an engineer should know about this outcome (no resolver, default domain not covered, ...). */
  warnings: string[];
  /** How desktop clients differ, when they do. */
  desktopNote: string;
  dnsServers: string[];
}

export function explainDevice(device: ResolvedDevice): IosDnsExplanation[] {
  const dapOverrides = device.model.global.dapRecords.some((r) => r.name !== 'DfltAccessPolicy');
  return device.profiles.map((p) => explainProfile(p, { dapOverrides }));
}

export function explainProfile(profile: ResolvedProfile, context: { dapOverrides?: boolean } = {}): IosDnsExplanation {
  const a = profile.attributes;
  const split = valueOf(a.splitTunnelPolicy) ?? 'tunnelall';
  const allDns = valueOf(a.splitTunnelAllDns) === true;
  const splitDns = valueOf(a.splitDns) ?? [];
  const defaultDomain = valueOf(a.defaultDomain);
  const dnsServers = valueOf(a.dnsServer) ?? [];

  const entry = (key: PolicyAttributeKey): BecauseEntry => {
    const e: Effective<unknown> = a[key];
    const b: BecauseEntry = {
      setting: attributeSpec(key).keyword,
      value: formatAttributeValue(key, valueOf(e)),
      from: e.from,
      groupPolicy: e.groupPolicy,
      line: e.line,
    };
    if (e.from === 'default') b.basis = e.basis;
    return b;
  };
  const decision = decide({ split, allDns, splitDns, defaultDomain });
  // The settings that decided the row, in the order an engineer reads them.
  const because: BecauseEntry[] = [entry('splitTunnelPolicy')];
  if (split !== 'tunnelall') because.push(entry('splitTunnelAllDns'));
  if (decision.row === 'D3' || decision.row === 'D4' || decision.row === 'D5') because.push(entry('splitDns'), entry('defaultDomain'));
  if (decision.row === 'D6' || decision.row === 'D7') because.push(entry('splitDns'));
  because.push(entry('dnsServer'));

  const { row, outcome, tunneledDomains } = decision;
  const basis = row === 'D3' || row === 'D4' || row === 'D5' ? 'guide' : 'inferred';
  const warnings = collectWarnings(profile, { row, outcome, splitDns, defaultDomain, dnsServers }, context);
  return {
    profile,
    splitTunnel: split,
    outcome,
    tunneledDomains,
    row,
    basis,
    sentence: sentenceFor(row, outcome, tunneledDomains),
    because,
    warnings,
    desktopNote: desktopNoteFor(row),
    dnsServers,
  };
}

interface Decision {
  row: DecisionRow;
  outcome: IosDnsOutcome;
  tunneledDomains: string[];
}

/** The decision table of the reference (section 5.3), rows D1–D7; every combination has exactly one row. */
export function decide(inputs: { split: SplitTunnelPolicy; allDns: boolean; splitDns: string[]; defaultDomain: string | null }): Decision {
  const { splitDns, defaultDomain } = inputs;
  return match({ split: inputs.split, allDns: inputs.allDns, hasSplitDns: splitDns.length > 0, hasDefaultDomain: defaultDomain !== null })
    .returnType<Decision>()
    .with({ split: 'tunnelall' }, () => ({ row: 'D1', outcome: 'all-tunneled', tunneledDomains: [] }))
    .with({ split: 'tunnelspecified', allDns: true }, () => ({ row: 'D2', outcome: 'all-tunneled', tunneledDomains: [] }))
    .with({ split: 'tunnelspecified', allDns: false, hasSplitDns: true }, () => ({ row: 'D3', outcome: 'split-dns-list', tunneledDomains: [...splitDns] }))
    .with({ split: 'tunnelspecified', allDns: false, hasSplitDns: false, hasDefaultDomain: true }, () => ({
      row: 'D4',
      outcome: 'default-domain-only',
      tunneledDomains: [defaultDomain!],
    }))
    .with({ split: 'tunnelspecified', allDns: false, hasSplitDns: false, hasDefaultDomain: false }, () => ({
      row: 'D5',
      outcome: 'all-clear',
      tunneledDomains: [],
    }))
    .with({ split: 'excludespecified', allDns: false }, () => ({ row: 'D6', outcome: 'undocumented', tunneledDomains: [] }))
    .with({ split: 'excludespecified', allDns: true }, () => ({ row: 'D7', outcome: 'undocumented', tunneledDomains: [] }))
    .exhaustive();
}

function listDomains(domains: string[]): string {
  if (domains.length <= 1) return domains.join('');
  return `${domains.slice(0, -1).join(', ')} and ${domains[domains.length - 1]}`;
}

function sentenceFor(row: DecisionRow, outcome: IosDnsOutcome, domains: string[]): string {
  switch (outcome) {
    case 'all-tunneled':
      return row === 'D1'
        ? 'All DNS queries go through the tunnel (tunnel-all: the tunnel is the default route).'
        : 'All DNS queries go through the tunnel (split-tunnel-all-dns enable; inferred, the mobile guide is silent).';
    case 'split-dns-list':
      return `Only queries for ${listDomains(domains)} (and names under ${domains.length > 1 ? 'them' : 'it'}) go through the tunnel; all other queries go to the device's own resolver in the clear.`;
    case 'default-domain-only':
      return `Only queries for the default domain ${domains[0]} (and names under it) go through the tunnel; all other queries go to the device's own resolver in the clear.`;
    case 'all-clear':
      return "All DNS queries go in the clear to the device's own resolver; none go through the tunnel.";
    case 'undocumented':
      return row === 'D7'
        ? 'Undocumented: the mobile guide says nothing about excludespecified; with split-tunnel-all-dns enable, most likely all queries go through the tunnel (inferred).'
        : 'Undocumented: the mobile guide says nothing about excludespecified. Most likely all queries go through the tunnel (it is the default route), except queries to DNS servers inside excluded networks, which leave in the clear (inferred, low confidence).';
  }
}

function desktopNoteFor(row: DecisionRow): string {
  switch (row) {
    case 'D1':
      return 'Desktop clients behave the same: with tunnel-all, Windows and macOS use only the tunnel DNS servers [cmd-ref].';
    case 'D2':
      return 'On Windows and macOS, split-tunnel-all-dns enable sends every query to the tunnel DNS servers with no public fallback [cmd-ref]; the iOS result is inferred from that.';
    case 'D6':
    case 'D7':
      return 'Desktop behaviour with excludespecified is not covered by the mobile guide either; test on a device before relying on it.';
    default:
      return 'This split-DNS behaviour is specific to iOS [guide]; a test from a Windows or macOS laptop does not show what an iPhone does.';
  }
}

interface OutcomeFacts {
  row: DecisionRow;
  outcome: IosDnsOutcome;
  splitDns: string[];
  defaultDomain: string | null;
  dnsServers: string[];
}

function collectWarnings(profile: ResolvedProfile, f: OutcomeFacts, context: { dapOverrides?: boolean }): string[] {
  const a = profile.attributes;
  const warnings: string[] = [];
  if (profile.policyLayer === 'missing') {
    warnings.push(`group-policy ${profile.groupPolicy} is not defined in this configuration; values shown come from DfltGrpPolicy and built-in defaults.`);
  }
  if (profile.policyLayer === 'external') {
    warnings.push(
      `group-policy ${profile.groupPolicy} is external (attributes come from a RADIUS server at login) and cannot be resolved offline; values shown come from DfltGrpPolicy and built-in defaults.`,
    );
  }
  if (f.outcome !== 'all-clear' && f.dnsServers.length === 0) {
    warnings.push('No dns-server is pushed: queries sent into the tunnel have no corporate resolver to answer them (row D0).');
  }
  if (f.row === 'D3' && f.defaultDomain && !f.splitDns.some((d) => isUnder(f.defaultDomain!, d))) {
    warnings.push(
      `The default domain ${f.defaultDomain} is not under any split-dns domain: names in it, and single-label names completed with it, go in the clear. Add it to split-dns.`,
    );
  }
  if (f.row === 'D3' && a.splitDns.from === 'DfltGrpPolicy' && profile.policyLayer === 'defined') {
    warnings.push(
      `group-policy ${profile.groupPolicy} does not set split-dns, so it inherits DfltGrpPolicy's list (line ${a.splitDns.line}); set \`split-dns none\` or its own list to stop that [guide].`,
    );
  }
  const perapp = profile.customAttributes.get('perapp');
  if (perapp && perapp.state === 'value') {
    warnings.push(
      `Per-app VPN (anyconnect-custom perapp value ${perapp.value}): only the selected apps use the tunnel at all; other apps' DNS stays outside [inferred].`,
    );
  }
  if (context.dapOverrides) {
    warnings.push('Dynamic access policies (DAP) exist and may override these values at login.');
  }
  return warnings;
}

/** True when `name` equals `domain` or ends with `.domain` (label-boundary suffix match, case-insensitive). */
export function isUnder(name: string, domain: string): boolean {
  const n = normaliseName(name);
  const d = normaliseName(domain);
  if (d === '') return false;
  return n === d || n.endsWith(`.${d}`);
}

export function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/\.+$/, '');
}

export interface QueryVerdict {
  query: string;
  /** The name after single-label completion with the default domain (M3). */
  resolvedName: string;
  via: 'tunnel' | 'clear' | 'undocumented';
  /** For undocumented outcomes: the inferred most likely path. */
  likely?: 'tunnel' | 'clear';
  matchedDomain: string | null;
  reason: string;
}

export function evaluateQuery(expl: IosDnsExplanation, query: string): QueryVerdict {
  const defaultDomain = valueOf(expl.profile.attributes.defaultDomain);
  let name = normaliseName(query);
  let completed = false;
  if (!name.includes('.') && defaultDomain) {
    name = `${name}.${normaliseName(defaultDomain)}`;
    completed = true;
  }
  const done = (via: QueryVerdict['via'], matchedDomain: string | null, reason: string, likely?: 'tunnel' | 'clear'): QueryVerdict => {
    const v: QueryVerdict = {
      query,
      resolvedName: name,
      via,
      matchedDomain,
      reason: completed ? `${reason} (single-label name completed with the default domain)` : reason,
    };
    if (likely) v.likely = likely;
    return v;
  };
  switch (expl.outcome) {
    case 'all-tunneled':
      return done('tunnel', null, 'all queries are tunnelled');
    case 'all-clear':
      return done('clear', null, 'no query is tunnelled');
    case 'undocumented':
      return done('undocumented', null, 'the guide does not cover excludespecified; most likely tunnelled (inferred)', 'tunnel');
    default: {
      const match = expl.tunneledDomains.filter((d) => isUnder(name, d)).sort((x, y) => normaliseName(y).length - normaliseName(x).length)[0];
      return match ? done('tunnel', match, `matches ${match}`) : done('clear', null, `not under ${listDomains(expl.tunneledDomains)}`);
    }
  }
}
