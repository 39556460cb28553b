// The iOS DNS outcome of one resolved connection profile: the decision table of the reference
// (section 5.3), with the settings that decided it and where each came from.

import { lastKeyMemo } from '../common/last-key-memo.js';
import { match } from 'ts-pattern';
import type { Basis } from '../model/basis.js';
import { attributeSpec, formatAttributeValue, type PolicyAttributeKey, type SplitTunnelPolicy } from '../model/policy-attributes.js';
import type { AccessList, AclEntry, ClientProfileFile, DeviceModel } from '../model/types.js';
import { valueOf, type Effective, type ResolvedDevice, type ResolvedProfile, type ValueSource } from '../resolve/resolve.js';
import { notADomain } from '../common/domain-name.js';
import { cmp } from '../common/problem.js';
import { queryVerdict, type QueryInput, type QueryVerdict } from './query.js';
export type { QueryInput, QueryVerdict } from './query.js';

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

/** The guide's literal reading of excludespecified: its bullets cover split tunnelling in general. */
export interface LiteralReading {
  row: 'D3' | 'D4' | 'D5';
  outcome: 'split-dns-list' | 'default-domain-only' | 'all-clear';
  tunneledDomains: string[];
  sentence: string;
}

/**
 * What is wrong with an outcome, as facts. explain-dns words them as notes and the DNS rules report
 * them as findings, so the two can never disagree.
 */
export interface DnsProblems {
  /** Row D0: the outcome sends queries into the tunnel, but no dns-server is pushed to answer them. */
  noResolver: boolean;
  /** Row D3: the default domain is not under any split-dns domain, so its names go in the clear. */
  defaultDomainInClear: string | null;
  /** The policy is silent on split-dns and inherits DfltGrpPolicy's list, which decides the outcome. */
  inheritedSplitDns: { line: number } | null;
  /** excludespecified read literally (D6/D7 → D5): every query in the clear. */
  literalAllClear: boolean;
  /**
   * Rows D3/D4 (and the literal reading of D6/D7): tunnel DNS servers that the split-tunnel network
   * list does not send into the tunnel; null when that cannot be told (the list is not a standard ACL).
   */
  dnsServersOutsideTunnel: string[] | null;
  /**
   * Where the check above applies: tunnel DNS servers it cannot judge, because they are not IPv4
   * addresses (an IPv6 server follows the IPv6 split-tunnel settings, which the tool does not model).
   */
  dnsServersNotChecked: string[];
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
  /** For excludespecified (D6/D7): the outcome when the guide's bullets are read literally. */
  literal: LiteralReading | null;
  /** Whether any query goes into the tunnel (rows D1–D4, and D6/D7 as inferred). */
  tunnelsDns: boolean;
  /** Whether the split-dns list decides what is tunnelled (row D3, or D6/D7 read literally). */
  splitDnsInEffect: boolean;
  because: BecauseEntry[];
  problems: DnsProblems;
  /** Things an engineer should know about this outcome, in words (the problems above, and context). */
  warnings: string[];
  /** How desktop clients differ, when they do. */
  desktopNote: string;
  dnsServers: string[];
  /** The client profiles this connection profile's policy pushes: what the phone receives with it. */
  clientProfiles: ExplainedClientProfile[];
}

export interface ExplainedClientProfile {
  name: string;
  /** `disk0:/FILE.xml`. */
  file: string;
  /** Where its XML was read from, or null when it was not found (or nobody looked). */
  readFrom: string | null;
  status: 'read' | 'malformed' | 'missing' | 'not-searched' | 'undefined';
}

/** The outcome as `explain-dns --format json` prints it (`iosDns`), and as `diff` compares it. */
export interface IosDnsSummary {
  outcome: IosDnsOutcome;
  tunneledDomains: string[];
  row: DecisionRow;
  basis: 'guide' | 'inferred';
  sentence: string;
  /** excludespecified (D6/D7): the outcome when the guide's split-tunnelling bullets are read literally. */
  literal: LiteralReading | null;
  /** Row D0: queries go into the tunnel but no dns-server is pushed to answer them. */
  noResolver: boolean;
  /** excludespecified (D6/D7): the pushed DNS servers in networks the list excludes (queries to them leave in the clear); empty otherwise. */
  excludedDnsServers: string[];
  /** Every pushed DNS server is excluded: under either reading every query leaves the tunnel, in the clear [inferred]. */
  allDnsServersExcluded: boolean;
  /** Per-app VPN (`anyconnect-custom perapp value NAME`): only the selected apps use the tunnel, so the outcome is theirs (M5) [inferred]; null when off. */
  perApp: string | null;
}

