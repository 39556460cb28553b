// What a change does to every connection profile of a device: each effective setting that changed
// (old → new, with where each came from), the iOS DNS outcome on both sides, profiles added or removed,
// and the findings the change introduces and resolves.

import { cmp, type Problem } from '../common/problem.js';
import { tokenize } from '../parse/tokenize.js';
import { holdsSecret } from '../parse/redact.js';
import { copyNameOf } from '../engine/names.js';
import { DEFAULT_GROUP_POLICY, type DeviceModel } from '../model/types.js';
import { isLineNotRead, linesNotRead } from '../model/not-read.js';
import type { ReportedFinding } from '../audit/result.js';
import { SEVERITY_RANK, type Severity } from '../engine/types.js';
import { distinct, introducedParts, type DeviceDiff, type IncompleteSide, type LoweredFinding, type ProfileDiff, type SettingChange } from './result.js';
import type { DeviceSnapshot, ProfileSnapshot, SettingValue } from './snapshot.js';
import { FILE_LINES } from './line-names.js';
import type { SideDevice } from './sources.js';

export interface DiffOptions {
  /** Profiles known under another name on the new side (a recreated profile: old name → new name). */
  renamed?: ReadonlyMap<string, string>;
  /** Compare even when a side is incomplete (`--allow-incomplete`); otherwise such a device is only named. */
  allowIncomplete?: boolean;
}

/** The sides that are not a whole configuration, and why. */
function incompleteSides(before: DeviceSnapshot | null, after: DeviceSnapshot | null): IncompleteSide[] {
  const out: IncompleteSide[] = [];
  for (const [side, s] of [
    ['old', before],
    ['new', after],
  ] as const) {
    if (s === null || s.target.summary.complete) continue;
    // A configuration changed in memory (what-if, plan) is as incomplete as the file it came from, and
    // its own line numbers point nowhere: the old side says where the file stops.
    if (side === 'new' && s.names !== FILE_LINES && before !== null && !before.target.summary.complete) continue;
    const p = s.target.summary.parseProblems.find((x) => x.code === 'incomplete');
    out.push({ side, kind: 'incomplete', source: s.target.summary.source, line: p?.line ?? null, message: p?.message ?? 'configuration is incomplete' });
  }
  return out;
}

