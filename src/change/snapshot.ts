// What one configuration gives every connection profile, as comparable values: each effective setting
// with where it came from, how clients reach the profile, the iOS DNS outcome, and the audit's
// findings. `diff`, `what-if` and `plan` compare two snapshots of a device.

import { createHash } from 'node:crypto';
import { certificateMapsTo } from '../model/certificate-maps.js';
import { auditTarget, type AuditOptions } from '../audit/audit.js';
import { analyseParsed, type AnalysedTarget } from '../audit/pipeline.js';
import type { AuditTarget, ReportedFinding } from '../audit/result.js';
import { FILE_LINES, type LineNames } from './line-names.js';
import { clientKeyword, sourcePhrase } from '../engine/rule-kit.js';
import { filteredOut } from '../engine/engine.js';
import { explainOnDevice, iosDnsSummary, type IosDnsSummary } from '../explain/ios-dns.js';
import { cmp } from '../common/problem.js';
import type { BuildOptions } from '../model/build.js';
import { DEFAULT_GROUP_POLICY, type DeviceModel, type LocalUser } from '../model/types.js';
import type { Setting } from '../model/setting.js';
import { formatAttributeValue, POLICY_ATTRIBUTES, type PolicyAttributeSpec } from '../model/policy-attributes.js';
import { parseConfigLines, parseConfigText, type ParsedConfig } from '../parse/parse.js';
import { redactLine } from '../parse/redact.js';
import { policyAttribute, REMOTE_ACCESS_TYPES, valueOf, type Effective, type ResolvedProfile } from '../resolve/resolve.js';
import { builtInTunnelGroupType, policyKey } from '../model/merge.js';

export interface SettingValue {
  value: string;
  /** Where it came from, in words ("set in group-policy GP (line 12)", "the built-in default"). */
  source: string;
  /**
   * For a policy attribute, whether the profile's own policy sets it (`own`) or it is inherited
   * (from DfltGrpPolicy or the built-in default: `show running-config all` printing the defaults is no
   * change): the same value set in the policy instead of inherited is a change (the next edit of
   * DfltGrpPolicy no longer reaches it), where another line number is not.
   */
  layer?: 'own' | 'inherited';
  /**
   * A DfltGrpPolicy line the tool does not model: on one side only, when one side prints
   * DfltGrpPolicy in full (a `show running-config all` capture) and the other does not, it is no
   * change (see DeviceSnapshot.printsDefaults).
   */
  quietAlone?: true;
  /** How this device's release writes the setting, where that is not its name (`svc keepalive` before 8.4(1)). */
  keyword?: string;
  /** Compared only where both sides have it: appearing or going with its owner is said elsewhere (a local user's vpn-group-policy). */
  pairedOnly?: true;
  /**
   * A digest of the secrets a masked value stands for (a pre-shared key typed in the clear), never
   * printed: the same `<redacted>` with another digest is a secret changed. Absent where the file
   * masks the secret itself (`*****`): nothing to compare.
   */
  secretDigest?: string;
}

export interface ProfileSnapshot {
  name: string;
  /** Effective settings by name (`split-dns`, `group-policy`, `mobile-facing`, ...). */
  settings: Map<string, SettingValue>;
  iosDns: IosDnsSummary;
}

export interface DeviceSnapshot {
  analysed: AnalysedTarget;
  target: AuditTarget;
  /** Settings every profile shares (NAT-T, trustpoints, custom attribute declarations and data). */
  device: Map<string, SettingValue>;
  /** Each site-to-site tunnel-group (DefaultL2LGroup aside: see deviceSettings) and the IKE versions its policy allows. */
  siteToSite: Map<string, string[]>;
  profiles: Map<string, ProfileSnapshot>;
  /** How the model was built (a live collection adds `show version`): a changed config is rebuilt the same way. */
  build: BuildOptions;
  /** How its lines are named: a configuration changed in memory names them by where they came from. */
  names: LineNames;
  /**
   * DfltGrpPolicy is printed in full, defaults included (40 lines or more: a `show running-config all`
   * capture; a plain running-config prints only what is set). Compared with a side that does not, its
   * unmodelled lines on one side only are capture differences, not changes.
   */
  printsDefaults: boolean;
}

/** Snapshots of every section of a parsed file (one per context of a multiple-context backup). */
export function snapshotParsed(parsed: ParsedConfig, options: AuditOptions, build: BuildOptions = {}): DeviceSnapshot[] {
  return analyseParsed(parsed, build).map((analysed) => snapshotOf(analysed, options, build));
}

