// Masks secrets in a config line before it is quoted anywhere (messages, reports, saved files). One
// table of every secret-bearing ASA command form the tool knows, each with an example that the tests
// run; a form not in the table is a bug to add here, not a pattern to guess elsewhere.

export const REDACTED = '<redacted>';

// A secret value: a token, or an already-masked placeholder such as Oxidized's `<secret hidden>`
// (whole, spaces included; a token that only starts with `<...>`, such as `<a>Pw`, is a token).
const SECRET = String.raw`(?:<[^>]*>(?=\s|$)|\S+)`;
// The hash an NTP or OSPF authentication key is for (`ntp authentication-key 1 sha256 KEY`).
const HASH = String.raw`(?:md5|sha1|sha256|sha512|cmac)`;
// Some secrets carry an encoding marker before the value (`pre-shared-key hex ...`, `key 7 ...`).
const MARKER = String.raw`(?:(?:hex|0|7|8)\s+(?=\S))?`;

/**
 * A keyword as the ASA takes it typed, whole or cut to any prefix of at least `min` letters
 * (`pre-shared-k`, `enable pass`): a change script may abbreviate what a running-config spells out.
 */
function typed(word: string, min: number): string {
  const esc = (x: string): string => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let tail = '';
  for (let i = word.length - 1; i >= min; i--) tail = `(?:${esc(word[i]!)}${tail})?`;
  return esc(word.slice(0, min)) + tail;
}

// A keyword cut short is matched only as a whole token where its command puts it: `\b` alone would
// also match inside a name (`VPN-PRE`, `ACL-PASS`) and mask the word after it, and a plan does not
// copy a line it takes for a secret.
const TOKEN = String.raw`(?<![^\s])`;

export interface SecretForm {
  /** What the form is, for tests and for people adding one. */
  name: string;
  /** Group 1: everything before the secret; the match's remainder is the secret itself. */
  pattern: RegExp;
  /** A line of this form; the tests check that its secret is masked. */
  example: string;
  /** The secret in `example`. */
  secret: string;
}

const form = (name: string, pattern: string, flags: string, example: string, secret: string): SecretForm => ({
  name,
  pattern: new RegExp(pattern, flags),
  example,
  secret,
});

