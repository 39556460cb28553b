// Where a command writes. Tests pass their own sinks; the binary passes the process streams.
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour, grouping). */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export const TOOL_NAME = 'asa-mobile-audit';

/** One line on stderr, prefixed with the tool name, as a careful CLI does. */
export function complain(io: CliIo, message: string): void {
  io.stderr(`${TOOL_NAME}: ${message}\n`);
}
