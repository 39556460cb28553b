// Words shared by the reports of `diff`, `what-if` and `plan`: how an iOS DNS outcome changed, domain
// by domain, and how a setting changed, with where each side's value came from.

import type { ReportedFinding } from '../audit/result.js';
import type { DeviceDiff, LoweredFinding, NotPlanned, ProfileDiff, SettingChange } from '../change/result.js';
import { distinct, introducedParts } from '../change/result.js';
import { d0Words, type IosDnsSummary } from '../explain/ios-dns.js';
import { queryVerdict } from '../explain/query.js';
import type { MergeProblem } from '../model/merge.js';

/** What the reports of a change are given. */
export interface ChangeReportInput {
  diffs: DeviceDiff[];
  /** what-if: lines of the change script that could not be applied. */
  problems?: MergeProblem[];
  /** what-if: the change script's name, for its problems. */
  scriptFile?: string;
  cwd: string;
  tool: { name: string; version: string };
  /** The file an annotation points at for a source (a git side `REV:path` becomes `path`). */
  fileOf: (source: string) => string;
  /** markdown: cut the report to this many bytes (default: a pull-request comment's limit). */
  maxBytes?: number;
  /** Files that could not be read as configurations (a git filter not set up here, a binary): every format names them. */
  notRead?: Array<{ source: string; line: number | null; message: string }>;
}

/** Where a plan's script is pasted: a script that starts with `changeto` enters configuration mode itself. */
export function pasteWhere(script: string): string {
  return /^changeto /.test(script)
    ? 'Paste in privileged EXEC mode (the script changes context and enters configuration mode itself)'
    : 'Paste in configuration mode';
}

/** A plan's remaining findings with identical words, once each with how many (findings on several lines of one policy read alike). */
export function groupedRemains<T extends { ruleId: string; tunnelGroup: string | null; why: string }>(remains: readonly T[]): Array<T & { count: number }> {
  const out: Array<T & { count: number }> = [];
  for (const r of remains) {
    const same = out.find((o) => o.ruleId === r.ruleId && o.tunnelGroup === r.tunnelGroup && o.why === r.why);
    if (same) same.count++;
    else out.push({ ...r, count: 1 });
  }
  return out;
}

/** The heading of the undo block of lines to paste later, in every plan format: a held move's, or another held step's. */
export function undoHeading(n: { ruleId: string }): string {
  return n.ruleId === 'profile-name-special-chars'
    ? 'To undo the move (paste it before any rollback that removes the copy: the ways in on it would go too)'
    : "To undo these lines (paste it before the plan's rollback)";
}

const OUTCOME: Record<IosDnsSummary['outcome'], string> = {
  'all-tunneled': 'every query tunnelled',
  'split-dns-list': 'listed domains tunnelled, the rest in the clear',
  'default-domain-only': 'only the default domain tunnelled',
  'all-clear': 'every query in the clear',
  undocumented: 'not documented by the guide',
};

/** "(D3)", or "(D1, inferred)" where the row is the tool's inference, not the guide's statement. */
function rowLabel(s: { row: string; basis?: IosDnsSummary['basis'] }): string {
  return s.basis === 'inferred' ? `(${s.row}, inferred)` : `(${s.row})`;
}

export function outcomeWords(s: IosDnsSummary): string {
  return `${OUTCOME[s.outcome]} ${rowLabel(s)}`;
}

/** An outcome with the domains it tunnels, when it tunnels only some: "only a, b tunnelled, the rest in the clear (D3)". */
function outcomeWithDomains(s: { outcome: IosDnsSummary['outcome']; row: string; basis?: IosDnsSummary['basis']; tunneledDomains: readonly string[] }): string {
  if ((s.outcome === 'split-dns-list' || s.outcome === 'default-domain-only') && s.tunneledDomains.length > 0)
    return `only ${s.tunneledDomains.join(', ')} tunnelled, the rest in the clear ${rowLabel(s)}`;
  return `${OUTCOME[s.outcome]} ${rowLabel(s)}`;
}

/**
 * Where a name's queries go on one side, as `explain-dns --query` says: under excludespecified both
 * readings, and "in the clear" when every pushed server is excluded (row D6's exception).
 */