/** `names`: how its lines are named (a configuration changed in memory names them by where they came from). */
export function snapshotOf(analysed: AnalysedTarget, options: AuditOptions, build: BuildOptions = {}, names: LineNames = FILE_LINES): DeviceSnapshot {
  const audited = auditTarget(analysed, options, names.one);
  const target = names === FILE_LINES ? audited : { ...audited, findings: audited.findings.map((f) => locateFinding(f, names)) };
  const reach = new Map(target.reach.map((r) => [r.tunnelGroup, r]));
  const skipped = new Map(target.skippedProfiles.map((s) => [s.tunnelGroup, s.reason]));
  const profiles = new Map<string, ProfileSnapshot>();
  const listEntries = listEntriesOf(analysed, names);
  const attributeSettings: AttributeSettings = new Map();
  const otherLines = otherPolicyLinesOf(analysed.model, names);
  for (const p of analysed.resolved.profiles) {
    const r = reach.get(p.name);
    const settings = profileSettings(p, analysed.model, names, listEntries, attributeSettings);
    unmodelledSettings(p, otherLines, settings);
    const skip = skipped.get(p.name);
    settings.set('mobile-facing', {
      // Aliases and URLs in name order: the order they were entered in changes nothing for a client.
      // A profile a filter left out was not judged: it is not said to be unreachable.
      value: r
        ? `yes: ${[r.ssl ? 'SSL' : null, r.ikev2 ? 'IKEv2' : null].filter(Boolean).join(' and ')} via ${[...r.via].sort(cmp).join(', ')}`
        : skip !== undefined && filteredOut(skip)
          ? 'not audited'
          : 'no',
      source: r ? (r.assumption ?? '') : (skip ?? 'not audited'),
    });
    profiles.set(p.name, { name: p.name, settings, iosDns: iosDnsSummary(explainOnDevice(analysed.resolved, p)) });
  }
  const siteToSite = new Map<string, string[]>();
  const printsDefaults = (analysed.model.groupPolicies.get(DEFAULT_GROUP_POLICY)?.lines.length ?? 0) >= 40;
  return { analysed, target, device: deviceSettings(analysed.model, names, siteToSite, listEntries), profiles, siteToSite, build, names, printsDefaults };
}

/** A finding of a configuration changed in memory, placed where its line came from. */
function locateFinding(f: ReportedFinding, names: LineNames): ReportedFinding {
  if (f.line === null || f.file !== null) return f;
  const { file, line } = names.locate(f.line);
  return { ...f, file, line };
}