export function diffDevices(before: DeviceSnapshot | null, after: DeviceSnapshot | null, options: DiffOptions = {}): DeviceDiff {
  const summary = (after ?? before)!.target.summary;
  const incomplete = incompleteSides(before, after);
  if (incomplete.length > 0 && options.allowIncomplete !== true) {
    return {
      hostname: summary.hostname ?? before?.target.summary.hostname ?? null,
      context: summary.context,
      old: before?.target.summary.source ?? null,
      new: after?.target.summary.source ?? null,
      device: [],
      profiles: [],
      findings: { introduced: [], resolved: [], lowered: [] },
      incomplete,
      compared: false,
      ikeCut: [],
      linesNotRead: [],
      inputWarnings: [],
    };
  }
  const renamed = options.renamed ?? (before && after ? copiesOf(before, after) : new Map<string, string>());
  const names = [...new Set([...(before?.profiles.keys() ?? []), ...(after?.profiles.keys() ?? [])])].sort(cmp);
  const captureDiffers = before !== null && after !== null && before.printsDefaults !== after.printsDefaults;
  // A copy's original (a recreated profile's): its profile entry says so, and its findings are the original's.
  const back = originalsOf(renamed);
  // A profile absent from a side that is cut short may be in the part that is missing.
  const cutShort = new Set(incomplete.filter((s) => s.kind === 'incomplete').map((s) => s.side));
  // ... and one whose block the cut falls in is only partly there.
  const cutIn = { old: cutShort.has('old') ? cutInProfiles(before) : new Set<string>(), new: cutShort.has('new') ? cutInProfiles(after) : new Set<string>() };
  const profiles: ProfileDiff[] = names.map((name) => {
    const o = before?.profiles.get(name) ?? null;
    const n = after?.profiles.get(name) ?? null;
    // A copy is compared with its original: what the rename changed besides the name is the news.
    const original = o === null && back.has(name) ? (before?.profiles.get(back.get(name)!) ?? null) : null;
    const settings = diffSettings((o ?? original)?.settings ?? null, n?.settings ?? null, captureDiffers);
    const dnsChanged = JSON.stringify(o?.iosDns ?? null) !== JSON.stringify(n?.iosDns ?? null);
    const status = o === null ? 'added' : n === null ? 'removed' : settings.length > 0 || dnsChanged ? 'changed' : 'unchanged';
    const line = profileLine(name, before, after);
    // null: no such profile on that side, or one a filter left out (not judged).
    const reachable = (x: typeof o): boolean | null => {
      const v = x?.settings.get('mobile-facing')?.value;
      return v === undefined || v === 'not audited' ? null : v.startsWith('yes');
    };
    return {
      tunnelGroup: name,
      line,
      status,
      settings,
      iosDns: { old: (o ?? original)?.iosDns ?? null, new: n?.iosDns ?? null },
      mobileFacing: { old: reachable(o ?? original), new: reachable(n) },
      ...(o === null && back.has(name) ? { copyOf: back.get(name)! } : {}),
      // (A profile on both sides whose block the cut falls in; one on the cut side only is plainly added or removed.)
      ...((status === 'added' && cutShort.has('old') && !back.has(name)) || (cutIn.old.has(name) && o !== null && n !== null)
        ? { unseenOn: 'old' as const }
        : {}),
      ...((status === 'removed' && cutShort.has('new')) || (cutIn.new.has(name) && o !== null && n !== null) ? { unseenOn: 'new' as const } : {}),
    };
  });
  // A finding on a recreated profile is the same finding as on the profile it copies.
  const key = (f: ReportedFinding, translate: boolean): string =>
    JSON.stringify([f.ruleId, f.severity, translate && f.tunnelGroup !== null ? (back.get(f.tunnelGroup) ?? f.tunnelGroup) : f.tunnelGroup, f.object]);
  // Findings in client profile XML or dap.xml are compared only when both sides read that XML: a side
  // whose files were not found did not check them, which is neither a fix nor a regression.
  const readXml = (s: DeviceSnapshot | null): boolean => s !== null && s.target.clientProfiles.some((c) => c.status === 'read' || c.status === 'malformed');
  const compareXml = before === null || after === null || readXml(before) === readXml(after);
  const comparable = (f: ReportedFinding): boolean => compareXml || (f.file === null && f.ruleId !== 'dap-mobile-criteria');
  const oldFindings = (before?.target.findings ?? []).filter(comparable);
  // While both exist, the original and its copy carry the same finding: count it once.
  const all = (after?.target.findings ?? []).filter(comparable);
  const onOriginals = new Set(all.filter((f) => f.tunnelGroup === null || !back.has(f.tunnelGroup)).map((f) => key(f, false)));
  const newFindings = all.filter((f) => f.tunnelGroup === null || !back.has(f.tunnelGroup) || !onOriginals.has(key(f, true)));
  const oldKeys = countKeys(oldFindings.map((f) => key(f, false)));
  const newKeys = countKeys(newFindings.map((f) => key(f, true)));
  return {
    hostname: summary.hostname ?? before?.target.summary.hostname ?? null,
    context: summary.context,
    old: before?.target.summary.source ?? null,
    new: after?.target.summary.source ?? null,
    // A device added or removed as a whole: its profiles say it all.
    device: before && after ? [...captureNote(before, after), ...diffSettings(before.device, after.device, captureDiffers)] : [],
    profiles,
    findings: lowerings(
      newFindings.filter(takeFrom(oldKeys, (f) => key(f, true))),
      oldFindings.filter(takeFrom(newKeys, (f) => key(f, false))),
      (f, translate) => key({ ...f, severity: 'info' }, translate),
    ),
    incomplete,
    compared: true,
    ikeCut: before && after ? ikeCut(before.siteToSite, after.siteToSite) : [],
    linesNotRead: after ? newProblems(before, after, linesNotRead) : [],
    inputWarnings: after ? newProblems(before, after, otherWarnings) : [],
  };
}

/** The model's warnings other than lines not read (see linesNotRead). */
function otherWarnings(model: DeviceModel): Problem[] {
  return model.problems.filter((p) => p.severity !== 'info' && !isLineNotRead(p));
}