export function iosDnsSummary(e: IosDnsExplanation): IosDnsSummary {
  const excluded = exclusion(e.splitTunnel, e.problems, e.dnsServers);
  return {
    outcome: e.outcome,
    tunneledDomains: e.tunneledDomains,
    row: e.row,
    basis: e.basis,
    sentence: e.sentence,
    literal: e.literal,
    noResolver: e.problems.noResolver,
    excludedDnsServers: [...excluded.servers],
    allDnsServersExcluded: excluded.all,
    perApp: perAppOf(e.profile),
  };
}

/** The per-app data name a profile's policy assigns (M5), or null. */
function perAppOf(profile: ResolvedProfile): string | null {
  const perapp = profile.customAttributes.get('perapp');
  return perapp?.state === 'value' ? perapp.value : null;
}

export interface ExplainContext {
  /** Non-default DAP records exist and may override values at login. */
  dapOverrides?: boolean;
  /** What DAP records decide for phones before DNS matters (terminate, per-app), in words with sources. */
  dapNotes?: string[];
  clientProfileFiles?: readonly ClientProfileFile[];
  /** Standard access-lists, to tell whether tunnel DNS servers are inside the split-tunnel list. */
  accessLists?: ReadonlyMap<string, AccessList>;
  /** Names of the other access-lists (extended, ...): not read, but not missing either. */
  otherAccessLists?: ReadonlySet<string>;
  /** The configuration is cut short: a list it lacks may be in the part that is missing. */
  partial?: boolean;
  /** Local users with a vpn-group-policy of their own (user → policy, line): it ranks above a profile's (section 4.1). */
  userPolicies?: ReadonlyArray<{ user: string; policy: string; line: number; groupLock: string | null }>;
}

export function explainDevice(device: ResolvedDevice): IosDnsExplanation[] {
  const context = deviceContext(device);
  return device.profiles.map((p) => explainProfile(p, context));
}

/** The explanations already made for the device last asked about, by profile (see explainOnDevice). */
const explainedOn = lastKeyMemo((device: ResolvedDevice) => ({ context: deviceContext(device), byProfile: new Map<ResolvedProfile, IosDnsExplanation>() }));

/**
 * A profile's explanation with its device's context, made once per device: the audit's rules and a
 * change snapshot ask for the same ones (a large configuration has hundreds). Shared: read it only.
 */
export function explainOnDevice(device: ResolvedDevice, profile: ResolvedProfile): IosDnsExplanation {
  const made = explainedOn(device);
  let e = made.byProfile.get(profile);
  if (e === undefined) {
    e = explainProfile(profile, made.context);
    made.byProfile.set(profile, e);
  }
  return e;
}

export function deviceContext(device: ResolvedDevice): ExplainContext {
  const model = device.model;
  return {
    dapOverrides: model.global.dapRecords.some((r) => r.name !== 'DfltAccessPolicy'),
    dapNotes: dapNotes(model),
    clientProfileFiles: model.clientProfileFiles,
    accessLists: model.global.accessLists,
    otherAccessLists: model.global.otherAccessLists,
    partial: !model.complete,
    userPolicies: [...model.users.values()]
      .flatMap((u) => {
        if (u.vpnGroupPolicy.state !== 'value') return [];
        // The user's own group-lock, else the one its vpn-group-policy sets (`none` on either unlocks).
        const lock = u.groupLock.state !== 'unset' ? u.groupLock : (model.groupPolicies.get(u.vpnGroupPolicy.value)?.attributes.groupLock ?? u.groupLock);
        return [{ user: u.name, policy: u.vpnGroupPolicy.value, line: u.vpnGroupPolicy.line, groupLock: lock.state === 'value' ? lock.value : null }];
      })
      .sort((a, b) => cmp(a.user, b.user)),
  };
}

