// Finds files shipped with the package (package.json, docs/) whether running from src/ (tests) or dist/src/.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TOOL_NAME } from './io.js';

let root: string | null = null;

export function packageRoot(): string {
  if (root) return root;
  for (const up of ['../../', '../../../']) {
    const dir = fileURLToPath(new URL(up, import.meta.url));
    try {
      const pkg = JSON.parse(readFileSync(`${dir}package.json`, 'utf8')) as { name?: string };
      if (pkg.name === TOOL_NAME) return (root = dir);
    } catch {
      // try the next candidate
    }
  }
  throw new Error('cannot find the asa-mobile-audit package root');
}

export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(`${packageRoot()}package.json`, 'utf8')) as { version: string };
  return pkg.version;
}

export function ruleDocPath(id: string): string | null {
  const path = `${packageRoot()}docs/rules/${id}.md`;
  return existsSync(path) ? path : null;
}

/** Where rule docs are published; SARIF helpUri and Markdown links point here (override: helpUriBase). */
export const DEFAULT_HELP_URI_BASE = 'https://github.com/asa-mobile-audit/asa-mobile-audit/blob/main/docs/rules';
