// Writing to standard output and error so that a failed write is known. Node's process streams drop
// a short write to a file on a full disk and turn a write error into an unhandled 'error' event (a
// stack trace and exit 1, which here means "findings"). Writing the whole buffer synchronously,
// looping over short writes, gives one place that sees every failure.

import { writeSync } from 'node:fs';

const WAIT = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `text` to `fd`; returns the error that stopped it, or null. */
export function writeAll(fd: number, text: string): NodeJS.ErrnoException | null {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  let retries = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off, buf.length - off);
      retries = 0;
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      // A non-blocking pipe whose reader is slow: wait a moment and go on (a reader that never reads
      // keeps us here, as it would any program writing to it).
      if (e.code === 'EAGAIN' && retries < 100_000) {
        retries++;
        Atomics.wait(WAIT, 0, 0, Math.min(50, retries));
        continue;
      }
      return e;
    }
  }
  return null;
}

/** How a failed write of standard output ends the run: quietly for a closed pipe, else exit 2. */
export function describeWriteError(err: NodeJS.ErrnoException): { quiet: boolean; message: string } {
  const what: Record<string, string> = {
    EPIPE: 'the reader closed the pipe',
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    EIO: 'input/output error',
    EFBIG: 'file too large',
    EBADF: 'standard output is closed',
  };
  return {
    quiet: err.code === 'EPIPE',
    message: `cannot write the report to standard output: ${what[err.code ?? ''] ?? err.message} (the output is incomplete)`,
  };
}
