// What rules about client profile XML share: which profiles a connection profile's policy pushes,
// where an XML line is in its file, and which connection profile a host entry reaches.

import type { ClientProfileFile, DeviceModel, SideFileOrigin, TunnelGroup } from '../model/types.js';
import type { ResolvedProfile } from '../resolve/resolve.js';

/** The defined client profiles a connection profile's effective policy pushes. */
export function pushedProfiles(model: DeviceModel, profile: ResolvedProfile): ClientProfileFile[] {
  const e = profile.attributes.clientProfiles;
  if (e.state !== 'value') return [];
  return model.clientProfileFiles.filter((c) => e.value.includes(c.name));
}

/** Client profiles (read) that any of these connection profiles gets, each once, in definition order. */
export function profilesPushedTo(model: DeviceModel, profiles: readonly ResolvedProfile[]): Array<{ file: ClientProfileFile; to: string[] }> {
  const out = new Map<ClientProfileFile, string[]>();
  for (const p of profiles) for (const f of pushedProfiles(model, p)) out.set(f, [...(out.get(f) ?? []), p.name]);
  return [...out.entries()].map(([file, to]) => ({ file, to }));
}

/** A finding's place for an XML line: the file it is in, and the line there (a backup offsets it). */
export function xmlAt(origin: SideFileOrigin, line: number | null): { file: string; at: number | null } {
  return { file: origin.file, at: line === null ? null : line + origin.lineOffset };
}

/** The host of each enabled group-url (lower case): the names this headend is known by. */
export function headendHosts(model: DeviceModel): Set<string> {
  const hosts = new Set<string>();
  for (const tg of model.tunnelGroups.values())
    for (const u of tg.webvpn.groupUrls) {
      const h = /^https?:\/\/([^/:]+)/i.exec(u.url)?.[1];
      if (u.enabled && h) hosts.add(h.toLowerCase());
    }
  return hosts;
}

/**
 * The connection profile a host entry's UserGroup selects: an enabled group-url whose path is the
 * UserGroup (the client builds https://HostAddress/UserGroup), else an enabled group-alias of that name.
 */
export function profileForUserGroup(model: DeviceModel, userGroup: string): TunnelGroup | null {
  const wanted = userGroup.replace(/^\/+|\/+$/g, '').toLowerCase();
  for (const tg of model.tunnelGroups.values())
    if (tg.webvpn.groupUrls.some((u) => u.enabled && (/^https?:\/\/[^/]+\/(.*?)\/?$/i.exec(u.url)?.[1] ?? '').toLowerCase() === wanted)) return tg;
  for (const tg of model.tunnelGroups.values()) if (tg.webvpn.groupAliases.some((a) => a.enabled && a.name.toLowerCase() === wanted)) return tg;
  return null;
}
