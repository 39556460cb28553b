// Writing a file so a reader only ever sees the old content or the whole new content: write a
// temporary file in the same folder, flush it, then rename it over the target. A run killed half
// way, or a disk that fills up, leaves the previous report rather than a cut one that looks complete.

import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeFileAtomic(path: string, data: string | Buffer, mode?: number): void {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  // A file that exists keeps its permissions unless the caller sets them (saved configs: 0600).
  const keep = mode ?? existingMode(path) ?? 0o644;
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  const fd = openSync(tmp, 'wx', keep);
  try {
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    unlinkSync(tmp);
    throw err;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (err) {
    unlinkSync(tmp);
    throw err;
  }
}

function existingMode(path: string): number | null {
  try {
    const s = statSync(path);
    return s.isFile() ? s.mode & 0o777 : null;
  } catch {
    return null;
  }
}
