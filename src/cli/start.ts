// The binary's whole run: the CLI on this process's argv and standard streams, and the exit code.
// main.ts loads it (bundled, or as modules).
import { readFileSync } from 'node:fs';
import { isatty } from 'node:tty';
import { TOOL_NAME } from './io.js';
import { runCli } from './program.js';
import { promptSecretOnTty } from './prompt.js';
import { describeWriteError, writeAll } from './std-write.js';

/** Runs the CLI; sets process.exitCode. */
export async function start(): Promise<void> {
  // The first failed stdout write stops further output; what it means is decided when the run ends.
  // An object, not a `let`: the stdout sink sets it inside runCli.
  const stdoutState: { error: NodeJS.ErrnoException | null } = { error: null };
  const stdoutIsTTY = isatty(1);

  const code = await runCli(process.argv.slice(2), {
    stdout: (text) => {
      stdoutState.error ??= writeAll(1, text);
    },
    stderr: (text) => {
      writeAll(2, text);
    },
    isTTY: stdoutIsTTY,
    // process.stdout is only opened for a terminal (its width); a pipe or file is written directly.
    columns: stdoutIsTTY ? process.stdout.columns : undefined,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    readStdin: () => readFileSync(0, 'utf8'),
    readStdinBytes: () => readFileSync(0),
    stderrIsTTY: isatty(2),
    ...(process.stdin.isTTY ? { promptSecret: promptSecretOnTty } : {}),
  });
  if (stdoutState.error === null) process.exitCode = code;
  else {
    const { quiet, message } = describeWriteError(stdoutState.error);
    // `| head`: the reader has what it wanted. Anything else is a report cut short: exit 2.
    if (quiet) process.exitCode = code;
    else {
      writeAll(2, `${TOOL_NAME}: ${message}\n`);
      process.exitCode = 2;
    }
  }
}
