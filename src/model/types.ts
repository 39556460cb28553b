// The vendor model of one ASA configuration: typed objects, each setting with the line it came from.

import type { ClientProfileDoc } from './client-profile.js';
import type { DapXmlRecord } from './dap-xml.js';
import type { AsaVersion } from '../parse/version.js';
import type { Setting } from './setting.js';
import type { PolicyAttributes, SplitTunnelPolicy } from './policy-attributes.js';
import type { LicenseFacts } from './licenses.js';
import type { Problem } from '../common/problem.js';

export interface GroupPolicy {
  name: string;
  /** `internal`/`external` from the declaration line; null when only an `attributes` block exists (DfltGrpPolicy). */
  type: 'internal' | 'external' | null;
  declarationLine: number | null;
  /** Lines of every `group-policy NAME attributes` block header (hand edits can repeat it). */
  attributeBlockLines: number[];
  /** Line of the ` webvpn` sub-mode header, if any. */
  webvpnLine: number | null;
  /** Every sub-command as written, with its sub-mode (a plan copies a shared policy from these). */
  lines: Array<{ text: string; line: number; mode: 'attributes' | 'webvpn' }>;
  /** The sub-commands the attribute table does not read (`ipv6-split-tunnel-policy`, `anyconnect modules`), split into words. */
  unread: Array<{ text: string; line: number; mode: 'attributes' | 'webvpn'; words: string[] }>;
  externalServerGroup: string | null;
  attributes: PolicyAttributes;
  /** `anyconnect-custom TYPE value NAME|none`, by TYPE. */
  customAttributes: Map<string, Setting<string>>;
}

export type TunnelGroupType = 'remote-access' | 'ipsec-l2l' | 'ipsec-ra' | 'webvpn';

export interface TunnelGroupBlock {
  /** `general-attributes`, `webvpn-attributes`, `ipsec-attributes`, `ppp-attributes`, ... */
  kind: string;
  line: number;
  /** The block's sub-commands, trimmed, with their lines (whether one holds a secret: `holdsSecret`). */
  lines: Array<{ text: string; line: number }>;
}

export interface GroupAlias {
  name: string;
  enabled: boolean;
  line: number;
}

export interface GroupUrl {
  url: string;
  enabled: boolean;
  line: number;
}

export interface TunnelGroup {
  name: string;
  /** null when no `type` line was printed (built-in groups print none). */
  type: TunnelGroupType | null;
  typeLine: number | null;
  builtIn: boolean;
  /** First line that mentions the group. */
  firstLine: number | null;
  /**
   * Every sub-command of each attributes block as written, so a copy of the profile can carry all of
   * it (interface tags, authorization and accounting groups, username-from-certificate, ...).
   */
  blocks: TunnelGroupBlock[];
  general: {
    line: number | null;
    defaultGroupPolicy: Setting<string>;
    addressPools: Array<{ name: string; line: number }>;
    authenticationServerGroup: Setting<string>;
    secondaryAuthenticationServerGroup: Setting<string>;
    /** `scep-enrollment enable`: the ASA proxies AnyConnect SCEP enrolment for this profile. */
    scepEnrollment: Setting<true>;
  };
  webvpn: {
    line: number | null;
    authentication: Setting<string[]>;
    groupAliases: GroupAlias[];
    groupUrls: GroupUrl[];
    samlIdentityProvider: Setting<string>;
  };
  ipsec: {
    line: number | null;
    /** `ikev2 remote-authentication ...` methods, without secrets. */
    ikev2RemoteAuthentication: Array<{ method: string; line: number }>;
  };
}

export interface CustomData {
  type: string;
  name: string;
  /** The values of every line with this TYPE and NAME, concatenated in order. */
  value: string;
  lines: number[];
  /** Each line's own value, in order (the guide limits each to 420 characters). */
  parts: Array<{ value: string; line: number }>;
}