/** `siteToSite`: filled with each site-to-site tunnel-group's IKE versions, read with its policy's setting. */
/** `listEntries`: a split-tunnel list's entries as a setting (see listEntriesOf). */
function deviceSettings(
  model: DeviceModel,
  names: LineNames,
  siteToSite: Map<string, string[]>,
  listEntries: (listName: string) => SettingValue,
): Map<string, SettingValue> {
  const g = model.global;
  const settings = new Map<string, SettingValue>();
  const at = names.one;
  const lines = (ls: number[]): string => (ls.length === 0 ? 'not configured' : names.many(ls));
  // A file whose hostname changed is paired by its path: the diff then says the name changed.
  const host = model.hostname;
  settings.set('hostname', { value: host.state === 'value' ? host.value : 'none', source: host.state === 'value' ? at(host.line) : 'not configured' });
  const natt = g.natTraversal;
  settings.set('crypto isakmp nat-traversal', {
    value: natt.state === 'value' ? `${natt.value} s` : natt.state === 'none' ? 'disabled' : '20 s',
    source: natt.state === 'unset' ? 'the built-in default [recalled]' : at(natt.line),
  });
  settings.set('ssl trust-point', {
    value: g.sslTrustPoints.map((t) => `${t.trustpoint}${t.interface ? ` on ${t.interface}` : ''}`).join(', ') || 'none',
    source: lines(g.sslTrustPoints.map((t) => t.line)),
  });
  const ra = g.ikev2RemoteAccessTrustpoint;
  settings.set('crypto ikev2 remote-access trustpoint', {
    value: ra.state === 'value' ? ra.value : 'none',
    source: ra.state === 'unset' ? 'not configured' : at(ra.line),
  });
  const enc = g.sslEncryption;
  settings.set('ssl encryption', {
    value: enc.state === 'value' ? enc.value.join(' ') : 'the release default',
    source: enc.state === 'unset' ? 'the built-in default' : at(enc.line),
  });
  settings.set('ntp server', { value: g.ntpServers.map((n) => n.address).join(', ') || 'none', source: lines(g.ntpServers.map((n) => n.line)) });
  const types = g.webvpn?.customAttributeTypes ?? [];
  // Declarations in name order: the order they were entered in changes nothing for a client.
  settings.set('anyconnect-custom-attr', {
    value:
      types
        .map((t) => t.type)
        .sort(cmp)
        .join(', ') || 'none',
    source: lines(types.map((t) => t.line)),
  });
  for (const d of [...g.customData.values()].sort((a, b) => cmp(`${a.type} ${a.name}`, `${b.type} ${b.name}`))) {
    // The data can be kilobytes (a per-app policy): its size and a digest, so an edit that keeps the
    // length (one app swapped for another) still shows.
    const digest = createHash('sha256').update(d.value).digest('hex').slice(0, 12);
    settings.set(`anyconnect-custom-data ${d.type} ${d.name}`, {
      value: `${d.value.length} characters in ${d.parts.length} line${d.parts.length === 1 ? '' : 's'}, SHA-256 ${digest}`,
      source: lines(d.lines),
    });
  }
  // Tunnels and users a policy change reaches beyond the connection profiles: site-to-site
  // tunnel-groups take their policy's (or DfltGrpPolicy's) tunnel protocols and session settings, one
  // setting per policy (a headend may have hundreds of peers on one), and a local user's own
  // vpn-group-policy ranks above any profile's.
  // (DefaultL2LGroup, the built-in catch-all, is left out: it exists on every ASA whether or not the
  // file prints it, so listing it as printed would make adding its key a new tunnel, and listing it
  // always would make every remote-access protocol change a site-to-site one.)
  const peersByPolicy = new Map<string, string[]>();
  for (const tg of model.tunnelGroups.values()) {
    if (tg.name === 'DefaultL2LGroup') continue;
    const type = tg.type ?? builtInTunnelGroupType(tg.name);
    if (type === null || REMOTE_ACCESS_TYPES.has(type)) continue;
    const policy = tg.general.defaultGroupPolicy.state === 'value' ? tg.general.defaultGroupPolicy.value : DEFAULT_GROUP_POLICY;
    (peersByPolicy.get(policy) ?? peersByPolicy.set(policy, []).get(policy)!).push(tg.name);
  }
  for (const [policy, peers] of [...peersByPolicy].sort(([a], [b]) => cmp(a, b))) {
    const protocols = policyAttribute(model, policy, 'vpnTunnelProtocol');
    const raw = valueOf(protocols as Effective<unknown>);
    const value = Array.isArray(raw) ? [...(raw as string[])].sort(cmp) : raw;
    const versions = Array.isArray(value) ? (value as string[]).filter((w) => /^(ikev1|ikev2|ipsec)$/i.test(w)) : [];
    for (const peer of peers) siteToSite.set(peer, versions);
    const onPolicy = `site-to-site tunnel-groups on group-policy ${policy}`;
    settings.set(onPolicy, {
      value: `vpn-tunnel-protocol ${formatAttributeValue('vpnTunnelProtocol', value)}; ${peers.length === 1 ? 'tunnel-group' : `${peers.length} tunnel-groups`}: ${[...peers].sort(naturalCmp).join(', ')}`,
      source: `vpn-tunnel-protocol ${sourcePhrase(protocols, at)}`,
    });
    // Their session timers too: a DfltGrpPolicy idle timeout meant for phones ends a quiet tunnel.
    for (const spec of SITE_TO_SITE_TIMERS) policySetting(settings, `${onPolicy}: `, model, policy, spec, at);
  }
  const usersByPolicy = new Map<string, string[]>();
  for (const u of [...model.users.values()].sort((a, b) => cmp(a.name, b.name))) {
    const p = u.vpnGroupPolicy;
    if (p.state === 'unset') continue;
    settings.set(`local user ${u.name} vpn-group-policy`, { value: p.state === 'value' ? p.value : 'none', source: at(p.line) });
    if (p.state === 'value') (usersByPolicy.get(p.value) ?? usersByPolicy.set(p.value, []).get(p.value)!).push(u.name);
  }
  // What each policy local users have gives them, on every profile they connect with (their own
  // policy ranks above the profile's). Named by the policy, and shown only as a change of a policy
  // both sides give users (`pairedOnly`): a user added or moved is the one vpn-group-policy line above,
  // not the whole policy appearing. An attribute every such user sets themselves is theirs.
  for (const [policy, users] of [...usersByPolicy].sort(([a], [b]) => cmp(a, b))) {
    if (policy !== DEFAULT_GROUP_POLICY && !model.groupPolicies.has(policy)) continue;
    const own = (key: PolicyAttributeSpec['key']): boolean =>
      users.every((name) => {
        const setting = userSetting(model.users.get(name)!, key);
        return setting !== null && setting.state !== 'unset';
      });
    const prefix = `local users' group-policy ${policy}: `;
    for (const spec of POLICY_ATTRIBUTES as readonly PolicyAttributeSpec[])
      if (!own(spec.key)) policySetting(settings, prefix, model, policy, spec, at, { pairedOnly: true });
    // The entries of its split-tunnel list, as a profile's settings show them: a list only users have is seen nowhere else.
    const list = own('splitTunnelNetworkList') ? undefined : valueOf(policyAttribute(model, policy, 'splitTunnelNetworkList') as Effective<unknown>);
    if (typeof list === 'string') settings.set(`${prefix}split-tunnel-network-list entries`, { ...listEntries(list), pairedOnly: true });
  }
  // DfltGrpPolicy's lines the tool does not model, once for the device: every profile that does not set
  // them inherits them, and on one side only they may be a `show running-config all` capture printing
  // defaults (the profiles do not list them then).
  for (const [key, lines] of [...unmodelledLinesOf(model, DEFAULT_GROUP_POLICY)].sort(([a], [b]) => cmp(a, b)))
    settings.set(`DfltGrpPolicy ${unmodelledName(key, lines[0]!.words)} (not modelled)`, {
      value: lines.map((l) => unmodelledText(l.text)).join('; '),
      source: names.many(lines.map((l) => l.line)),
      quietAlone: true,
    });
  // Which file each client profile name stands for: re-pointing one changes what phones receive,
  // though no group-policy line moved.
  for (const p of [...(g.webvpn?.clientProfiles ?? [])].sort((a, b) => cmp(a.name, b.name) || a.line - b.line))
    settings.set(`anyconnect profiles ${p.name}`, { value: p.path, source: at(p.line) });
  return settings;
}