function fateOf(s: IosDnsSummary, { tunnelled, literal }: DomainIndex, name: string): { via: string; words: string } {
  // Only the domains the name falls under: where its queries go depends on those alone, and
  // queryVerdict scans every domain it is given (per name, that was quadratic: 10,000 split-dns
  // domains took 20 s).
  const v = queryVerdict(
    {
      outcome: s.outcome,
      tunneledDomains: domainsAbove(tunnelled, name),
      literalDomains: domainsAbove(literal, name),
      defaultDomain: null,
      excludedDnsServers: s.excludedDnsServers,
      allDnsServersExcluded: s.allDnsServersExcluded,
    },
    name,
  );
  const words =
    v.via === 'tunnel'
      ? s.outcome === 'undocumented'
        ? 'tunnelled under both readings'
        : 'tunnelled'
      : v.via === 'clear'
        ? s.outcome === 'undocumented'
          ? 'most likely in the clear (every DNS server excluded; inferred)'
          : 'in the clear'
        : 'most likely tunnelled, in the clear read literally';
  return { via: v.via, words };
}

/** A side's domains by their normalised name (as queryVerdict compares them): tunnelled, and tunnelled read literally. */
interface DomainIndex {
  tunnelled: Map<string, string[]>;
  literal: Map<string, string[]>;
}

function domainIndex(s: IosDnsSummary): DomainIndex {
  return { tunnelled: byName(s.tunneledDomains), literal: byName(s.literal?.tunneledDomains ?? []) };
}

const normalised = (domain: string): string => domain.trim().toLowerCase().replace(/\.+$/, '');

function byName(domains: readonly string[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const d of domains) {
    const key = normalised(d);
    if (key === '') continue;
    const same = index.get(key);
    if (same) same.push(d);
    else index.set(key, [d]);
  }
  return index;
}

/** The domains a name is or falls under (`hr.corp.example.com`: `corp.example.com`, `example.com`), found by its suffixes. */
function domainsAbove(index: ReadonlyMap<string, string[]>, name: string): string[] {
  const n = normalised(name);
  const found = [...(index.get(n) ?? [])];
  for (let dot = n.indexOf('.'); dot !== -1; dot = n.indexOf('.', dot + 1)) found.push(...(index.get(n.slice(dot + 1)) ?? []));
  return found;
}

/**
 * "corp.example.com: tunnelled → in the clear", one line per domain whose fate changed, then the
 * outcome. A domain's fate is judged as iOS matches names: `hr.corp.example.com` goes wherever
 * `corp.example.com` (or `example.com`) sends it, whatever the case of the letters.
 */