/** The new side's problems (of those `select` picks) that the old side did not have (by what they say, not where). */
function newProblems(
  before: DeviceSnapshot | null,
  after: DeviceSnapshot,
  select: (model: DeviceModel) => Problem[],
): Array<{ line: number | null; message: string }> {
  const stray = (x: DeviceSnapshot | null): Problem[] => (x === null ? [] : select(x.analysed.model));
  // (Line numbers a message quotes, `(line 12)` or `(under \`webvpn\`, line 12)`, move with any insert above.)
  const unplaced = (p: Problem): string => p.message.replace(/\bline \d+/g, 'line');
  // Counted: the same warning twice where the old side had it once is one new.
  return stray(after)
    .filter(takeFrom(countKeys(stray(before).map(unplaced)), unplaced))
    .map((p) => ({ line: p.line === null ? null : after.names.locate(p.line).line, message: p.message }));
}

/** Said once when the two sides are different captures: DfltGrpPolicy printed in full on one only. */
function captureNote(before: DeviceSnapshot, after: DeviceSnapshot): SettingChange[] {
  if (before.printsDefaults === after.printsDefaults) return [];
  const words = (full: boolean): string => (full ? 'in full, defaults included (show running-config all)' : 'only what is set');
  return [
    {
      setting: 'DfltGrpPolicy printed',
      old: words(before.printsDefaults),
      new: words(after.printsDefaults),
      oldSource: null,
      newSource: "its lines the tool does not model, on the full side only, are the capture's defaults: not listed",
    },
  ];
}

/** Site-to-site tunnel-groups that lose an IKE version they could use, or go (see DeviceDiff.ikeCut). */
function ikeCut(before: ReadonlyMap<string, string[]>, after: ReadonlyMap<string, string[]>): string[] {
  return [...before]
    .filter(([peer, versions]) => {
      const now = after.get(peer);
      return now === undefined || versions.some((v) => !now.includes(v));
    })
    .map(([peer]) => peer)
    .sort(cmp);
}

/** Profiles a change copied, from their copy's name to the original's (`renamed` maps original → copy). */
export function originalsOf(renamed: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...renamed].map(([original, copy]) => [copy, original]));
}

/** The profile's line in the new file (in the old one when the new side was changed in memory and the line is the change's). */
function profileLine(name: string, before: DeviceSnapshot | null, after: DeviceSnapshot | null): number | null {
  const old = before?.analysed.model.tunnelGroups.get(name)?.firstLine ?? null;
  const now = after?.analysed.model.tunnelGroups.get(name)?.firstLine ?? null;
  if (now === null) return old;
  const at = after!.names.locate(now);
  return at.file === null && at.line !== null ? at.line : old;
}

/**
 * Profiles the change added as copies of existing ones (a tunnel-group cannot be renamed, so a rename
 * is a copy that takes the old profile's group-urls, aliases or certificate maps, whether the old
 * profile stays for now or goes in the same change): the copy's findings that the original already
 * had are not new. A new profile that only shares the original's settings (a second profile on the
 * same policy) is a new way in: its findings are new.
 */
function copiesOf(before: DeviceSnapshot, after: DeviceSnapshot): Map<string, string> {
  const copies = new Map<string, string>();
  const values = (p: ProfileSnapshot, which: string): string[] => (p.settings.get(which)?.value ?? 'none').split(', ').filter((v) => v !== 'none');
  const DEFAULT_GROUP = 'tunnel-group-map default-group';
  for (const [name, n] of after.profiles) {
    if (before.profiles.has(name)) continue;
    // The old profile the new one took the most telling way in from: an alias, a group-url or a map
    // rule (2) before the certificate default group alone (1), then configuration order.
    let best: { oldName: string; weight: number } | null = null;
    for (const [oldName, o] of before.profiles) {
      if (copies.has(oldName)) continue;
      const stays = after.profiles.get(oldName);
      let weight = 0;
      // An alias a plan renamed on the way (`Sales & Ops` → `Sales-Ops-2`) is the old one under a safe
      // name, when the new profile's name is made from the old one's too.
      const renamedAlias = (v: string): boolean =>
        copyNameOf(oldName, name) &&
        values(o, 'group-alias').some(
          (a) => a !== v && !(stays !== undefined && values(stays, 'group-alias').includes(a)) && copyNameOf(bareAlias(a), bareAlias(v)),
        );
      for (const w of ['group-url', 'group-alias', 'certificate maps'])
        for (const v of values(n, w)) {
          const took = values(o, w).includes(v) && !(stays !== undefined && values(stays, w).includes(v));
          if (!took && !(w === 'group-alias' && renamedAlias(v))) continue;
          // (The default group is one setting that must point somewhere: when its profile goes, whoever
          // takes it over is no copy by that alone. Moved away from a profile that stays, it is: a plan's copy.)
          if (v !== DEFAULT_GROUP) weight = 2;
          else if (stays !== undefined) weight = Math.max(weight, 1);
        }
      if (weight > (best?.weight ?? 0)) best = { oldName, weight };
    }
    best ??= waitingCopyOf(before, after, name, n, copies);
    if (best !== null) copies.set(best.oldName, name);
  }
  return copies;
}

