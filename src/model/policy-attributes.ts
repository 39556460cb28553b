// The group-policy attributes we model: one table drives the model builder, the resolver, the
// built-in defaults, the "because" explanations and the CLI lines fixes and plans write. Adding an
// attribute is one entry here.

import { isIPv6 } from 'node:net';
import { atLeast, type AsaVersion } from '../parse/version.js';
import type { BuiltInDefault } from './basis.js';
import { noneSetting, UNSET, valueSetting, type Setting } from './setting.js';

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
  /** The CLI keyword(s) that name the setting, e.g. `split-dns`, `anyconnect dpd-interval gateway`. */
  keyword: string;
  /** The pre-8.4 `svc` form of the keyword, for AnyConnect settings that had one. */
  legacyKeyword?: string;
  /** Where the line lives: directly under `group-policy NAME attributes`, or in its `webvpn` sub-mode. */
  mode: 'attributes' | 'webvpn';
  /** Several lines add up (several `anyconnect profiles value` lines) instead of the last one winning. */
  accumulates?: boolean;
  /**
   * Reads a line's words. Returns undefined exactly when the line is not this attribute, so a bare
   * keyword (the words of a `no KEYWORD` line) still identifies it, with a problem.
   */
  read(words: string[], line: number): AttributeRead<PolicyAttributeValues[K]> | undefined;
  /** What follows the keyword on a config line: `none`, `value a.com b.com`, `30`, `enable`. */
  format(value: PolicyAttributeValues[K] | null): string;
  /** The ASA's built-in value for a release (null version: unknown release). */
  builtIn(version: AsaVersion | null): BuiltInDefault<PolicyAttributeValues[K]>;
  /** The Cisco RADIUS attribute (vendor 3076 unless IETF) an AAA server returns to set it at login. */
  radius?: string;
  /**
   * The numbers the ASA takes for it, where a Cisco guide states them (docs/assumptions.md). Checked
   * on commands the tool applies (plan, what-if), never on a running-config the ASA already accepted.
   */
  range?: { min: number; max: number; unit: 'seconds' | 'minutes' };
  /**
   * About how many characters the ASA takes after `value` (the words joined by single spaces), as
   * recalled (docs/assumptions.md): a longer line the tool applies is applied, with a note that the
   * ASA may refuse it.
   */
  maxChars?: number;
  /**
   * Why the ASA refuses a value the table reads (an address that is none, two words where it takes
   * one), or null. Checked like `range`: on commands the tool applies, never on a running-config.
   */
  refuses?(value: PolicyAttributeValues[K]): string | null;
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
/** A dotted-quad IPv4 address (each part 0–255) or an IPv6 address in any of its written forms (no `%zone`). */
function isIpAddress(a: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(a);
  if (v4) return v4.slice(1).every((o) => Number(o) <= 255);
  return isIPv6(a) && !a.includes('%');
}

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

/** `anyconnect ssl X` / legacy `svc X`: the words after that prefix. */
function sslPrefix(words: string[]): { rest: string[]; legacy: boolean } | undefined {
  const p = clientPrefix(words);
  if (!p) return undefined;
  if (p.legacy) return p;
  return p.rest[0] === 'ssl' ? { rest: p.rest.slice(1), legacy: false } : undefined;
}

function dpd(side: 'gateway' | 'client') {
  return (words: string[], line: number): AttributeRead<number> | undefined => {
    const p = clientPrefix(words);
    if (!p || p.rest[0] !== 'dpd-interval' || p.rest[1] !== side) return undefined;
    return secondsOrNone(p.rest[2], line, p.legacy);
  };
}

const formatNumber = (v: number | null): string => (v === null ? 'none' : String(v));
const formatValue = (v: string | string[] | null): string => (v === null ? 'none' : `value ${Array.isArray(v) ? v.join(' ') : v}`);
const recalled = <T>(value: T | null, note?: string): BuiltInDefault<T> => (note ? { value, basis: 'recalled', note } : { value, basis: 'recalled' });

/** Tunnel protocols allowed by default: every protocol the release knows [recalled]. */
function defaultProtocols(version: AsaVersion | null): TunnelProtocol[] {
  if (version && !atLeast(version, '8.0(1)')) return ['ikev1', 'ssl-clientless', 'l2tp-ipsec'];
  if (version && !atLeast(version, '8.4(1)')) return ['ikev1', 'l2tp-ipsec', 'ssl-client', 'ssl-clientless'];
  return ['ikev1', 'ikev2', 'l2tp-ipsec', 'ssl-client', 'ssl-clientless'];
}

