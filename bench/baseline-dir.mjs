// The fleet yardstick: a plain node script that reads every file of a directory and splits it into lines.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let lines = 0;
const dir = process.argv[2];
for (const name of readdirSync(dir).sort()) lines += readFileSync(join(dir, name), 'utf8').split('\n').length;
process.stdout.write(`${lines}\n`);
