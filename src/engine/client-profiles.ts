// What rules about client profile XML share: which profiles a connection profile's policy pushes,
// where an XML line is in its file, and which connection profile a host entry reaches.

import { nearest } from '../common/edit-distance.js';
import { builtInTunnelGroup } from '../model/build.js';
import type { HostEntry } from '../model/client-profile.js';
import type { ClientProfileFile, DeviceModel, SideFileOrigin, TunnelGroup } from '../model/types.js';
import type { MobileProfile } from './types.js';
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

export interface PushedHostEntry {
  file: ClientProfileFile;
  /** Where the file's lines are (the file was read). */
  origin: SideFileOrigin;
  entry: HostEntry;
  /** How the entry is named in messages: its HostName, else its HostAddress. */
  name: string;
}

/** Every server entry of the client profiles (read) that these mobile profiles get, in file order. */
export function pushedHostEntries(model: DeviceModel, profiles: readonly MobileProfile[]): PushedHostEntry[] {
  const out: PushedHostEntry[] = [];
  for (const { file } of profilesPushedTo(
    model,
    profiles.map((p) => p.resolved),
  )) {
    if (file.doc === null || file.origin === null) continue;
    for (const entry of file.doc.hostEntries) out.push({ file, origin: file.origin, entry, name: hostEntryName(entry) });
  }
  return out;
}

export function hostEntryName(entry: HostEntry): string {
  return entry.hostName?.value ?? entry.hostAddress?.value ?? '(unnamed)';
}

/** The path of a group-url (`mobile` of https://vpn.example.com/mobile), or null when it has none. */
export function groupUrlPath(url: string): string | null {
  return /^https?:\/\/[^/]+\/(.*?)\/?$/i.exec(url)?.[1] ?? null;
}

/** A finding's place for an XML line: the file it is in, and the line there (a backup offsets it). */
export function xmlAt(origin: SideFileOrigin, line: number | null): { file: string; at: number | null } {
  return { file: origin.file, at: line === null ? null : line + origin.lineOffset };
}

/**
 * The names this headend is known by (lower case): the host of each enabled group-url, and the
 * fqdn / subject CN of the trustpoints it presents (`ssl trust-point`, IKEv2 remote-access).
 */
export function headendHosts(model: DeviceModel): Set<string> {
  const hosts = new Set<string>();
  const g = model.global;
  const presented = [
    ...g.sslTrustPoints.map((t) => t.trustpoint),
    ...(g.ikev2RemoteAccessTrustpoint.state === 'value' ? [g.ikev2RemoteAccessTrustpoint.value] : []),
  ];
  for (const name of presented) for (const n of g.trustpoints.get(name)?.names ?? []) hosts.add(n);
  for (const tg of model.tunnelGroups.values())
    for (const u of tg.webvpn.groupUrls) {
      const h = /^https?:\/\/([^/:]+)/i.exec(u.url)?.[1];
      if (u.enabled && h) hosts.add(h.toLowerCase());
    }
  return hosts;
}

/** Whether `host` is one of `hosts`, a wildcard certificate name (`*.example.com`) covering one label. */
export function isHeadendHost(hosts: ReadonlySet<string>, host: string): boolean {
  if (hosts.has(host)) return true;
  const dot = host.indexOf('.');
  return dot > 0 && hosts.has(`*${host.slice(dot)}`);
}

/**
 * The connection profile a host entry's UserGroup selects: an enabled group-url whose path is the
 * UserGroup (the client builds https://HostAddress/UserGroup), else an enabled group-alias of that name.
 */
export function profileForUserGroup(model: DeviceModel, userGroup: string): TunnelGroup | null {
  const wanted = userGroup.replace(/^\/+|\/+$/g, '').toLowerCase();
  for (const tg of model.tunnelGroups.values())
    if (tg.webvpn.groupUrls.some((u) => u.enabled && (groupUrlPath(u.url) ?? '').toLowerCase() === wanted)) return tg;
  for (const tg of model.tunnelGroups.values()) if (tg.webvpn.groupAliases.some((a) => a.enabled && a.name.toLowerCase() === wanted)) return tg;
  return null;
}

/** The UserGroups this headend answers: enabled group-url paths and enabled aliases, each once. */
function userGroupsOf(model: DeviceModel): string[] {
  const out = new Set<string>();
  for (const tg of model.tunnelGroups.values()) {
    for (const u of tg.webvpn.groupUrls) {
      const path = groupUrlPath(u.url);
      if (u.enabled && path) out.add(path);
    }
    for (const a of tg.webvpn.groupAliases) if (a.enabled) out.add(a.name);
  }
  return [...out].sort();
}

/** The one UserGroup of this headend within two edits of a mistyped one (`spilt` → `split`), else null. */
export function nearestUserGroup(model: DeviceModel, typed: string): string | null {
  const groups = userGroupsOf(model);
  const near = nearest(
    typed.toLowerCase(),
    groups.map((g) => g.toLowerCase()),
  );
  return near === null ? null : (groups.find((g) => g.toLowerCase() === near) ?? null);
}

/** Text for an XML element's content: `&`, `<`, `>` escaped. */
export function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text inside an XML comment: `--` cannot appear there. */
export function xmlComment(s: string): string {
  return s.replace(/-{2,}/g, (m) => m.split('').join(' '));
}

/**
 * The connection profile a server entry reaches: its UserGroup's (see profileForUserGroup), or with no
 * UserGroup the headend's default connection profile, DefaultWEBVPNGroup [inferred].
 */
export function profileReachedBy(model: DeviceModel, userGroup: string): TunnelGroup | null {
  if (userGroup !== '') return profileForUserGroup(model, userGroup);
  return model.tunnelGroups.get('DefaultWEBVPNGroup') ?? builtInTunnelGroup('DefaultWEBVPNGroup');
}
