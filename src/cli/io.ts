// Where a command writes. Tests pass their own sinks; the binary passes the process streams.
import { visibleLines } from '../common/control-chars.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour, grouping). */
  isTTY: boolean;
  /** The terminal's width when stdout is one. */
  columns?: number | undefined;
  env: NodeJS.ProcessEnv;
  /** Working directory: where the config file search starts and what report paths are relative to. */
  cwd: string;
  /** Today's date; tests fix it to check ignore expiry. */
  now: () => Date;
  /** Reads all of standard input (for `--files-from -`). */
  readStdin: () => string;
  /**
   * Reads all of standard input as bytes (a configuration on `-`: decoded as a file is, so UTF-16
   * and Windows-1252 bytes read the same either way). Absent: the text of readStdin, as UTF-8.
   */
  readStdinBytes?: () => Buffer;
  /** Whether stderr is a terminal (progress bar of a fleet run). */
  stderrIsTTY?: boolean;
  /** Asks for a secret without echo on the terminal; absent when there is no terminal to ask on. */
  promptSecret?: (question: string) => Promise<string>;
}

export const TOOL_NAME = 'asa-mobile-audit';

/** All of standard input as bytes (readStdin's text as UTF-8 where the bytes are not offered). */
export function stdinBytes(io: CliIo): Buffer {
  return io.readStdinBytes ? io.readStdinBytes() : Buffer.from(io.readStdin(), 'utf8');
}

/** One line on stderr, prefixed with the tool name, as a careful CLI does. */
export function complain(io: CliIo, message: string): void {
  // Messages quote names, paths and device replies: their control characters are shown, not obeyed.
  io.stderr(`${TOOL_NAME}: ${visibleLines(message)}\n`);
}