function spec<K extends PolicyAttributeKey>(s: PolicyAttributeSpec<K>): PolicyAttributeSpec<K> {
  return s;
}

export const POLICY_ATTRIBUTES = [
  spec({
    key: 'vpnTunnelProtocol',
    radius: 'Tunneling-Protocols (11)',
    keyword: 'vpn-tunnel-protocol',
    mode: 'attributes',
    read(words, line) {
      if (words[0] !== 'vpn-tunnel-protocol') return undefined;
      const protocols: TunnelProtocol[] = [];
      for (const w of words.slice(1)) {
        const p = Object.hasOwn(PROTOCOL_ALIASES, w.toLowerCase()) ? PROTOCOL_ALIASES[w.toLowerCase()] : undefined;
        if (!p) return { problem: `unknown tunnel protocol \`${w}\`` };
        if (!protocols.includes(p)) protocols.push(p);
      }
      if (protocols.length === 0) return { problem: 'vpn-tunnel-protocol without protocols' };
      const legacy = words.slice(1).some((w) => ['svc', 'webvpn', 'IPSec', 'ipsec'].includes(w));
      return { setting: valueSetting(protocols, line, legacy) };
    },
    format: (v) => (v === null ? 'none' : v.join(' ')),
    builtIn: (version) => recalled(defaultProtocols(version)),
  }),
  spec({
    key: 'splitTunnelPolicy',
    radius: 'IPsec-Split-Tunneling-Policy (55)',
    keyword: 'split-tunnel-policy',
    mode: 'attributes',
    read(words, line) {
      if (words[0] !== 'split-tunnel-policy') return undefined;
      const v = words[1];
      if (v === 'tunnelall' || v === 'tunnelspecified' || v === 'excludespecified') return { setting: valueSetting<SplitTunnelPolicy>(v, line) };
      return { problem: `unknown split-tunnel-policy \`${v ?? ''}\`` };
    },
    format: (v) => v ?? 'tunnelall',
    builtIn: () => recalled<SplitTunnelPolicy>('tunnelall'),
  }),
  spec({
    key: 'splitTunnelNetworkList',
    radius: 'IPsec-Split-Tunnel-List (27)',
    keyword: 'split-tunnel-network-list',
    mode: 'attributes',
    read: (words, line) => (words[0] === 'split-tunnel-network-list' ? singleValue(words, 1, line) : undefined),
    format: formatValue,
    builtIn: () => recalled<string>(null),
  }),
  spec({
    key: 'splitTunnelAllDns',
    keyword: 'split-tunnel-all-dns',
    mode: 'attributes',
    read(words, line) {
      if (words[0] !== 'split-tunnel-all-dns') return undefined;
      if (words[1] === 'enable') return { setting: valueSetting(true, line) };
      if (words[1] === 'disable') return { setting: valueSetting(false, line) };
      return { problem: 'expected `enable` or `disable`' };
    },
    format: (v) => (v === true ? 'enable' : 'disable'),
    builtIn: () => recalled(false),
  }),
  spec({
    key: 'splitDns',
    radius: 'IPsec-Split-DNS-Names (29)',
    keyword: 'split-dns',
    mode: 'attributes',
    read: (words, line) => (words[0] === 'split-dns' ? valueList(words, 1, line) : undefined),
    format: formatValue,
    builtIn: () => recalled<string[]>(null),
    maxChars: 255,
  }),
  spec({
    key: 'defaultDomain',
    radius: 'IPsec-Default-Domain (28)',
    keyword: 'default-domain',
    mode: 'attributes',
    read: (words, line) => (words[0] === 'default-domain' ? singleValue(words, 1, line) : undefined),
    format: formatValue,
    builtIn: () => recalled<string>(null),
    maxChars: 63,
    refuses: (v) => (v.includes(' ') ? `\`default-domain value\` takes one domain name, not \`${v}\`` : null),
  }),
  spec({
    key: 'dnsServer',
    radius: 'Primary-DNS (5) and Secondary-DNS (6)',
    keyword: 'dns-server',
    mode: 'attributes',
    read: (words, line) => (words[0] === 'dns-server' ? valueList(words, 1, line) : undefined),
    format: formatValue,
    builtIn: () => recalled<string[]>(null),
    refuses: (v) => {
      const bad = v.find((a) => !isIpAddress(a));
      return bad === undefined ? null : `\`dns-server value\` takes IP addresses, and \`${bad}\` is not one`;
    },
  }),
  spec({
    key: 'vpnIdleTimeout',
    radius: 'IETF Idle-Timeout (28, seconds)',
    keyword: 'vpn-idle-timeout',
    mode: 'attributes',
    read: (words, line) => (words[0] === 'vpn-idle-timeout' ? minutesOrNone(words, line) : undefined),
    format: formatNumber,
    builtIn: () => ({ value: 30, basis: 'cmd-ref' }),
    range: { min: 1, max: 35791394, unit: 'minutes' },
  }),
  spec({
    key: 'vpnSessionTimeout',
    radius: 'IETF Session-Timeout (27)',
    keyword: 'vpn-session-timeout',
    mode: 'attributes',
    read: (words, line) => (words[0] === 'vpn-session-timeout' ? minutesOrNone(words, line) : undefined),
    format: formatNumber,
    builtIn: () => recalled<number>(null),
  }),
  spec({
    key: 'groupLock',
    radius: 'Tunnel-Group-Lock (85)',
    keyword: 'group-lock',
    mode: 'attributes',
    read: (words, line) => (words[0] === 'group-lock' ? singleValue(words, 1, line) : undefined),
    format: formatValue,
    builtIn: () => ({ value: null, basis: 'cmd-ref' }),
  }),
  spec({
    key: 'addressPools',
    radius: 'Address-Pools (217)',
    keyword: 'address-pools',
    mode: 'attributes',
    read: (words, line) => (words[0] === 'address-pools' ? valueList(words, 1, line) : undefined),
    format: formatValue,
    builtIn: () => recalled<string[]>(null),
  }),
  spec({
    key: 'dpdGateway',
    radius: 'SVC-DPD-Interval-Gateway (109)',
    keyword: 'anyconnect dpd-interval gateway',
    legacyKeyword: 'svc dpd-interval gateway',
    mode: 'webvpn',
    read: dpd('gateway'),
    format: formatNumber,
    builtIn: () => recalled(30),
    range: { min: 5, max: 3600, unit: 'seconds' },
  }),
  spec({
    key: 'dpdClient',
    radius: 'SVC-DPD-Interval-Client (108)',
    keyword: 'anyconnect dpd-interval client',
    legacyKeyword: 'svc dpd-interval client',
    mode: 'webvpn',
    read: dpd('client'),
    format: formatNumber,
    builtIn: () => recalled(30),
    range: { min: 5, max: 3600, unit: 'seconds' },
  }),
  spec({
    key: 'sslKeepalive',
    radius: 'SVC-Keepalive (107)',
    keyword: 'anyconnect ssl keepalive',
    legacyKeyword: 'svc keepalive',
    mode: 'webvpn',
    read(words, line) {
      const p = sslPrefix(words);
      if (p?.rest[0] !== 'keepalive') return undefined;
      return secondsOrNone(p.rest[1], line, p.legacy);
    },
    format: formatNumber,
    builtIn: (version) => recalled(20, version && !atLeast(version, '8.4(1)') ? '8.0-era releases may default to none' : undefined),
  }),
  spec({
    key: 'sslDtls',
    radius: 'SVC-DTLS (123)',
    keyword: 'anyconnect ssl dtls',
    legacyKeyword: 'svc dtls',
    mode: 'webvpn',
    read(words, line) {
      const p = sslPrefix(words);
      if (p?.rest[0] !== 'dtls') return undefined;
      if (p.rest[1] === 'enable') return { setting: valueSetting(true, line, p.legacy) };
      if (p.rest[1] === 'none') return { setting: valueSetting(false, line, p.legacy) };
      return { problem: 'expected `enable` or `none`' };
    },
    format: (v) => (v === false ? 'none' : 'enable'),
    builtIn: () => recalled(true),
  }),
  spec({
    key: 'clientProfiles',
    radius: 'SVC-Profiles (128)',
    keyword: 'anyconnect profiles',
    legacyKeyword: 'svc profiles',
    mode: 'webvpn',
    accumulates: true,
    read(words, line) {
      const p = clientPrefix(words);
      if (p?.rest[0] !== 'profiles') return undefined;
      if (p.rest[1] === 'none') return { setting: noneSetting(line, p.legacy) };
      // Other types (`nvm-service-profile`, `umbrella`, ...) are module profiles, not the VPN client
      // profile a phone imports: not this setting.
      if (p.rest[1] === 'value' && p.rest[2] && p.rest[3] === 'type' && p.rest[4] !== undefined && p.rest[4] !== 'user') return undefined;
      if (p.rest[1] === 'value' && p.rest[2]) return { setting: valueSetting([p.rest[2]], line, p.legacy) };
      return { problem: 'expected `profiles value NAME [type user]` or `profiles none`' };
    },
    // One line per profile: the CLI assigns them one at a time.
    format: (v) => (v === null ? 'none' : `value ${v.join(' ')} type user`),
    builtIn: () => recalled<string[]>(null),
  }),
  spec({
    key: 'homepage',
    radius: 'WebVPN-Default-Homepage (76)',
    keyword: 'homepage',
    mode: 'webvpn',
    read(words, line) {
      if (words[0] !== 'homepage') return undefined;
      if (words[1] === 'use-smart-tunnel') return undefined;
      return singleValue(words, 1, line);
    },
    format: formatValue,
    builtIn: () => recalled<string>(null),
  }),
] as const satisfies readonly PolicyAttributeSpec[];

