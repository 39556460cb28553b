// Drives an ASA CLI over an interactive shell channel: finds the prompt behind banners, sends
// allow-listed commands, answers the `<--- More --->` pager, strips the echo and the prompt, and
// normalises the line endings SSH adds. Every wait has an idle timeout; a closed channel mid-output
// becomes a `dropped` error that carries what arrived, so nobody mistakes it for a whole answer.

import { assertAllowed, COMMANDS } from './allow-list.js';
import { CollectError } from './errors.js';

/** The part of an ssh2 channel the shell needs (so tests can drive it without a network). */
export interface ShellChannel {
  write(data: string): unknown;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  end(): unknown;
}

export interface ShellOptions {
  /** Longest silence while waiting for output or a prompt. */
  idleTimeoutMs: number;
  /** Quiet time that confirms the first prompt (banners can contain prompt-like lines). */
  settleMs?: number;
  /** Most bytes this session may receive; a device that floods is refused, not buffered. */
  maxOutputBytes?: number;
}

/** Default cap on what one session may receive: far above any real configuration. */
export const DEFAULT_MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

// Oxidized's prompt pattern: `host>`, `host#`, `host/ctx#`, `host(config)#`.
const ANY_PROMPT = /(?:^|[\r\n])\r*([\w.@()\-/]+[#>]) ?$/;
const PAGER = /<---\s*More\s*--->[ \b]*$/;
// What the ASA leaves behind after the pager is answered: the marker, then backspaces or a
// carriage return and blanks that erase it on a terminal.
const PAGER_DEBRIS = /<---\s*More\s*--->(?: ?\x08+ *\x08*|\r *\r| +\r)?/g;
const PASSWORD_PROMPT = /Password: ?$/i;

export class AsaShell {
  private buffer = '';
  private closed = false;
  private waiter: (() => void) | null = null;
  private base: string | null = null;
  private receivedBytes = 0;
  private flooded = false;
  prompt = '';

  constructor(
    private readonly channel: ShellChannel,
    private readonly options: ShellOptions,
  ) {
    channel.on('data', (chunk: Buffer) => {
      if (this.flooded) return;
      this.receivedBytes += chunk.length;
      if (this.receivedBytes > (options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES)) {
        // Stop reading before the buffer exhausts memory; the waiter reports it.
        this.flooded = true;
        this.buffer = '';
        channel.end();
        this.wake();
        return;
      }
      // latin1 keeps every byte as one char; the parser decodes the bytes properly later.
      this.buffer += chunk.toString('latin1');
      this.wake();
    });
    channel.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  get privileged(): boolean {
    return this.prompt.endsWith('#');
  }

  /** The context in the prompt (`host/ctx#`), if any. */
  get promptContext(): string | null {
    // `host/ctx#`, or with failover segments `host/ctx/pri/act#`: the context comes first.
    const m = /^[^/]+\/([\w.-]+)/.exec(this.prompt.replace(/\(config[^)]*\)/, ''));
    return m && !/^(pri|sec|act|stby)$/.test(m[1]!) ? m[1]! : null;
  }

  /** Waits for the first prompt after login, past any banner. */
  async login(): Promise<string> {
    const settle = this.options.settleMs ?? 250;
    for (;;) {
      await this.waitFor(() => ANY_PROMPT.test(this.buffer), 'the first prompt after login');
      const before = this.buffer.length;
      await this.quiet(settle);
      if (this.buffer.length === before && ANY_PROMPT.test(this.buffer)) break;
    }
    this.prompt = ANY_PROMPT.exec(this.buffer)![1]!;
    // The hostname is what precedes the first `/` (context, or failover `priority/state` segments).
    this.base = this.prompt
      .replace(/[#>]$/, '')
      .replace(/\(config[^)]*\)$/, '')
      .split('/')[0]!;
    this.buffer = '';
    return this.prompt;
  }

  /** Sends one allow-listed command and returns its output without echo, pager debris or prompt. */
  async run(command: string): Promise<Buffer> {
    this.send(assertAllowed(command));
    const raw = await this.readUntilPrompt(command);
    return Buffer.from(clean(raw, command), 'latin1');
  }

  /** `run` for answers read as text (everything but the configuration, which stays bytes). */
  async runText(command: string): Promise<string> {
    return (await this.run(command)).toString('latin1');
  }

  /** `enable`, answering the password prompt; fails clearly when the password is refused. */
  async enable(password: string | undefined): Promise<void> {
    // A line break in the secret would let it carry commands past the allow-list.
    if (password !== undefined && /[\x00-\x1f\x7f]/.test(password)) {
      throw new CollectError('enable', 'the enable password contains a line break or control character; refusing to send it');
    }
    this.send(assertAllowed(COMMANDS.enable));
    await this.waitFor(() => PASSWORD_PROMPT.test(this.buffer) || this.promptAtEnd() !== null, 'the enable password prompt');
    if (PASSWORD_PROMPT.test(this.buffer)) {
      this.buffer = '';
      // The one write that is not a command: the secret, only as the answer to `Password:`. Without
      // one, an empty answer (the ASA's factory enable password is blank).
      this.channel.write(`${password ?? ''}\n`);
      // A refused password is asked for again (`Password:`), or the `>` prompt comes back.
      await this.waitFor(() => PASSWORD_PROMPT.test(this.buffer) || this.promptAtEnd() !== null, 'the answer to the enable password');
      const refused = PASSWORD_PROMPT.test(this.buffer);
      if (!refused) this.consumePrompt();
      if (refused || !this.privileged) {
        throw new CollectError(
          'enable',
          password === undefined
            ? 'the login lands at `>` and `enable` needs a password: give --enable-password-env NAME (or run on a terminal to be asked)'
            : `the enable password was refused (${refused ? 'the device asked for it again' : 'still at the `>` prompt'})`,
        );
      }
    } else {
      this.consumePrompt();
    }
    if (!this.privileged) throw new CollectError('enable', 'the enable password was refused (still at the `>` prompt)');
  }

  private send(command: string): void {
    if (this.closed) throw new CollectError('dropped', `the connection closed before \`${command}\` could be sent`);
    this.buffer = '';
    this.channel.write(`${command}\n`);
  }

  private async readUntilPrompt(command: string): Promise<string> {
    for (;;) {
      await this.waitFor(() => PAGER.test(this.buffer) || this.promptAtEnd() !== null, `the output of \`${command}\``, command);
      if (this.promptAtEnd() !== null) return this.consumePrompt();
      // Paging was still on (before `terminal pager 0`, or on releases that ignore it): one space.
      this.channel.write(' ');
      this.buffer = this.buffer.replace(PAGER, '<--- More --->');
      await this.waitFor(() => !/<---\s*More\s*--->$/.test(this.buffer), `the next page of \`${command}\``, command);
    }
  }

  private promptAtEnd(): string | null {
    if (this.base === null) return null;
    const m = ANY_PROMPT.exec(this.buffer);
    if (!m) return null;
    const p = m[1]!;
    // After login, only this device's own prompts count; a config line ending in `#` does not.
    const rest = p.slice(0, this.base.length) === this.base ? p.slice(this.base.length) : null;
    return rest !== null && /^(\/[\w.-]+)*(\([\w-]+\))?[#>]$/.test(rest) ? p : null;
  }

  private consumePrompt(): string {
    const p = this.promptAtEnd();
    if (p === null) throw new CollectError('device', 'lost track of the CLI prompt');
    this.prompt = p;
    const at = /[\w.@()\-/]+[#>] ?$/.exec(this.buffer)!.index;
    const out = this.buffer.slice(0, at);
    this.buffer = '';
    return out;
  }

  private waitFor(done: () => boolean, what: string, command?: string): Promise<void> {
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout;
      const check = (): void => {
        if (this.flooded) {
          clearTimeout(timer);
          this.waiter = null;
          const mb = (this.options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES) / (1024 * 1024);
          reject(
            new CollectError(
              'limit',
              `the device sent more than ${mb} MB while the auditor waited for ${what} (--max-output-mb); refused, nothing from it kept`,
            ),
          );
        } else if (done()) {
          clearTimeout(timer);
          this.waiter = null;
          resolve();
        } else if (this.closed) {
          clearTimeout(timer);
          this.waiter = null;
          const partial = command !== undefined && this.buffer.length > 0 ? Buffer.from(clean(this.buffer, command), 'latin1') : null;
          reject(new CollectError('dropped', `the connection closed while waiting for ${what}`, partial));
        }
      };
      const arm = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          this.waiter = null;
          const partial = command !== undefined && this.buffer.length > 0 ? Buffer.from(clean(this.buffer, command), 'latin1') : null;
          reject(new CollectError('timeout', `no answer for ${this.options.idleTimeoutMs / 1000} s while waiting for ${what}`, partial));
        }, this.options.idleTimeoutMs);
      };
      this.waiter = () => {
        arm();
        check();
      };
      arm();
      check();
    });
  }

  private quiet(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  private wake(): void {
    this.waiter?.();
  }
}

/** Output as a saved file would hold it: pager debris gone, `\n` line ends, echo line removed. */
export function clean(raw: string, command: string): string {
  let text = raw.replace(PAGER_DEBRIS, '');
  text = text.replace(/\r*\n\r*/g, '\n').replace(/^\r+|\r+$/g, '');
  // Lone CRs left are terminal overwrites; what follows the last one is what the screen shows.
  text = text
    .split('\n')
    .map((l) => (l.includes('\r') ? l.slice(l.lastIndexOf('\r') + 1) : l))
    .join('\n');
  const firstBreak = text.indexOf('\n');
  const first = (firstBreak === -1 ? text : text.slice(0, firstBreak)).trim();
  if (first === command) text = firstBreak === -1 ? '' : text.slice(firstBreak + 1);
  return text;
}
