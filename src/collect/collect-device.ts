// One device, start to finish: connect, reach privileged mode, turn paging off, read `show version`,
// `show mode` and the running configuration(s). Only allow-listed commands are sent (see shell.ts).
// A config cut short (drop, timeout) is returned marked incomplete with the reason, never as whole.

import { openSession, type ConnectOptions } from './connect.js';
import { changetoContext, COMMANDS, isContextName, isFlashXml, moreFile } from './allow-list.js';
import { CollectError } from './errors.js';
import { AsaShell } from './shell.js';

export interface CollectOptions extends ConnectOptions {
  /** Asked only when the login lands at `>`; undefined when there is none to give. */
  enablePassword?: () => Promise<string | undefined>;
  /** `all`, one context name, or undefined (all contexts in multiple mode). */
  context?: string;
  /** Longest silence while waiting for output. */
  idleTimeoutMs: number;
  /** Whole-device budget; the session is closed when it runs out. */
  hostTimeoutMs: number;
  settleMs?: number;
  /** Most bytes one session may receive (see AsaShell). */
  maxOutputBytes?: number;
}

export interface CollectedConfig {
  /** Security context name in multiple-context mode, else null. */
  context: string | null;
  text: Buffer;
  complete: boolean;
  /** Why the text is not the whole configuration (connection dropped, timeout). */
  incompleteReason: string | null;
  /** Client profiles and dap.xml the configuration references, read with `more`, by device path. */
  sideFiles?: Map<string, string>;
}

export interface CollectedDevice {
  host: string;
  port: number;
  /** `ssh://host` or `ssh://host:port`: the `source` of every report on this device. */
  source: string;
  hostKeyFingerprint: string;
  /** Where the host key was found (file and line; line 0 when --accept-new just added it). */
  hostKeyKnownFrom: { file: string; line: number } | null;
  showVersion: string | null;
  mode: 'single' | 'multiple';
  configs: CollectedConfig[];
  /** Problems with single contexts (a `changeto` refused) that did not stop the others. */
  contextErrors: Array<{ context: string; message: string }>;
  notes: string[];
}

export function sshSource(host: string, port: number): string {
  const h = host.includes(':') ? `[${host}]` : host;
  return port === 22 ? `ssh://${h}` : `ssh://${h}:${port}`;
}

const DEVICE_ERROR = /^(ERROR:|% ?Invalid input|Command authorization failed|% Unrecognized command)/m;

/** One SSH session, logged in, privileged, paging off; `close` ends it. */
interface Session {
  shell: AsaShell;
  close: () => void;
  /** Whether the device's whole budget ran out while this session was open. */
  budgetSpent: () => boolean;
}

async function openReadySession(opts: CollectOptions, deadline: number, device: CollectedDevice): Promise<Session> {
  const { client, channel, hostKeyFingerprint, knownFrom } = await openSession(opts);
  device.hostKeyFingerprint ||= hostKeyFingerprint;
  device.hostKeyKnownFrom ??= knownFrom;
  const shell = new AsaShell(channel, {
    idleTimeoutMs: opts.idleTimeoutMs,
    ...(opts.settleMs !== undefined ? { settleMs: opts.settleMs } : {}),
    ...(opts.maxOutputBytes !== undefined ? { maxOutputBytes: opts.maxOutputBytes } : {}),
  });
  // An object, not a `let`: the budget timer flips it while the collection awaits.
  const spent = { value: false };
  const close = (): void => {
    clearTimeout(budget);
    // end() only half-closes; a hung peer would keep the socket (and the process) alive.
    client.end();
    client.destroy();
  };
  const budget = setTimeout(
    () => {
      spent.value = true;
      close();
    },
    Math.max(0, deadline - Date.now()),
  );
  const session = { shell, close, budgetSpent: () => spent.value };
  try {
    await shell.login();
    if (!shell.privileged) await shell.enable(await opts.enablePassword?.());
    const pager = await shell.runText(COMMANDS.pagerOff);
    if (DEVICE_ERROR.test(pager)) {
      const fallback = await shell.runText(COMMANDS.pagerOffLegacy);
      if (DEVICE_ERROR.test(fallback) && !device.notes.includes(PAGER_NOTE)) device.notes.push(PAGER_NOTE);
    }
  } catch (err) {
    close();
    throw timedOutError(err, spent.value, opts);
  }
  return session;
}