/** DAP records that decide for phones before DNS does: a session terminated, or per-app VPN assigned. */
function dapNotes(model: DeviceModel): string[] {
  const notes: string[] = [];
  const xml = model.dapXml;
  for (const r of model.global.dapRecords) {
    if (r.name === 'DfltAccessPolicy') continue;
    const criteria = xml?.records?.find((x) => x.name === r.name)?.criteria ?? [];
    const platforms = criteria.filter((c) => c.name.toLowerCase() === 'endpoint.anyconnect.platform');
    const where =
      platforms.length > 0 && xml
        ? ` for platform ${platforms.map((c) => `${c.operation.toUpperCase() === 'NE' ? 'other than ' : ''}${c.value} (${xml.origin.file} line ${c.line + xml.origin.lineOffset})`).join(', ')}`
        : xml
          ? ''
          : ' (its criteria are in dap.xml, which was not read: which phones it matches is unknown)';
    if (r.action.state === 'value' && r.action.value === 'terminate')
      notes.push(`DAP record ${r.name} (line ${r.action.line}) terminates sessions${where}: for the phones it matches, this decides before DNS matters.`);
    if (r.action.state === 'value' && r.action.value === 'quarantine')
      notes.push(
        `DAP record ${r.name} (line ${r.action.line}) quarantines sessions${where}: the phones it matches reach only what the quarantine allows, whatever DNS they tunnel [inferred].`,
      );
    for (const acl of r.networkAcls)
      notes.push(
        `DAP record ${r.name} (line ${acl.line}) restricts sessions with network-acl ${acl.name}${where}: a query tunnelled to a DNS server that ACL does not permit gets no answer [inferred].`,
      );
    for (const [type, value] of r.customAttributes)
      if (/perapp/i.test(type) && value.state === 'value')
        notes.push(
          `DAP record ${r.name} (line ${value.line}) assigns per-app VPN (anyconnect-custom ${type} value ${value.value})${where}: for the phones it matches, only the selected apps use the tunnel [inferred].`,
        );
  }
  return notes;
}