export function dnsChangeLines(old: IosDnsSummary | null, neu: IosDnsSummary | null): string[] {
  if (old === null && neu === null) return [];
  if (old === null) return [`iOS DNS: ${outcomeWords(neu!)}${neu!.tunneledDomains.length > 0 ? `: ${neu!.tunneledDomains.join(', ')}` : ''}`];
  if (neu === null) return [];
  const lines: string[] = [];
  // One line per name, whichever side spelled it (a change of case alone moves nothing); under
  // excludespecified the names the literal reading tunnels count too.
  const names = new Map<string, string>();
  const named = (s: IosDnsSummary): string[] => [...s.tunneledDomains, ...(s.literal?.tunneledDomains ?? [])];
  for (const d of [...named(old), ...named(neu)]) if (!names.has(d.toLowerCase())) names.set(d.toLowerCase(), d);
  const [oldIndex, newIndex] = [domainIndex(old), domainIndex(neu)];
  for (const d of [...names.values()].sort()) {
    // (Where the queries go decides; "tunnelled" and "tunnelled under both readings" are the same fate.)
    const [was, now] = [fateOf(old, oldIndex, d), fateOf(neu, newIndex, d)];
    if (was.via !== now.via) lines.push(`iOS DNS ${d}: ${was.words} → ${now.words}`);
  }
  if (old.outcome !== neu.outcome || old.row !== neu.row) lines.push(`iOS DNS: ${outcomeWithDomains(old)} → ${outcomeWithDomains(neu)}`);
  // Row D6's exception: pushed servers in excluded networks take the queries sent to them out of the tunnel.
  const excludedWords = (s: IosDnsSummary): string =>
    s.excludedDnsServers.length === 0
      ? 'none'
      : `${s.excludedDnsServers.join(', ')}${s.allDnsServersExcluded ? ' (every one pushed: queries most likely leave the tunnel, in the clear; inferred)' : ''}`;
  if (excludedWords(old) !== excludedWords(neu)) lines.push(`iOS DNS servers in excluded networks: ${excludedWords(old)} → ${excludedWords(neu)}`);
  // Per-app VPN (M5): the outcome is then the selected apps'; other apps' DNS stays outside the tunnel.
  const perApp = (s: IosDnsSummary): string =>
    s.perApp === null ? 'off (every app)' : `per-app VPN ${s.perApp}: only the selected apps' queries; other apps' DNS stays outside [inferred]`;
  if (perApp(old) !== perApp(neu)) lines.push(`iOS DNS applies to: ${perApp(old)} → ${perApp(neu)}`);
  // excludespecified on both sides (D6/D7): the guide's bullets read literally give another outcome,
  // which can change while the row does not.
  if (old.literal !== null && neu.literal !== null && outcomeWithDomains(old.literal) !== outcomeWithDomains(neu.literal))
    lines.push(`iOS DNS, the guide read literally: ${outcomeWithDomains(old.literal)} → ${outcomeWithDomains(neu.literal)}`);
  // Row D0 holds whatever the row: with no resolver pushed, no query reaches corporate DNS (M4).
  const resolver = (s: IosDnsSummary): string => (s.noResolver ? `none pushed (row D0: ${d0Words(s.row)})` : 'pushed');
  if (old.noResolver !== neu.noResolver) lines.push(`iOS DNS tunnel resolver: ${resolver(old)} → ${resolver(neu)}`);
  return lines;
}

export function settingLine(s: SettingChange): string {
  const side = (v: string | null, src: string | null): string => (v === null ? '(none)' : src ? `${v} (${src})` : v);
  return `${s.keyword ?? s.setting}: ${side(s.old, s.oldSource)} → ${side(s.new, s.newSource)}`;
}

/** The profiles of one device in a change report (a diff's, or a plan's changes), to find a profile's copy or original. */
type Neighbours = readonly ProfileDiff[];

/**
 * Whether a copy's reach is not news: its original is still there and reachable, so users keep using
 * the original until they move (a plan's copy, waiting). A copy whose original went, or lost its ways
 * in, is compared as any profile.
 */
function waitingCopy(p: ProfileDiff, profiles: Neighbours): boolean {
  if (p.copyOf === undefined) return false;
  const original = profiles.find((q) => q.tunnelGroup === p.copyOf);
  // Not among the profiles given (a plan's changes, a table of changed profiles): it did not change.
  if (original === undefined) return true;
  // The copy took some of its ways in: their users are the copy's now, and compared as such.
  const gaveWaysIn = original.settings.some((s) => WAYS_IN.has(s.setting));
  return !gaveWaysIn && original.status !== 'removed' && original.mobileFacing.new === true;
}

/** The settings that send clients to a profile by choice. */
const WAYS_IN: ReadonlySet<string> = new Set(['group-alias', 'group-url', 'certificate maps']);

/** The copy a change made of this profile (a rename), if any. */
function copyMadeOf(p: ProfileDiff, profiles: Neighbours): ProfileDiff | undefined {
  return profiles.find((q) => q.copyOf === p.tunnelGroup);
}

/** A profile that clients could select before and cannot after (or the reverse). */
export function reachChange(p: ProfileDiff, profiles: Neighbours = []): 'now unreachable' | 'now reachable' | null {
  if (waitingCopy(p, profiles)) return null;
  const s = p.settings.find((x) => x.setting === 'mobile-facing');
  if (!s || s.old === null || s.new === null) return null;
  if (s.old.startsWith('yes') && s.new === 'no') return 'now unreachable';
  if (s.old === 'no' && s.new.startsWith('yes')) return 'now reachable';
  return null;
}