/** Names in the order a person reads them: numbers by value (`198.51.100.9` before `198.51.100.10`). */
function naturalCmp(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    // Odd parts are digits (split keeps the captured separators there).
    if (i % 2 === 1 && x.length <= 15 && y.length <= 15 && Number(x) !== Number(y)) return Number(x) - Number(y);
    return cmp(x, y);
  }
  return pa.length - pb.length;
}

/** An access-list line the model does not read as a standard entry: what follows `access-list NAME`. */
interface ListLine {
  entry: string;
  remark: boolean;
  line: number;
}

/**
 * The entries of each split-tunnel list, as a setting, written once per list (profiles share lists).
 * Extended lists, which the model does not read, are indexed from the configuration's lines the first
 * time a profile names one.
 */
function listEntriesOf(analysed: AnalysedTarget, names: LineNames): (listName: string) => SettingValue {
  const written = new Map<string, SettingValue>();
  let otherLines: Map<string, ListLine[]> | null = null;
  let objectBodies: Map<string, ListLine[]> | null = null;
  const index = (): void => {
    otherLines = new Map();
    objectBodies = new Map();
    const { lines, blockEnd } = analysed.parsed;
    for (const i of analysed.parsed.sections[analysed.sectionIndex]!.topLevel) {
      const text = lines[i]!.trim();
      if (text.startsWith('access-list ')) {
        const words = text.split(/[ \t]+/);
        const list = words[1]!;
        (otherLines.get(list) ?? otherLines.set(list, []).get(list)!).push({ entry: words.slice(2).join(' '), remark: words[2] === 'remark', line: i + 1 });
      } else if (text.startsWith('object-group ') || text.startsWith('object ')) {
        // `object network NAME` / `object-group network NAME`: its lines, by kind and name as an entry names it.
        const words = text.split(/[ \t]+/);
        if (words.length < 3) continue;
        // An object printed twice (the second block holds its object NAT) is one object; NAT does not
        // change what it stands for.
        const key = `${words[0]!} ${words[2]!}`;
        const body = objectBodies.get(key) ?? objectBodies.set(key, []).get(key)!;
        for (let j = i + 1; j < blockEnd[i]!; j++) {
          const l = lines[j]!.trim();
          if (l !== '' && !l.startsWith('!') && !l.startsWith('description ') && !l.startsWith('nat '))
            body.push({ entry: l.replace(/[ \t]+/g, ' '), remark: false, line: j + 1 });
        }
      }
    }
  };
  const linesOf = (name: string): ListLine[] => {
    if (otherLines === null) index();
    return otherLines!.get(name) ?? [];
  };
  const objectsOf = (kindAndName: string): ListLine[] | undefined => {
    if (objectBodies === null) index();
    return objectBodies!.get(kindAndName);
  };
  return (listName) => {
    let value = written.get(listName);
    if (value === undefined) written.set(listName, (value = listEntries(listName, analysed.model, names, linesOf, objectsOf)));
    return value;
  };
}

/**
 * The objects and object-groups an entry names (`object-group CORP-NETS`, `object DNS-HOSTS`), with
 * their lines and those of the groups they nest (`group-object`), each once: re-pointing one changes
 * what the list tunnels though no access-list line moved.
 */