export function explainProfile(profile: ResolvedProfile, context: ExplainContext = {}): IosDnsExplanation {
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
  const { row, outcome, tunneledDomains } = decision;
  const excluded = row === 'D6' || row === 'D7';
  const literalDecision = excluded ? decide({ split: 'tunnelspecified', allDns: false, splitDns, defaultDomain }) : null;
  const literal: LiteralReading | null =
    literalDecision === null
      ? null
      : {
          row: literalDecision.row as LiteralReading['row'],
          outcome: literalDecision.outcome as LiteralReading['outcome'],
          tunneledDomains: literalDecision.tunneledDomains,
          sentence: sentenceFor(literalDecision.row, literalDecision.outcome, literalDecision.tunneledDomains),
        };
  // The settings that decided the row, in the order an engineer reads them.
  const because: BecauseEntry[] = [entry('splitTunnelPolicy')];
  if (split !== 'tunnelall') because.push(entry('splitTunnelAllDns'));
  if (row === 'D3' || row === 'D4' || row === 'D5' || excluded) because.push(entry('splitDns'), entry('defaultDomain'));
  because.push(entry('dnsServer'));

  // (A split-dns list with no domain name in it tunnels nothing, but a missing tunnel DNS server is
  // still reported for it, as row D0 says, whatever the row: fixing the list must not reveal one.)
  const tunnelsDns = outcome !== 'all-clear';
  const splitDnsInEffect = row === 'D3' || literal?.row === 'D3';
  const listDecides = row === 'D3' || row === 'D4' || literal?.row === 'D3' || literal?.row === 'D4';
  // Where the pushed servers must be inside the tunnel: the rows that tunnel some names by the list
  // (D3/D4, M2), excludespecified (D6/D7), and D2, which sends every query to them [inferred].
  const serversMatter = (listDecides || excluded || row === 'D2') && split !== 'tunnelall';
  const problems: DnsProblems = {
    noResolver: tunnelsDns && dnsServers.length === 0,
    // An entry that is no domain name covers nothing, not even a default domain spelled the same way.
    defaultDomainInClear:
      splitDnsInEffect && defaultDomain !== null && !splitDns.some((d) => notADomain(d) === null && isUnder(defaultDomain, d)) ? defaultDomain : null,
    inheritedSplitDns: splitDnsInEffect && a.splitDns.from === 'DfltGrpPolicy' && profile.policyLayer === 'defined' ? { line: a.splitDns.line } : null,
    literalAllClear: literal?.outcome === 'all-clear',
    // Under excludespecified an excluded server matters whatever the literal row: the inferred reading
    // sends every query to it (row D6: queries to servers in excluded networks leave in the clear).
    dnsServersOutsideTunnel: serversMatter ? serversOutsideTunnel(dnsServers, split, valueOf(a.splitTunnelNetworkList), context.accessLists) : [],
    dnsServersNotChecked: serversMatter ? dnsServers.filter((s) => parseIpv4(s) === null) : [],
  };
  const basis = row === 'D3' || row === 'D4' || row === 'D5' ? 'guide' : 'inferred';
  // Row D6's exception covering every pushed server: every query leaves the tunnel, whatever the reading.
  const { servers: excludedDns, all: allExcluded } = exclusion(split, problems, dnsServers);
  return {
    profile,
    splitTunnel: split,
    outcome,
    tunneledDomains,
    row,
    basis,
    // Under either reading the queries go to the pushed servers, every one excluded: the literal
    // reading's tunnelled domains leave the tunnel too, and its sentence says so.
    literal:
      allExcluded && literal !== null
        ? {
            ...literal,
            sentence: `${literal.sentence} But every DNS server pushed is in an excluded network, so these queries too most likely leave the tunnel, in the clear [inferred].`,
          }
        : literal,
    sentence: allExcluded
      ? `Every DNS server pushed (${excludedDns.join(', ')}) is in a network the split-tunnel list excludes: under either reading of excludespecified, queries iOS sends to ${excludedDns.length > 1 ? 'them' : 'it'} most likely leave the tunnel, in the clear (the exclusion rule of row D6; inferred).`
      : sentenceFor(row, outcome, tunneledDomains),
    tunnelsDns,
    splitDnsInEffect,
    because,
    problems,
    warnings: collectWarnings(profile, problems, context, row),
    desktopNote: desktopNoteFor(row),
    dnsServers,
    clientProfiles: pushedClientProfiles(profile, context.clientProfileFiles ?? []),
  };
}

function pushedClientProfiles(profile: ResolvedProfile, files: readonly ClientProfileFile[]): ExplainedClientProfile[] {
  const names = valueOf(profile.attributes.clientProfiles) ?? [];
  return names.map((name) => {
    const f = files.find((x) => x.name === name);
    return f === undefined
      ? { name, file: '', readFrom: null, status: 'undefined' }
      : { name, file: f.devicePath, readFrom: f.origin?.file ?? null, status: f.status };
  });
}

/**
 * The tunnel DNS servers a split-tunnel list leaves outside the tunnel (tunnelspecified: not
 * permitted; excludespecified: permitted, i.e. excluded). First matching entry wins, as in any ACL.
 */
function serversOutsideTunnel(
  servers: string[],
  split: SplitTunnelPolicy,
  listName: string | null,
  acls: ReadonlyMap<string, AccessList> | undefined,
): string[] | null {
  const ipv4 = servers.filter((s) => parseIpv4(s) !== null);
  if (ipv4.length === 0) return [];
  // tunnelspecified without a list is a config the ASA would not normally hold: no verdict.
  if (listName === null) return split === 'tunnelspecified' ? null : [];
  const acl = acls?.get(listName);
  if (!acl || acl.unreadLines.length > 0) return null;
  const verdicts = permitCache(acl);
  const permitted = (server: string): boolean => {
    let v = verdicts.get(server);
    if (v === undefined) verdicts.set(server, (v = aclPermits(acl, parseIpv4(server)!)));
    return v;
  };
  return ipv4.filter((s) => permitted(s) !== (split === 'tunnelspecified'));
}