/** An alias as a setting lists it, without ` (disabled)`. */
function bareAlias(v: string): string {
  return v.replace(/ \(disabled\)$/, '');
}

/**
 * A copy waiting for its users (a plan holds the ways in back until a group-lock, DAP, RADIUS, LDAP or SAML step is
 * done) took none of them yet. It is taken for the copy of a profile that stays when it has no alias,
 * URL or map of its own, its name is made from that profile's (`Lab&Partners` → `Lab-Partners`, `-2`
 * when taken), its lines are the same, and its policy is that profile's or one new with it. A profile
 * made by hand for other users fails one of these, so its findings stay new. Among originals that
 * pass alike (`Lab&Partners`, `Lab#Partners`: same lines, same policy) any gives the same comparison:
 * the first free one, in configuration order.
 */
function waitingCopyOf(
  before: DeviceSnapshot,
  after: DeviceSnapshot,
  name: string,
  n: ProfileSnapshot,
  copies: ReadonlyMap<string, string>,
): { oldName: string; weight: number } | null {
  if (!wayInless(n)) return null;
  const body = bodyOf(after, name);
  if (body.length === 0) return null;
  const policy = policyOf(after, name);
  // DfltGrpPolicy exists whether or not the configuration prints a block for it: never "new".
  const samePolicy = (o: string): boolean =>
    policyOf(before, o) === policy || (policy !== DEFAULT_GROUP_POLICY && !before.analysed.model.groupPolicies.has(policy));
  const original = [...before.profiles.keys()].find(
    (o) => !copies.has(o) && after.profiles.has(o) && copyNameOf(o, name) && samePolicy(o) && sameLines(bodyOf(before, o), body),
  );
  return original === undefined ? null : { oldName: original, weight: 1 };
}

/** The group-policy a profile names (DfltGrpPolicy when it names none). */
function policyOf(s: DeviceSnapshot, name: string): string {
  const p = s.analysed.model.tunnelGroups.get(name)?.general.defaultGroupPolicy;
  return p?.state === 'value' ? p.value : DEFAULT_GROUP_POLICY;
}

/** Whether a profile has no alias, group-url or certificate map: nothing sends SSL users to it by choice. */
function wayInless(p: ProfileSnapshot): boolean {
  return ['group-alias', 'group-url', 'certificate maps'].every((w) => (p.settings.get(w)?.value ?? 'none') === 'none');
}

/** A profile's own lines, apart from its ways in, its policy and its secrets (a copy is given those anew). */
function bodyOf(s: DeviceSnapshot, name: string): string[] {
  // Asked of every profile for each new one: computed once per snapshot and profile.
  let bodies = BODIES.get(s);
  if (bodies === undefined) BODIES.set(s, (bodies = new Map<string, string[]>()));
  let body = bodies.get(name);
  if (body === undefined) {
    const tg = s.analysed.model.tunnelGroups.get(name);
    body = (tg?.blocks ?? [])
      .flatMap((b) => b.lines.map((l) => `${b.kind} ${l.text}`))
      .filter((l) => !/^\S+ (group-alias|group-url|default-group-policy) /.test(l) && !holdsSecret(l))
      .sort(cmp);
    bodies.set(name, body);
  }
  return body;
}

const BODIES = new WeakMap<DeviceSnapshot, Map<string, string[]>>();

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((l, i) => l === b[i]);
}

