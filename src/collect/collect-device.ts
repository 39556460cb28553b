// One device, start to finish: connect, reach privileged mode, turn paging off, read `show version`,
// `show mode` and the running configuration(s). Only allow-listed commands are sent (see shell.ts).
// A config cut short (drop, timeout) is returned marked incomplete with the reason, never as whole.

import { openSession, type ConnectOptions } from './connect.js';
import { changetoContext, COMMANDS } from './allow-list.js';
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
}

export interface CollectedConfig {
  /** Security context name in multiple-context mode, else null. */
  context: string | null;
  text: Buffer;
  complete: boolean;
  /** Why the text is not the whole configuration (connection dropped, timeout). */
  incompleteReason: string | null;
}

export interface CollectedDevice {
  host: string;
  port: number;
  /** `ssh://host` or `ssh://host:port`: the `source` of every report on this device. */
  source: string;
  hostKeyFingerprint: string;
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

export async function collectDevice(opts: CollectOptions): Promise<CollectedDevice> {
  const { client, channel, hostKeyFingerprint } = await openSession(opts);
  const shell = new AsaShell(channel, { idleTimeoutMs: opts.idleTimeoutMs, ...(opts.settleMs !== undefined ? { settleMs: opts.settleMs } : {}) });
  // An object, not a `let`: the budget timer flips it while collectWith awaits.
  const budgetSpent = { value: false };
  const budget = setTimeout(() => {
    budgetSpent.value = true;
    client.end();
    client.destroy();
  }, opts.hostTimeoutMs);
  const device: CollectedDevice = {
    host: opts.host,
    port: opts.port,
    source: sshSource(opts.host, opts.port),
    hostKeyFingerprint,
    showVersion: null,
    mode: 'single',
    configs: [],
    contextErrors: [],
    notes: [],
  };
  try {
    return await collectWith(shell, opts, device, () => budgetSpent.value);
  } catch (err) {
    if (budgetSpent.value && err instanceof CollectError) {
      const message = `gave up on ${opts.host} after the per-host timeout of ${opts.hostTimeoutMs / 1000} s (${err.message})`;
      // Contexts collected before the budget ran out are still audited; the rest is reported.
      if (device.configs.length > 0) {
        device.contextErrors.push({ context: 'the remaining contexts', message });
        return device;
      }
      throw new CollectError('timeout', message, err.partial);
    }
    throw err;
  } finally {
    clearTimeout(budget);
    // end() only half-closes; a hung peer would keep the socket (and the process) alive.
    client.end();
    client.destroy();
  }
}

async function collectWith(shell: AsaShell, opts: CollectOptions, device: CollectedDevice, timedOut: () => boolean): Promise<CollectedDevice> {
  await shell.login();
  if (!shell.privileged) await shell.enable(await opts.enablePassword?.());

  const pager = await shell.runText(COMMANDS.pagerOff);
  if (DEVICE_ERROR.test(pager)) {
    const fallback = await shell.runText(COMMANDS.pagerOffLegacy);
    if (DEVICE_ERROR.test(fallback)) device.notes.push('paging could not be turned off; pages were answered one by one');
  }
  device.showVersion = await shell.runText(COMMANDS.showVersion);
  const mode = await shell.runText(COMMANDS.showMode);
  device.mode = /mode:\s*multiple/i.test(mode) ? 'multiple' : 'single';

  if (device.mode === 'single') {
    if (opts.context !== undefined) device.notes.push(`--context ${opts.context} ignored: the device runs in single context mode`);
    device.configs.push(await runningConfig(shell, null, timedOut));
    return device;
  }

  const current = shell.promptContext;
  let contexts: string[];
  if (opts.context !== undefined && opts.context !== 'all') {
    contexts = [opts.context];
  } else {
    const toSystem = await shell.runText(COMMANDS.changetoSystem);
    if (DEVICE_ERROR.test(toSystem)) {
      // Logged in to a context other than admin: only this one can be read.
      device.notes.push(`cannot change to the system execution space from context ${current ?? '?'}; only that context was collected`);
      device.configs.push(await runningConfig(shell, current, timedOut));
      return device;
    }
    contexts = parseShowContext(await shell.runText(COMMANDS.showContext));
    if (contexts.length === 0) throw new CollectError('device', '`show context` listed no security contexts; nothing to audit');
  }
  for (const name of contexts) {
    const out = await shell.runText(changetoContext(name));
    if (DEVICE_ERROR.test(out)) {
      device.contextErrors.push({ context: name, message: `\`changeto context ${name}\` was refused: ${out.trim().split('\n')[0]}` });
      continue;
    }
    try {
      device.configs.push(await runningConfig(shell, name, timedOut));
    } catch (err) {
      // One context refusing `show running-config` does not cost the others.
      if (!(err instanceof CollectError) || err.kind !== 'device') throw err;
      device.contextErrors.push({ context: name, message: err.message });
    }
  }
  return device;
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
      const lines = err.partial.toString('latin1').split('\n').length;
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

/** Context names from `show context` (the first column; `*` marks the admin context). */
export function parseShowContext(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^[ *]?([A-Za-z0-9][\w.-]*)\s+\S/.exec(line);
    if (!m || /^(Context|Total)$/i.test(m[1]!) || /^Context Name/i.test(line.trim())) continue;
    names.push(m[1]!);
  }
  return names;
}
