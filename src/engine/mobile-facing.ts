// Which connection profiles a phone can reach, and over which transport. A profile is mobile-facing
// when its effective vpn-tunnel-protocol allows AnyConnect over a transport this headend terminates
// AND an AnyConnect client can select it on that transport:
// - SSL: a group-url, an enabled group-alias offered in the drop-down (`tunnel-group-list enable`), a
//   certificate-group-map, or being DefaultWEBVPNGroup, where every other SSL client lands;
// - IKEv2: DefaultRAGroup is the default; any other profile is selected by name from a client profile's
//   UserGroup [inferred], or by a certificate map (`tunnel-group-map`).

import { valueOf, type ResolvedDevice, type ResolvedProfile } from '../resolve/resolve.js';

export interface Reach {
  /** The transports an AnyConnect client can use to land in this profile. */
  transports: { ssl: boolean; ikev2: boolean };
  /** How a client gets there, in words (`group-url https://...`, `the SSL default profile`). */
  via: string[];
  /** Set when the AnyConnect allowance rests only on the assumed built-in vpn-tunnel-protocol default. */
  assumption: string | null;
}

export interface ProfileScope {
  mobile: Array<{ profile: ResolvedProfile; reach: Reach }>;
  skipped: Array<{ tunnelGroup: string; reason: string }>;
}

export const DEFAULT_SSL_PROFILE = 'DefaultWEBVPNGroup';
export const DEFAULT_IKEV2_PROFILE = 'DefaultRAGroup';

/** `partial`: the configuration is cut short, so a transport it does not enable may be enabled in the part that is missing. */
export function classifyProfiles(device: ResolvedDevice, partial = false): ProfileScope {
  const g = device.model.global;
  const sslOn = (g.webvpn?.enabledInterfaces.length ?? 0) > 0 && g.webvpn?.anyconnectEnabled.state === 'value';
  const ikev2On = g.ikev2Enable.some((e) => e.clientServices);
  const listShown = g.webvpn?.tunnelGroupListEnabled.state === 'value';
  const certMapped = new Set([...(g.webvpn?.certificateGroupMaps ?? []), ...g.tunnelGroupMaps].map((m) => m.tunnelGroup));
  const scope: ProfileScope = { mobile: [], skipped: [] };
  for (const profile of device.profiles) {
    const protocols = valueOf(profile.attributes.vpnTunnelProtocol) ?? [];
    const allowsSsl = protocols.includes('ssl-client');
    const allowsIkev2 = protocols.includes('ikev2');
    const tg = profile.tunnelGroup;
    const sslWays = [
      ...(profile.name === DEFAULT_SSL_PROFILE ? ['the default profile of AnyConnect SSL clients that select none'] : []),
      ...tg.webvpn.groupUrls.filter((u) => u.enabled).map((u) => `group-url ${u.url}`),
      ...(listShown ? tg.webvpn.groupAliases.filter((a) => a.enabled).map((a) => `group-alias ${a.name} (tunnel-group-list enable)`) : []),
      ...(g.webvpn?.certificateGroupMaps.some((m) => m.tunnelGroup === profile.name) ? ['a certificate-group-map'] : []),
    ];
    const ikev2Ways =
      profile.name === DEFAULT_IKEV2_PROFILE
        ? ['the default profile of AnyConnect IKEv2 clients']
        : [certMapped.has(profile.name) ? 'a certificate map' : 'its name in a client profile UserGroup [inferred]'];
    const transports = { ssl: allowsSsl && sslOn && sslWays.length > 0, ikev2: allowsIkev2 && ikev2On };
    if (transports.ssl || transports.ikev2) {
      const assumption =
        profile.attributes.vpnTunnelProtocol.from === 'default'
          ? 'neither its group-policy nor DfltGrpPolicy sets vpn-tunnel-protocol, so this rests on the assumed built-in default allowing AnyConnect [recalled]; `show running-config all group-policy DfltGrpPolicy` shows the real value'
          : null;
      scope.mobile.push({ profile, reach: { transports, via: [...(transports.ssl ? sslWays : []), ...(transports.ikev2 ? ikev2Ways : [])], assumption } });
      continue;
    }
    scope.skipped.push({
      tunnelGroup: profile.name,
      reason: skipReason({
        protocols,
        allowsSsl,
        allowsIkev2,
        sslOn,
        ikev2On,
        sslSelectable: sslWays.length > 0,
        hasAliases: tg.webvpn.groupAliases.some((a) => a.enabled),
        partial,
      }),
    });
  }
  return scope;
}

interface SkipFacts {
  protocols: string[];
  allowsSsl: boolean;
  allowsIkev2: boolean;
  sslOn: boolean;
  ikev2On: boolean;
  sslSelectable: boolean;
  hasAliases: boolean;
  partial: boolean;
}

function skipReason(f: SkipFacts): string {
  if (!f.allowsSsl && !f.allowsIkev2) {
    const only = f.protocols.length === 0 ? 'no protocol' : f.protocols.join(' ');
    return f.protocols.length === 1 && f.protocols[0] === 'ssl-clientless'
      ? 'clientless SSL VPN only (vpn-tunnel-protocol ssl-clientless)'
      : `vpn-tunnel-protocol allows no AnyConnect protocol (${only})`;
  }
  const why: string[] = [];
  if (f.allowsSsl && !f.sslOn) why.push('AnyConnect SSL is not enabled (global webvpn needs `enable IF` and `anyconnect enable`)');
  else if (f.allowsSsl && !f.sslSelectable) {
    why.push(
      f.hasAliases
        ? 'no AnyConnect SSL client can select it: its aliases are not offered (no `tunnel-group-list enable`), and it has no group-url or certificate-group-map'
        : 'no AnyConnect SSL client can select it: no group-url, no enabled group-alias, no certificate-group-map (clients that select none land in DefaultWEBVPNGroup)',
    );
  }
  if (f.allowsIkev2 && !f.ikev2On) why.push('IKEv2 client services are not enabled (`crypto ikev2 enable IF client-services port 443`)');
  const unseen = why.length > 0;
  if (!f.allowsIkev2) why.push('vpn-tunnel-protocol does not allow IKEv2');
  // What a file that is not the whole configuration does not show may be in the part it lacks:
  // said once, after what it does not show.
  if (f.partial && unseen) why.push('this file is not the whole configuration, so what enables or selects it may be in the part it lacks');
  return why.join('; ');
}
