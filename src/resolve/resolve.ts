// Vendor model → what each connection profile really gets: its default-group-policy, then
// DfltGrpPolicy, then the built-in defaults. Every effective value says where it came from.

import type { Basis, BuiltInDefault } from '../model/basis.js';
import { builtInTunnelGroup } from '../model/build.js';
import { POLICY_ATTRIBUTES, type PolicyAttributeKey, type PolicyAttributeSpec, type PolicyAttributeValues } from '../model/policy-attributes.js';
import type { Setting } from '../model/setting.js';
import { DEFAULT_GROUP_POLICY, type DeviceModel, type GroupPolicy, type TunnelGroup } from '../model/types.js';
import { builtInNatTraversal } from './defaults.js';

/** Where an effective value came from. `global` is for device-wide lines (NAT-T), which belong to no policy. */
export type Provenance =
  | { from: 'group-policy' | 'DfltGrpPolicy'; groupPolicy: string; line: number; legacy?: boolean }
  | { from: 'global'; groupPolicy: null; line: number }
  | { from: 'default'; groupPolicy: null; line: null; basis: Basis; note?: string };

export type ValueSource = Provenance['from'];

/**
 * An effective value: `value` with the value, or `none` (explicitly off or empty), each with where it
 * came from. Rules narrow on `state` once instead of checking a nullable value.
 */
export type Effective<T> = Provenance & ({ state: 'value'; value: T } | { state: 'none' });

export type EffectivePolicy = { [K in PolicyAttributeKey]: Effective<PolicyAttributeValues[K]> };

/** Why the profile's own policy layer is what it is. */
export type PolicyLayerState =
  | 'defined' // an internal policy in this config
  | 'DfltGrpPolicy' // the profile uses DfltGrpPolicy itself
  | 'external' // attributes come from a RADIUS server at login: unknown offline
  | 'missing'; // named but not defined in this config

export interface ResolvedProfile {
  tunnelGroup: TunnelGroup;
  name: string;
  /** The policy named by `default-group-policy`, or DfltGrpPolicy when absent. */
  groupPolicy: string;
  groupPolicyLine: number | null;
  policyLayer: PolicyLayerState;
  attributes: EffectivePolicy;
  /** `anyconnect-custom TYPE`, by TYPE, resolved the same way. */
  customAttributes: Map<string, Effective<string>>;
}

export interface ResolvedDevice {
  model: DeviceModel;
  /** Remote-access profiles (plus the built-in DefaultRAGroup and DefaultWEBVPNGroup), in file order. */
  profiles: ResolvedProfile[];
  natTraversal: Effective<number>;
}

/** The value, or null when the state is `none`: for code that only needs "what is it, if anything". */
export function valueOf<T>(e: Effective<T>): T | null {
  return e.state === 'value' ? e.value : null;
}

/** The line used the pre-8.4 `svc` keyword. */
export function isLegacy(e: Effective<unknown>): boolean {
  return (e.from === 'group-policy' || e.from === 'DfltGrpPolicy') && e.legacy === true;
}

/** Tunnel-group types of connection profiles (remote access); the others are site-to-site. */
export const REMOTE_ACCESS_TYPES: ReadonlySet<string> = new Set(['remote-access', 'ipsec-ra', 'webvpn']);
const ALWAYS_PRESENT = ['DefaultRAGroup', 'DefaultWEBVPNGroup'];

export function resolveDevice(model: DeviceModel): ResolvedDevice {
  const profiles: ResolvedProfile[] = [];
  // Profiles on the same policy get the same effective attributes: resolve each policy once.
  const byPolicy = new Map<string, Pick<ResolvedProfile, 'attributes' | 'customAttributes'>>();
  for (const tg of remoteAccessTunnelGroups(model)) profiles.push(resolveProfile(model, tg, byPolicy));
  return { model, profiles, natTraversal: resolveNatTraversal(model) };
}

export function remoteAccessTunnelGroups(model: DeviceModel): TunnelGroup[] {
  // The system execution space of a multiple-context ASA terminates no VPN.
  if (model.space === 'system') return [];
  const groups: TunnelGroup[] = [];
  for (const tg of model.tunnelGroups.values()) {
    if (tg.name === 'DefaultL2LGroup') continue;
    if (tg.type === null ? tg.builtIn || tg.general.line !== null || tg.webvpn.line !== null : REMOTE_ACCESS_TYPES.has(tg.type)) {
      groups.push(tg);
    }
  }
  for (const name of ALWAYS_PRESENT) if (!model.tunnelGroups.has(name)) groups.push(builtInTunnelGroup(name));
  return groups;
}

function resolveProfile(model: DeviceModel, tg: TunnelGroup, byPolicy: Map<string, Pick<ResolvedProfile, 'attributes' | 'customAttributes'>>): ResolvedProfile {
  const ref = tg.general.defaultGroupPolicy;
  const groupPolicy = ref.state === 'value' ? ref.value : DEFAULT_GROUP_POLICY;
  const own = groupPolicy === DEFAULT_GROUP_POLICY ? undefined : model.groupPolicies.get(groupPolicy);
  const dflt = model.groupPolicies.get(DEFAULT_GROUP_POLICY);
  const policyLayer: PolicyLayerState =
    groupPolicy === DEFAULT_GROUP_POLICY
      ? 'DfltGrpPolicy'
      : !own || (own.type === null && own.attributeBlockLines.length === 0)
        ? 'missing'
        : own.type === 'external'
          ? 'external'
          : 'defined';
  // An external policy's attributes arrive from RADIUS; offline, only the lower layers are known.
  const ownLayer = policyLayer === 'defined' ? own : undefined;

  const key = ownLayer?.name ?? '';
  let resolved = byPolicy.get(key);
  if (!resolved) {
    resolved = resolveAttributes(model, ownLayer, dflt);
    byPolicy.set(key, resolved);
  }
  const { attributes, customAttributes } = resolved;
  return {
    tunnelGroup: tg,
    name: tg.name,
    groupPolicy,
    groupPolicyLine: ref.state === 'value' ? ref.line : null,
    policyLayer,
    attributes,
    customAttributes,
  };
}

