// Side files of a configuration: the AnyConnect client profiles (`disk0:/FILE.xml`) and `dap.xml`
// the device serves, found where they are kept. In order:
// - inside an Oxidized backup (it appends each referenced XML as `! ` comment lines after a
//   `!  disk0:/FILE.xml` line, and `dap.xml` the same way);
// - in a folder the user names (`--client-profiles DIR`, `--dap FILE`);
// - next to the configuration, or in a `profiles/` folder beside it (a config repository);
// - collected live (the collector hands them over by device path).
// A source that was in play is named (`searched`), so a referenced file that is not there can be
// reported as missing; with no source at all, nothing is said about files nobody looked for.

import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isDirectory, READ_LIMITS, ReadError, readUserText } from '../common/read-file.js';

export interface SideFile {
  /** The file the XML is in (for an Oxidized backup: the configuration itself). */
  file: string;
  text: string;
  /** Lines before the XML's first line in `file`. */
  lineOffset: number;
  /** Why the file is there but could not be read (too large, not a regular file); `text` is then empty. */
  unreadable?: string;
}

export interface SideFileSource {
  /** Where files were looked for, in words ("the Oxidized backup", "--client-profiles profiles/"); null: nowhere. */
  searched: string | null;
  /** The XML for a device path (`disk0:/FILE.xml`), null when it was looked for and is not there. */
  clientProfile(devicePath: string): SideFile | null;
  dap(): SideFile | null;
  /** Where dap.xml was looked for, in words ("in the Oxidized backup, beside the configuration"); null: nowhere. */
  dapSearched: string | null;
}

export interface SideFileOptions {
  /** `--client-profiles DIR`. */
  clientProfilesDir?: string;
  /** `--dap FILE`. */
  dapFile?: string;
}

const EMBEDDED_PATH = /^!\s+((?:disk\d|flash):\/\S+\.xml)\s*$/i;

/** XML that an Oxidized backup carries as `! ` comment lines, by device path (lower case). */
export function embeddedSideFiles(lines: readonly string[], file: string): Map<string, SideFile> {
  const out = new Map<string, SideFile>();
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.charCodeAt(0) !== 33) continue; // `!`: most lines are not comments
    const m = EMBEDDED_PATH.exec(lines[i]!);
    if (!m) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && lines[j]!.startsWith('!') && !EMBEDDED_PATH.test(lines[j]!); j++) body.push(lines[j]!.replace(/^! ?/, ''));
    if (body.some((l) => l.trim().startsWith('<'))) out.set(m[1]!.toLowerCase(), { file, text: body.join('\n'), lineOffset: i + 1 });
    i = j - 1;
  }
  return out;
}

/**
 * Where side files are read from: the file system, or a revision of a git repository (`diff --git`).
 * Paths are the store's own (absolute on disk, relative to the top of the tree in git).
 */
export interface SideFileStore {
  isDirectory(path: string): boolean;
  exists(path: string): boolean;
  /** The file; one there but unreadable (too large, not a regular file) has `unreadable` set. */
  read(path: string): SideFile;
  /** A path as reports name it (in git: `REV:PATH`). */
  name(path: string): string;
}

const DISK: SideFileStore = {
  isDirectory,
  exists: existsSync,
  read(path) {
    try {
      return { file: path, text: readUserText(path, READ_LIMITS.list), lineOffset: 0 };
    } catch (err) {
      if (!(err instanceof ReadError)) throw err;
      return { file: path, text: '', lineOffset: 0, unreadable: err.message };
    }
  },
  name: (path) => path,
};

/** The side files of a configuration read from `configPath` (offline), in `store` (the file system unless said). */
export function folderSideFiles(
  configPath: string | null,
  embedded: Map<string, SideFile>,
  options: SideFileOptions = {},
  store: SideFileStore = DISK,
): SideFileSource {
  const beside = configPath === null ? null : dirname(configPath);
  // The folders that are there (each asked once: on disk, a stat).
  const profilesDir = beside !== null && store.isDirectory(join(beside, 'profiles')) ? join(beside, 'profiles') : null;
  const ownDir = configPath !== null && store.isDirectory(profilesFolderOf(configPath)) ? profilesFolderOf(configPath) : null;
  const dirs = [options.clientProfilesDir, ownDir, beside, profilesDir].filter((d): d is string => d !== undefined && d !== null);
  const find = (name: string, first?: string): SideFile | null => {
    for (const path of [...(first !== undefined ? [first] : []), ...dirs.map((d) => join(d, name))]) if (store.exists(path)) return store.read(path);
    return null;
  };
  const searched =
    embedded.size > 0
      ? 'the Oxidized backup'
      : // `--dap` alone says where dap.xml is, not that the client profiles were looked for.
        options.clientProfilesDir !== undefined
        ? `--client-profiles ${store.name(options.clientProfilesDir)}`
        : ownDir !== null
          ? store.name(ownDir)
          : profilesDir !== null
            ? `${store.name(profilesDir)} and the configuration's folder`
            : null;
  // Every place dap() looks, in its order, in words.
  const dapPlaces = [
    ...(embedded.size > 0 ? ['in the Oxidized backup'] : []),
    ...(options.dapFile !== undefined ? [`at ${store.name(options.dapFile)}`] : []),
    ...dirs.map((d) => (d === beside ? 'beside the configuration' : `in ${store.name(d)}`)),
  ];
  // `--client-profiles` may name the configuration's own folder: each place once.
  const dapSearched = dapPlaces.length > 0 ? [...new Set(dapPlaces)].join(', ') : null;
  return {
    searched,
    dapSearched,
    clientProfile(devicePath) {
      const inBackup = embedded.get(devicePath.toLowerCase());
      if (inBackup) return inBackup;
      return find(clientProfileFileName(devicePath));
    },
    dap() {
      return embedded.get('disk0:/dap.xml') ?? find('dap.xml', options.dapFile);
    },
  };
}

/** The file name a device path's XML is kept under (`disk0:/mobile.xml` → `mobile.xml`). */
export function clientProfileFileName(devicePath: string): string {
  return basename(devicePath.replace(/^[a-z0-9]+:\//i, ''));
}

/** Side files handed over by the live collector, by device path. */
export function collectedSideFiles(files: ReadonlyMap<string, string>, source: string): SideFileSource {
  const byPath = new Map([...files].map(([path, text]) => [path.toLowerCase(), text] as const));
  const at = (path: string): SideFile | null => {
    const text = byPath.get(path.toLowerCase());
    return text === undefined ? null : { file: `${source}/${path}`, text, lineOffset: 0 };
  };
  return { searched: 'the device', dapSearched: 'on the device', clientProfile: at, dap: () => at('disk0:/dap.xml') };
}

/** `NAME.profiles/` beside `NAME.cfg`: where `--save` puts a device's client profiles and dap.xml. */
export function profilesFolderOf(configPath: string): string {
  return `${configPath.replace(/\.cfg$/i, '')}.profiles`;
}