function namedObjects(entries: readonly ListLine[], objectsOf: (kindAndName: string) => ListLine[] | undefined): Array<{ name: string; body: ListLine[] }> {
  const out: Array<{ name: string; body: ListLine[] }> = [];
  const seen = new Set<string>();
  const visit = (kindAndName: string): void => {
    if (seen.has(kindAndName)) return;
    seen.add(kindAndName);
    const body = objectsOf(kindAndName);
    if (body === undefined) return;
    out.push({ name: kindAndName, body });
    for (const l of body) {
      // Nested the old way (`group-object G`) and the 8.3 way (`network-object object O`).
      const group = /^group-object (\S+)$/.exec(l.entry);
      if (group) visit(`object-group ${group[1]!}`);
      const object = /^network-object object (\S+)$/.exec(l.entry);
      if (object) visit(`object ${object[1]!}`);
    }
  };
  for (const e of entries) {
    const words = e.entry.split(' ');
    for (let i = 0; i < words.length - 1; i++) if (words[i] === 'object' || words[i] === 'object-group') visit(`${words[i]!} ${words[i + 1]!}`);
  }
  return out;
}

function listEntries(
  listName: string,
  model: DeviceModel,
  names: LineNames,
  linesOf: (name: string) => ListLine[],
  objectsOf: (kindAndName: string) => ListLine[] | undefined,
): SettingValue {
  const acl = model.global.accessLists.get(listName);
  if (!acl || acl.unreadLines.length > 0) {
    // Not a standard list, or one with lines the tool cannot read (a `names` entry): its entries as
    // written (minus `access-list NAME`), so an edit to any entry shows; remarks change nothing.
    // (The objects and object-groups an entry uses follow, with their lines; a name shows with its address.)
    const all = linesOf(listName);
    const lines = all.filter((l) => !l.remark);
    // A name an entry uses shows with the address it stands for, so re-pointing the name shows too.
    const hostNames = model.global.hostNames;
    const shown = (entry: string): string =>
      hostNames.size === 0
        ? entry
        : entry
            .split(' ')
            .map((w) => (hostNames.has(w) ? `${w} (${hostNames.get(w)!})` : w))
            .join(' ');
    const objects = namedObjects(lines, objectsOf);
    // An object-group's members in name order: the order they were entered in changes nothing.
    const members = (o: { name: string; body: ListLine[] }): string[] => {
      const entries = o.body.map((l) => shown(l.entry));
      return o.name.startsWith('object-group ') ? entries.sort(cmp) : entries;
    };
    const objectWords = objects.map((o) => `; ${o.name}: ${members(o).join(', ') || 'empty'}`).join('');
    const sourceLines = [...lines, ...objects.flatMap((o) => o.body)].map((l) => l.line).sort((a, b) => a - b);
    return {
      value: all.length === 0 ? 'no such access-list' : `${lines.map((l) => shown(l.entry)).join(', ') || 'none'}${objectWords}`,
      source: sourceLines.length === 0 ? '' : names.many(sourceLines),
    };
  }
  const entries = acl.entries.map((e) => ({ word: `${e.action} ${e.network ? `${e.network.address} ${e.network.mask}` : 'any'}`, line: e.line }));
  // Permits alone make a set of networks: their order changes nothing (with a deny, it does). Each
  // line keeps its entry's place, so the sources read in the order of the values.
  if (entries.every((e) => e.word.startsWith('permit '))) entries.sort((a, b) => naturalCmp(a.word, b.word));
  return {
    value: entries.map((e) => e.word).join(', ') || 'none',
    source: entries.length > 0 ? names.many(entries.map((e) => e.line)) : '',
  };
}

/** A local user's own value of a policy attribute, where the model reads one from `username X attributes` (null: not read). */
function userSetting(u: LocalUser, key: PolicyAttributeSpec['key']): Setting<unknown> | null {
  if (key === 'groupLock') return u.groupLock;
  if (key === 'splitTunnelPolicy') return u.splitTunnelPolicy;
  if (key === 'splitTunnelNetworkList') return u.splitTunnelNetworkList;
  return null;
}

/** The session timers a site-to-site tunnel takes from its group-policy. */
const SITE_TO_SITE_TIMERS = (POLICY_ATTRIBUTES as readonly PolicyAttributeSpec[]).filter((s) => s.key === 'vpnIdleTimeout' || s.key === 'vpnSessionTimeout');

/** How the device's release writes an attribute, where that is not its keyword (`svc keepalive` before 8.4(1)); else undefined. */
function releaseKeyword(model: DeviceModel, spec: PolicyAttributeSpec, e: Effective<unknown>): string | undefined {
  return spec.legacyKeyword !== undefined && clientKeyword(model, e) === 'svc' ? spec.legacyKeyword : undefined;
}

