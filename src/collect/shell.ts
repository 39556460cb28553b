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
const ANY_PROMPT = /(?:^|[\r\n])\r*([\w.@()\-/]+[#>]) *$/;
const PROMPT_TOKEN = /[\w.@()\-/]+[#>] *$/;
// The pager marker as pager output: alone at the start of a line, at the end of what has arrived
// (the device waits there for an answer). The same text inside a config line is data.
const PAGER_AT_END = /(?:^|\n)(<---\s*More\s*--->) *$/;
// What the ASA sends after an answered marker to erase it on a terminal: backspaces, or a carriage
// return and blanks; removed together with the marker.
const PAGER_ERASE = /(?: *\x08+ *\x08*|\r *\r?| +(?=\r)\r?)?/y;
const PASSWORD_PROMPT = /Password: ?$/i;
// Only the end of the output is ever searched for a prompt or a marker: scanning all of it on every
// read made a 97k-line configuration quadratic. Prompts and markers are far shorter than this.
const TAIL = 1024;

/**
 * What one command has printed so far: the pieces as they came, their total length and the last
 * TAIL characters (searched on every read). The whole text is joined once, when it is complete.
 */
class Output {
  private parts: string[] = [];
  length = 0;
  tail = '';

  append(s: string): void {
    this.parts.push(s);
    this.length += s.length;
    this.tail = s.length >= TAIL ? s.slice(-TAIL) : (this.tail + s).slice(-TAIL);
  }

  /** Whether the tail starts at the very beginning (a `^` in a tail pattern is a real line start). */
  get whole(): boolean {
    return this.length === this.tail.length;
  }

  text(): string {
    const t = this.parts.join('');
    this.parts = [t];
    return t;
  }

  clear(): void {
    this.parts = [];
    this.length = 0;
    this.tail = '';
  }
}

export class AsaShell {
  private readonly out = new Output();
  private closed = false;
  private waiter: (() => void) | null = null;
  private base: string | null = null;
  private receivedBytes = 0;
  private flooded = false;
  /** Where answered pager markers start in the current output, and where the last answer was sent. */
  private markers: number[] = [];
  private answeredAt = -1;
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
        this.out.clear();
        channel.end();
        this.wake();
        return;
      }
      // latin1 keeps every byte as one char; the parser decodes the bytes properly later.
      this.out.append(chunk.toString('latin1'));
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
      await this.waitFor(() => this.anyPromptAtEnd() !== null, 'the first prompt after login');
      const before = this.out.length;
      await this.quiet(settle);
      if (this.out.length === before && this.anyPromptAtEnd() !== null) break;
    }
    this.prompt = this.anyPromptAtEnd()!;
    // The hostname is what precedes the first `/` (context, or failover `priority/state` segments).
    this.base = this.prompt
      .replace(/[#>]$/, '')
      .replace(/\(config[^)]*\)$/, '')
      .split('/')[0]!;
    this.out.clear();
    return this.prompt;
  }

  /** Sends one allow-listed command and returns its output without echo, pager debris or prompt. */
  async run(command: string): Promise<Buffer> {
    this.send(assertAllowed(command));
    const raw = await this.readUntilPrompt(command);
    return Buffer.from(clean(raw, command, this.markers), 'latin1');
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
    const asked = (): boolean => PASSWORD_PROMPT.test(this.out.tail);
    await this.waitFor(() => asked() || this.promptAtEnd() !== null, 'the enable password prompt');
    if (asked()) {
      this.out.clear();
      // The one write that is not a command: the secret, only as the answer to `Password:`. Without
      // one, an empty answer (the ASA's factory enable password is blank).
      this.channel.write(`${password ?? ''}\n`);
      // A refused password is asked for again (`Password:`), or the `>` prompt comes back.
      await this.waitFor(() => asked() || this.promptAtEnd() !== null, 'the answer to the enable password');
      const refused = asked();
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
    this.out.clear();
    this.markers = [];
    this.answeredAt = -1;
    this.channel.write(`${command}\n`);
  }

  private async readUntilPrompt(command: string): Promise<string> {
    for (;;) {
      await this.waitFor(() => this.newMarker() !== null || this.promptAtEnd() !== null, `the output of \`${command}\``, command);
      if (this.promptAtEnd() !== null) return this.consumePrompt();
      // Paging was still on (before `terminal pager 0`, or on releases that ignore it): one space,
      // once per marker; the marker (and how the device erases it) is cut from the output.
      this.markers.push(this.newMarker()!);
      this.answeredAt = this.out.length;
      this.channel.write(' ');
    }
  }

  /** Where a pager marker not yet answered starts, when the output ends with one. */
  private newMarker(): number | null {
    const tail = this.out.tail;
    if (tail.indexOf('More') === -1) return null;
    const m = PAGER_AT_END.exec(tail);
    if (!m || (m.index === 0 && m[0].startsWith('<') && !this.out.whole)) return null;
    const at = this.out.length - tail.length + m.index + m[0].indexOf('<');
    return at >= this.answeredAt ? at : null;
  }

  /** The prompt the output ends with (any device's, before the hostname is known). */
  private anyPromptAtEnd(): string | null {
    const m = ANY_PROMPT.exec(this.out.tail);
    // A tail cut mid-line has no real line start: `^` there is not one.
    if (!m || (m.index === 0 && !/^[\r\n]/.test(m[0]) && !this.out.whole)) return null;
    return m[1]!;
  }

  private promptAtEnd(): string | null {
    if (this.base === null) return null;
    const p = this.anyPromptAtEnd();
    if (p === null) return null;
    // After login, only this device's own prompts count; a config line ending in `#` does not.
    const rest = p.slice(0, this.base.length) === this.base ? p.slice(this.base.length) : null;
    return rest !== null && /^(\/[\w.-]+)*(\([\w-]+\))?[#>]$/.test(rest) ? p : null;
  }

  private consumePrompt(): string {
    const p = this.promptAtEnd();
    if (p === null) throw new CollectError('device', 'lost track of the CLI prompt');
    this.prompt = p;
    const tail = this.out.tail;
    const at = this.out.length - tail.length + PROMPT_TOKEN.exec(tail)!.index;
    const out = this.out.text().slice(0, at);
    this.out.clear();
    return out;
  }

  private partial(command: string | undefined): Buffer | null {
    return command !== undefined && this.out.length > 0 ? Buffer.from(clean(this.out.text(), command, this.markers), 'latin1') : null;
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
          reject(new CollectError('dropped', `the connection closed while waiting for ${what}`, this.partial(command)));
        }
      };
      const arm = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          this.waiter = null;
          reject(new CollectError('timeout', `no answer for ${this.options.idleTimeoutMs / 1000} s while waiting for ${what}`, this.partial(command)));
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

/**
 * Output as a saved file would hold it: the answered pager markers (at the given offsets) and their
 * erasure gone, `\n` line ends, echo line removed. Marker text anywhere else is data and stays.
 */
export function clean(raw: string, command: string, markers: readonly number[] = []): string {
  let text = raw;
  if (markers.length > 0) {
    const pieces: string[] = [];
    let from = 0;
    for (const at of markers) {
      if (at < from || at >= raw.length) continue;
      pieces.push(raw.slice(from, at));
      const marker = /<---\s*More\s*--->/y;
      marker.lastIndex = at;
      if (!marker.test(raw)) {
        from = at;
        continue;
      }
      PAGER_ERASE.lastIndex = marker.lastIndex;
      PAGER_ERASE.test(raw);
      from = PAGER_ERASE.lastIndex;
    }
    pieces.push(raw.slice(from));
    text = pieces.join('');
  }
  text = text.replace(/\r*\n\r*/g, '\n').replace(/^\r+|\r+$/g, '');
  // Lone CRs left are terminal overwrites; what follows the last one is what the screen shows.
  if (text.includes('\r'))
    text = text
      .split('\n')
      .map((l) => (l.includes('\r') ? l.slice(l.lastIndexOf('\r') + 1) : l))
      .join('\n');
  const firstBreak = text.indexOf('\n');
  const first = (firstBreak === -1 ? text : text.slice(0, firstBreak)).trim();
  if (first === command) text = firstBreak === -1 ? '' : text.slice(firstBreak + 1);
  return text;
}
