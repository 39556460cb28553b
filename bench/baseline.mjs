// The yardstick: a plain node script that only reads a file and splits it into lines.
import { readFileSync } from 'node:fs';

const lines = readFileSync(process.argv[2], 'utf8').split('\n');
process.stdout.write(`${lines.length}\n`);
