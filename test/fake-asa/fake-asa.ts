// A fake Cisco ASA on the ssh2 server, for hermetic tests of the live collector (loopback only).
// It behaves the way the reference and Netmiko/Oxidized describe a real ASA CLI: banners, `>` and
// `#` prompts, `enable` with `Password:`, the `<--- More --->` pager until `terminal pager 0`,
// command echo, `changeto` between contexts, and at most five concurrent SSH sessions. It records
// every line it receives so tests can prove nothing outside the allow-list was ever sent.

import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Server, utils, type Connection, type ServerChannel, type ServerConfig } from 'ssh2';

export interface FakeAsaOptions {
  hostname?: string;
  hostKey: string | Buffer;
  /** user → password (null: password auth refused for that user). */
  users?: Record<string, string>;
  /** user → OpenSSH public key line accepted for publickey auth. */
  authorizedKeys?: Record<string, string>;
  /** Accept the password only through keyboard-interactive (as some AAA setups do). */
  keyboardInteractiveOnly?: boolean;
  /** Enable password; when set, the login lands at `>`. */
  enablePassword?: string;
  /** SSH userauth banner and text printed in the shell before the first prompt. */
  banner?: string;
  motd?: string;
  showVersion?: string;
  mode?: 'single' | 'multiple';
  /** Single mode: `{ single: text }`; multiple mode: `{ system: text, NAME: text, ... }`. */
  configs: Record<string, string | Buffer>;
  /** Context the login lands in (multiple mode); default `admin`. */
  loginContext?: string;
  /** Lines per page while paging is on. */
  pageLines?: number;
  /** Older releases: `terminal pager 0` is an error, `terminal pager lines 0` works. */
  pager0Unsupported?: boolean;
  /** Neither paging command works: every page must be answered. */
  pagerCommandsFail?: boolean;
  /** `terminal pager 0` is accepted without a word, and paging stays on (some releases and AAA setups). */
  pagerIgnored?: boolean;
  /** How an answered `<--- More --->` is erased: a carriage return and blanks (default), or backspaces. */
  pagerErase?: 'cr' | 'backspaces';
  /**
   * Each page leaves in one write (one SSH message) with the erasure of the previous marker before it
   * and its own marker after it, as a fast device's output reaches the client in one read.
   */
  pageAtOnce?: boolean;
  /** Pause after erasing an answered marker, before the next page (the erasure arrives on its own). */
  eraseDelayMs?: number;
  /** Spaces received while no marker was waiting (a collector answering a marker twice). */
  /** Output split into chunks of this many bytes, each after `chunkDelayMs`. */
  chunkBytes?: number;
  chunkDelayMs?: number;
  /** Close the connection after sending this many lines of `show running-config`. */
  dropAfterLines?: number;
  /** Stop answering (but stay connected) after this many lines of `show running-config`. */
  stallAfterLines?: number;
  /** Multiple mode: stop answering after 10 lines of this context's `show running-config`. */
  stallInContext?: string;
  /** Hostile: `show running-config` never ends, sending 1 MiB chunks as fast as the client reads. */
  floodRunningConfig?: boolean;
  /** Hostile: keyboard-interactive asks again after every answer, forever. */
  keyboardInteractiveForever?: boolean;
  /** Files on flash that `more disk0:/NAME` prints (client profiles, dap.xml); others give %Error opening. */
  flash?: Record<string, string>;
  /** Multiple mode: extra rows `show context` lists that have no configuration (odd or long names). */
  extraContextRows?: string[];
  algorithms?: ServerConfig['algorithms'];
  maxSessions?: number;
  /** Turn away this many connections before the key exchange, as a busy server (MaxStartups) does. */
  turnAwayFirst?: number;
  /** End the connection this long after the login starts, as a login grace time does. */
  loginGraceMs?: number;
}

export const DEFAULT_SHOW_VERSION = [
  'Cisco Adaptive Security Appliance Software Version 9.16(4)',
  'SSP Operating System Version 2.10(1.162)',
  '',
  'Licensed features for this platform:',
  'Maximum VLANs                     : 200            perpetual',
  'AnyConnect Premium Peers          : 250            perpetual',
  'AnyConnect Essentials             : Disabled       perpetual',
  'AnyConnect for Mobile             : Enabled        perpetual',
  'AnyConnect for Cisco VPN Phone    : Disabled       perpetual',
  'Advanced Endpoint Assessment      : Enabled        perpetual',
  '',
].join('\n');

const INVALID = "ERROR: % Invalid input detected at '^' marker.";

