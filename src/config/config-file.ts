// Where `.asa-mobile-audit.yaml` is and whether there is one. Kept apart from the loader so a run
// without a config file never loads yaml and ajv (they cost startup time on every audit).

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from './config-error.js';
import { EMPTY_CONFIG, type AuditConfig } from './schema.js';

export { ConfigError };

export const CONFIG_FILE_NAME = '.asa-mobile-audit.yaml';

/** The config file that applies in `cwd`: the nearest one walking up, or null. */
export function findConfigFile(cwd: string): string | null {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The configuration for a run: --config, else the nearest file walking up, else the empty config. */
export async function configFor(cwd: string, explicit: string | undefined, knownRules: readonly string[]): Promise<AuditConfig> {
  if (explicit !== undefined && !existsSync(explicit)) throw new ConfigError(explicit, null, 'no such configuration file');
  const file = explicit ?? findConfigFile(cwd);
  if (file === null) return EMPTY_CONFIG;
  const { loadConfig } = await import('./load.js');
  return loadConfig(file, knownRules);
}