/**
 * Attribute specs by the first word of their lines, per sub-mode, in table order (`anyconnect` and
 * `svc` lead to several): a line is read only by the specs its first word names.
 */
export const POLICY_SPECS_BY_FIRST_WORD: Readonly<Record<'attributes' | 'webvpn', ReadonlyMap<string, readonly PolicyAttributeSpec[]>>> = {
  attributes: specsByFirstWord('attributes'),
  webvpn: specsByFirstWord('webvpn'),
};

function specsByFirstWord(mode: 'attributes' | 'webvpn'): Map<string, PolicyAttributeSpec[]> {
  const map = new Map<string, PolicyAttributeSpec[]>();
  for (const s of POLICY_ATTRIBUTES as readonly PolicyAttributeSpec[]) {
    if (s.mode !== mode) continue;
    for (const kw of [s.keyword, s.legacyKeyword]) {
      const first = kw?.split(' ')[0];
      if (first && !map.get(first)?.includes(s)) map.set(first, [...(map.get(first) ?? []), s]);
    }
  }
  return map;
}

/** The spec of one attribute, typed by its key. */
export function attributeSpec<K extends PolicyAttributeKey>(key: K): PolicyAttributeSpec<K> {
  return POLICY_ATTRIBUTES.find((s) => s.key === key) as unknown as PolicyAttributeSpec<K>;
}

