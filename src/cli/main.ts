#!/usr/bin/env node
// The `asa-mobile-audit` binary. It runs the CLI from dist/cli.cjs, the CLI's modules bundled into one
// file by `npm run build`: loading ~130 ES modules one by one is most of a small run's time (about
// 70 ms of 170 on a 2-CPU machine). An installed package always runs the bundle (npm gives unpacked
// files the time they were written, so their times say nothing). In a checkout (src/ beside dist/) a
// bundle older than any compiled module (a build by plain tsc, or tsc --watch) is passed over for the
// modules themselves, so the newest compiled code is what runs. The bundle runs with the code cache
// the build made for it (bundle-loader.ts).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundle } from './bundle-loader.js';

type Entry = typeof import('./start.js');

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = join(dist, 'cli.cjs');

/** Whether a compiled module under `dir` is newer than `built` (walked by hand: Node 20.0–20.11 lack Dirent.parentPath). */
function newerModule(dir: string, built: number): boolean {
  return readdirSync(dir, { withFileTypes: true }).some((e) =>
    e.isDirectory() ? newerModule(join(dir, e.name), built) : e.name.endsWith('.js') && statSync(join(dir, e.name)).mtimeMs > built,
  );
}

const checkout = existsSync(join(dist, '..', 'src'));
const useBundle = existsSync(bundle) && !(checkout && newerModule(dist, statSync(bundle).mtimeMs));
const entry: Entry = useBundle ? (loadBundle(bundle).exports as Entry) : await import('./start.js');
await entry.start();
