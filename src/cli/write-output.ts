// Writing a report or baseline the user asked for: a folder that does not exist, a path that is a
// folder, or no permission is the user's to fix (exit 2, one line), never an internal error.

import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from './usage-error.js';

export function writeOutput(path: string, text: string, what: string): void {
  try {
    writeFileSync(path, text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? `the folder ${dirname(path)} does not exist`
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : code === 'ENOTDIR'
              ? `${dirname(path)} is not a folder`
              : `cannot write (${code ?? String(err)})`;
    throw new UsageError(`${what} ${path}: ${why}`);
  }
}
