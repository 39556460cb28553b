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
  if (p.tgWebvpn) out.push(`tunnel-group ${tg} webvpn-attributes`, ...indent(1, p.tgWebvpn));
  return out.join('\n');
}

export const SPLIT = ['split-tunnel-policy tunnelspecified', 'split-tunnel-network-list value ST'];
export const PERAPP_DECLARED = ['webvpn', ' anyconnect-custom-attr perapp description Per-app'];
export const PERAPP_DATA = 'anyconnect-custom-data perapp PA eJyVkMFqwzAMhl';
