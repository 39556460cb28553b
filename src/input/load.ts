// Reading a config file from disk with clear, one-line errors for everything that is not an ASA
// configuration: missing, a directory, empty, binary, JSON, an IOS router config.

import { READ_LIMITS, ReadError, readUserFile, utf16Encoding } from '../common/read-file.js';
import { FileError } from '../common/file-error.js';
import { looksBinary } from '../parse/decode.js';
import { LineKind } from '../parse/line-kinds.js';
import { parseConfigBytes, type ParsedConfig } from '../parse/parse.js';
import { redactLine } from '../parse/redact.js';
import { readVersionLine } from '../parse/version.js';

/** A problem with the input that stops it from being read: reported as one line, exit code 2. */
export type InputErrorKind = 'unreadable' | 'directory' | 'special' | 'too-large' | 'empty' | 'binary' | 'not-asa';

export class InputError extends FileError {
  constructor(
    file: string,
    message: string,
    line: number | null = null,
    /** `not-asa`, `empty` and `binary` files are skipped quietly when found by scanning a directory. */
    readonly kind: InputErrorKind = 'unreadable',
  ) {
    super(file, message, line);
    this.name = 'InputError';
  }
}

/**
 * How much evidence a file must show to be read as an ASA configuration. `strong` for files found by
 * scanning a directory (a version line, a `: Saved` header, a backup wrapper, or a hostname with
 * several ASA-only commands); `lenient` for files the user named (one ASA-only line will do, so a
 * `show running-config tunnel-group` capture is read). Either way, a document or source file that
 * merely quotes ASA lines (Markdown, YAML, code before the first ASA line) is not a configuration.
 */
export type Evidence = 'strong' | 'lenient';

export function loadConfigFile(path: string, evidence: Evidence = 'lenient', maxBytes: number = READ_LIMITS.config): ParsedConfig {
  let bytes: Buffer;
  try {
    bytes = readUserFile(path, maxBytes, ' (ASA_MOBILE_AUDIT_MAX_CONFIG_MB raises it)');
  } catch (err) {
    if (err instanceof ReadError) throw new InputError(path, err.message, null, err.kind);
    throw err;
  }
  return parseConfigInput(bytes, path, evidence);
}

/** Parses bytes that claim to be an ASA configuration, refusing what clearly is not one. */
export function parseConfigInput(bytes: Uint8Array, source: string, evidence: Evidence = 'lenient'): ParsedConfig {
  if (bytes.length === 0) throw new InputError(source, 'file is empty', null, 'empty');
  // A config saved on Windows (PowerShell's `>`, Notepad's "Unicode") is UTF-16 with a byte-order
  // mark; its NUL high bytes would otherwise read as a binary file.
  const utf16 = utf16Encoding(bytes);
  const text = utf16 === null ? bytes : Buffer.from(new TextDecoder(utf16).decode(bytes), 'utf8');
  if (looksBinary(text)) throw new InputError(source, 'binary file, not a text configuration', null, 'binary');
  const parsed = parseConfigBytes(text, source);
  if (utf16 !== null)
    parsed.problems.unshift({
      line: null,
      severity: 'info',
      code: 'utf-16',
      message: `file is ${utf16.toUpperCase()} (it has a byte-order mark); read as such`,
    });
  rejectIfNotAsa(parsed, evidence);
  return parsed;
}

// Lines only an ASA (or PIX/FWSM) prints. IOS shares `hostname`, `interface`, `access-list`, so those prove nothing.
const ASA_FIRST_WORDS = new Set([
  'group-policy',
  'tunnel-group',
  'webvpn',
  'same-security-traffic',
  'anyconnect-custom-data',
  'asdm',
  'dynamic-access-policy-record',
  'nameif',
  'security-level',
]);
const ASA_LINE = /^object network |^access-group \S+ (in|out) interface |^crypto ikev[12] enable |^crypto isakmp nat-traversal|^no crypto isakmp nat-traversal/;
const IOS_LINE = /^(version \d+\.\d+|Building configuration|Current configuration :|line vty |ip route |boot system |service timestamps )/;

/**
 * Lines no ASA configuration has: Markdown, YAML keys, HTML, source code. Only those before the first
 * ASA line count: Oxidized may append a client profile's XML after the configuration.
 */