export interface GlobalWebvpn {
  line: number;
  enabledInterfaces: Array<{ name: string; line: number }>;
  anyconnectEnabled: Setting<true>;
  images: Array<{ path: string; order: number | null; line: number; legacy: boolean }>;
  /** `anyconnect profiles NAME disk0:/FILE.xml` */
  clientProfiles: Array<{ name: string; path: string; line: number }>;
  tunnelGroupListEnabled: Setting<true>;
  customAttributeTypes: Array<{ type: string; description: string | null; line: number }>;
  defaultIdleTimeout: Setting<number>;
  /** `certificate-group-map MAP SEQ TG`: AnyConnect SSL clients whose certificate matches land in TG. */
  certificateGroupMaps: CertificateMapRule[];
  /** `saml idp ENTITY-ID` blocks. */
  samlIdps: SamlIdp[];
}

export interface CertificateMapRule {
  map: string;
  sequence: number | null;
  tunnelGroup: string;
  line: number;
}

export interface SamlIdp {
  entityId: string;
  line: number;
  /** `force re-authentication` (value true) or `no force re-authentication` (value false). */
  forceReauthentication: Setting<boolean>;
}

/** `crypto ca trustpoint NAME` and how its certificate is enrolled. */
export interface Trustpoint {
  name: string;
  line: number;
  /** `enrollment self` (self-signed), `terminal`, `url URL`, ... ; unset when no line says. */
  enrollment: Setting<string>;
  /** Host names the certificate is requested for: `fqdn NAME` and the CN of `subject-name` (lower case). */
  names: string[];
}

/** One entry of a standard access-list (`access-list NAME standard permit|deny host IP|IP MASK|any`). */
export interface AclEntry {
  action: 'permit' | 'deny';
  /** null for `any`. */
  network: { address: string; mask: string } | null;
  line: number;
}

export interface AccessList {
  name: string;
  entries: AclEntry[];
  /** Lines the model could not read as standard entries (extended, object-groups, remarks are skipped). */
  unreadLines: number[];
}

/** `dynamic-access-policy-record NAME` with the attributes set in it. */
export interface DapRecord {
  name: string;
  line: number;
  /** `anyconnect-custom TYPE value NAME` inside the record. */
  customAttributes: Map<string, Setting<string>>;
  /** `action terminate|continue|quarantine`. */
  action: Setting<string>;
  /** `network-acl NAME` lines: what the sessions it matches may reach. */
  networkAcls: Array<{ name: string; line: number }>;
}

/** Commands that name an access-list outside split tunnelling, by list (a few per list, secrets masked). */
export interface AccessListUses {
  of(list: string): Array<{ text: string; line: number }>;
}

export interface GlobalSettings {
  /** `crypto isakmp nat-traversal N` (value = keepalive seconds) / `no crypto isakmp nat-traversal` (none). */
  natTraversal: Setting<number>;
  ikev2Enable: Array<{ interface: string; clientServices: boolean; port: number | null; line: number }>;
  ikev2RemoteAccessTrustpoint: Setting<string>;
  sslTrustPoints: Array<{ trustpoint: string; interface: string | null; line: number }>;
  sslEncryption: Setting<string[]>;
  ntpServers: Array<{ address: string; line: number }>;
  /** Where an access-list is named outside split tunnelling (route-maps, access-groups, NAT, filters). */
  accessListUses: AccessListUses;
  /** `aaa-server GROUP protocol PROTOCOL` (radius, ldap, kerberos, ...), by group name. */
  aaaServerGroups: Map<string, { protocol: string; line: number }>;
  /** `ldap attribute-map` lines that map a directory attribute to Tunnel-Group-Lock (`map-name X Tunnel-Group-Lock`). */
  ldapTunnelGroupLocks: Array<{ map: string; line: number }>;
  dapRecords: DapRecord[];
  /** `tunnel-group-map MAP SEQ TG` (certificate to connection profile, IPsec). */
  tunnelGroupMaps: CertificateMapRule[];
  /** `tunnel-group-map default-group TG`: where certificate-matched clients land when no rule matches. */
  tunnelGroupMapDefault: { tunnelGroup: string; line: number } | null;
  trustpoints: Map<string, Trustpoint>;
  accessLists: Map<string, AccessList>;
  /** Names of access-lists with no standard entry (extended, webtype, ...): there, though not read. */
  otherAccessLists: Set<string>;
  /** `name IP NAME` (with `names`): the address each name stands for, as the ASA prints it in access-lists. */
  hostNames: Map<string, string>;
  webvpn: GlobalWebvpn | null;
  /** `anyconnect-custom-data TYPE NAME VALUE`, keyed by `TYPE NAME`. */
  customData: Map<string, CustomData>;
}