// Many profiles share one split-tunnel list and the same DNS servers: each (list, server) is decided once.
const permitCaches = new WeakMap<AccessList, Map<string, boolean>>();

function permitCache(acl: AccessList): Map<string, boolean> {
  let cache = permitCaches.get(acl);
  if (cache === undefined) permitCaches.set(acl, (cache = new Map<string, boolean>()));
  return cache;
}

/** First matching entry wins, as in any ACL; no match is a deny. */
function aclPermits(acl: AccessList, ip: number): boolean {
  return firstMatch(acl, ip)?.action === 'permit';
}

/** The entry of a standard access-list that decides an address (first match wins; an entry that cannot be read decides as a deny), or null: none matches. */
function firstMatch(acl: AccessList, ip: number): AclEntry | null {
  for (const e of acl.entries) {
    if (e.network === null) return e;
    const net = parseIpv4(e.network.address);
    const mask = parseIpv4(e.network.mask);
    if (net === null || mask === null) return { ...e, action: 'deny' };
    if ((ip & mask) >>> 0 === (net & mask) >>> 0) return e;
  }
  return null;
}

/** The `deny` entry that keeps an IPv4 address out of a standard access-list, or null (a permit or nothing matches it first). */
export function denyingEntry(acl: AccessList, address: string): AclEntry | null {
  const ip = parseIpv4(address);
  const e = ip === null ? null : firstMatch(acl, ip);
  return e?.action === 'deny' ? e : null;
}

