// Per mobile-facing connection profile, the plain data the HTML report draws: the iOS DNS outcome
// with its `because` chain, what the query box needs, and the inheritance of the settings that
// matter on phones (own policy → DfltGrpPolicy → built-in default, the winner marked). Plain data
// only, so a parallel audit can send it between threads and a fleet keeps no model alive.

import type { Basis } from '../model/basis.js';
import { attributeSpec, formatAttributeValue, type PolicyAttributeKey } from '../model/policy-attributes.js';
import { DEFAULT_GROUP_POLICY, type GroupPolicy } from '../model/types.js';
import type { ResolvedDevice, ResolvedProfile } from '../resolve/resolve.js';
import { deviceContext, explainProfile, iosDnsSummary, queryInput, type BecauseEntry, type IosDnsSummary, type QueryInput } from './ios-dns.js';

/** One layer's value of a setting: what follows the keyword, and its line; null when the layer is silent. */
export interface LayerValue {
  value: string;
  line: number;
}

export interface InheritanceRow {
  /** The CLI keyword, e.g. `split-dns`, `anyconnect ssl keepalive`. */
  setting: string;
  /** The profile's own policy; null when it is silent (or the profile uses DfltGrpPolicy itself). */
  own: LayerValue | null;
  dfltGrpPolicy: LayerValue | null;
  builtIn: { value: string; basis: Basis };
  /** The layer whose value is in effect. */
  winner: 'own' | 'DfltGrpPolicy' | 'built-in';
}

export interface ProfileView {
  tunnelGroup: string;
  groupPolicy: string;
  /** Why the own layer is what it is: defined here, DfltGrpPolicy itself, external (RADIUS), missing. */
  policyLayer: ResolvedProfile['policyLayer'];
  dns: IosDnsSummary & {
    tunnelsDns: boolean;
    defaultDomain: string | null;
    dnsServers: string[];
    because: BecauseEntry[];
    warnings: string[];
    desktopNote: string;
  };
  query: QueryInput;
  inheritance: InheritanceRow[];
}

/** The settings whose inheritance the report shows: DNS first, then what keeps a phone connected. */
const SHOWN: readonly PolicyAttributeKey[] = [
  'vpnTunnelProtocol',
  'splitTunnelPolicy',
  'splitTunnelNetworkList',
  'splitTunnelAllDns',
  'splitDns',
  'defaultDomain',
  'dnsServer',
  'sslKeepalive',
  'dpdGateway',
  'dpdClient',
  'vpnIdleTimeout',
  'clientProfiles',
];

export function profileViews(device: ResolvedDevice, mobileProfiles: readonly string[]): ProfileView[] {
  const context = deviceContext(device);
  const wanted = new Set(mobileProfiles);
  const dflt = device.model.groupPolicies.get(DEFAULT_GROUP_POLICY);
  return device.profiles
    .filter((p) => wanted.has(p.name))
    .map((p) => {
      const e = explainProfile(p, context);
      const query = queryInput(e);
      const own = p.policyLayer === 'defined' ? device.model.groupPolicies.get(p.groupPolicy) : undefined;
      return {
        tunnelGroup: p.name,
        groupPolicy: p.groupPolicy,
        policyLayer: p.policyLayer,
        dns: {
          ...iosDnsSummary(e),
          tunnelsDns: e.tunnelsDns,
          defaultDomain: query.defaultDomain,
          dnsServers: e.dnsServers,
          because: e.because,
          warnings: e.warnings,
          desktopNote: e.desktopNote,
        },
        query,
        inheritance: SHOWN.map((key) => inheritanceRow(device, p, key, own, dflt)),
      };
    });
}

function inheritanceRow(
  device: ResolvedDevice,
  p: ResolvedProfile,
  key: PolicyAttributeKey,
  own: GroupPolicy | undefined,
  dflt: GroupPolicy | undefined,
): InheritanceRow {
  const spec = attributeSpec(key);
  const layer = (gp: GroupPolicy | undefined): LayerValue | null => {
    const s = gp?.attributes[key];
    if (s === undefined || s.state === 'unset') return null;
    return { value: formatAttributeValue(key, s.state === 'value' ? s.value : null), line: s.line };
  };
  const builtIn = spec.builtIn(device.model.version);
  const from = p.attributes[key].from;
  return {
    setting: spec.keyword,
    own: layer(own),
    dfltGrpPolicy: layer(dflt),
    builtIn: { value: formatAttributeValue(key, builtIn.value), basis: builtIn.basis },
    winner: from === 'group-policy' ? 'own' : from === 'DfltGrpPolicy' ? 'DfltGrpPolicy' : 'built-in',
  };
}
