// Reading a file the user named (a configuration, a list, a baseline, a key, an inventory): only
// regular files, after following symbolic links, and never more than a limit. A pull request that
// commits `configs/x.cfg -> /dev/zero`, or a FIFO, must not exhaust or hang the machine.

import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { FileError } from './file-error.js';

/** Largest file read, per kind; a configuration's limit can be raised (ASA_MOBILE_AUDIT_MAX_CONFIG_MB). */
export const READ_LIMITS = {
  config: 256 * 1024 * 1024,
  list: 64 * 1024 * 1024,
  baseline: 64 * 1024 * 1024,
  yaml: 4 * 1024 * 1024,
  key: 1024 * 1024,
  script: 16 * 1024 * 1024,
} as const;

export class ReadError extends FileError {
  constructor(
    file: string,
    message: string,
    /** `special`: not a regular file; `too-large`; `unreadable`: missing, permissions, ... */
    readonly kind: 'special' | 'too-large' | 'unreadable' | 'directory',
  ) {
    super(file, message);
    this.name = 'ReadError';
  }
}

/** What a non-regular file is, in words. */
function describeSpecial(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function describeError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'a loop of symbolic links';
    default:
      return `cannot read file (${code ?? String(err)})`;
  }
}

/** The bytes of a regular file of at most `maxBytes`; a clear ReadError otherwise. */
export function readUserFile(path: string, maxBytes: number, limitHint = ''): Buffer {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (err) {
    throw new ReadError(path, describeError(err), 'unreadable');
  }
  if (st.isDirectory()) throw new ReadError(path, 'is a directory; give a file', 'directory');
  if (!st.isFile()) throw new ReadError(path, `is ${describeSpecial(st)}, not a regular file: not read`, 'special');
  if (st.size > maxBytes) throw new ReadError(path, `is ${mib(st.size)}, more than the ${mib(maxBytes)} read limit${limitHint}`, 'too-large');
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new ReadError(path, describeError(err), 'unreadable');
  }
  try {
    // The file may have changed since stat: check what was opened, and read no more than the limit.
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw new ReadError(path, `is ${describeSpecial(opened)}, not a regular file: not read`, 'special');
    const buf = Buffer.allocUnsafe(Math.min(opened.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n > maxBytes) throw new ReadError(path, `grew past the ${mib(maxBytes)} read limit while being read${limitHint}`, 'too-large');
      if (n === buf.length) break;
    }
    return buf.subarray(0, n);
  } catch (err) {
    if (err instanceof ReadError) throw err;
    throw new ReadError(path, describeError(err), 'unreadable');
  } finally {
    closeSync(fd);
  }
}

export function readUserText(path: string, maxBytes: number, limitHint = ''): string {
  return decodeUserText(readUserFile(path, maxBytes, limitHint));
}

/**
 * Text as people save it: UTF-8 (a byte-order mark dropped), or UTF-16 with its byte-order mark
 * (Notepad's "Unicode", PowerShell's `>`), whose NUL high bytes would otherwise read as binary.
 */
export function decodeUserText(bytes: Uint8Array): string {
  const utf16 = utf16Encoding(bytes);
  const text = utf16 === null ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : new TextDecoder(utf16).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `utf-16le` / `utf-16be` when the bytes start with that byte-order mark (TextDecoder drops it). */
export function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function mib(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB` : `${n} bytes`;
}

/** The configuration size limit: ASA_MOBILE_AUDIT_MAX_CONFIG_MB, else 256 MiB. */
export function maxConfigBytes(env: NodeJS.ProcessEnv): number {
  const v = env.ASA_MOBILE_AUDIT_MAX_CONFIG_MB;
  return v !== undefined && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) * 1024 * 1024 : READ_LIMITS.config;
}

/** Whether a path is a directory (false when it is missing or unreadable: reading it reports why). */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
