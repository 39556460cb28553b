#!/usr/bin/env node
// The `asa-mobile-audit` binary. It runs the CLI from dist/cli.cjs, the CLI's modules bundled into one
// file by `npm run build`: loading ~130 ES modules one by one is most of a small run's time (about
// 70 ms of 170 on a 2-CPU machine). A build by plain `tsc` leaves the bundle older than the modules it
// was made from; then the modules themselves run, so the newest compiled code is always what runs.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Entry = typeof import('./start.js');

const here = dirname(fileURLToPath(import.meta.url));
const bundle = join(here, '..', '..', 'cli.cjs');
const modules = join(here, 'start.js');

function modifiedAt(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

const entry: Entry = modifiedAt(bundle) >= modifiedAt(modules) ? (createRequire(import.meta.url)(bundle) as Entry) : await import('./start.js');
await entry.start();
