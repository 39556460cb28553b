// Fragment builders shared by the rule cases. They write the lines an engineer would type, indented as
// the ASA prints them; the rule tester completes them into a whole configuration.

export interface MobileParts {
  /** Connection profile name (quoted when it has spaces). */
  name?: string;
  /** `vpn-tunnel-protocol` of the policy. */
  protocols?: string;
  /** Lines under `group-policy GP attributes`. */
  policy?: string[];
  /** Lines under its ` webvpn` sub-mode. */
  webvpn?: string[];
  /** Lines under `group-policy DfltGrpPolicy attributes` and its webvpn sub-mode. */
  dflt?: string[];
  dfltWebvpn?: string[];
  /** Lines under `tunnel-group NAME webvpn-attributes`. */
  tgWebvpn?: string[];
  /** Column-0 lines before the policies. */
  global?: string[];
  /** The profile uses DfltGrpPolicy itself (no GP). */
  noPolicy?: boolean;
  /** How AnyConnect SSL clients select the profile: a group-url (the default), or nothing. */
  selectedBy?: 'group-url' | 'nothing';
}

const indent = (n: number, lines: readonly string[] = []): string[] => lines.map((l) => `${' '.repeat(n)}${l}`);

/** One mobile connection profile MOBILE on policy GP, with what the case adds. */
export function mobile(p: MobileParts = {}): string {
  const tg = p.name ?? 'MOBILE';
  const out = [...(p.global ?? [])];
  if (p.dflt || p.dfltWebvpn) {
    out.push('group-policy DfltGrpPolicy attributes', ...indent(1, p.dflt));
    if (p.dfltWebvpn) out.push(' webvpn', ...indent(2, p.dfltWebvpn));
  }
  if (!p.noPolicy) {
    out.push('group-policy GP internal', 'group-policy GP attributes', ` vpn-tunnel-protocol ${p.protocols ?? 'ssl-client ikev2'}`, ...indent(1, p.policy));
    if (p.webvpn) out.push(' webvpn', ...indent(2, p.webvpn));
  }
  out.push(`tunnel-group ${tg} type remote-access`, `tunnel-group ${tg} general-attributes`, p.noPolicy ? ' address-pool POOL' : ' default-group-policy GP');
  const webvpnAttributes = [
    ...((p.selectedBy ?? 'group-url') === 'group-url' ? [`group-url https://vpn.example.com/${tg.replace(/[^A-Za-z0-9-]/g, '').toLowerCase()} enable`] : []),
    ...(p.tgWebvpn ?? []),
  ];
  if (webvpnAttributes.length > 0) out.push(`tunnel-group ${tg} webvpn-attributes`, ...indent(1, webvpnAttributes));
  return out.join('\n');
}

export const SPLIT = ['split-tunnel-policy tunnelspecified', 'split-tunnel-network-list value ST'];
export const PERAPP_DECLARED = ['webvpn', ' anyconnect-custom-attr perapp description Per-app'];
export const PERAPP_DATA = 'anyconnect-custom-data perapp PA eJyVkMFqwzAMhl';

/**
 * Per-app values for tests, made the way real ones look (base64 of a zlib stream, `eJy...`). Their
 * inner text is our guess at the Application Selector's output (its format is not documented): one
 * names an iOS app, the other allows all apps with `*.*`.
 */
export const PERAPP_IOS_ONE_APP = 'eJyzCUgtciwoCAvws7MJyEksScsvylXIS8xNtVXK9A9WsrNxLChQ8EyxVUrOz9VLrUjMLchJ1ctNzMxR0rez0YfpADHh5gAAlJ8b2A==';
export const PERAPP_ALL_APPS = 'eJyzCUgtciwoCAvws7MJyEksScsvylXIS8xNtVXK9A9WsrNxLChQ8EyxVdLS01LSt7PRhynCUO6Yl1KUn5mCrAVNgz7CLgD7pCYi';

/** A client profile defined and pushed to MOBILE's policy (its XML is added with `embedXml`). */
export const CP_GLOBAL = ['webvpn', ' anyconnect profiles CP-MOBILE disk0:/mobile.xml'];
export const CP_PUSH = ['anyconnect profiles value CP-MOBILE type user'];

export interface HostEntryParts {
  name?: string;
  address?: string;
  group?: string;
  /** Lines inside <MobileHostEntryInfo>; absent: no such element. */
  mobile?: string[];
}

/** An AnyConnect client profile, laid out as the Profile Editor writes it. */
export function clientProfileXml(entries: HostEntryParts[], init: string[] = []): string {
  const entry = (e: HostEntryParts): string[] => [
    '    <HostEntry>',
    `      <HostName>${e.name ?? 'Corp VPN'}</HostName>`,
    `      <HostAddress>${e.address ?? 'vpn.example.com'}</HostAddress>`,
    ...(e.group !== undefined ? [`      <UserGroup>${e.group}</UserGroup>`] : []),
    ...(e.mobile ? ['      <MobileHostEntryInfo>', ...e.mobile.map((l) => `        ${l}`), '      </MobileHostEntryInfo>'] : []),
    '    </HostEntry>',
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<AnyConnectProfile xmlns="http://schemas.xmlsoap.org/encoding/">',
    ...(init.length > 0 ? ['  <ClientInitialization>', ...init.map((l) => `    ${l}`), '  </ClientInitialization>'] : []),
    '  <ServerList>',
    ...entries.flatMap(entry),
    '  </ServerList>',
    '</AnyConnectProfile>',
  ].join('\n');
}

/** XML as an Oxidized backup carries it: a `!  disk0:/FILE` line, then every line behind `! `. */
export function embedXml(path: string, xml: string): string {
  return [`!  ${path}`, ...xml.split('\n').map((l) => `! ${l}`)].join('\n');
}
