// Small helpers rules share: where a fix goes, which line to point at, how to word a source.
// They read the resolved model only.

import { lastKeyMemo } from '../common/last-key-memo.js';
import { atLeast } from '../parse/version.js';
import { DEFAULT_GROUP_POLICY, type DeviceModel } from '../model/types.js';
import { isLegacy, type Effective, type ResolvedDevice, type ResolvedProfile } from '../resolve/resolve.js';
import type { PolicyAttributeKey } from '../model/policy-attributes.js';
import { customTypeRenameClash, type Remedy } from './remedy.js';
import type { LineChoice } from './types.js';
import { lineRef } from './line-names.js';

export { lineRef } from './line-names.js';

/**
 * The remedy for a per-profile policy attribute: in the profile's own policy (DfltGrpPolicy when it
 * uses that). None for an external policy, whose attributes live on the RADIUS server; a policy the
 * config names but does not define is created first.
 */
export function profileRemedy(profile: ResolvedProfile, mode: 'attributes' | 'webvpn', lines: string[]): Remedy | null {
  if (profile.policyLayer === 'external') return null;
  return { kind: 'policy', policy: profile.groupPolicy, create: profile.policyLayer === 'missing', mode, lines, profile: profile.name };
}

/**
 * Renaming a misspelled per-app type to `perapp`, or, when that would merge two data values or two
 * assignments into one (a broken base64 policy), what to do by hand instead.
 */
export function renameToPerapp(model: DeviceModel, type: string): { remedy: Remedy } | { needsInput: string } {
  const clash = customTypeRenameClash(model, type, 'perapp');
  if (clash === null) return { remedy: { kind: 'rename-custom-type', from: type, to: 'perapp' } };
  return {
    needsInput: `the rename of ${type} to perapp, by hand: ${clash} (the ASA appends data lines of one name), so decide which value phones should get first`,
  };
}

/** The remedy for lines of a named policy that exists (DfltGrpPolicy included). */
export function policyRemedy(policy: string, mode: 'attributes' | 'webvpn', lines: string[], profile: string | null): Remedy {
  return { kind: 'policy', policy, create: false, mode, lines, profile };
}

/** `svc` before 8.4(1) or when the config already uses it, `anyconnect` otherwise. */
export function clientKeyword(model: DeviceModel, e: Effective<unknown>): 'svc' | 'anyconnect' {
  // The keyword follows the release: 8.4(1) and later take `anyconnect` even where an old `svc` line
  // was converted; only without a version line does the line's own spelling decide.
  if (model.version) return atLeast(model.version, '8.4(1)') ? 'anyconnect' : 'svc';
  return isLegacy(e) ? 'svc' : 'anyconnect';
}

/**
 * The line a finding points at: the line that set the effective value, or, for a built-in default,
 * the line where the profile's policy should set it (its webvpn sub-mode or attributes block).
 */
export function lineFor(model: DeviceModel, profile: ResolvedProfile, e: Effective<unknown>, mode: 'attributes' | 'webvpn'): LineChoice {
  if (e.line !== null) return { line: e.line, role: 'offending' };
  // An external policy's attributes live on the RADIUS server: no line of this file should set them.
  if (profile.policyLayer === 'external') return { line: null, role: 'offending' };
  const policy = model.groupPolicies.get(profile.policyLayer === 'DfltGrpPolicy' ? DEFAULT_GROUP_POLICY : profile.groupPolicy);
  const candidates = [
    mode === 'webvpn' ? policy?.webvpnLine : null,
    policy?.attributeBlockLines[0],
    policy?.declarationLine,
    profile.groupPolicyLine,
    profile.tunnelGroup.general.line,
    profile.tunnelGroup.firstLine,
  ];
  const line = candidates.find((c): c is number => typeof c === 'number') ?? null;
  return { line, role: 'should-set' };
}

/** "set in group-policy GP (line 12)", "inherited from DfltGrpPolicy (line 30)", "the built-in default [recalled]". */
export function sourcePhrase(e: Effective<unknown>, lineName: (line: number) => string = lineRef): string {
  switch (e.from) {
    case 'group-policy':
      return `set in group-policy ${e.groupPolicy} (${lineName(e.line)})`;
    case 'DfltGrpPolicy':
      return `inherited from DfltGrpPolicy (${lineName(e.line)})`;
    case 'global':
      return `set at ${lineName(e.line)}`;
    case 'default':
      return `not set in any policy: the built-in default${e.basis === 'recalled' || e.basis === 'inferred' ? ` [${e.basis}]` : ''}${e.note ? ` (${e.note})` : ''}`;
  }
}

