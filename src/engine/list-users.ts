// Who else a split-tunnel access-list serves besides the profiles a fix is for: other profiles,
// group-policies no profile uses (local users, RADIUS) and local users with lines of their own. A fix
// that adds to a list must not change a tunnel it was not asked to, least of all one that excludes by it.

import { cmp } from '../common/problem.js';
import type { DeviceModel } from '../model/types.js';
import type { Setting } from '../model/setting.js';
import { policyAttribute, valueOf, type Effective, type ResolvedDevice } from '../resolve/resolve.js';

/**
 * Group-policies no connection profile uses (assigned to local users, or by RADIUS) and local users
 * with split-tunnel lines of their own, whose split tunnel uses `list`, each with its split-tunnel
 * policy: a plan adding to the list changes their tunnels too. A policy's settings resolve as a
 * profile's would (DfltGrpPolicy, then the built-in default); a user's own lines come first.
 */
export function listUsersOutsideProfiles(
  model: DeviceModel,
  list: string,
  profilePolicies: ReadonlySet<string>,
): Array<{ who: string; policy: string | null }> {
  const out: Array<{ who: string; policy: string | null }> = [];
  for (const gp of model.groupPolicies.values()) {
    if (profilePolicies.has(gp.name)) continue;
    if (valueOf(policyAttribute(model, gp.name, 'splitTunnelNetworkList')) === list)
      out.push({ who: `group-policy ${gp.name}`, policy: valueOf(policyAttribute(model, gp.name, 'splitTunnelPolicy')) });
  }
  // A user's own line: its value, `none` as nothing, unset as its policy's.
  const own = <T>(s: Setting<T>, inherited: T | null): T | null => (s.state === 'value' ? s.value : s.state === 'none' ? null : inherited);
  for (const u of model.users.values()) {
    // A user without split-tunnel lines of its own has its policy's: the loop above, or a profile, covers it.
    if (u.splitTunnelPolicy.state === 'unset' && u.splitTunnelNetworkList.state === 'unset') continue;
    const policy = u.vpnGroupPolicy.state === 'value' ? u.vpnGroupPolicy.value : null;
    if (own(u.splitTunnelNetworkList, valueOf(policyAttribute(model, policy, 'splitTunnelNetworkList'))) === list)
      out.push({ who: `local user ${u.name}`, policy: own(u.splitTunnelPolicy, valueOf(policyAttribute(model, policy, 'splitTunnelPolicy'))) });
  }
  return out.sort((a, b) => cmp(a.who, b.who));
}

/**
 * Who excludes networks by `list` (split-tunnel-policy excludespecified), other than the profiles in
 * `asking`: an entry added for those would take its address out of these tunnels.
 */
export function listExcluders(device: ResolvedDevice, list: string, asking: ReadonlySet<string>): string[] {
  const profiles = device.profiles
    .filter((p) => !asking.has(p.name) && valueOf(p.attributes.splitTunnelNetworkList as Effective<unknown>) === list)
    .filter((p) => valueOf(p.attributes.splitTunnelPolicy as Effective<unknown>) === 'excludespecified')
    .map((p) => p.name)
    .sort(cmp);
  const policies = new Set(device.profiles.map((p) => p.groupPolicy));
  return [
    ...profiles,
    ...listUsersOutsideProfiles(device.model, list, policies)
      .filter((u) => u.policy === 'excludespecified')
      .map((u) => u.who),
  ];
}