const FOREIGN_LINE = /^(```|~~~|#{1,6} |<[A-Za-z!/]|[-*+] \S|\d+\. \S|(import|export|const|let|var|function|def|package) |[A-Za-z_][\w.-]*:(\s|$))/;

function rejectIfNotAsa(parsed: ParsedConfig, evidence: Evidence): void {
  const { lines, kinds, source, wrapper } = parsed;
  // Firepower Threat Defense prints ASA-like commands under an `NGFW Version` line, but its
  // remote-access VPN is managed from FMC and does not resolve policies the way an ASA does.
  const ngfw = lines.slice(0, 200).findIndex((l) => /^NGFW Version \S/.test(l));
  if (ngfw !== -1)
    throw new InputError(
      source,
      'this is a Firepower Threat Defense (FTD) configuration (`NGFW Version`), not an ASA one: the tool audits ASA configurations only (FTD remote-access VPN is managed from FMC, and its policy inheritance differs)',
      ngfw + 1,
      'not-asa',
    );
  let firstText = -1;
  let iosLine = -1;
  let foreignLine = -1;
  let asaLine = -1;
  let strong = wrapper === 'rancid' || wrapper === 'oxidized';
  let hostname = false;
  const asaCommands = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const k = kinds[i];
    if (k === LineKind.Blank || k === LineKind.Pager) continue;
    const text = lines[i]!;
    if (firstText === -1) firstText = i;
    if (k === LineKind.Checksum || k === LineKind.End || k === LineKind.ContextSeparator) strong = true;
    if (k === LineKind.ColonComment && /^: Saved\b/.test(text)) strong = true;
    if (k !== LineKind.Command && k !== LineKind.ColonComment) continue;
    const trimmed = text.trimStart();
    if (readVersionLine(trimmed) !== null) {
      strong = true;
      if (asaLine === -1) asaLine = i;
    }
    if (k !== LineKind.Command) continue;
    if (foreignLine === -1 && asaLine === -1 && FOREIGN_LINE.test(trimmed)) foreignLine = i;
    const space = trimmed.indexOf(' ');
    const first = space === -1 ? trimmed : trimmed.slice(0, space);
    if (text === trimmed && first === 'hostname') hostname = true;
    if (ASA_LINE.test(trimmed) || ASA_FIRST_WORDS.has(first)) {
      if (asaLine === -1) asaLine = i;
      // Distinct commands: `object network` and `crypto ikev2 enable` count by their first two words.
      if (text === trimmed) asaCommands.add(['object', 'access-group', 'crypto', 'no'].includes(first) ? trimmed.split(/\s+/).slice(0, 2).join(' ') : first);
    }
    if (iosLine === -1 && IOS_LINE.test(trimmed)) iosLine = i;
    // Foreign lines count only before the first ASA line: once the evidence is there, stop reading.
    if (asaLine !== -1 && foreignLine === -1 && (strong || evidence === 'lenient' || (hostname && asaCommands.size >= 3))) return;
  }
  if (foreignLine === -1 && (strong || (asaLine !== -1 && (evidence === 'lenient' || (hostname && asaCommands.size >= 3))))) return;
  if (firstText === -1) throw new InputError(source, 'file holds only blank lines', null, 'empty');
  const first = lines[firstText]!.trimStart();
  if (first.startsWith('{') || first.startsWith('[')) {
    throw new InputError(source, 'this is JSON, not an ASA configuration', firstText + 1, 'not-asa');
  }
  if (iosLine !== -1) {
    throw new InputError(
      source,
      `looks like a Cisco IOS configuration (\`${redactLine(lines[iosLine]!).trim().slice(0, 60)}\`), not an ASA configuration`,
      iosLine + 1,
      'not-asa',
    );
  }
  if (foreignLine !== -1 && asaLine !== -1) {
    throw new InputError(
      source,
      `a document or source file that quotes ASA lines (\`${redactLine(lines[foreignLine]!).trim().slice(0, 40)}\` is not configuration syntax), not an ASA configuration`,
      foreignLine + 1,
      'not-asa',
    );
  }
  if (asaLine !== -1) {
    throw new InputError(
      source,
      'not enough evidence of an ASA configuration: no `ASA Version` line, `: Saved` header or backup wrapper, and fewer than three ASA-only commands with a hostname (name the file to audit it anyway)',
      null,
      'not-asa',
    );
  }
  throw new InputError(
    source,
    'not an ASA configuration: no `ASA Version`, `group-policy`, `tunnel-group`, `webvpn` or other ASA-only line found',
    null,
    'not-asa',
  );
}
