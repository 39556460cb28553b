// The group-policy attributes we model: one table drives the model builder, the resolver, the
// built-in defaults and the "because" explanations, so adding an attribute is one entry here.

import { noneSetting, valueSetting, type Setting } from './setting.js';

export type TunnelProtocol = 'ikev1' | 'ikev2' | 'l2tp-ipsec' | 'ssl-client' | 'ssl-clientless';
export type SplitTunnelPolicy = 'tunnelall' | 'tunnelspecified' | 'excludespecified';

export interface PolicyAttributeValues {
  vpnTunnelProtocol: TunnelProtocol[];
  splitTunnelPolicy: SplitTunnelPolicy;
  splitTunnelNetworkList: string;
  splitTunnelAllDns: boolean;
  splitDns: string[];
  defaultDomain: string;
  dnsServer: string[];
  vpnIdleTimeout: number;
  vpnSessionTimeout: number;
  groupLock: string;
  addressPools: string[];
  dpdGateway: number;
  dpdClient: number;
  sslKeepalive: number;
  sslDtls: boolean;
  clientProfiles: string[];
  homepage: string;
}

export type PolicyAttributeKey = keyof PolicyAttributeValues;

export type PolicyAttributes = { [K in PolicyAttributeKey]: Setting<PolicyAttributeValues[K]> };

/** Result of reading one line: the new setting, or a complaint about the line. */
export type AttributeRead<T> = { setting: Setting<T> } | { problem: string };

export interface PolicyAttributeSpec<K extends PolicyAttributeKey = PolicyAttributeKey> {
  key: K;
  /** The CLI keyword(s) as an engineer names the setting, e.g. `split-dns`, `anyconnect dpd-interval gateway`. */
  setting: string;
  /** Where the line lives: directly under `group-policy NAME attributes`, or in its `webvpn` sub-mode. */
  mode: 'attributes' | 'webvpn';
  /** Reads a line's words; returns undefined when the line is not this attribute. */
  read(words: string[], line: number): AttributeRead<PolicyAttributeValues[K]> | undefined;
}

const PROTOCOL_ALIASES: Record<string, TunnelProtocol> = {
  ikev1: 'ikev1',
  ipsec: 'ikev1', // 7.x/8.0–8.3 keyword for IKEv1 remote access
  ikev2: 'ikev2',
  'l2tp-ipsec': 'l2tp-ipsec',
  'ssl-client': 'ssl-client',
  svc: 'ssl-client', // pre-8.4 name of AnyConnect SSL
  'ssl-clientless': 'ssl-clientless',
  webvpn: 'ssl-clientless', // pre-8.4 name of clientless SSL VPN
};

/** `KEYWORD value X...` / `KEYWORD none`, the common shape of list attributes. */
function valueList(words: string[], at: number, line: number): AttributeRead<string[]> {
  const kw = words[at];
  if (kw === 'none' && words.length === at + 1) return { setting: noneSetting(line) };
  if (kw === 'value' && words.length > at + 1) return { setting: valueSetting(words.slice(at + 1), line) };
  return { problem: `expected \`value ...\` or \`none\` after \`${words.slice(0, at).join(' ')}\`` };
}

function singleValue(words: string[], at: number, line: number): AttributeRead<string> {
  const r = valueList(words, at, line);
  if ('problem' in r || r.setting.state !== 'value') return r as AttributeRead<string>;
  return { setting: valueSetting(r.setting.value.join(' '), line) };
}

// Ranges are not enforced here: the ASA already accepted the line, and some ranges are only recalled.
function secondsOrNone(word: string | undefined, line: number, legacy: boolean): AttributeRead<number> {
  if (word === 'none') return { setting: noneSetting(line, legacy) };
  if (word !== undefined && /^\d+$/.test(word)) return { setting: valueSetting(Number(word), line, legacy) };
  return { problem: `expected a number of seconds or \`none\`, got \`${word ?? ''}\`` };
}