/** A group-policy's effective value of one attribute (its own, DfltGrpPolicy's, or the built-in), as the device setting `prefix` + keyword. */
function policySetting(
  settings: Map<string, SettingValue>,
  prefix: string,
  model: DeviceModel,
  policy: string,
  spec: PolicyAttributeSpec,
  at: (line: number) => string,
  extra: Pick<SettingValue, 'pairedOnly'> = {},
): void {
  const e = policyAttribute(model, policy, spec.key) as Effective<unknown>;
  const spelled = releaseKeyword(model, spec, e);
  settings.set(`${prefix}${spec.keyword}`, {
    value: formatAttributeValue(spec.key, valueOf(e)),
    source: sourcePhrase(e, at),
    ...(spelled === undefined ? {} : { keyword: `${prefix}${spelled}` }),
    ...extra,
  });
}

/** `listEntries`: a split-tunnel list's entries as a setting (see listEntriesOf). */
/**
 * An attribute's setting as shown, per attribute and effective value: profiles share most values (the
 * built-in defaults are one object per device, a policy's values one per policy), so each is worded once.
 */
type AttributeSettings = Map<PolicyAttributeSpec, Map<Effective<unknown>, SettingValue>>;

function profileSettings(
  p: ResolvedProfile,
  model: DeviceModel,
  names: LineNames,
  listEntries: (listName: string) => SettingValue,
  attributeSettings: AttributeSettings,
): Map<string, SettingValue> {
  const settings = new Map<string, SettingValue>();
  const tg = p.tunnelGroup;
  // A policy the configuration does not define (a typo): the ASA refuses the line, and the values
  // below are DfltGrpPolicy's and the built-in defaults, as audit and explain-dns assume.
  const undefinedPolicy = p.groupPolicy !== DEFAULT_GROUP_POLICY && !model.groupPolicies.has(p.groupPolicy);
  settings.set('group-policy', {
    // An external policy's values come from the AAA server at login: the settings below are only what
    // the configuration gives (DfltGrpPolicy and the built-in defaults), and the diff says so with it.
    value: undefinedPolicy
      ? `${p.groupPolicy} (not defined: DfltGrpPolicy and the built-in defaults assumed)`
      : p.policyLayer === 'external'
        ? `${p.groupPolicy} (external: the AAA server may return other values at login than the DfltGrpPolicy and built-in values shown)`
        : p.groupPolicy,
    source: p.groupPolicyLine === null ? 'no default-group-policy line' : names.one(p.groupPolicyLine),
  });
  // Each value of a profile on an external policy says so where it is shown: a change to DfltGrpPolicy
  // reaches it only as far as the AAA server leaves the value unset.
  const external = p.policyLayer === 'external' ? `; group-policy ${p.groupPolicy} is external: the AAA server may return another value at login` : '';
  for (const spec of POLICY_ATTRIBUTES as readonly PolicyAttributeSpec[]) {
    const e: Effective<unknown> = p.attributes[spec.key];
    const byValue = attributeSettings.get(spec) ?? attributeSettings.set(spec, new Map()).get(spec)!;
    let shown = byValue.get(e);
    if (shown === undefined) {
      // Protocols are a set: `ikev2 ssl-client` and `ssl-client ikev2` allow the same sessions.
      const raw = valueOf(e);
      const value = spec.key === 'vpnTunnelProtocol' && Array.isArray(raw) ? [...(raw as string[])].sort(cmp) : raw;
      const spelled = releaseKeyword(model, spec, e);
      shown = {
        value: formatAttributeValue(spec.key, value),
        source: sourcePhrase(e, names.one),
        layer: layerOf(e),
        ...(spelled === undefined ? {} : { keyword: spelled }),
      };
      byValue.set(e, shown);
    }
    settings.set(spec.keyword, external === '' ? shown : { ...shown, source: `${shown.source}${external}` });
  }
  // What the split tunnel is: a change to a list several policies share changes every profile that
  // uses it, though no policy line moved. Not for a policy that tunnels everything: its list decides nothing.
  const listName = valueOf(p.attributes.splitTunnelNetworkList as Effective<unknown>);
  const policy = valueOf(p.attributes.splitTunnelPolicy as Effective<unknown>);
  if (typeof listName === 'string' && policy !== null && policy !== 'tunnelall') settings.set('split-tunnel-network-list entries', listEntries(listName));
  // (Named but unused: a move to tunnelall reads "not used", not as a list emptied.)
  else if (typeof listName === 'string' && policy === 'tunnelall')
    settings.set('split-tunnel-network-list entries', { value: 'not used: split-tunnel-policy tunnelall tunnels everything', source: '' });
  // A custom attribute reaches the client only with its type declared and its data present.
  const declared = new Set((model.global.webvpn?.customAttributeTypes ?? []).map((t) => t.type));
  for (const [type, e] of p.customAttributes) {
    const missing =
      e.state !== 'value' ? '' : !declared.has(type) ? ' (type not declared)' : !model.global.customData.has(`${type} ${e.value}`) ? ' (no such data)' : '';
    settings.set(`anyconnect-custom ${type}`, {
      value: e.state === 'value' ? `value ${e.value}${missing}` : 'none',
      source: `${sourcePhrase(e, names.one)}${external}`,
      layer: layerOf(e),
    });
  }
  const list = (items: string[]): string => (items.length === 0 ? 'none' : [...items].sort(cmp).join(', '));
  const at = (ls: number[]): string => (ls.length === 0 ? '' : names.many(ls));
  settings.set('group-alias', {
    value: list(tg.webvpn.groupAliases.map((a) => `${a.name}${a.enabled ? '' : ' (disabled)'}`)),
    source: at(tg.webvpn.groupAliases.map((a) => a.line)),
  });
  settings.set('group-url', {
    value: list(tg.webvpn.groupUrls.map((u) => `${u.url}${u.enabled ? '' : ' (disabled)'}`)),
    source: at(tg.webvpn.groupUrls.map((u) => u.line)),
  });
  // Certificate maps are a way in as much as an alias: clients whose certificate matches land here.
  const maps = certificateMapsTo(model, p.name);
  settings.set('certificate maps', { value: list(maps.map((m) => m.command)), source: at(maps.map((m) => m.line)) });
  settings.set('authentication', {
    value: tg.webvpn.authentication.state === 'value' ? tg.webvpn.authentication.value.join(' ') : 'aaa',
    source: tg.webvpn.authentication.state === 'value' ? names.one(tg.webvpn.authentication.line) : 'the built-in default',
  });
  tunnelGroupLineSettings(tg, settings, names);
  return settings;
}

