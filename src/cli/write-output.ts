// Writing a report or baseline the user asked for, atomically: a folder that does not exist, a path
// that is a folder, no permission or a full disk is the user's to fix (exit 2, one line), never an
// internal error, and never leaves a cut file behind.

import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../common/atomic-write.js';
import { UsageError } from './usage-error.js';

export function writeOutput(path: string, text: string | Buffer, what: string, mode?: number): void {
  try {
    writeFileAtomic(path, text, mode);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? statSync(dirname(path), { throwIfNoEntry: false })?.isDirectory()
          ? `cannot create a file in ${dirname(path)}`
          : `the folder ${dirname(path)} does not exist`
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : code === 'ENOTDIR'
              ? `${dirname(path)} is not a folder`
              : code === 'ENOSPC' || code === 'EDQUOT'
                ? 'no space left on device (nothing written; the file, if any, is unchanged)'
                : code === 'EROFS'
                  ? 'read-only file system'
                  : `cannot write (${code ?? String(err)})`;
    throw new UsageError(`${what} ${path}: ${why}`);
  }
}

/** A path typed with a trailing slash names a folder: writing a file there by its name would surprise. */
export function refuseFolderName(typed: string, what: string): void {
  if (/[/\\]$/.test(typed)) throw new UsageError(`${what} ${typed}: names a folder (it ends with a slash); give a file name`);
}

/** Whether `path` can be written, checked before the work that produces it (same messages as a failed write). */
export function checkWritable(path: string, what: string): void {
  const dir = dirname(path);
  const target = statSync(path, { throwIfNoEntry: false });
  if (target?.isDirectory()) throw new UsageError(`${what} ${path}: is a folder, not a file`);
  const parent = statSync(dir, { throwIfNoEntry: false });
  if (!parent) throw new UsageError(`${what} ${path}: the folder ${dir} does not exist`);
  if (!parent.isDirectory()) throw new UsageError(`${what} ${path}: ${dir} is not a folder`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new UsageError(`${what} ${path}: permission denied`);
  }
}

/**
 * Where a path really is, links resolved: a file not written yet is its folder's real path and its
 * name (`alias/x.json` is `real/x.json`).
 */
export function realPlace(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** A file the run reads or writes: its absolute path, and what it is in words (`--commands`, `a configuration`). */
export interface RunFile {
  path: string;
  what: string;
}

/**
 * Refuses an output that would overwrite what the run reads (a configuration, a change script, the
 * configuration file) or another output of the same run: the file, or one of the reports, would be lost.
 */
export function checkOutputsApart(outputs: readonly RunFile[], inputs: readonly RunFile[]): void {
  const seen: RunFile[] = [];
  for (const out of outputs) {
    const input = inputs.find((i) => statSync(i.path, { throwIfNoEntry: false })?.isFile() === true && realPlace(i.path) === realPlace(out.path));
    if (input) throw new UsageError(`${out.what} ${out.path}: is ${input.what}, which this run reads; write it to another file`);
    const twice = seen.find((o) => realPlace(o.path) === realPlace(out.path));
    if (twice) throw new UsageError(`${out.what} ${out.path}: ${twice.what} writes there too; give each its own file`);
    seen.push(out);
  }
}