/** The protocols a `mobile-facing` value lets AnyConnect clients in with (`yes: SSL and IKEv2 via ...`). */
function protocolsOf(value: string | null): string[] {
  const m = value === null ? null : /^yes: (.*?) via /.exec(value);
  return m === null ? [] : m[1]!.split(' and ');
}

/** A protocol a profile stays reachable by gained or lost: "no longer reachable over SSL". */
function protocolChange(p: ProfileDiff, profiles: Neighbours = []): string | null {
  if (waitingCopy(p, profiles)) return null;
  const s = p.settings.find((x) => x.setting === 'mobile-facing');
  if (!s || s.old === null || s.new === null || !s.old.startsWith('yes') || !s.new.startsWith('yes')) return null;
  const [before, after] = [protocolsOf(s.old), protocolsOf(s.new)];
  const lost = before.filter((x) => !after.includes(x));
  const gained = after.filter((x) => !before.includes(x));
  return lost.length > 0 ? `no longer reachable over ${lost.join(' or ')}` : gained.length > 0 ? `now also reachable over ${gained.join(' and ')}` : null;
}

/**
 * How a profile's reach reads in a change report: its change, or that AnyConnect clients cannot reach
 * it at all (so its iOS DNS lines describe what a phone would get if it could). `profiles`: the
 * device's other profile entries, so a rename reads as one (the original's ways in went to its copy).
 */
export function reachWords(p: ProfileDiff, profiles: Neighbours = []): string | null {
  const copy = copyMadeOf(p, profiles);
  const change = reachChange(p, profiles) ?? protocolChange(p, profiles);
  if (copy !== undefined && change !== null && change !== 'now reachable' && !change.startsWith('now also'))
    return `its ways in moved to its copy ${copy.tunnelGroup}`;
  if (change !== null) return change;
  return (p.mobileFacing.new ?? p.mobileFacing.old) === false ? 'not mobile-facing' : null;
}

/** How clients reached a profile a change removes ("was reachable: SSL via group-alias X"), or null. */
export function removedReach(p: ProfileDiff): string | null {
  if (p.status !== 'removed' || p.mobileFacing.old !== true) return null;
  const old = p.settings.find((x) => x.setting === 'mobile-facing')?.old;
  return old ? `clients reached it: ${old.replace(/^yes: /, '')}` : null;
}

/**
 * Why a profile's findings stop being reported without being fixed: it was removed (not as a rename:
 * a copy carries them), or clients can no longer reach it. Null when neither happened.
 */
export function reachLost(d: DeviceDiff, p: ProfileDiff): string | null {
  // A renamed profile's users and findings go to its copy.
  if (copyMadeOf(p, d.profiles) !== undefined) return null;
  // Not in the part a cut-short side holds: perhaps removed, perhaps only in the missing part.
  if (p.unseenOn !== undefined) return null;
  if (p.status === 'removed') return 'removed';
  return reachChange(p, d.profiles) === 'now unreachable' ? 'now unreachable' : null;
}

/** A way in a change takes from a profile: removed, cut off, or one protocol less (see reachLost, protocolLost); null if none. */
export function wayInLost(d: DeviceDiff, p: ProfileDiff): string | null {
  return reachLost(d, p) ?? protocolLost(p, d.profiles);
}

/** A protocol the profile can no longer be reached over, while it stays reachable ("no longer reachable over SSL"), or null. */
export function protocolLost(p: ProfileDiff, profiles: Neighbours = []): string | null {
  if (copyMadeOf(p, profiles) !== undefined) return null;
  // On a cut-short side, a way in missing may be in the part that is missing.
  if (p.unseenOn !== undefined) return null;
  const change = protocolChange(p, profiles);
  return change?.startsWith('no longer') ? change : null;
}

/**
 * The findings a device no longer has, split: fixed; gone without a fix (with a removed device, or
 * with a profile that was removed or cut off); and those of a profile that lost a protocol, which
 * may be fixed or may only have gone with the protocol (an SSL keepalive finding after `no anyconnect
 * enable`): the tool cannot tell, so it says so. JSON keeps them all in `findings.resolved`.
 */
