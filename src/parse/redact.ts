// Masks secrets in a config line before it is quoted anywhere (messages, reports, saved files).
// Passwords, pre-shared keys, AAA/failover/routing keys, SNMP communities and password hashes.

export const REDACTED = '<redacted>';

// A secret value: a token, or an already-masked placeholder such as Oxidized's `<secret hidden>`.
const SECRET = String.raw`(?:<[^>]*>|\S+)`;
// Some secrets carry an encoding marker before the value (`pre-shared-key hex ...`, `key 7 ...`).
const MARKER = String.raw`(?:(?:hex|0|7|8)\s+(?=\S))?`;

const PATTERNS: RegExp[] = [
  new RegExp(
    String.raw`(\b(?:password|passwd|pre-shared-key|ldap-login-password|radius-common-pw|community|secret|server-secret|challenge-password)\s+${MARKER})${SECRET}`,
    'gi',
  ),
  new RegExp(String.raw`(\bmessage-digest-key\s+\d+\s+md5\s+${MARKER})${SECRET}`, 'gi'),
  new RegExp(String.raw`(\bauthentication-key\s+\d+\s+md5\s+)${SECRET}`, 'gi'),
  new RegExp(String.raw`(\bauthentication-key\s+)(?!\d+\s+md5\b)${SECRET}`, 'gi'),
  // ` key SECRET` under `aaa-server ... host`, and `failover key [hex] SECRET`.
  new RegExp(String.raw`^(\s*(?:failover\s+)?key\s+${MARKER})${SECRET}`, 'i'),
];

const MAYBE_SECRET = /password|passwd|pre-shared|community|secret|key/i;

export function redactLine(line: string): string {
  if (!MAYBE_SECRET.test(line)) return line;
  let out = line;
  for (const pattern of PATTERNS) out = out.replace(pattern, `$1${REDACTED}`);
  return out;
}

/** Whether a line holds a key, password or other secret (redaction would change it). */
export function holdsSecret(line: string): boolean {
  return redactLine(line) !== line;
}