export class FakeAsa {
  /** Every line received in a shell, in order (an enable password appears as `<enable password>`). */
  readonly received: string[] = [];
  sessionsRefused = 0;
  /** Pager markers sent, and characters received while no marker was waiting for an answer. */
  markersSent = 0;
  strayInput = '';
  /** Keyboard-interactive questions asked (keyboardInteractiveForever). */
  keyboardRounds = 0;
  /** SSH sessions accepted, in all. */
  sessionsOpened = 0;
  /** Most SSH sessions open at once. */
  maxActive = 0;
  private active = 0;
  private server: Server;
  port = 0;

  constructor(private readonly o: FakeAsaOptions) {
    const config: ServerConfig = { hostKeys: [o.hostKey], ...(o.banner ? { banner: o.banner } : {}), ...(o.algorithms ? { algorithms: o.algorithms } : {}) };
    this.server = new Server(config, (client) => {
      this.onClient(client);
    });
  }

  start(): Promise<number> {
    return new Promise((resolve) => {
      this.server.listen(0, '127.0.0.1', () => {
        this.port = (this.server.address() as AddressInfo).port;
        resolve(this.port);
      });
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) =>
      this.server.close(() => {
        resolve();
      }),
    );
  }

  /** Connections turned away (turnAwayFirst). */
  turnedAway = 0;

  private onClient(client: Connection): void {
    client.on('error', () => undefined);
    if (this.turnedAway < (this.o.turnAwayFirst ?? 0)) {
      this.turnedAway++;
      client.end();
      return;
    }
    if (this.active >= (this.o.maxSessions ?? 5)) {
      this.sessionsRefused++;
      client.end();
      return;
    }
    this.active++;
    this.sessionsOpened++;
    this.maxActive = Math.max(this.maxActive, this.active);
    client.on('close', () => this.active--);
    let graceTimer: NodeJS.Timeout | null = null;
    client.on('authentication', (ctx) => {
      if (this.o.loginGraceMs !== undefined) {
        graceTimer ??= setTimeout(() => client.end(), this.o.loginGraceMs);
        return;
      }
      const users = this.o.users ?? {};
      if (ctx.method === 'password' && !this.o.keyboardInteractiveOnly && users[ctx.username] !== undefined && ctx.password === users[ctx.username]) {
        ctx.accept();
        return;
      }
      if (ctx.method === 'keyboard-interactive' && this.o.keyboardInteractiveForever) {
        const ask = (): void => {
          this.keyboardRounds++;
          ctx.prompt([{ prompt: 'Password: ', echo: false }], ask);
        };
        ask();
        return;
      }
      if (ctx.method === 'keyboard-interactive' && users[ctx.username] !== undefined) {
        ctx.prompt([{ prompt: 'Password: ', echo: false }], (answers) => {
          if (answers[0] === users[ctx.username]) ctx.accept();
          else ctx.reject();
        });
        return;
      }
      if (ctx.method === 'publickey' && this.o.authorizedKeys?.[ctx.username]) {
        const allowed = utils.parseKey(this.o.authorizedKeys[ctx.username]!);
        if (!(allowed instanceof Error) && ctx.key.algo === allowed.type && ctx.key.data.equals(allowed.getPublicSSH())) {
          if (!ctx.signature) {
            ctx.accept();
            return;
          }
          if (allowed.verify(ctx.blob!, ctx.signature, ctx.hashAlgo)) {
            ctx.accept();
            return;
          }
        }
      }
      ctx.reject(['password', 'publickey', 'keyboard-interactive']);
    });
    client.on('ready', () => {
      client.on('session', (accept) => {
        const session = accept();
        session.on('pty', (ok) => {
          // ssh2 passes no accept function when the client wants no reply, whatever the types say.
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
          ok?.();
        });
        session.on('shell', (ok) => {
          this.shell(ok(), client);
        });
      });
    });
  }

