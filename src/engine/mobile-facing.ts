// Which connection profiles a phone can reach: remote-access profiles whose effective
// vpn-tunnel-protocol allows AnyConnect over a transport this headend actually terminates.

import { valueOf, type ResolvedDevice, type ResolvedProfile } from '../resolve/resolve.js';

export interface ProfileScope {
  mobile: Array<{ profile: ResolvedProfile; transports: { ssl: boolean; ikev2: boolean } }>;
  skipped: Array<{ tunnelGroup: string; reason: string }>;
}

export function classifyProfiles(device: ResolvedDevice): ProfileScope {
  const g = device.model.global;
  const sslOn = (g.webvpn?.enabledInterfaces.length ?? 0) > 0 && g.webvpn?.anyconnectEnabled.state === 'value';
  const ikev2On = g.ikev2Enable.some((e) => e.clientServices);
  const scope: ProfileScope = { mobile: [], skipped: [] };
  for (const profile of device.profiles) {
    const protocols = valueOf(profile.attributes.vpnTunnelProtocol) ?? [];
    const allowsSsl = protocols.includes('ssl-client');
    const allowsIkev2 = protocols.includes('ikev2');
    const transports = { ssl: allowsSsl && sslOn, ikev2: allowsIkev2 && ikev2On };
    if (transports.ssl || transports.ikev2) {
      scope.mobile.push({ profile, transports });
      continue;
    }
    scope.skipped.push({ tunnelGroup: profile.name, reason: skipReason(protocols, allowsSsl, allowsIkev2, sslOn, ikev2On) });
  }
  return scope;
}

function skipReason(protocols: string[], allowsSsl: boolean, allowsIkev2: boolean, sslOn: boolean, ikev2On: boolean): string {
  if (!allowsSsl && !allowsIkev2) {
    const only = protocols.length === 0 ? 'no protocol' : protocols.join(' ');
    return protocols.length === 1 && protocols[0] === 'ssl-clientless'
      ? 'clientless SSL VPN only (vpn-tunnel-protocol ssl-clientless)'
      : `vpn-tunnel-protocol allows no AnyConnect protocol (${only})`;
  }
  const missing: string[] = [];
  if (allowsSsl && !sslOn) missing.push('AnyConnect SSL is not enabled (global webvpn needs `enable IF` and `anyconnect enable`)');
  if (allowsIkev2 && !ikev2On) missing.push('IKEv2 client services are not enabled (`crypto ikev2 enable IF client-services port 443`)');
  return missing.join('; ');
}