/** A policy's lines the attribute table does not model, by their identity (`other ipv6-split-tunnel-policy`). */
type OtherLines = Map<string, Array<{ text: string; line: number; words: string[] }>>;

/** A group-policy's lines the attribute table does not model, by their identity. */
function unmodelledLinesOf(model: DeviceModel, policy: string): OtherLines {
  const found: OtherLines = new Map();
  for (const l of model.groupPolicies.get(policy)?.unread ?? []) {
    const key = policyKey(l.mode, l.words);
    if (key === null || !key.replace(/^\+/, '').startsWith('other ')) continue;
    (found.get(key) ?? found.set(key, []).get(key)!).push(l);
  }
  return found;
}

/**
 * The unmodelled-line settings a profile on each group-policy gets (see unmodelledSettings), made once
 * per policy and snapshot: many profiles share a policy, and every one inherits DfltGrpPolicy's.
 */
function otherPolicyLinesOf(model: DeviceModel, names: LineNames): (policy: string | null) => ReadonlyArray<[string, SettingValue]> {
  const inherited = unmodelledLinesOf(model, DEFAULT_GROUP_POLICY);
  const byPolicy = new Map<string, Array<[string, SettingValue]>>();
  return (policy) => {
    const cacheKey = policy ?? '';
    let entries = byPolicy.get(cacheKey);
    if (entries === undefined) {
      const own: OtherLines = policy === null ? (new Map() as OtherLines) : unmodelledLinesOf(model, policy);
      entries = [];
      for (const key of [...new Set([...own.keys(), ...inherited.keys()])].sort(cmp)) {
        const mine = own.get(key);
        const lines = mine ?? inherited.get(key)!;
        const where = names.many(lines.map((l) => l.line));
        entries.push([
          `${unmodelledName(key, lines[0]!.words)} (not modelled)`,
          {
            value: lines.map((l) => unmodelledText(l.text)).join('; '),
            source: mine ? `set in group-policy ${policy!} (${where})` : `inherited from DfltGrpPolicy (${where})`,
            layer: mine ? 'own' : 'inherited',
            ...(mine ? {} : { quietAlone: true as const }),
          },
        ]);
      }
      byPolicy.set(cacheKey, entries);
    }
    return entries;
  };
}

/** Keywords the attribute table models: an unmodelled line that starts with one is named by its first two words (`vpn-idle-timeout alert-interval`). */
const MODELLED_FIRST_WORDS: ReadonlySet<string> = new Set((POLICY_ATTRIBUTES as readonly PolicyAttributeSpec[]).map((s) => s.keyword.split(' ')[0]!));

function unmodelledName(key: string, words: readonly string[]): string {
  const name = key.replace(/^\+?other /, '');
  const w = words[0] === 'no' ? words.slice(1) : words;
  return MODELLED_FIRST_WORDS.has(name) && w[1] !== undefined ? `${name} ${w[1]}` : name;
}