function minutesOrNone(words: string[], line: number): AttributeRead<number> | undefined {
  const w = words[1];
  if (w === 'alert-interval') return undefined; // a different attribute: vpn-idle-timeout alert-interval
  if (w === 'none') return { setting: noneSetting(line) };
  if (w !== undefined && /^\d+$/.test(w)) return { setting: valueSetting(Number(w), line) };
  return { problem: `expected minutes or \`none\`, got \`${w ?? ''}\`` };
}

/** `anyconnect X ...` or legacy `svc X ...`: returns the words after the prefix and whether it was legacy. */
function clientPrefix(words: string[]): { rest: string[]; legacy: boolean } | undefined {
  if (words[0] === 'anyconnect') return { rest: words.slice(1), legacy: false };
  if (words[0] === 'svc') return { rest: words.slice(1), legacy: true };
  return undefined;
}

function dpd(side: 'gateway' | 'client') {
  return (words: string[], line: number): AttributeRead<number> | undefined => {
    const p = clientPrefix(words);
    if (!p || p.rest[0] !== 'dpd-interval' || p.rest[1] !== side) return undefined;
    return secondsOrNone(p.rest[2], line, p.legacy);
  };
}

export const POLICY_ATTRIBUTES: PolicyAttributeSpec[] = [
  {
    key: 'vpnTunnelProtocol',
    setting: 'vpn-tunnel-protocol',
    mode: 'attributes',
    read(words, line) {
      if (words[0] !== 'vpn-tunnel-protocol') return undefined;
      const protocols: TunnelProtocol[] = [];
      for (const w of words.slice(1)) {
        const p = PROTOCOL_ALIASES[w.toLowerCase()];
        if (!p) return { problem: `unknown tunnel protocol \`${w}\`` };
        if (!protocols.includes(p)) protocols.push(p);
      }
      if (protocols.length === 0) return { problem: 'vpn-tunnel-protocol without protocols' };
      const legacy = words.slice(1).some((w) => ['svc', 'webvpn', 'IPSec', 'ipsec'].includes(w));
      return { setting: valueSetting(protocols, line, legacy) };
    },
  },
  {
    key: 'splitTunnelPolicy',
    setting: 'split-tunnel-policy',
    mode: 'attributes',
    read(words, line) {
      if (words[0] !== 'split-tunnel-policy') return undefined;
      const v = words[1];
      if (v === 'tunnelall' || v === 'tunnelspecified' || v === 'excludespecified') return { setting: valueSetting(v, line) };
      return { problem: `unknown split-tunnel-policy \`${v ?? ''}\`` };
    },
  },
  {
    key: 'splitTunnelNetworkList',
    setting: 'split-tunnel-network-list',
    mode: 'attributes',
    read: (words, line) => (words[0] === 'split-tunnel-network-list' ? singleValue(words, 1, line) : undefined),
  },
  {
    key: 'splitTunnelAllDns',
    setting: 'split-tunnel-all-dns',
    mode: 'attributes',
    read(words, line) {
      if (words[0] !== 'split-tunnel-all-dns') return undefined;
      if (words[1] === 'enable') return { setting: valueSetting(true, line) };
      if (words[1] === 'disable') return { setting: valueSetting(false, line) };
      return { problem: 'expected `enable` or `disable`' };
    },
  },
  {
    key: 'splitDns',
    setting: 'split-dns',
    mode: 'attributes',
    read: (words, line) => (words[0] === 'split-dns' ? valueList(words, 1, line) : undefined),
  },
  {
    key: 'defaultDomain',
    setting: 'default-domain',
    mode: 'attributes',
    read: (words, line) => (words[0] === 'default-domain' ? singleValue(words, 1, line) : undefined),
  },
  {
    key: 'dnsServer',
    setting: 'dns-server',
    mode: 'attributes',
    read: (words, line) => (words[0] === 'dns-server' ? valueList(words, 1, line) : undefined),
  },
  {
    key: 'vpnIdleTimeout',
    setting: 'vpn-idle-timeout',
    mode: 'attributes',
    read: (words, line) => (words[0] === 'vpn-idle-timeout' ? minutesOrNone(words, line) : undefined),
  },
  {
    key: 'vpnSessionTimeout',
    setting: 'vpn-session-timeout',
    mode: 'attributes',
    read: (words, line) => (words[0] === 'vpn-session-timeout' ? minutesOrNone(words, line) : undefined),
  },
  {
    key: 'groupLock',
    setting: 'group-lock',
    mode: 'attributes',
    read: (words, line) => (words[0] === 'group-lock' ? singleValue(words, 1, line) : undefined),
  },
  {
    key: 'addressPools',
    setting: 'address-pools',
    mode: 'attributes',
    read: (words, line) => (words[0] === 'address-pools' ? valueList(words, 1, line) : undefined),
  },
  { key: 'dpdGateway', setting: 'anyconnect dpd-interval gateway', mode: 'webvpn', read: dpd('gateway') },
  { key: 'dpdClient', setting: 'anyconnect dpd-interval client', mode: 'webvpn', read: dpd('client') },
  {
    key: 'sslKeepalive',
    setting: 'anyconnect ssl keepalive',
    mode: 'webvpn',
    read(words, line) {
      const p = clientPrefix(words);
      if (!p) return undefined;
      // `anyconnect ssl keepalive N` / legacy `svc keepalive N`
      const rest = p.legacy ? p.rest : p.rest[0] === 'ssl' ? p.rest.slice(1) : [];
      if (rest[0] !== 'keepalive') return undefined;
      return secondsOrNone(rest[1], line, p.legacy);
    },
  },
  {
    key: 'sslDtls',
    setting: 'anyconnect ssl dtls',
    mode: 'webvpn',
    read(words, line) {
      const p = clientPrefix(words);
      if (!p) return undefined;
      const rest = p.legacy ? p.rest : p.rest[0] === 'ssl' ? p.rest.slice(1) : [];
      if (rest[0] !== 'dtls') return undefined;
      if (rest[1] === 'enable') return { setting: valueSetting(true, line, p.legacy) };
      if (rest[1] === 'none') return { setting: valueSetting(false, line, p.legacy) };
      return { problem: 'expected `enable` or `none`' };
    },
  },
  {
    key: 'clientProfiles',
    setting: 'anyconnect profiles',
    mode: 'webvpn',
    read(words, line) {
      const p = clientPrefix(words);
      if (!p || p.rest[0] !== 'profiles') return undefined;
      if (p.rest[1] === 'none') return { setting: noneSetting(line, p.legacy) };
      if (p.rest[1] === 'value' && p.rest[2]) return { setting: valueSetting([p.rest[2]], line, p.legacy) };
      return { problem: 'expected `profiles value NAME [type user]` or `profiles none`' };
    },
  },
  {
    key: 'homepage',
    setting: 'homepage',
    mode: 'webvpn',
    read(words, line) {
      if (words[0] !== 'homepage') return undefined;
      if (words[1] === 'use-smart-tunnel') return undefined;
      return singleValue(words, 1, line);
    },
  },
];

export const POLICY_ATTRIBUTE_BY_KEY = Object.fromEntries(POLICY_ATTRIBUTES.map((s) => [s.key, s])) as {
  [K in PolicyAttributeKey]: PolicyAttributeSpec<K>;
};

export function emptyPolicyAttributes(): PolicyAttributes {
  const attrs = {} as Record<string, Setting<unknown>>;
  for (const spec of POLICY_ATTRIBUTES) attrs[spec.key] = { state: 'unset' };
  return attrs as PolicyAttributes;
}

/** Attributes that accumulate across lines (several `anyconnect profiles value` lines add up). */
export const ACCUMULATING: ReadonlySet<PolicyAttributeKey> = new Set(['clientProfiles']);
