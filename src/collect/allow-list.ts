// The only commands the collector may ever send to a device. Every write to the SSH channel goes
// through `assertAllowed`; anything else is refused in code before a byte leaves the process.
// All of these read state or change only this session (paging, privilege, context), never the device.
// It holds exactly what the collector sends (collect-device.ts); a test keeps the two in step.

export class CommandRefusedError extends Error {
  constructor(readonly command: string) {
    super(`refusing to send \`${command}\`: not one of the read-only commands the auditor is allowed to send`);
    this.name = 'CommandRefusedError';
  }
}

// A context name as the ASA allows it (letters, digits, `-`, `_`, `.`); no spaces, no `;`, no pipes.
const CONTEXT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Every fixed command the collector sends; the collector names them from here, so the list is what it sends. */
export const COMMANDS = {
  enable: 'enable',
  pagerOff: 'terminal pager 0',
  /** Older releases' spelling, tried when the first is refused. */
  pagerOffLegacy: 'terminal pager lines 0',
  showVersion: 'show version',
  showMode: 'show mode',
  showContext: 'show context',
  showRunningConfig: 'show running-config',
  changetoSystem: 'changeto system',
} as const;

export function isContextName(name: string): boolean {
  return CONTEXT_NAME.test(name);
}

/** `changeto context NAME`, for a name that passes isContextName (else it is refused when sent). */
export function changetoContext(name: string): string {
  return `changeto context ${name}`;
}

const FIXED: ReadonlySet<string> = new Set(Object.values(COMMANDS));

export function isAllowed(command: string): boolean {
  if (FIXED.has(command)) return true;
  const context = /^changeto context (.*)$/.exec(command);
  return context !== null && isContextName(context[1]!);
}

export function assertAllowed(command: string): string {
  if (!isAllowed(command)) throw new CommandRefusedError(command);
  return command;
}