export const SECRET_FORMS: readonly SecretForm[] = [
  form('password keyword', String.raw`(\b(?:password|passwd)\s+${MARKER})${SECRET}`, 'gi', 'enable password 8Ry2YjIyt7RRXU24 encrypted', '8Ry2YjIyt7RRXU24'),
  form('enable password (cut short)', String.raw`(^\s*enable\s+${typed('password', 4)}\s+${MARKER})${SECRET}`, 'i', 'enable pass En4bleAbbr', 'En4bleAbbr'),
  form(
    'username password',
    String.raw`(^\s*username\s+\S+\s+${typed('password', 1)}\s+)${SECRET}`,
    'gi',
    'username admin password Adm1nPw privilege 15',
    'Adm1nPw',
  ),
  form('pre-shared key', String.raw`(\bpre-shared-key\s+${MARKER})${SECRET}`, 'gi', ' ikev2 remote-authentication pre-shared-key 8 Sup3rPsk!', 'Sup3rPsk!'),
  form(
    'pre-shared key (cut short)',
    String.raw`(${TOKEN}(?:ikev1|(?:local|remote)-authentication)\s+${typed('pre-shared-key', 3)}\s+${MARKER})${SECRET}`,
    'gi',
    ' ikev1 pre-sh Sh0rtPsk',
    'Sh0rtPsk',
  ),
  form('LDAP bind password', String.raw`(${TOKEN}${typed('ldap-login-password', 6)}\s+${MARKER})${SECRET}`, 'gi', ' ldap-login-password Ld4pBind', 'Ld4pBind'),
  form(
    'RADIUS common password',
    String.raw`(${TOKEN}${typed('radius-common-pw', 8)}\s+${MARKER})${SECRET}`,
    'gi',
    ' radius-common-pw R4diusCommon',
    'R4diusCommon',
  ),
  form(
    'SNMP community',
    String.raw`(\bcommunity\s+${MARKER})${SECRET}`,
    'gi',
    'snmp-server host inside 10.0.0.5 community Publ1cOrNot version 2c',
    'Publ1cOrNot',
  ),
  form(
    'SNMP community (global)',
    String.raw`(${TOKEN}${typed('snmp-server', 4)}\s+${typed('community', 1)}\s+${MARKER})${SECRET}`,
    'gi',
    'snmp-server community Gl0balComm',
    'Gl0balComm',
  ),
  form(
    'SNMPv3 auth key',
    String.raw`(\bsnmp-server\s+user\s+.*?\bauth\s+(?:md5|sha\d*)\s+)${SECRET}`,
    'gi',
    'snmp-server user ops OPS v3 encrypted auth sha 3a:4b:Au7hKey priv aes 256 Pr1vKey',
    '3a:4b:Au7hKey',
  ),
  form(
    'SNMPv3 priv key',
    String.raw`(\bsnmp-server\s+user\s+.*?\bpriv\s+(?:des|3des|aes(?:\s+(?:128|192|256))?)\s+)${SECRET}`,
    'gi',
    'snmp-server user ops OPS v3 auth sha Au7hKey2 priv aes 256 Pr1vKey2',
    'Pr1vKey2',
  ),
  form(
    'generic secret keyword',
    String.raw`(\b(?:secret|server-secret|challenge-password)\s+${MARKER})${SECRET}`,
    'gi',
    ' server-secret Sh4redS3cret',
    'Sh4redS3cret',
  ),
  form(
    'OSPF message digest key',
    String.raw`(${TOKEN}${typed('message-digest-key', 3)}\s+\d+\s+md5\s+${MARKER})${SECRET}`,
    'gi',
    ' ospf message-digest-key 1 md5 0spfMd5',
    '0spfMd5',
  ),
  form(
    'OSPF/NTP authentication key (md5, sha1, sha256, sha512, cmac)',
    String.raw`(${TOKEN}${typed('authentication-key', 4)}\s+\d+\s+${HASH}\s+${MARKER})${SECRET}`,
    'gi',
    'ntp authentication-key 1 sha256 NtpSha256Secret',
    'NtpSha256Secret',
  ),
  form(
    'OSPF authentication key',
    String.raw`(${TOKEN}${typed('authentication-key', 16)}\s+(?!\d+\s+${HASH}\b)${MARKER})${SECRET}`,
    'gi',
    ' ospf authentication-key 0spfPlain',
    '0spfPlain',
  ),
  form(
    'OSPFv3 IPsec authentication key',
    String.raw`(\bspi\s+\d+\s+(?:.*?\s)?(?:md5|sha1)\s+${MARKER})${SECRET}`,
    'gi',
    ' ipv6 ospf authentication ipsec spi 256 md5 0spf3AuthKey',
    '0spf3AuthKey',
  ),
  form(
    'OSPFv3 IPsec encryption key',
    String.raw`(\bspi\s+\d+\s+esp\s+(?:aes-cbc\s+(?:128|192|256)|3des|des)\s+${MARKER})${SECRET}`,
    'gi',
    ' ipv6 ospf encryption ipsec spi 300 esp aes-cbc 128 0spf3EncKey sha1 0spf3AuthKey2',
    '0spf3EncKey',
  ),
  form(
    'EIGRP authentication key',
    String.raw`(${TOKEN}${typed('authentication', 4)}\s+${typed('key', 1)}\s+${typed('eigrp', 1)}\s+\d+\s+${MARKER})${SECRET}`,
    'gi',
    ' authentication key eigrp 100 E1grpKey key-id 1',
    'E1grpKey',
  ),
  // Before the key forms, which would take `config-key` for the key: both the new and the old key.
  form(
    'master passphrase',
    String.raw`(\bconfig-key\s+${typed('password-encryption', 4)}\s+)\S+(?:\s+\S+)?`,
    'gi',
    'key config-key password-encryption N3wMaster 0ldMaster',
    'N3wMaster 0ldMaster',
  ),
  form(
    'AAA server key (sub-mode) and failover key',
    String.raw`^(\s*(?:${typed('failover', 4)}\s+)?${typed('key', 1)}\s+${MARKER})${SECRET}`,
    'i',
    ' key R4dKey',
    'R4dKey',
  ),
  form('key chain key string', String.raw`(${TOKEN}${typed('key-string', 5)}\s+${MARKER})${SECRET}`, 'gi', '  key-string K3yStr1ng', 'K3yStr1ng'),
  form(
    'AAA server key (positional)',
    String.raw`^(\s*aaa-server\s+\S+\s+(?:\([^)]*\)\s+)?host\s+\S+\s+)(?!timeout\b|key\b)${SECRET}`,
    'i',
    'aaa-server RADIUS (inside) host 10.0.0.20 P0sKey timeout 5',
    'P0sKey',
  ),
  form(
    'AAA server key (after key keyword)',
    String.raw`(\bhost\s+\S+\s+key\s+)${SECRET}`,
    'gi',
    'aaa-server TACS (inside) host 10.0.0.21 key T4csKey',
    'T4csKey',
  ),
  form(
    'RIP authentication key',
    String.raw`(\brip\s+${typed('authentication', 4)}\s+${typed('key', 1)}\s+${MARKER})${SECRET}`,
    'gi',
    ' rip authentication key R1pKey key_id 1',
    'R1pKey',
  ),
  form(
    'load-balancing cluster key',
    String.raw`^(\s*${typed('cluster', 3)}\s+${typed('key', 1)}\s+${MARKER})${SECRET}`,
    'i',
    ' cluster key Clust3rK',
    'Clust3rK',
  ),
  // Under `scansafe general-options` (a change script may hold it unindented); `license smart` (ASAv)
  // names a mode, not a secret.
  form(
    'Cloud Web Security licence key',
    String.raw`^(\s*license\s+)(?!smart\b)${SECRET}`,
    'i',
    ' license 0F1E2D3C4B5A69788796A5B4C3D2E1F0',
    '0F1E2D3C4B5A69788796A5B4C3D2E1F0',
  ),
  form('Smart Licensing ID token', String.raw`(\bidtoken\s+)${SECRET}`, 'gi', 'license smart register idtoken NjA4ZTUtVG9rZW4', 'NjA4ZTUtVG9rZW4'),
  form('PKCS12 import passphrase', String.raw`(\bpkcs12\s+)${SECRET}`, 'gi', 'crypto ca import TP pkcs12 P12Passphr nointeractive', 'P12Passphr'),
  form(
    'ISAKMP key',
    String.raw`(${TOKEN}${typed('isakmp', 3)}\s+${typed('key', 1)}\s+)${SECRET}`,
    'gi',
    'crypto isakmp key Isakmp0ld address 192.0.2.1',
    'Isakmp0ld',
  ),
  form(
    'credentials in a URL',
    // (Up to the last `@` before the host: a password may hold an `@` of its own.)
    String.raw`(\b[a-z][a-z0-9+.-]*://[^\s:/@]+:)\S+(?=@[^\s@/]*(?:[/\s]|$))`,
    'gi',
    ' enrollment url http://scep:Enr0llPw@ca.example.com/certsrv',
    'Enr0llPw',
  ),
  // Not ASA syntax: a line of a document or script quoted as not configuration (`ansible_password: ...`).
  form(
    'key: value secret (not configuration)',
    // (At the start of a line only: `description token: rotation` is configuration, not a secret.)
    String.raw`(^\s*(?:-\s+)?["']?[\w-]*(?:pass(?:word|wd)?|secret|token)[\w-]*["']?\s*[:=]\s*)${SECRET}`,
    'gi',
    'ansible_password: Ans1bleP',
    'Ans1bleP',
  ),
];

// A cheap look before the table: only lines with one of these words can hold a secret.
const MAYBE_SECRET =
  /pas|pre|comm|secret|token|username|auth|\bk|-k|ldap-l|radius-c|license|idtoken|pkcs12|-pw\b|snmp|aaa-server|isa|\bspi\b|mes|:\/\/[^\s/]*@/i;

export function redactLine(line: string): string {
  if (!MAYBE_SECRET.test(line)) return line;
  let out = line;
  for (const f of SECRET_FORMS) {
    f.pattern.lastIndex = 0;
    out = out.replace(f.pattern, `$1${REDACTED}`);
  }
  return out;
}

/** Whether a line holds a key, password or other secret (redaction would change it). */
export function holdsSecret(line: string): boolean {
  return redactLine(line) !== line;
}
