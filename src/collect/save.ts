// `--save DIR`: collected configurations as files a config repository can take, with secrets
// redacted unless --keep-secrets. Bytes other than the redacted values are kept as received. Files
// are written atomically and readable by the owner only (0600): even redacted, a configuration maps
// the network. The folder is checked before any device is contacted.

import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { profilesFolderOf } from '../input/side-files.js';
import { writeFileAtomic } from '../common/atomic-write.js';
import { redactLine } from '../parse/redact.js';
import type { CollectedConfig, CollectedDevice } from './collect-device.js';

/** A --save folder or file that cannot be used: the message names it. */
export class SaveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SaveError';
  }
}

export function savedFileName(device: CollectedDevice, config: CollectedConfig): string {
  const safe = (s: string): string => s.replace(/[^A-Za-z0-9_.-]/g, '_');
  const port = device.port === 22 ? '' : `_${device.port}`;
  return `${safe(device.host)}${port}${config.context ? `_${safe(config.context)}` : ''}${config.complete ? '' : '.partial'}.cfg`;
}

export class CollectionSaver {
  /** Names written in this run: two devices whose names make the same file get distinct ones. */
  private readonly taken = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly keepSecrets: boolean,
  ) {
    try {
      const st = statSync(dir, { throwIfNoEntry: false });
      if (st && !st.isDirectory()) throw new SaveError(`--save ${dir}: is a file, not a folder`);
      if (!st) mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
    } catch (err) {
      if (err instanceof SaveError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      throw new SaveError(
        `--save ${dir}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOTDIR' ? 'a parent is not a folder' : `cannot use it (${code ?? String(err)})`}`,
      );
    }
  }

  save(device: CollectedDevice): string[] {
    return device.configs.flatMap((config) => {
      const file = join(this.dir, this.claim(savedFileName(device, config)));
      const text = config.text.toString('latin1');
      const out = this.keepSecrets ? text : text.split('\n').map(redactLine).join('\n');
      try {
        writeFileAtomic(file, Buffer.from(out, 'latin1'), 0o600);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new SaveError(`--save ${file}: ${code === 'ENOSPC' || code === 'EDQUOT' ? 'no space left on device' : `cannot write (${code ?? String(err)})`}`);
      }
      return [file, ...this.saveSideFiles(file, config.sideFiles)];
    });
  }

  /** Client profiles and dap.xml go to `NAME.profiles/` beside `NAME.cfg`, where an offline audit looks. */
  private saveSideFiles(configFile: string, files: ReadonlyMap<string, string> | undefined): string[] {
    // Collected but empty still makes the folder: an offline audit of the saved file then knows the
    // device was looked at, and reports a referenced file missing just as the live audit did.
    if (files === undefined) return [];
    const folder = profilesFolderOf(configFile);
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      return [...files].map(([path, text]) => {
        const out = join(folder, basename(path.replace(/^[a-z0-9]+:\//i, '')));
        writeFileAtomic(out, Buffer.from(text, 'latin1'), 0o600);
        return out;
      });
    } catch (err) {
      throw new SaveError(`--save ${folder}: cannot write (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
  }

  private claim(name: string): string {
    const lower = (n: string): string => n.toLowerCase(); // case-insensitive file systems
    let candidate = name;
    for (let i = 2; this.taken.has(lower(candidate)); i++) candidate = name.replace(/(\.partial)?\.cfg$/, `-${i}$&`);
    this.taken.add(lower(candidate));
    return candidate;
  }
}