/** A line as compared: secrets masked, `svc` read as the `anyconnect` it was renamed to (8.4), spaces collapsed. */
function unmodelledText(text: string): string {
  return redactLine(text)
    .replace(/^(no\s+)?svc\b/, '$1anyconnect')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The group-policy lines the tool does not model (`ipv6-split-tunnel-policy`, `client-bypass-protocol`,
 * `anyconnect modules`, ...), each as a setting named for its keyword and marked not modelled: a change
 * to one shows as a change, never as "no change", though the tool does not judge what it does to
 * phones. The profile's own policy's lines win over DfltGrpPolicy's, keyword by keyword, as the ASA
 * inherits any attribute.
 */
function unmodelledSettings(p: ResolvedProfile, otherLines: ReturnType<typeof otherPolicyLinesOf>, settings: Map<string, SettingValue>): void {
  for (const [name, value] of otherLines(p.policyLayer === 'defined' ? p.groupPolicy : null)) settings.set(name, value);
}

function layerOf(e: Effective<unknown>): 'own' | 'inherited' {
  return e.from === 'group-policy' ? 'own' : 'inherited';
}

/** Tunnel-group lines with a setting of their own above: the policy, the ways in, the login method. */
const SHOWN_ABOVE: ReadonlySet<string> = new Set(['default-group-policy', 'group-alias', 'group-url', 'authentication']);
/** Tunnel-group lines that state the default (the command reference's default server group is LOCAL). */
const PRINTED_DEFAULTS: ReadonlySet<string> = new Set(['authentication-server-group LOCAL']);
/** Lines named by their first two words (`ikev2 remote-authentication`): the first says little. */
const TWO_WORD_KEYS: ReadonlySet<string> = new Set(['ikev1', 'ikev2', 'isakmp', 'tunnel-group-map']);

/**
 * Every other line of the profile's own blocks (AAA server groups, address pools, username from
 * certificate, ipsec authentication, ...), one setting per keyword: a change there reaches every user
 * of the profile (a secondary server group removed is a login factor gone), though no policy changed.
 * Secrets are masked as in any quoted line.
 */
function tunnelGroupLineSettings(tg: ResolvedProfile['tunnelGroup'], settings: Map<string, SettingValue>, names: LineNames): void {
  const found = new Map<string, Array<{ value: string; line: number; secret: string | undefined }>>();
  for (const block of tg.blocks) {
    for (const l of block.lines) {
      // `no address-pool` and `authentication-server-group LOCAL` (how `show running-config all`
      // prints the defaults) set nothing: a capture switched to `all` is no change.
      if (l.text.startsWith('no ') || PRINTED_DEFAULTS.has(l.text)) continue;
      // (Lines shown above are passed over before masking: most of a large config's tunnel-group lines.
      // Their keywords are one word, the line's first.)
      if ((block.kind === 'general-attributes' || block.kind === 'webvpn-attributes') && SHOWN_ABOVE.has(l.text.split(' ', 1)[0]!)) continue;
      // Masked as a whole line: a secret is known by the keyword before it.
      const words = redactLine(l.text).split(' ');
      const width = TWO_WORD_KEYS.has(words[0]!) && words.length > 2 ? 2 : 1;
      const keyword = words.slice(0, width).join(' ');
      // Named by keyword alone where that is unambiguous; by block and keyword where another setting has the name.
      const key = settings.has(keyword) ? `${block.kind} ${keyword}` : keyword;
      const secret = words.join(' ') !== l.text && !/\*{3,}/.test(l.text) ? l.text : undefined;
      (found.get(key) ?? found.set(key, []).get(key)!).push({ value: words.slice(width).join(' ') || 'set', line: l.line, secret });
    }
  }
  for (const [key, values] of [...found].sort(([a], [b]) => cmp(a, b))) {
    const secrets = values.map((v) => v.secret).filter((x): x is string => x !== undefined);
    settings.set(key, {
      value: values.map((v) => v.value).join(', '),
      source: names.many(values.map((v) => v.line)),
      ...(secrets.length > 0 ? { secretDigest: createHash('sha256').update(secrets.join('\n')).digest('hex') } : {}),
    });
  }
  // No server group: the local user database, so removing one reads "RADIUS-MFA → LOCAL".
  if (!found.has('authentication-server-group')) settings.set('authentication-server-group', { value: 'LOCAL', source: 'the built-in default' });
}

/**
 * The same device after its configuration text changed: same source, section, context and build
 * options. `names`: how the changed lines are named (by where they came from; see line-names.ts).
 */
export function reanalyse(before: DeviceSnapshot, text: string | readonly string[], options: AuditOptions, names: LineNames = FILE_LINES): DeviceSnapshot {
  const source = before.analysed.parsed.source;
  const parsed = typeof text === 'string' ? parseConfigText(text, source) : parseConfigLines(text, source);
  // The XML files are those of the device before the change: a CLI change does not touch them.
  const analysed = analyseParsed(parsed, before.build, before.analysed.sideFiles)[before.analysed.sectionIndex]!;
  analysed.summary.context = before.analysed.summary.context;
  return snapshotOf(analysed, options, before.build, names);
}
