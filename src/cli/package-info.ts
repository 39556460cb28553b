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

/**
 * Where rule docs are published: `docs/rules` of the repository package.json names (SARIF helpUri and
 * Markdown links point here; override with helpUriBase or --help-uri-base).
 */
export function defaultHelpUriBase(): string {
  const pkg = JSON.parse(readFileSync(`${packageRoot()}package.json`, 'utf8')) as { repository?: string | { url?: string } };
  const url = typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository?.url ?? '');
  const web = url
    .replace(/^git\+/, '')
    .replace(/^git:\/\//, 'https://')
    .replace(/\.git$/, '');
  if (!/^https:\/\//.test(web)) throw new Error('package.json has no https repository URL to link rule docs to');
  return `${web}/blob/main/docs/rules`;
}