/** `captureDiffers`: one side prints DfltGrpPolicy in full and the other does not (see DeviceSnapshot.printsDefaults). */
function diffSettings(o: ReadonlyMap<string, SettingValue> | null, n: ReadonlyMap<string, SettingValue> | null, captureDiffers = false): SettingChange[] {
  const names = [...new Set([...(o?.keys() ?? []), ...(n?.keys() ?? [])])];
  const out: SettingChange[] = [];
  for (const setting of names) {
    const a = o?.get(setting) ?? null;
    const b = n?.get(setting) ?? null;
    // A secret typed in the clear on both sides and changed reads the same masked: said as changed.
    const secretChanged = a?.secretDigest !== undefined && b?.secretDigest !== undefined && a.secretDigest !== b.secretDigest;
    if (a?.value === b?.value && a?.layer === b?.layer && !secretChanged) continue;
    // (A DfltGrpPolicy line the tool does not model, on one side only, where only that side prints
    // DfltGrpPolicy in full: a default the capture printed, said once for the device.)
    if (captureDiffers && ((a === null && b?.quietAlone) || (b === null && a?.quietAlone))) continue;
    if ((a === null && b?.pairedOnly) || (b === null && a?.pairedOnly)) continue;
    // The new side's spelling wherever there is a new side (an upgrade to 8.4(1) writes `anyconnect`).
    const keyword = b !== null ? b.keyword : a?.keyword;
    out.push({
      setting,
      old: a?.value ?? null,
      new: b === null ? null : secretChanged && a.value === b.value ? `${b.value} (another secret)` : b.value,
      oldSource: a?.source ?? null,
      newSource: b?.source ?? null,
      ...(keyword === undefined ? {} : { keyword }),
    });
  }
  return out;
}

/**
 * The profiles a cut-short configuration stops in the middle of: the tunnel-group whose block the cut
 * falls in, or every profile on the group-policy whose block it falls in (their settings there are
 * partly missing). Empty when the cut is between blocks or the side is whole.
 */
function cutInProfiles(s: DeviceSnapshot | null): Set<string> {
  const out = new Set<string>();
  const line = s?.target.summary.parseProblems.find((p) => p.code === 'incomplete')?.line;
  if (s === null || line === undefined || line === null) return out;
  const { parsed, sectionIndex } = s.analysed;
  const top = parsed.sections[sectionIndex]!.topLevel.filter((i) => i < line).at(-1);
  if (top === undefined || parsed.blockEnd[top]! < line) return out;
  const words = tokenize(parsed.lines[top]!);
  if (words[0] === 'tunnel-group' && words[1] !== undefined) out.add(words[1]);
  if (words[0] === 'group-policy' && words[1] !== undefined)
    for (const [name, p] of s.profiles) if (p.settings.get('group-policy')?.value === words[1]) out.add(name);
  return out;
}

/**
 * Introduced and resolved findings, with the pairs that are one finding at a lower severity taken out
 * of both (`lowered`): the same rule, profile and object, less severe after the change.
 */
function lowerings(
  introduced: ReportedFinding[],
  resolved: ReportedFinding[],
  sameFinding: (f: ReportedFinding, translate: boolean) => string,
): DeviceDiff['findings'] {
  const olds = new Map<string, ReportedFinding[]>();
  for (const f of resolved) {
    const k = sameFinding(f, false);
    const list = olds.get(k);
    if (list === undefined) olds.set(k, [f]);
    else list.push(f);
  }
  const lowered: LoweredFinding[] = [];
  const paired = new Set<ReportedFinding>();
  const stillNew = introduced.filter((f) => {
    // One finding told the same way, or about the same line (client DPD off: an error while nothing
    // else detects a dead tunnel, a warning once DTLS is off); another message about another line
    // (an IPv6 server added as an IPv4 one is fixed) is another finding.
    const same = (o: ReportedFinding): boolean => o.messageId === f.messageId || (o.lineText !== null && o.lineText === f.lineText);
    const old = olds.get(sameFinding(f, true))?.find((o) => !paired.has(o) && same(o) && SEVERITY_RANK[o.severity] > SEVERITY_RANK[f.severity]);
    if (old === undefined) return true;
    paired.add(old);
    lowered.push({ finding: f, oldSeverity: old.severity });
    return false;
  });
  return { introduced: stillNew, resolved: resolved.filter((f) => !paired.has(f)), lowered };
}