/** Adds the "where it should be set" clause for built-in defaults. */
export function shouldSetClause(choice: LineChoice, what: string): string {
  if (choice.role !== 'should-set' || choice.line === null) return '';
  // `Line 12 is where ...`; a change script's line keeps its file name as written (`change.txt line 3 is ...`).
  const where = lineRef(choice.line).replace(/^line /, 'Line ');
  return ` ${where} is where ${what} should be set.`;
}

export { describeCharacters, nameCharacters, safeName } from './names.js';

/** The policy that will receive a fix, worded for messages. */
export function policyLabel(profile: ResolvedProfile): string {
  if (profile.policyLayer === 'DfltGrpPolicy') return 'DfltGrpPolicy';
  if (profile.policyLayer === 'external') return `the RADIUS attributes of external group-policy ${profile.groupPolicy}`;
  return `group-policy ${profile.groupPolicy}`;
}

/**
 * Where a value only the user knows is to be entered (a needs-input): the profile's policy, with every
 * other profile the line would reach too, so the collateral is seen before typing: for DfltGrpPolicy
 * (a profile that uses it itself), those whose policy does not set the attribute either; for a
 * group-policy several profiles name, those profiles.
 */
export function enterIn(profile: ResolvedProfile, device: ResolvedDevice, attribute: PolicyAttributeKey, keyword: string): string {
  const label = policyLabel(profile);
  const alone = `to change ${profile.name} alone, give it a group-policy of its own`;
  const some = (others: OtherNames, verb: string): string =>
    `${others.count === 1 ? 'profile' : 'profiles'} ${others.count <= 5 ? others.first.slice(0, others.count).join(', ') : `${others.first.slice(0, 3).join(', ')} and ${others.count - 3} more`} ${verb}${others.count === 1 ? 's' : ''}`;
  const index = profileIndex(device);
  if (profile.policyLayer === 'defined') {
    const sharing = othersThan(index.byPolicy.get(profile.groupPolicy) ?? [], profile, true);
    return sharing.count === 0 ? label : `${label} (${some(sharing, 'use')} it too; ${alone})`;
  }
  if (profile.policyLayer !== 'DfltGrpPolicy') return label;
  // (A profile on DfltGrpPolicy takes every attribute from there or the default: it is in the list.)
  const reached = othersThan(index.reaching(attribute), profile, true);
  return reached.count === 0 ? label : `${label} (${some(reached, 'take')} ${keyword} from there too; ${alone})`;
}

/** How many other profiles a list holds, and the first few of them (enough for a short sentence). */
interface OtherNames {
  count: number;
  first: string[];
}

/**
 * A list of profile names without `profile` (which it holds when `holdsSelf`: names are unique),
 * counted, its first six kept: never a copy of a long list.
 */
function othersThan(names: readonly string[], profile: ResolvedProfile, holdsSelf: boolean): OtherNames {
  const first: string[] = [];
  for (let i = 0; i < names.length && first.length < 6; i++) if (names[i] !== profile.name) first.push(names[i]!);
  return { count: names.length - (holdsSelf ? 1 : 0), first };
}

/**
 * Who shares what, per device, in profile order: the profiles on each defined group-policy, and per
 * attribute those that take it from DfltGrpPolicy or the built-in default. Worked out once: every
 * profile of a large configuration may ask (a quadratic scan per finding before).
 */
const profileIndex = lastKeyMemo((device: ResolvedDevice): { byPolicy: Map<string, string[]>; reaching: (attribute: PolicyAttributeKey) => string[] } => {
  const byPolicy = new Map<string, string[]>();
  for (const o of device.profiles)
    if (o.policyLayer === 'defined') (byPolicy.get(o.groupPolicy) ?? byPolicy.set(o.groupPolicy, []).get(o.groupPolicy)!).push(o.name);
  const byAttribute = new Map<PolicyAttributeKey, string[]>();
  const reaching = (attribute: PolicyAttributeKey): string[] => {
    let names = byAttribute.get(attribute);
    if (names === undefined) {
      names = device.profiles
        .filter((o) => o.policyLayer !== 'external' && o.policyLayer !== 'missing')
        .filter((o) => o.attributes[attribute].from === 'DfltGrpPolicy' || o.attributes[attribute].from === 'default')
        .map((o) => o.name);
      byAttribute.set(attribute, names);
    }
    return names;
  };
  return { byPolicy, reaching };
});

/** enterIn's words on a policy's reach: a plan that gives the profile its own policy says where instead. */
export const POLICY_REACH = / \(profiles? .* (takes? [a-z-]+ from there|uses? it) too; to change .* alone, give it a group-policy of its own\)/;

/** "A, B and C" or "5 mobile profiles (A, B, C, ...)" for device-wide messages. */
export function profileList(names: string[]): string {
  if (names.length <= 3) return `mobile profile${names.length > 1 ? 's' : ''} ${names.join(', ')}`;
  return `${names.length} mobile profiles (${names.slice(0, 3).join(', ')}, ...)`;
}
