// The only commands the collector may ever send to a device. Every write to the SSH channel goes
// through `assertAllowed`; anything else is refused in code before a byte leaves the process.
// All of these read state or change only this session (paging, privilege, context), never the device.

export class CommandRefusedError extends Error {
  constructor(readonly command: string) {
    super(`refusing to send \`${command}\`: not one of the read-only commands the auditor is allowed to send`);
    this.name = 'CommandRefusedError';
  }
}

// A context name as the ASA allows it (letters, digits, `-`, `_`, `.`); no spaces, no `;`, no pipes.
const NAME = '[A-Za-z0-9][A-Za-z0-9_.-]{0,63}';

const ALLOWED: readonly RegExp[] = [
  /^terminal pager 0$/,
  /^terminal pager lines 0$/,
  /^enable$/,
  /^show version$/,
  /^show mode$/,
  /^show curpriv$/,
  /^show context$/,
  /^show running-config$/,
  /^more system:running-config$/,
  /^changeto system$/,
  new RegExp(`^changeto context ${NAME}$`),
];

/** The allow-list as text, for docs and the `--help` of the live audit. */
export const ALLOWED_COMMANDS = [
  'terminal pager 0',
  'terminal pager lines 0',
  'enable',
  'show version',
  'show mode',
  'show curpriv',
  'show context',
  'show running-config',
  'more system:running-config',
  'changeto system',
  'changeto context NAME',
] as const;

export function isAllowed(command: string): boolean {
  return ALLOWED.some((re) => re.test(command));
}

export function assertAllowed(command: string): string {
  if (!isAllowed(command)) throw new CommandRefusedError(command);
  return command;
}
