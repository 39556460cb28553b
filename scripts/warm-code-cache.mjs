// Writes dist/cli.cjs.cache, V8's code cache for the bundled CLI (see src/cli/bundle-loader.ts). The
// cache is made after a warm-up: the CLI runs the commands below on the demo, so the functions they
// call are compiled and kept in the cache too, not only the bundle's top level. Run by
// bundle-cli.mjs in a process of its own (`npm run build`); the output goes nowhere.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { codeCachePath, loadBundle } = await import(join(root, 'dist', 'src', 'cli', 'bundle-loader.js'));
const bundle = join(root, 'dist', 'cli.cjs');
const demo = join(root, 'fixtures', 'demo', 'demo-headend.cfg');

const { exports, script } = loadBundle(bundle, false);
const runs = [
  ['audit', demo],
  ['audit', demo, '--format', 'json'],
  ['explain-dns', demo],
  ['explain-dns', demo, '--format', 'json'],
  ['plan', demo],
  ['plan', demo, '--format', 'json'],
  ['diff', demo, demo, '--format', 'json'],
];
for (const args of runs) {
  process.argv = [process.argv[0], 'asa-mobile-audit', ...args];
  await exports.start();
}
process.exitCode = 0;
writeFileSync(codeCachePath(bundle), script.createCachedData());