  private shell(ch: ServerChannel, client: Connection): void {
    const o = this.o;
    const host = o.hostname ?? 'asa-fake';
    let privileged = o.enablePassword === undefined;
    let paging = true;
    let context: string | null = o.mode === 'multiple' ? (o.loginContext ?? 'admin') : null;
    const loggedInTo = context;
    let awaitingEnable = false;
    let enableTries = 0;
    let line = '';
    let busy = false;
    let pagerResume: (() => void) | null = null;
    const queue: string[] = [];

    const prompt = (): string => `${host}${context && context !== 'system' ? `/${context}` : ''}${privileged ? '#' : '>'} `;
    const write = async (text: string): Promise<void> => {
      if (!o.chunkBytes) {
        ch.write(text);
        return;
      }
      for (let i = 0; i < text.length; i += o.chunkBytes) {
        ch.write(text.slice(i, i + o.chunkBytes));
        await new Promise((r) => setTimeout(r, o.chunkDelayMs ?? 1));
      }
    };
    const MARKER = '<--- More --->';
    const ERASE =
      o.pagerErase === 'backspaces' ? `${'\b'.repeat(MARKER.length)}${' '.repeat(MARKER.length)}${'\b'.repeat(MARKER.length)}` : '\r              \r';
    const output = async (text: string | Buffer, limits: { dropAfter?: number; stallAfter?: number } = {}): Promise<boolean> => {
      const lines = (Buffer.isBuffer(text) ? text.toString('latin1') : text).split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      const page = o.pageLines ?? 24;
      let pending = '';
      for (let i = 0; i < lines.length; i++) {
        if (limits.dropAfter !== undefined && i === limits.dropAfter) {
          if (pending) ch.write(pending);
          client.end();
          return false;
        }
        if (limits.stallAfter !== undefined && i === limits.stallAfter) {
          if (pending) ch.write(pending);
          return false;
        }
        if (o.pageAtOnce) pending += `${lines[i]}\r\n`;
        else await write(`${lines[i]}\r\n`);
        if (paging && (i + 1) % (page - 1) === 0 && i + 1 < lines.length) {
          ch.write(pending + MARKER);
          pending = '';
          this.markersSent++;
          await new Promise<void>((r) => (pagerResume = r));
          if (o.pageAtOnce) pending = ERASE;
          else ch.write(ERASE);
          if (o.eraseDelayMs !== undefined) await new Promise((r) => setTimeout(r, o.eraseDelayMs));
        }
      }
      if (pending) ch.write(pending);
      return true;
    };

    const execute = async (cmd: string): Promise<void> => {
      const words = cmd.trim().split(/\s+/).filter(Boolean);
      const is = (...w: string[]): boolean => words.length === w.length && w.every((x, i) => words[i] === x);
      if (words.length === 0) return;
      if (is('enable')) {
        if (privileged) return;
        awaitingEnable = true;
        enableTries = 0;
        ch.write('Password: ');
        return;
      }
      if (is('terminal', 'pager', '0')) {
        if (o.pager0Unsupported || o.pagerCommandsFail) await output(INVALID);
        else if (!o.pagerIgnored) paging = false;
        return;
      }
      if (is('terminal', 'pager', 'lines', '0')) {
        if (o.pagerCommandsFail) await output(INVALID);
        else paging = false;
        return;
      }
      if (is('show', 'curpriv')) {
        await output(
          `Username : enable_${privileged ? 15 : 1}\nCurrent privilege level : ${privileged ? 15 : 1}\nCurrent Mode/s : P_${privileged ? 'PRIV' : 'UNPR'}`,
        );
        return;
      }
      if (is('show', 'version')) {
        await output(o.showVersion ?? DEFAULT_SHOW_VERSION);
        return;
      }
      if (is('show', 'mode')) {
        await output(`Security context mode: ${o.mode ?? 'single'}`);
        return;
      }
      if (!privileged) {
        await output(INVALID);
        return;
      }
      if (is('show', 'running-config')) {
        const key = o.mode === 'multiple' ? (context ?? 'system') : 'single';
        const cfg = o.configs[key];
        if (cfg === undefined) {
          await output(INVALID);
          return;
        }
        if (o.floodRunningConfig) {
          const chunk = 'access-list FLOOD extended permit ip any any\r\n'.repeat(23_000);
          const state = { open: true };
          ch.on('close', () => (state.open = false));
          while (state.open)
            if (!ch.write(chunk))
              await new Promise((r) => {
                ch.once('drain', r);
                ch.once('close', r);
              });
          throw new Error('stopped');
        }
        const stallAfter = o.stallInContext !== undefined && o.stallInContext === context ? 10 : o.stallAfterLines;
        const completed = await output(cfg, {
          ...(o.dropAfterLines !== undefined ? { dropAfter: o.dropAfterLines } : {}),
          ...(stallAfter !== undefined ? { stallAfter } : {}),
        });
        if (!completed) throw new Error('stopped');
        return;
      }
      if (words[0] === 'more' && words.length === 2) {
        const file = o.flash?.[words[1]!];
        await output(file ?? `%Error opening ${words[1]!} (No such file or directory)`);
        return;
      }
      if (is('show', 'context') && o.mode === 'multiple') {
        const names = Object.keys(o.configs).filter((n) => n !== 'system');
        const rows = names.map(
          (n) => `${n === 'admin' ? '*' : ' '}${n.padEnd(17)}default    GigabitEthernet0/${names.indexOf(n)},  Routed       disk0:/${n}.cfg`,
        );
        await output(
          [
            'Context Name      Class      Interfaces           Mode         URL',
            ...rows,
            ...(o.extraContextRows ?? []).map((n) => ` ${`${n} `.padEnd(17)}default    GigabitEthernet0/9,  Routed       disk0:/x.cfg`),
            '                             Management0/0',
            `Total active Security Contexts: ${names.length}`,
          ].join('\n'),
        );
        return;
      }
      // A session that logged in to the admin context has system rights and may move anywhere;
      // one that logged in to another context may not leave it.
      const mayChange = loggedInTo === 'admin' || loggedInTo === 'system';
      if (is('changeto', 'system') && o.mode === 'multiple') {
        if (!mayChange) await output('ERROR: Command not valid in this context');
        else context = 'system';
        return;
      }
      if (words[0] === 'changeto' && words[1] === 'context' && words.length === 3 && o.mode === 'multiple') {
        if (o.configs[words[2]!] === undefined || words[2] === 'system') await output(`ERROR: Context '${words[2]}' does not exist`);
        else if (!mayChange) await output('ERROR: Command not valid in this context');
        else context = words[2]!;
        return;
      }
      await output(INVALID);
    };

    const pump = async (): Promise<void> => {
      if (busy) return;
      busy = true;
      try {
        while (queue.length > 0) {
          const cmd = queue.shift()!;
          if (awaitingEnable) {
            this.received.push('<enable password>');
            ch.write('\r\n');
            if (cmd === o.enablePassword) {
              awaitingEnable = false;
              privileged = true;
            } else if (++enableTries < 3) {
              // Like the ASA: a wrong enable password is asked for again, three times in all.
              ch.write('Invalid password\r\nPassword: ');
            } else {
              awaitingEnable = false;
              await output('Access denied.');
            }
          } else {
            this.received.push(cmd);
            ch.write(`${cmd}\r\n`); // echo
            await execute(cmd);
          }
          if (!awaitingEnable) ch.write(prompt());
        }
      } catch {
        // stopped mid-output (stall or drop): no prompt follows
        queue.length = 0;
        return;
      } finally {
        busy = false;
      }
    };

    ch.on('data', (data: Buffer) => {
      for (const c of data.toString('latin1')) {
        if (pagerResume) {
          const resume = pagerResume;
          pagerResume = null;
          if (c === ' ' || c === '\r' || c === '\n') resume();
          continue;
        }
        // A space that starts a line while no marker waits: a marker answered twice.
        if (c === ' ' && line === '') this.strayInput += c;
        if (c === '\r' || c === '\n') {
          if (c === '\n' && line === '' && queue.length === 0 && busy) continue;
          queue.push(line);
          line = '';
          void pump();
        } else {
          line += c;
        }
      }
    });
    ch.on('error', () => undefined);
    void (async () => {
      if (o.motd) await write(`${o.motd.replace(/\n/g, '\r\n')}\r\n`);
      await write("Type help or '?' for a list of available commands.\r\n");
      ch.write(prompt());
    })();
  }
}

/** An ssh2-generated key pair and its OpenSSH public blob (for known_hosts). */
export function makeHostKey(type: 'ed25519' | 'rsa' = 'ed25519'): { private: string; public: string; blob: Buffer } {
  // ssh2's generator writes about 1 in 300 ed25519 public keys with a leading zero byte dropped (31
  // bytes, `AAAAHx...`), which its own parser then refuses: a flaky test, not a key a device would
  // have. Such a pair is drawn again.
  for (let attempt = 1; ; attempt++) {
    const pair = type === 'rsa' ? utils.generateKeyPairSync('rsa', { bits: 2048 }) : utils.generateKeyPairSync('ed25519');
    const parsed = utils.parseKey(pair.public);
    if (!(parsed instanceof Error)) return { private: pair.private, public: pair.public, blob: parsed.getPublicSSH() };
    if (attempt === 10) throw parsed;
  }
}

export function fixtureText(rel: string): Buffer {
  return readFileSync(new URL(`../../fixtures/${rel}`, import.meta.url));
}