export function resolvedParts(d: DeviceDiff): { fixed: ReportedFinding[]; gone: ReportedFinding[]; unsure: ReportedFinding[]; unseen: ReportedFinding[] } {
  if (d.new === null) return { fixed: [], gone: d.findings.resolved, unsure: [], unseen: [] };
  const unseenProfiles = new Set(d.profiles.filter((p) => p.unseenOn !== undefined).map((p) => p.tunnelGroup));
  const lost = new Set(d.profiles.filter((p) => reachLost(d, p) !== null).map((p) => p.tunnelGroup));
  const narrowed = new Set(d.profiles.filter((p) => protocolLost(p, d.profiles) !== null).map((p) => p.tunnelGroup));
  // A renamed profile's findings are its copy's: they go or may go with what the copy lost.
  for (const p of d.profiles) {
    const copy = copyMadeOf(p, d.profiles);
    if (copy === undefined) continue;
    if (copy.status === 'added' && reachChange(copy, d.profiles) === 'now unreachable') lost.add(p.tunnelGroup);
    else if (protocolLost(copy, d.profiles) !== null) narrowed.add(p.tunnelGroup);
  }
  const fixed: ReportedFinding[] = [];
  const gone: ReportedFinding[] = [];
  const unsure: ReportedFinding[] = [];
  const unseen: ReportedFinding[] = [];
  for (const f of d.findings.resolved) {
    if (f.tunnelGroup !== null && unseenProfiles.has(f.tunnelGroup)) unseen.push(f);
    else if (f.tunnelGroup !== null && lost.has(f.tunnelGroup)) gone.push(f);
    else if (f.tunnelGroup !== null && narrowed.has(f.tunnelGroup)) unsure.push(f);
    else fixed.push(f);
  }
  return { fixed, gone, unsure, unseen };
}

/** The heading of the resolved findings of profiles that lost a protocol. */
export const UNSURE_HEADING = 'findings resolved on profiles that lost a protocol: fixed, or only no longer reported with it (check)';

/** Inputs a plan run could not plan for (unreadable, cut short, or a plan withheld). */
export const NOT_PLANNED_HEADING = 'Not planned (no script for these: fix what is said, then plan again)';

/** One input that got no plan, and why. */
export function notPlannedWords(n: NotPlanned): string {
  return `${n.source}${n.context ? ` (context ${n.context})` : ''}: ${n.why}`;
}

/** The heading of the findings of profiles the cut-short new side does not hold. */
export const UNSEEN_HEADING = 'findings not checked: their profile is not, or not wholly, in the part a cut-short side holds (gone, or in the missing part)';

/** The heading of the new side's findings on profiles the cut-short old side does not hold. */
export const UNSEEN_OLD_HEADING =
  'findings not checked as new: their profile is not, or not wholly, in the part a cut-short side holds (new, or in the missing part)';

/** The heading of findings still there at a lower severity. */
export const LOWERED_HEADING = 'findings now less severe';

/** What a finding now less severe was, said after its (new) severity. */
export function loweredPrefix(l: LoweredFinding): string {
  return `(was ${l.oldSeverity})`;
}

/** A profile on one side only, the other cut short: what `added` or `removed` may mean. */
export function unseenWords(p: ProfileDiff): string {
  if (p.unseenOn === undefined) return '';
  // A profile whose settings the cut falls in: part of the change may be the cut.
  if (p.status !== 'added' && p.status !== 'removed') return ` (the cut-short ${p.unseenOn} side stops inside its settings: some of this may be the cut)`;
  return ` (or only in the missing part of the cut-short ${p.unseenOn} side)`;
}

/** The heading of the findings a device no longer has without a fix. */
export function goneHeading(d: DeviceDiff): string {
  return d.new === null ? 'findings gone with the device' : 'findings no longer reported, not fixed: their profile was removed or lost reach';
}

/**
 * The findings a change introduced, resolved, and took away without a fix, for the summary lines:
 * with devices it removed, and with profiles it removed or cut off (JSON keeps them in `findings.resolved`).
 */
