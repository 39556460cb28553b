#!/usr/bin/env node
// The `asa-mobile-audit` binary.
import { readFileSync } from 'node:fs';
import { runCli } from './program.js';
import { promptSecretOnTty } from './prompt.js';

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // isTTY is undefined on pipes and files, whatever its declared type says.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion
  isTTY: Boolean(process.stdout.isTTY),
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
  readStdin: () => readFileSync(0, 'utf8'),
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion
  stderrIsTTY: Boolean(process.stderr.isTTY),
  ...(process.stdin.isTTY ? { promptSecret: promptSecretOnTty } : {}),
});
process.exitCode = code;