function countKeys(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** A filter that keeps the findings (or problems) the other side does not have (counted, so duplicates pair up). */
function takeFrom<T>(other: Map<string, number>, keyOf: (f: T) => string): (f: T) => boolean {
  const left = new Map(other);
  return (f) => {
    const k = keyOf(f);
    const n = left.get(k) ?? 0;
    if (n === 0) return true;
    left.set(k, n - 1);
    return false;
  };
}

/**
 * Devices of two sides paired by hostname and context where each side has that hostname once, then by
 * file path and context; what is left stands alone (a device added or removed).
 */
export function pairDevices(
  before: readonly SideDevice[],
  after: readonly SideDevice[],
  /** Files moved (old path → new path, as git found them): an old file's device is at its new path. */
  moved: ReadonlyMap<string, string> = new Map(),
): Array<[DeviceSnapshot | null, DeviceSnapshot | null]> {
  const host = (d: SideDevice): string | null =>
    d.snapshot.target.summary.hostname === null ? null : `${d.snapshot.target.summary.hostname}\u0000${d.snapshot.target.summary.context ?? ''}`;
  const oldSide = new Set(before);
  const place = (d: SideDevice): string => `${oldSide.has(d) ? (moved.get(d.path) ?? d.path) : d.path}\u0000${d.snapshot.target.summary.context ?? ''}`;
  const unique = (side: readonly SideDevice[]): Map<string, SideDevice> => {
    const counts = new Map<string, number>();
    for (const d of side) if (host(d) !== null) counts.set(host(d)!, (counts.get(host(d)!) ?? 0) + 1);
    return new Map(side.filter((d) => host(d) !== null && counts.get(host(d)!) === 1).map((d) => [host(d)!, d]));
  };
  const afterByHost = unique(after);
  const beforeHosts = unique(before);
  const unmatched = new Set(after);
  const pairs: Array<[DeviceSnapshot | null, DeviceSnapshot | null]> = [];
  const matchOf = (o: SideDevice): SideDevice | undefined => {
    const h = host(o);
    const byHost = h !== null && beforeHosts.get(h) === o ? afterByHost.get(h) : undefined;
    if (byHost && unmatched.has(byHost)) return byHost;
    // A file git found moved pairs by its new place only where the hostnames do not tell the devices
    // apart (the same name, or one shared with other files): a retired device and a new one made from
    // its template are two devices, however alike git finds their files.
    const moves = moved.has(o.path);
    const ambiguous = (d: SideDevice, side: ReadonlyMap<string, SideDevice>): boolean => host(d) === null || side.get(host(d)!) !== d;
    return [...unmatched].find(
      (n) =>
        place(n) === place(o) &&
        (moves
          ? host(n) === host(o) || ambiguous(o, beforeHosts) || ambiguous(n, afterByHost)
          : host(n) === null || !beforeHosts.has(host(n)!) || host(n) === host(o)),
    );
  };
  const matched = new Map<SideDevice, SideDevice>();
  for (const o of before) {
    const n = matchOf(o);
    if (n === undefined) continue;
    unmatched.delete(n);
    matched.set(o, n);
  }
  // What is left: a hostname one device on each side still has (a file renamed among others of the
  // same name, `ciscoasa`, once the others paired by path) is that device.
  const left = before.filter((o) => !matched.has(o));
  for (const o of left) {
    const h = host(o);
    if (h === null || left.filter((x) => host(x) === h).length !== 1) continue;
    const candidates = [...unmatched].filter((n) => host(n) === h);
    if (candidates.length !== 1) continue;
    unmatched.delete(candidates[0]!);
    matched.set(o, candidates[0]!);
  }
  for (const o of before) pairs.push([o.snapshot, matched.get(o)?.snapshot ?? null]);
  for (const n of after) if (unmatched.has(n)) pairs.push([null, n.snapshot]);
  return pairs;
}

/** The findings a change introduces at or above a severity (`--fail-on-new`). */
export function introducedAtLeast(diffs: readonly DeviceDiff[], severity: Severity): ReportedFinding[] {
  return distinct(diffs.flatMap((d) => introducedParts(d).news.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[severity])));
}
