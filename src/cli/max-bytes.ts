// `--max-bytes`: how long a markdown report may be (audit's step summary, diff's pull-request comment).

import { UsageError } from './usage-error.js';

/** The summary and the note on what was cut always stay: a limit below this cannot hold them. */
const MIN_MARKDOWN_BYTES = 1024;

/** The `--max-bytes` value as a number of bytes (undefined: not given), or a usage error saying why not. */
export function maxBytesOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-bytes: \`${value}\` is not a whole number`);
  const n = Number(value);
  if (n < MIN_MARKDOWN_BYTES)
    throw new UsageError(`--max-bytes: at least ${MIN_MARKDOWN_BYTES} (the summary and the note on what was cut always stay), not ${n}`);
  return n;
}
