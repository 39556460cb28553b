// Loads dist/cli.cjs as Node's CommonJS loader would, with V8's compile cache (dist/cli.cjs.cache,
// written by `npm run build` after a few runs), so compiling the bundle's functions is skipped. A cache
// from another Node release or another bundle is rejected by V8, and the bundle compiles as usual.
// The bundle holds no dynamic import() (the build refuses one): a function compiled from the cache
// would lose the callback that import() needs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** What the bundle exports (src/cli/start.ts). */
export interface BundleEntry {
  start(): Promise<void>;
}

/** The compile cache beside a bundle. */
export const cacheFileOf = (bundle: string): string => `${bundle}.cache`;

/** The bundle's exports and its compiled script; `useCache: false` compiles it afresh (to write a cache). */
export function loadBundle(bundle: string, useCache = true): { entry: BundleEntry; script: Script } {
  let cachedData: Buffer | undefined;
  if (useCache)
    try {
      cachedData = readFileSync(cacheFileOf(bundle));
    } catch {
      // no cache: compile as usual
    }
  // The wrapper of Node's CommonJS loader, so the bundle sees what require() would give it.
  const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(bundle, 'utf8')}\n});`;
  const script = new Script(source, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} };
  const wrapped = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string) => void;
  wrapped(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { entry: module.exports as BundleEntry, script };
}
