// Who else a split-tunnel access-list serves besides the profiles a fix is for: other profiles,
// group-policies no profile uses (local users, RADIUS) and local users with lines of their own. A fix
// that adds to a list must not change a tunnel it was not asked to, least of all one that excludes by it.

import { cmp } from '../common/problem.js';
import type { DeviceModel } from '../model/types.js';
import type { Setting } from '../model/setting.js';
import { policyAttribute, valueOf, type Effective, type ResolvedDevice } from '../resolve/resolve.js';

type ListUser = { who: string; policy: string | null };

/**
 * Group-policies no connection profile uses (assigned to local users, or by RADIUS) and local users
 * with split-tunnel lines of their own, by the list their split tunnel uses, each with its split-tunnel
 * policy: a plan adding to a list changes their tunnels too. A policy's settings resolve as a
 * profile's would (DfltGrpPolicy, then the built-in default); a user's own lines come first. One pass
 * over policies and users for every list: ask it once, not once per list.
 */
export function listUsesOutsideProfiles(model: DeviceModel, profilePolicies: ReadonlySet<string>): Map<string, ListUser[]> {
  const byList = new Map<string, ListUser[]>();
  const add = (list: string | null, user: ListUser): void => {
    if (list !== null) (byList.get(list) ?? byList.set(list, []).get(list)!).push(user);
  };
  for (const gp of model.groupPolicies.values()) {
    if (profilePolicies.has(gp.name)) continue;
    add(valueOf(policyAttribute(model, gp.name, 'splitTunnelNetworkList')), {
      who: `group-policy ${gp.name}`,
      policy: valueOf(policyAttribute(model, gp.name, 'splitTunnelPolicy')),
    });
  }
  // A user's own line: its value, `none` as nothing, unset as its policy's.
  const own = <T>(s: Setting<T>, inherited: T | null): T | null => (s.state === 'value' ? s.value : s.state === 'none' ? null : inherited);
  for (const u of model.users.values()) {
    // A user without split-tunnel lines of its own has its policy's: the loop above, or a profile, covers it.
    if (u.splitTunnelPolicy.state === 'unset' && u.splitTunnelNetworkList.state === 'unset') continue;
    const policy = u.vpnGroupPolicy.state === 'value' ? u.vpnGroupPolicy.value : null;
    add(own(u.splitTunnelNetworkList, valueOf(policyAttribute(model, policy, 'splitTunnelNetworkList'))), {
      who: `local user ${u.name}`,
      policy: own(u.splitTunnelPolicy, valueOf(policyAttribute(model, policy, 'splitTunnelPolicy'))),
    });
  }
  for (const users of byList.values()) users.sort((a, b) => cmp(a.who, b.who));
  return byList;
}

/**
 * Who excludes networks by `list` (split-tunnel-policy excludespecified), other than the profiles in
 * `asking`: an entry added for those would take its address out of these tunnels.
 */
export function listExcluders(device: ResolvedDevice, list: string, asking: ReadonlySet<string>): string[] {
  const index = excludersIndex(device);
  return [...(index.profiles.get(list) ?? []).filter((name) => !asking.has(name)), ...(index.outside.get(list) ?? [])];
}

// A large configuration has thousands of profiles and findings: who excludes by which list is worked
// out once per device, not once per finding.
const EXCLUDERS = new WeakMap<ResolvedDevice, { profiles: Map<string, string[]>; outside: Map<string, string[]> }>();

function excludersIndex(device: ResolvedDevice): { profiles: Map<string, string[]>; outside: Map<string, string[]> } {
  let index = EXCLUDERS.get(device);
  if (index !== undefined) return index;
  index = { profiles: new Map(), outside: new Map() };
  for (const p of device.profiles) {
    const list = valueOf(p.attributes.splitTunnelNetworkList as Effective<unknown>);
    if (typeof list !== 'string' || valueOf(p.attributes.splitTunnelPolicy as Effective<unknown>) !== 'excludespecified') continue;
    (index.profiles.get(list) ?? index.profiles.set(list, []).get(list)!).push(p.name);
  }
  for (const names of index.profiles.values()) names.sort(cmp);
  const outside = listUsesOutsideProfiles(device.model, new Set(device.profiles.map((p) => p.groupPolicy)));
  for (const [list, users] of outside) {
    const who = users.filter((u) => u.policy === 'excludespecified').map((u) => u.who);
    if (who.length > 0) index.outside.set(list, who);
  }
  EXCLUDERS.set(device, index);
  return index;
}
