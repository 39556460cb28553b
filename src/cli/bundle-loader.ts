// Runs dist/cli.cjs, the bundled CLI, with V8's code cache beside it (dist/cli.cjs.cache), which
// `npm run build` writes after a warm-up run. Compiling the 800 kB bundle, then each function as it is
// first called, is 40–90 ms of every run on Node 20, which has no module compile cache of its own
// (module.enableCompileCache came in Node 22). V8 checks a cache against the source, its own version
// and its flags, and rejects one that does not match: the bundle is then compiled as usual.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { debuglog } from 'node:util';
import vm from 'node:vm';

/** `NODE_DEBUG=asa-mobile-audit`: which file ran and what became of its code cache. */
const debug = debuglog('asa-mobile-audit');

/** Where the build keeps a bundle's code cache. */
export const codeCachePath = (bundle: string): string => `${bundle}.cache`;

/** What became of the code cache: used, refused by V8 (another Node, other flags, a changed bundle), or absent. */
export type CodeCacheUse = 'accepted' | 'rejected' | 'absent';

export interface LoadedBundle {
  exports: unknown;
  /** The compiled bundle, whose createCachedData() the build's warm-up saves. */
  script: vm.Script;
  cache: CodeCacheUse;
}

function readIfPresent(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Runs a CommonJS bundle as `require` would (its own require, module, __filename, __dirname), but
 * compiled through vm.Script so V8 can take the code cache. `withCache: false` compiles from source.
 * The bundle has no import() (bundle-cli.mjs turns each into a require): functions V8 takes from a
 * code cache lose a script's dynamic-import callback, so one would fail as "A dynamic import callback
 * was not specified".
 */
export function loadBundle(bundle: string, withCache = true): LoadedBundle {
  const requireFromBundle = createRequire(bundle);
  const cachedData = withCache ? readIfPresent(codeCachePath(bundle)) : undefined;
  // Node's own CommonJS wrapper, on the bundle's first line so line numbers in stack traces hold.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`;
  const script = new vm.Script(wrapped, { filename: bundle, cachedData });
  const cache: CodeCacheUse = cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted';
  debug('load %s (code cache %s)', bundle, cache);
  const module = { exports: {} as unknown };
  const body = script.runInThisContext() as (...args: unknown[]) => void;
  body.call(module.exports, module.exports, requireFromBundle, module, bundle, dirname(bundle));
  return { exports: module.exports, script, cache };
}