function parseIpv4(text: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

interface Decision {
  row: DecisionRow;
  outcome: IosDnsOutcome;
  tunneledDomains: string[];
}

interface TableInputs {
  split: SplitTunnelPolicy;
  allDns: boolean;
  hasSplitDns: boolean;
  hasDefaultDomain: boolean;
}

/** The decision table of the reference (section 5.3), rows D1–D7; every combination has exactly one row. */
function tableRow(inputs: TableInputs): { row: DecisionRow; outcome: IosDnsOutcome } {
  return match(inputs)
    .returnType<{ row: DecisionRow; outcome: IosDnsOutcome }>()
    .with({ split: 'tunnelall' }, () => ({ row: 'D1', outcome: 'all-tunneled' }))
    .with({ split: 'tunnelspecified', allDns: true }, () => ({ row: 'D2', outcome: 'all-tunneled' }))
    .with({ split: 'tunnelspecified', allDns: false, hasSplitDns: true }, () => ({ row: 'D3', outcome: 'split-dns-list' }))
    .with({ split: 'tunnelspecified', allDns: false, hasSplitDns: false, hasDefaultDomain: true }, () => ({ row: 'D4', outcome: 'default-domain-only' }))
    .with({ split: 'tunnelspecified', allDns: false, hasSplitDns: false, hasDefaultDomain: false }, () => ({ row: 'D5', outcome: 'all-clear' }))
    .with({ split: 'excludespecified', allDns: false }, () => ({ row: 'D6', outcome: 'undocumented' }))
    .with({ split: 'excludespecified', allDns: true }, () => ({ row: 'D7', outcome: 'undocumented' }))
    .exhaustive();
}

// The table has at most 24 input combinations; a device with thousands of profiles asks for the
// same few, so each is matched once.
const rows = new Map<string, { row: DecisionRow; outcome: IosDnsOutcome }>();

export function decide(inputs: { split: SplitTunnelPolicy; allDns: boolean; splitDns: string[]; defaultDomain: string | null }): Decision {
  const { splitDns, defaultDomain } = inputs;
  const table: TableInputs = { split: inputs.split, allDns: inputs.allDns, hasSplitDns: splitDns.length > 0, hasDefaultDomain: defaultDomain !== null };
  const key = `${table.split}/${table.allDns}/${table.hasSplitDns}/${table.hasDefaultDomain}`;
  let found = rows.get(key);
  if (found === undefined) rows.set(key, (found = tableRow(table)));
  // The row follows the table (a split-dns list is set); an entry that is no domain name matches no query.
  const tunneledDomains = found.row === 'D3' ? splitDns.filter((d) => notADomain(d) === null) : found.row === 'D4' ? [defaultDomain!] : [];
  return { row: found.row, outcome: found.outcome, tunneledDomains };
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
      if (domains.length === 0)
        return "No query goes through the tunnel: no split-dns entry is a domain name, so none matches; all queries go to the device's own resolver in the clear.";
      return `Only queries for ${listDomains(domains)} (and names under ${domains.length > 1 ? 'them' : 'it'}) go through the tunnel; all other queries go to the device's own resolver in the clear.`;
    case 'default-domain-only':
      return `Only queries for the default domain ${domains[0]} (and names under it) go through the tunnel; all other queries go to the device's own resolver in the clear.`;
    case 'all-clear':
      return "All DNS queries go in the clear to the device's own resolver; none go through the tunnel.";
    case 'undocumented':
      return row === 'D7'
        ? "Two readings. Inferred: with split-tunnel-all-dns enable, most likely all queries go through the tunnel. Read literally, the guide's split-tunnelling bullets may apply instead (see the literal reading)."
        : "Two readings. Inferred (low confidence): the tunnel is the default route, so most likely all queries go through it, except queries to DNS servers inside excluded networks. Read literally, the guide's split-tunnelling bullets apply (see the literal reading).";
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

/**
 * Why the tunnel DNS servers could not be checked against the profile's split-tunnel list (the list is
 * no standard ACL the tool reads), or null: they were, or nothing needed checking.
 */
export function dnsServerCheckGap(
  profile: ResolvedProfile,
  problems: DnsProblems,
  accessLists: ReadonlyMap<string, AccessList> | undefined,
  otherAccessLists: ReadonlySet<string> | undefined,
  partial = false,
): string | null {
  const list = valueOf(profile.attributes.splitTunnelNetworkList);
  if (problems.dnsServersOutsideTunnel !== null) return null;
  // (Only tunnelspecified without a list leaves the check undecided here: see serversOutsideTunnel.)
  if (list === null) return 'no split-tunnel-network-list is in effect (tunnelspecified without a list)';
  const acl = accessLists?.get(list);
  if (acl === undefined)
    return otherAccessLists?.has(list) !== false
      ? `no standard access-list ${list} is in the configuration (an extended list is not read)`
      : partial
        ? `access-list ${list} is not in this file, which is not the whole configuration (it may be in the part that is missing)`
        : `access-list ${list} is not in the configuration at all`;
  return `access-list ${list} has lines the tool does not read (line${acl.unreadLines.length > 1 ? 's' : ''} ${acl.unreadLines.slice(0, 5).join(', ')}${acl.unreadLines.length > 5 ? ', ...' : ''})`;
}

/**
 * The split-tunnel list a tunnelspecified profile names that the configuration does not have in any
 * form (cleared, misspelt), or null. (In a configuration cut short, it may be in the missing part: the
 * caller asks this of a whole configuration only.)
 */
export function missingSplitTunnelList(
  profile: ResolvedProfile,
  accessLists: ReadonlyMap<string, AccessList>,
  otherAccessLists: ReadonlySet<string>,
): string | null {
  const list = valueOf(profile.attributes.splitTunnelNetworkList);
  if (list === null || valueOf(profile.attributes.splitTunnelPolicy) !== 'tunnelspecified') return null;
  return accessLists.has(list) || otherAccessLists.has(list) ? null : list;
}

/**
 * How the phone's own resolver is reached when no tunnel resolver is pushed: under tunnel-all (row
 * D1) only over local LAN access, always allowed on mobile (M4); under split tunnelling by the path
 * the policy already leaves outside the tunnel.
 */
export function ownResolverPath(row: DecisionRow): string {
  return row === 'D1' ? 'over the local LAN access mobile clients always allow (modifier M4)' : 'by the path split tunnelling leaves outside the tunnel';
}

/** What row D0 means on a phone whose split-tunnel settings give `row`: no query reaches corporate DNS. */
export function d0Words(row: DecisionRow): string {
  return `no query reaches a corporate resolver, and the phone may send queries to its own resolver instead, outside the tunnel ${ownResolverPath(row)} [inferred]`;
}

/** Why a tunnel DNS server that is no IPv4 address is not checked against the split-tunnel list. */
export const NOT_IPV4 =
  'the tool checks IPv4 addresses against the split-tunnel network list only; an IPv6 server most likely follows the IPv6 split-tunnel settings (ipv6-split-tunnel-policy) [recalled], which it does not model';

/** "tunnel DNS server 2001:db8::53 is inside the tunnel", for servers not checked. */
export function notCheckedServers(servers: readonly string[]): string {
  return `tunnel DNS server${servers.length > 1 ? 's' : ''} ${servers.join(', ')} ${servers.length > 1 ? 'are' : 'is'} inside the tunnel`;
}

function collectWarnings(profile: ResolvedProfile, problems: DnsProblems, context: ExplainContext, row: DecisionRow): string[] {
  const warnings: string[] = [];
  if (profile.policyLayer === 'missing') {
    warnings.push(`group-policy ${profile.groupPolicy} is not defined in this configuration; values shown come from DfltGrpPolicy and built-in defaults.`);
  }
  if (profile.policyLayer === 'external') {
    warnings.push(
      `group-policy ${profile.groupPolicy} is external (attributes come from a RADIUS server at login) and cannot be resolved offline; values shown come from DfltGrpPolicy and built-in defaults.`,
    );
  }
  if (problems.noResolver) {
    warnings.push(`No dns-server is pushed, so the tunnel carries no DNS settings [cmd-ref]: ${d0Words(row)} (row D0).`);
  }
  if (problems.defaultDomainInClear !== null) {
    warnings.push(
      `The default domain ${problems.defaultDomainInClear} is not under any split-dns domain: names in it, and single-label names completed with it, go in the clear. Add it to split-dns.`,
    );
  }
  if (problems.inheritedSplitDns) {
    warnings.push(
      `group-policy ${profile.groupPolicy} does not set split-dns, so it inherits DfltGrpPolicy's list (line ${problems.inheritedSplitDns.line}); set \`split-dns none\` or its own list to stop that [guide].`,
    );
  }
  if (problems.literalAllClear) {
    warnings.push('Read literally, the guide puts excludespecified with split-dns none and default-domain none in row D5: every query in the clear.');
  }
  const list = valueOf(profile.attributes.splitTunnelNetworkList);
  const why = dnsServerCheckGap(profile, problems, context.accessLists, context.otherAccessLists, context.partial);
  if (why !== null) warnings.push(`Whether the tunnel DNS servers are inside the split-tunnel network list was not checked: ${why}.`);
  else if (problems.dnsServersNotChecked.length > 0) warnings.push(`Whether ${notCheckedServers(problems.dnsServersNotChecked)} was not checked: ${NOT_IPV4}.`);
  const outside = problems.dnsServersOutsideTunnel;
  if (outside && outside.length > 0) {
    const several = outside.length > 1;
    const servers = `Tunnel DNS server${several ? 's' : ''} ${outside.join(', ')} ${several ? 'are' : 'is'}`;
    const them = several ? 'them' : 'it';
    warnings.push(
      valueOf(profile.attributes.splitTunnelPolicy) === 'excludespecified'
        ? `${servers} in a network the split-tunnel list ${String(list)} excludes: the queries iOS sends to ${them} most likely leave the tunnel, in the clear (${row === 'D6' ? 'row D6' : `row ${row}, by the exclusion rule of row D6`}) [inferred]. Take ${them} out of the excluded networks, or push a DNS server the list does not exclude.`
        : `${servers} outside the split-tunnel network list: the queries iOS sends into the tunnel may not reach ${them} (desktop clients add a host route; iOS is not documented) [inferred].`,
    );
  }
  const perapp = profile.customAttributes.get('perapp');
  if (perapp?.state === 'value') {
    warnings.push(
      `Per-app VPN (anyconnect-custom perapp value ${perapp.value}): only the selected apps use the tunnel at all; other apps' DNS stays outside [inferred].`,
    );
  }
  // Dynamic split tunnelling moves names in or out by domain; what iOS then does with DNS is not in
  // the reference, so the outcome above does not take it into account.
  for (const [type, e] of [...profile.customAttributes].sort(([a], [b]) => cmp(a, b)))
    if (/^dynamic-split-(exclude|include)-domains$/.test(type) && e.state === 'value')
      warnings.push(
        `Dynamic split tunnelling (anyconnect-custom ${type} value ${e.value}): which domains' traffic it moves ${type.includes('exclude') ? 'out of' : 'into'} the tunnel, and what that does to iOS DNS, is not modelled: the outcome above does not take it into account [inferred].`,
      );
  // A local user's own vpn-group-policy ranks above the profile's for that user (section 4.1): only
  // where the profile checks passwords against the local database (`authentication` names aaa, the
  // default; the server group is LOCAL or none, or ends in LOCAL: the fallback when the group's
  // servers cannot be reached), for users not locked to another profile.
  const server = profile.tunnelGroup.general.authenticationServerGroup;
  const methods = profile.tunnelGroup.webvpn.authentication;
  const groups = server.state === 'value' ? server.value.split(/\s+/) : ['LOCAL'];
  const fallback = groups[0] !== 'LOCAL' && groups.at(-1) === 'LOCAL' ? groups[0]! : null;
  const local = (groups[0] === 'LOCAL' || fallback !== null) && (methods.state !== 'value' || methods.value.includes('aaa'));
  const others = (context.userPolicies ?? []).filter((u) => u.policy !== profile.groupPolicy && (u.groupLock === null || u.groupLock === profile.name));
  if (local && others.length > 0) {
    const shown = others.slice(0, 5).map((u) => `${u.user} (group-policy ${u.policy}, line ${u.line})`);
    const when =
      fallback === null
        ? 'logging in to this profile with the local database'
        : `logging in to this profile with the local database (only when server group ${fallback} cannot be reached: LOCAL is its fallback)`;
    warnings.push(
      `Local user${others.length > 1 ? 's' : ''} ${shown.join(', ')}${others.length > 5 ? ` and ${others.length - 5} more` : ''} ${others.length > 1 ? 'have' : 'has'} a vpn-group-policy of their own: ${when}, they get that policy's values (and any set on the user) above this profile's [cmd-ref], so their iOS DNS outcome may differ (explain a profile that uses that policy to see it) [inferred].`,
    );
  }
  if (context.dapOverrides) {
    warnings.push('Dynamic access policies (DAP) exist and may override these values at login.');
  }
  warnings.push(...(context.dapNotes ?? []));
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

/** Whether iOS tunnels `query` for this profile (the logic the HTML report's query box runs too). */
export function evaluateQuery(expl: IosDnsExplanation, query: string): QueryVerdict {
  return queryVerdict(queryInput(expl), query);
}

/** What the query logic needs from an explanation: plain data (embedded in the HTML report). */
export function queryInput(expl: IosDnsExplanation): QueryInput {
  return {
    outcome: expl.outcome,
    tunneledDomains: expl.tunneledDomains,
    literalDomains: expl.literal?.tunneledDomains ?? [],
    defaultDomain: valueOf(expl.profile.attributes.defaultDomain),
    ...(expl.problems.noResolver ? { noResolver: true } : {}),
    ...excludedServers(expl),
  };
}

/** Under excludespecified, the pushed DNS servers the list excludes (row D6: queries to them leave in the clear). */
function excludedServers(expl: IosDnsExplanation): Pick<QueryInput, 'excludedDnsServers' | 'allDnsServersExcluded'> {
  const { servers, all } = exclusion(expl.splitTunnel, expl.problems, expl.dnsServers);
  return servers.length === 0 ? {} : { excludedDnsServers: [...servers], allDnsServersExcluded: all };
}

/** Under excludespecified, the pushed DNS servers the list excludes, and whether that is every one (row D6's exception). */
function exclusion(split: SplitTunnelPolicy, problems: DnsProblems, dnsServers: readonly string[]): { servers: string[]; all: boolean } {
  const servers = split === 'excludespecified' ? (problems.dnsServersOutsideTunnel ?? []) : [];
  return { servers, all: servers.length > 0 && dnsServers.every((s) => servers.includes(s)) };
}
