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

const REMOTE_ACCESS_TYPES = new Set(['remote-access', 'ipsec-ra', 'webvpn']);
const ALWAYS_PRESENT = ['DefaultRAGroup', 'DefaultWEBVPNGroup'];

export function resolveDevice(model: DeviceModel): ResolvedDevice {
  const profiles: ResolvedProfile[] = [];
  for (const tg of remoteAccessTunnelGroups(model)) profiles.push(resolveProfile(model, tg));
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

function resolveProfile(model: DeviceModel, tg: TunnelGroup): ResolvedProfile {
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

  const attributes = {} as Record<PolicyAttributeKey, Effective<unknown>>;
  for (const s of POLICY_ATTRIBUTES as readonly PolicyAttributeSpec[]) {
    attributes[s.key] = resolveSetting(ownLayer, dflt, (gp) => gp.attributes[s.key] as Setting<unknown>, s.builtIn(model.version) as BuiltInDefault<unknown>);
  }
  const customTypes = new Set<string>([...(ownLayer?.customAttributes.keys() ?? []), ...(dflt?.customAttributes.keys() ?? [])]);
  const customAttributes = new Map<string, Effective<string>>();
  for (const type of [...customTypes].sort()) {
    customAttributes.set(
      type,
      resolveSetting(ownLayer, dflt, (gp) => gp.customAttributes.get(type) ?? { state: 'unset' }, { value: null, basis: 'inferred' }),
    );
  }
  return {
    tunnelGroup: tg,
    name: tg.name,
    groupPolicy,
    groupPolicyLine: ref.state === 'value' ? ref.line : null,
    policyLayer,
    attributes: attributes as EffectivePolicy,
    customAttributes,
  };
}

function resolveSetting<T>(
  own: GroupPolicy | undefined,
  dflt: GroupPolicy | undefined,
  pick: (gp: GroupPolicy) => Setting<T>,
  builtIn: BuiltInDefault<T>,
): Effective<T> {
  const layers: Array<[GroupPolicy | undefined, 'group-policy' | 'DfltGrpPolicy']> = [
    [own, 'group-policy'],
    [dflt, 'DfltGrpPolicy'],
  ];
  for (const [gp, from] of layers) {
    if (!gp) continue;
    const s = pick(gp);
    if (s.state === 'unset') continue;
    const provenance = { from, groupPolicy: gp.name, line: s.line, ...(s.legacy ? { legacy: true } : {}) };
    return s.state === 'value' ? { ...provenance, state: 'value', value: s.value } : { ...provenance, state: 'none' };
  }
  return fromDefault(builtIn);
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