export function findingTotals(diffs: readonly DeviceDiff[]): {
  introduced: number;
  resolved: number;
  gone: number;
  lostReach: number;
  unsure: number;
  unseen: number;
  lowered: number;
} {
  // (Each list across devices, a finding in a file several devices share counted once.)
  const all = { introduced: [], resolved: [], gone: [], lostReach: [], unsure: [], unseen: [], lowered: [] } as Record<string, ReportedFinding[]>;
  for (const d of diffs) {
    const news = introducedParts(d);
    all.introduced!.push(...news.news);
    const parts = resolvedParts(d);
    all.resolved!.push(...parts.fixed, ...parts.unsure);
    all.unsure!.push(...parts.unsure);
    all.unseen!.push(...parts.unseen, ...news.unseen);
    all.lowered!.push(...d.findings.lowered.map((l) => l.finding));
    (d.new === null ? all.gone! : all.lostReach!).push(...parts.gone);
  }
  const n = (k: string): number => distinct(all[k]!).length;
  return {
    introduced: n('introduced'),
    resolved: n('resolved'),
    gone: n('gone'),
    lostReach: n('lostReach'),
    unsure: n('unsure'),
    unseen: n('unseen'),
    lowered: n('lowered'),
  };
}

/**
 * What follows a summary's resolved count: how many of them are on profiles that lost a protocol,
 * and the findings that went with removed devices or profiles; '' when none.
 */
export function goneWords(totals: { gone: number; lostReach: number; unsure?: number; unseen?: number; lowered?: number }): string {
  const unsure = totals.unsure ?? 0;
  const unseen = totals.unseen ?? 0;
  const lowered = totals.lowered ?? 0;
  return `${unsure === 0 ? '' : ` (${unsure} on profiles that lost a protocol: check)`}${lowered === 0 ? '' : `, ${lowered} less severe`}${totals.gone === 0 ? '' : `, ${totals.gone} gone with removed devices`}${
    totals.lostReach === 0 ? '' : `, ${totals.lostReach} no longer reported: their profiles were removed or lost reach (not fixed)`
  }${unseen === 0 ? '' : `, ${unseen} not checked: their profiles are not in the part a cut-short configuration holds`}`;
}

/** Whether a profile entry has an old side to compare with: it was there, or it is a copy of one that was. */
export function hasOldSide(p: ProfileDiff): boolean {
  return p.status !== 'added' || p.copyOf !== undefined;
}

/** `, a copy of X (...)` for an added profile that is a rename of an existing one. */
export function copyWords(p: ProfileDiff): string {
  return p.copyOf === undefined ? '' : `, a copy of ${p.copyOf} (a rename: what follows, and its findings, are compared with ${p.copyOf})`;
}

/** How device setting changes are introduced: they reach more than the profiles listed (site-to-site tunnels, local users). */
export const DEVICE_WIDE = 'Beyond the connection profiles (device-wide settings, site-to-site tunnels, local users)';

/** Each side that is not a whole configuration: why the device was not compared (or compared anyway). */
export function incompleteLines(d: DeviceDiff): string[] {
  return d.incomplete.map((i) =>
    i.kind === 'unreadable'
      ? `not compared: the ${i.side} side ${i.source}${i.line !== null ? ` (line ${i.line})` : ''} could not be read as a configuration: ${i.message}`
      : `${d.compared ? 'compared although incomplete' : 'not compared'}: the ${i.side} side ${i.source}${i.line !== null ? ` (line ${i.line})` : ''}: ${i.message}${d.compared || i.missing === true ? '' : '; --allow-incomplete compares it anyway'}`,
  );
}

/** Why devices were not compared, for a summary line: `(incomplete)`, `(unreadable)` or both. */
export function notComparedWhy(diffs: readonly DeviceDiff[]): string {
  const kinds = new Set(diffs.filter((d) => !d.compared).flatMap((d) => d.incomplete.map((i) => i.kind)));
  return `(${[...kinds].sort().join(' or ')})`;
}

export function deviceTitle(d: DeviceDiff): string {
  return `${d.hostname ?? d.new ?? d.old ?? '?'}${d.context ? ` [context ${d.context}]` : ''}`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
