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

// A client profile or dap.xml on the device's flash: one file name (letters, digits, `_`, `-`, `.`),
// optionally in one folder, ending in .xml; no `..`, no spaces, nothing after it.
const FLASH_XML = /^(disk[0-9]|flash):\/([A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}\/)?[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}\.xml$/i;

/** Whether `path` is an XML file on flash the collector may read with `more`. */
export function isFlashXml(path: string): boolean {
  return FLASH_XML.test(path) && !path.includes('..');
}

/** `more PATH`, for a path that passes isFlashXml (else it is refused when sent). */
export function moreFile(path: string): string {
  return `more ${path}`;
}

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
  if (context !== null) return isContextName(context[1]!);
  const more = /^more (.*)$/.exec(command);
  return more !== null && isFlashXml(more[1]!);
}

export function assertAllowed(command: string): string {
  if (!isAllowed(command)) throw new CommandRefusedError(command);
  return command;
}