export interface LocalUser {
  name: string;
  line: number;
  vpnGroupPolicy: Setting<string>;
  groupLock: Setting<string>;
  /** A user's own split tunnel (a plan must not change a list the user excludes networks with). */
  splitTunnelPolicy: Setting<SplitTunnelPolicy>;
  splitTunnelNetworkList: Setting<string>;
}

export interface SecurityContextDefinition {
  name: string;
  line: number;
  configUrl: string | null;
}

export interface DeviceModel {
  source: string;
  /** Context name when the file section belongs to one context of a multiple-context backup. */
  contextName: string | null;
  hostname: Setting<string>;
  version: AsaVersion | null;
  versionLine: number | null;
  /** The `<context>`/`<system>` tag of the version line: which execution space this config is. */
  space: 'single' | 'context' | 'system';
  firewallMode: Setting<'routed' | 'transparent'>;
  domainName: Setting<string>;
  groupPolicies: Map<string, GroupPolicy>;
  tunnelGroups: Map<string, TunnelGroup>;
  global: GlobalSettings;
  users: Map<string, LocalUser>;
  /** `context NAME` blocks of a system execution space. */
  contexts: SecurityContextDefinition[];
  /** AnyConnect licence lines of `show version`, when the backup or the live collection has them. */
  licenses: LicenseFacts | null;
  /** The XML behind each `anyconnect profiles NAME PATH` line, as far as it was found (side-files.ts). */
  clientProfileFiles: ClientProfileFile[];
  /** `dap.xml`, when it was found; null when there is none to read or nobody looked. */
  dapXml: DapXmlFile | null;
  /** Where side files (client profiles, dap.xml) were looked for; null: nowhere (a bare config). */
  sideFilesSearched: string | null;
  /** Where dap.xml was looked for, in words (null: nowhere, or no DAP record of its own to look it up for). */
  dapSearched: string | null;
  problems: Problem[];
  stats: { commandLines: number; modelledLines: number };
  /** The section is a whole configuration: what it does not hold, the device does not have. */
  complete: boolean;
}

/** Where a side file's lines are: its own file, or lines of the config itself (an Oxidized backup). */
export interface SideFileOrigin {
  file: string;
  /** Added to a line of the XML to get the line in `file`. */
  lineOffset: number;
  /** The XML's lines (for quoting the offending one). */
  lines: string[];
}

export interface ClientProfileFile {
  name: string;
  /** `disk0:/FILE.xml` as the config names it. */
  devicePath: string;
  definedLine: number;
  status: 'read' | 'malformed' | 'missing' | 'not-searched';
  origin: SideFileOrigin | null;
  doc: ClientProfileDoc | null;
  /** Why a file that was found could not be read (line in the XML). */
  problem: { line: number | null; message: string } | null;
}

export interface DapXmlFile {
  origin: SideFileOrigin;
  records: DapXmlRecord[] | null;
  problem: { line: number | null; message: string } | null;
}

export const BUILT_IN_TUNNEL_GROUPS = ['DefaultRAGroup', 'DefaultWEBVPNGroup', 'DefaultL2LGroup'] as const;
export const DEFAULT_GROUP_POLICY = 'DfltGrpPolicy';
/**
 * The longest group-policy name the ASA takes (64 characters [src]); tunnel-group names are said to
 * have about the same limit [recalled]. Names the tool makes stay within it.
 */
export const NAME_MAX_CHARS = 64;
