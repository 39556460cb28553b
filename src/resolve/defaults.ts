// The ASA's built-in group-policy values: what applies when neither the profile's policy nor
// DfltGrpPolicy sets an attribute. Most values are recalled from `show running-config all` on 9.x
// (see docs/assumptions.md); each carries its basis so output can say when a verdict rests on one.

import type { PolicyAttributeKey, PolicyAttributeValues, TunnelProtocol } from '../model/policy-attributes.js';
import { atLeast, type AsaVersion } from '../model/version.js';

export type Basis = 'guide' | 'cmd-ref' | 'src' | 'inferred' | 'recalled';

export interface BuiltInDefault<T> {
  /** null means the built-in state is `none` (off / empty). */
  value: T | null;
  basis: Basis;
  note?: string;
}

type Defaults = { [K in PolicyAttributeKey]: BuiltInDefault<PolicyAttributeValues[K]> };

/** Tunnel protocols allowed by default: every protocol the release knows [recalled]. */
function defaultProtocols(version: AsaVersion | null): TunnelProtocol[] {
  if (version && !atLeast(version, '8.0(1)')) return ['ikev1', 'ssl-clientless', 'l2tp-ipsec'];
  if (version && !atLeast(version, '8.4(1)')) return ['ikev1', 'l2tp-ipsec', 'ssl-client', 'ssl-clientless'];
  return ['ikev1', 'ikev2', 'l2tp-ipsec', 'ssl-client', 'ssl-clientless'];
}

export function builtInPolicyDefaults(version: AsaVersion | null): Defaults {
  return {
    vpnTunnelProtocol: { value: defaultProtocols(version), basis: 'recalled' },
    splitTunnelPolicy: { value: 'tunnelall', basis: 'recalled' },
    splitTunnelNetworkList: { value: null, basis: 'recalled' },
    splitTunnelAllDns: { value: false, basis: 'recalled' },
    splitDns: { value: null, basis: 'recalled' },
    defaultDomain: { value: null, basis: 'recalled' },
    dnsServer: { value: null, basis: 'recalled' },
    vpnIdleTimeout: { value: 30, basis: 'cmd-ref' },
    vpnSessionTimeout: { value: null, basis: 'recalled' },
    groupLock: { value: null, basis: 'cmd-ref' },
    addressPools: { value: null, basis: 'recalled' },
    dpdGateway: { value: 30, basis: 'recalled' },
    dpdClient: { value: 30, basis: 'recalled' },
    sslKeepalive: {
      value: 20,
      basis: 'recalled',
      note: version && !atLeast(version, '8.4(1)') ? '8.0-era releases may default to none' : undefined,
    },
    sslDtls: { value: true, basis: 'recalled' },
    clientProfiles: { value: null, basis: 'recalled' },
    homepage: { value: null, basis: 'recalled' },
  };
}

/** NAT-T: off by default in 7.0 [cmd-ref]; on with a 20 s keepalive later [guide for 20; release recalled]. */
export function builtInNatTraversal(version: AsaVersion | null): BuiltInDefault<number> {
  if (version && !atLeast(version, '7.1(1)')) return { value: null, basis: 'cmd-ref' };
  return { value: 20, basis: 'recalled', note: 'enabled with a 20 s keepalive when no line is printed' };
}
