// `--client-profiles DIR` and `--dap FILE` (audit, explain-dns): where the side files of the configurations are.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SideFileOptions } from '../input/side-files.js';
import { UsageError } from './usage-error.js';

/** `--client-profiles DIR` and `--dap FILE`, checked to exist before any work. */
export function sideFileOptions(opts: { clientProfiles?: string; dap?: string }, cwd: string): SideFileOptions {
  const out: SideFileOptions = {};
  if (opts.clientProfiles !== undefined) {
    const dir = resolve(cwd, opts.clientProfiles);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--client-profiles ${opts.clientProfiles}: not a folder`);
    out.clientProfilesDir = dir;
  }
  if (opts.dap !== undefined) {
    const file = resolve(cwd, opts.dap);
    if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`--dap ${opts.dap}: not a file`);
    out.dapFile = file;
  }
  return out;
}