const PAGER_NOTE = 'paging could not be turned off; pages were answered one by one';

function timedOutError(err: unknown, budgetSpent: boolean, opts: CollectOptions): unknown {
  if (budgetSpent && err instanceof CollectError)
    return new CollectError('timeout', `gave up on ${opts.host} after the per-host timeout of ${opts.hostTimeoutMs / 1000} s (${err.message})`, err.partial);
  return err;
}

export async function collectDevice(opts: CollectOptions): Promise<CollectedDevice> {
  const deadline = Date.now() + opts.hostTimeoutMs;
  const device: CollectedDevice = {
    host: opts.host,
    port: opts.port,
    source: sshSource(opts.host, opts.port),
    hostKeyFingerprint: '',
    hostKeyKnownFrom: null,
    showVersion: null,
    mode: 'single',
    configs: [],
    contextErrors: [],
    notes: [],
  };
  let session: Session | null = await openReadySession(opts, deadline, device);
  try {
    const { shell } = session;
    device.showVersion = await shell.runText(COMMANDS.showVersion);
    const mode = await shell.runText(COMMANDS.showMode);
    device.mode = /mode:\s*multiple/i.test(mode) ? 'multiple' : 'single';
    if (device.mode === 'single') {
      if (opts.context !== undefined) device.notes.push(`--context ${opts.context} ignored: the device runs in single context mode`);
      device.configs.push(await withSideFiles(shell, await runningConfig(shell, null, session.budgetSpent), device));
      return device;
    }
    const contexts = await contextsToCollect(shell, opts, device);
    if (contexts === null) {
      // Logged in to a context other than admin: only this one can be read.
      device.configs.push(await withSideFiles(shell, await runningConfig(shell, shell.promptContext, session.budgetSpent), device));
      return device;
    }
    for (const [i, name] of contexts.entries()) {
      // A session a stalled or flooding context broke is replaced; the contexts already read stay.
      if (session === null) {
        try {
          session = await openReadySession(opts, deadline, device);
        } catch (err) {
          const why = err instanceof CollectError ? err.message : String(err);
          for (const rest of contexts.slice(i)) device.contextErrors.push({ context: rest, message: `not collected: a new session failed (${why})` });
          break;
        }
      }
      const broken = await collectContext(session, name, device);
      if (broken) {
        session.close();
        session = null;
        if (Date.now() >= deadline) {
          const message = `not collected: the per-host timeout of ${opts.hostTimeoutMs / 1000} s ran out`;
          for (const rest of contexts.slice(i + 1)) device.contextErrors.push({ context: rest, message });
          break;
        }
      }
    }
    return device;
  } catch (err) {
    throw timedOutError(err, session?.budgetSpent() ?? true, opts);
  } finally {
    session?.close();
  }
}

/** The contexts to read (those whose names the auditor may send), or null when only the current one can be. */
async function contextsToCollect(shell: AsaShell, opts: CollectOptions, device: CollectedDevice): Promise<string[] | null> {
  if (opts.context !== undefined && opts.context !== 'all') return [opts.context];
  const toSystem = await shell.runText(COMMANDS.changetoSystem);
  if (DEVICE_ERROR.test(toSystem)) {
    device.notes.push(`cannot change to the system execution space from context ${shell.promptContext ?? '?'}; only that context was collected`);
    return null;
  }
  const listed = parseShowContext(await shell.runText(COMMANDS.showContext));
  if (listed.length === 0) throw new CollectError('device', '`show context` listed no security contexts; nothing to audit');
  const usable: string[] = [];
  for (const name of listed) {
    if (isContextName(name)) usable.push(name);
    else
      device.contextErrors.push({
        context: name,
        message: `not collected: \`${name}\` is not a name the auditor sends in \`changeto context\` (letters, digits, \`-\`, \`_\`, \`.\`, at most 64)`,
      });
  }
  return usable;
}