/** Every attribute unset: the shape each group-policy starts from, made once and copied. */
const NO_ATTRIBUTES: Readonly<Record<string, Setting<unknown>>> = Object.fromEntries(POLICY_ATTRIBUTES.map((s) => [s.key, UNSET]));

export function emptyPolicyAttributes(): PolicyAttributes {
  // (A setting is replaced, never changed in place: the frozen UNSET can be shared.)
  return { ...NO_ATTRIBUTES } as PolicyAttributes;
}

/** What follows the keyword for a value of `key` (null: `none`), when the key is only known at run time. */
export function formatAttributeValue(key: PolicyAttributeKey, value: unknown): string {
  // The table pairs each key with its own value type; a caller holding a key union cannot say which.
  return (attributeSpec(key).format as (v: unknown) => string)(value);
}

/**
 * Why a line's value may be too long for the ASA (`split-dns` about 255 characters, `default-domain`
 * about 63, both recalled): null when it is not. Such a line is applied in simulations, with this note.
 */
export function overLongValue(mode: 'attributes' | 'webvpn', words: readonly string[]): string | null {
  const spec = (POLICY_ATTRIBUTES as readonly PolicyAttributeSpec[]).find((s) => s.maxChars !== undefined && s.mode === mode && s.keyword === words[0]);
  if (spec === undefined || words[1] !== 'value') return null;
  const chars = words.slice(2).join(' ').length;
  if (chars <= spec.maxChars!) return null;
  const shorten = words.length > 3 ? ', or shorten the list (one parent domain covers the names under it)' : '';
  return `the \`${spec.keyword}\` value is ${chars} characters; the ASA is recalled to take about ${spec.maxChars!} [recalled]: check that your release accepts it${shorten}`;
}