const NO_CUSTOM_DEFAULT: Effective<string> = fromDefault<string>({ value: null, basis: 'inferred' });

/** The built-in default of every attribute for a device's release, as shared (never mutated) values. */
const BUILT_INS = new WeakMap<DeviceModel, Record<PolicyAttributeKey, Effective<unknown>>>();

function builtInEffectives(model: DeviceModel): Record<PolicyAttributeKey, Effective<unknown>> {
  let d = BUILT_INS.get(model);
  if (!d) {
    d = {} as Record<PolicyAttributeKey, Effective<unknown>>;
    for (const s of POLICY_ATTRIBUTES as readonly PolicyAttributeSpec[]) d[s.key] = fromDefault(s.builtIn(model.version) as BuiltInDefault<unknown>);
    BUILT_INS.set(model, d);
  }
  return d;
}

/** The effective attributes of a policy layer over DfltGrpPolicy and the built-in defaults (shared, never mutated). */
function resolveAttributes(
  model: DeviceModel,
  ownLayer: GroupPolicy | undefined,
  dflt: GroupPolicy | undefined,
): Pick<ResolvedProfile, 'attributes' | 'customAttributes'> {
  const attributes = {} as Record<PolicyAttributeKey, Effective<unknown>>;
  const defaults = builtInEffectives(model);
  for (const s of POLICY_ATTRIBUTES as readonly PolicyAttributeSpec[]) {
    attributes[s.key] = resolveSetting(ownLayer, dflt, (gp) => gp.attributes[s.key] as Setting<unknown>, defaults[s.key]);
  }
  const customTypes = new Set<string>([...(ownLayer?.customAttributes.keys() ?? []), ...(dflt?.customAttributes.keys() ?? [])]);
  const customAttributes = new Map<string, Effective<string>>();
  for (const type of [...customTypes].sort()) {
    customAttributes.set(
      type,
      resolveSetting(ownLayer, dflt, (gp) => gp.customAttributes.get(type) ?? { state: 'unset' }, NO_CUSTOM_DEFAULT),
    );
  }
  return { attributes: attributes as EffectivePolicy, customAttributes };
}

/**
 * What one group-policy gives for one attribute: its own setting, then DfltGrpPolicy's, then the
 * built-in default, as a profile using it would get. `policy` null (or unknown): DfltGrpPolicy's.
 */
export function policyAttribute<K extends PolicyAttributeKey>(model: DeviceModel, policy: string | null, key: K): Effective<PolicyAttributeValues[K]> {
  const own = policy === null ? undefined : model.groupPolicies.get(policy);
  return resolveSetting(
    own,
    model.groupPolicies.get(DEFAULT_GROUP_POLICY),
    (gp) => gp.attributes[key],
    builtInEffectives(model)[key] as Effective<PolicyAttributeValues[K]>,
  );
}

function resolveSetting<T>(
  own: GroupPolicy | undefined,
  dflt: GroupPolicy | undefined,
  pick: (gp: GroupPolicy) => Setting<T>,
  builtIn: Effective<T>,
): Effective<T> {
  // Written out (no layer array, no spreads): this runs for every attribute of every policy.
  if (own) {
    const s = pick(own);
    if (s.state !== 'unset') return fromLayer(s, 'group-policy', own.name);
  }
  if (dflt) {
    const s = pick(dflt);
    if (s.state !== 'unset') return fromLayer(s, 'DfltGrpPolicy', dflt.name);
  }
  return builtIn;
}

function fromLayer<T>(s: Exclude<Setting<T>, { state: 'unset' }>, from: 'group-policy' | 'DfltGrpPolicy', groupPolicy: string): Effective<T> {
  if (s.state === 'value')
    return s.legacy
      ? { from, groupPolicy, line: s.line, legacy: true, state: 'value', value: s.value }
      : { from, groupPolicy, line: s.line, state: 'value', value: s.value };
  return s.legacy ? { from, groupPolicy, line: s.line, legacy: true, state: 'none' } : { from, groupPolicy, line: s.line, state: 'none' };
}

function fromDefault<T>(d: BuiltInDefault<T>): Effective<T> {
  const provenance = { from: 'default' as const, groupPolicy: null, line: null, basis: d.basis, ...(d.note ? { note: d.note } : {}) };
  return d.value === null ? { ...provenance, state: 'none' } : { ...provenance, state: 'value', value: d.value };
}

function resolveNatTraversal(model: DeviceModel): Effective<number> {
  const s = model.global.natTraversal;
  if (s.state === 'unset') return fromDefault(builtInNatTraversal(model.version));
  return s.state === 'value'
    ? { from: 'global', groupPolicy: null, line: s.line, state: 'value', value: s.value }
    : { from: 'global', groupPolicy: null, line: s.line, state: 'none' };
}