/** Reads one context into the device; true when the session can no longer be used. */
async function collectContext(session: Session, name: string, device: CollectedDevice): Promise<boolean> {
  try {
    const out = await session.shell.runText(changetoContext(name));
    if (DEVICE_ERROR.test(out)) {
      device.contextErrors.push({ context: name, message: `\`changeto context ${name}\` was refused: ${out.trim().split('\n')[0]}` });
      return false;
    }
    const config = await runningConfig(session.shell, name, session.budgetSpent);
    device.configs.push(await withSideFiles(session.shell, config, device));
    // A partial config means the device stalled or dropped: that session is done.
    return !config.complete;
  } catch (err) {
    if (!(err instanceof CollectError)) throw err;
    device.contextErrors.push({ context: name, message: err.message });
    // A refused command leaves the session usable; a timeout, drop or flood does not.
    return err.kind !== 'device';
  }
}

async function runningConfig(shell: AsaShell, context: string | null, timedOut: () => boolean): Promise<CollectedConfig> {
  try {
    const text = await shell.run(COMMANDS.showRunningConfig);
    const head = text.subarray(0, 200).toString('latin1');
    if (DEVICE_ERROR.test(head))
      throw new CollectError('device', `\`show running-config\` was refused${context ? ` in context ${context}` : ''}: ${head.trim().split('\n')[0]}`);
    return { context, text, complete: true, incompleteReason: null };
  } catch (err) {
    if (err instanceof CollectError && (err.kind === 'dropped' || err.kind === 'timeout') && err.partial !== null && err.partial.length > 0) {
      const lines = countLines(err.partial);
      const why = timedOut() ? 'the per-host timeout ran out' : err.kind === 'timeout' ? 'the device stopped answering' : 'the connection dropped';
      return {
        context,
        text: err.partial,
        complete: false,
        incompleteReason: `${why} during \`show running-config\` after ${lines} lines; this is a partial configuration`,
      };
    }
    throw err;
  }
}

/**
 * Reads the XML files a complete configuration references: each `anyconnect profiles NAME PATH`
 * file, and dap.xml when it has DAP records of its own. A file the device cannot open is left out
 * (the audit reports it missing); a name the allow-list does not take is not sent, with a note.
 */
async function withSideFiles(shell: AsaShell, config: CollectedConfig, device: CollectedDevice): Promise<CollectedConfig> {
  if (!config.complete) return config;
  const text = config.text.toString('latin1');
  const paths = [...new Set([...text.matchAll(/^ (?:anyconnect|svc) profiles \S+ (\S+\.xml)\s*$/gim)].map((m) => m[1]!))];
  if (/^dynamic-access-policy-record (?!DfltAccessPolicy\s*$)\S/m.test(text)) paths.push('disk0:/dap.xml');
  const files = new Map<string, string>();
  for (const path of paths) {
    if (!isFlashXml(path)) {
      device.notes.push(`${path} not read: the auditor sends \`more\` only for plain .xml names on flash`);
      continue;
    }
    const out = await shell.runText(moreFile(path));
    if (!DEVICE_ERROR.test(out) && !/^%?\s*Error opening/im.test(out.slice(0, 300))) files.set(path, out);
  }
  return { ...config, sideFiles: files };
}

/** Lines in collected text: a last line without its newline counts, the empty string after a final newline does not. */
export function countLines(text: Buffer): number {
  let n = 0;
  for (let i = text.indexOf(10); i !== -1; i = text.indexOf(10, i + 1)) n++;
  return text.length > 0 && text[text.length - 1] !== 10 ? n + 1 : n;
}

/** Context names from `show context` (the first column; `*` marks the admin context). */
export function parseShowContext(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split('\n')) {
    // Any first-column word: a name the auditor cannot send is reported, not silently dropped.
    const m = /^[ *]?(\S+)\s+\S/.exec(line);
    if (!m || /^(Context|Total)$/i.test(m[1]!) || /^Context Name/i.test(line.trim())) continue;
    names.push(m[1]!);
  }
  return names;
}
