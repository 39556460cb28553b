// Bundles the compiled CLI (dist/src/cli/start.js and every module it imports, dynamic imports
// included) into dist/cli.cjs, which dist/src/cli/main.js loads. esbuild only joins the JavaScript tsc
// already checked and compiled; npm packages stay outside (required from node_modules as usual).
//
// CommonJS because Node 20 keeps no compile cache for ES modules and resolves each one through its
// asynchronous loader; one CommonJS file is read and compiled once. A module that asks where it is
// (`import.meta.url`: the worker script, the package root, createRequire) still gets its own file in
// dist/, so relative paths mean what they meant before bundling. Then warm-code-cache.mjs writes the
// bundle's V8 code cache, dist/cli.cjs.cache.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

// Defined in the banner, before any module, so no module's own `require` can shadow the one it uses.
// The banner comes before esbuild's own "use strict", so it carries the directive itself: the bundle
// runs in strict mode like the ES modules it joins.
const FILE_URL = '__distFileUrl';
const banner = `'use strict';\nconst ${FILE_URL} = (path) => require('node:url').pathToFileURL(require('node:path').join(__dirname, path)).href;`;

/** `import.meta.url` of a dist file, computed at run time from the bundle's own directory (dist/). */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const path = relative(dist, args.path).split(sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `${FILE_URL}(${JSON.stringify(path)})`), loader: 'js' };
    });
  },
};

await build({
  entryPoints: [join(dist, 'src', 'cli', 'start.js')],
  outfile: join(dist, 'cli.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  // import() of a package becomes a require() wrapped in a promise: a script compiled with a V8 code
  // cache loses the dynamic-import callback (Node 20 reports "A dynamic import callback was not
  // specified"), and yaml, ajv and table all ship CommonJS. bundle-loader.ts gives the bundle no
  // import() at all; the check below fails the build if one is left.
  supported: { 'dynamic-import': false },
  plugins: [ownUrl],
  banner: { js: banner },
  logLevel: 'warning',
});

const bundled = await readFile(join(dist, 'cli.cjs'), 'utf8');
const dynamicImport = /\bimport\(/.exec(bundled);
if (dynamicImport) throw new Error(`dist/cli.cjs still has an import() at offset ${dynamicImport.index}: the code-cached bundle cannot run it`);

// The code cache is made by running the bundle, so in a process of its own with its output discarded.
const warm = spawnSync(process.execPath, [join(root, 'scripts', 'warm-code-cache.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
if (warm.status !== 0) throw new Error(`warm-code-cache.mjs failed (exit ${warm.status})`);
