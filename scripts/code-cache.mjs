// Writes dist/cli.cjs.cache, V8's compile cache for the bundled CLI: loads the bundle the way the
// binary does (dist/src/cli/bundle-loader.js), runs the everyday commands on the demo config, then
// saves what V8 compiled for them. Run by bundle-cli.mjs with standard output discarded.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheFileOf, loadBundle } from '../dist/src/cli/bundle-loader.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli.cjs');
const demo = join(root, 'fixtures', 'demo', 'demo-headend.cfg');
const RUNS = [
  ['audit', demo, '--format', 'json', '--fail-on', 'never'],
  ['audit', demo, '--fail-on', 'never'],
  ['explain-dns', demo, '--format', 'json'],
  ['plan', demo, '--format', 'json'],
  ['diff', demo, demo, '--format', 'json'],
];

const { entry, script } = loadBundle(bundle, false);
for (const argv of RUNS) {
  process.argv = [process.execPath, bundle, ...argv];
  await entry.start();
}
process.exitCode = 0;
writeFileSync(cacheFileOf(bundle), script.createCachedData());
