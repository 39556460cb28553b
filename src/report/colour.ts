// ANSI colour only on a terminal and never when NO_COLOR is set (https://no-color.org).
import type { Severity } from '../engine/types.js';

export interface Paint {
  severity(s: Severity, text?: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const CODES: Record<Severity, string> = { error: '31', warning: '33', info: '36' };

export function paint(enabled: boolean): Paint {
  const wrap = (code: string, t: string): string => (enabled ? `\u001b[${code}m${t}\u001b[0m` : t);
  return {
    severity: (s, text = s) => wrap(CODES[s], text),
    bold: (t) => wrap('1', t),
    dim: (t) => wrap('2', t),
  };
}

/**
 * Whether to write ANSI colour to a destination: `--color`/`--no-color` decide; else FORCE_COLOR
 * (any value but `0` or `false` forces it, those turn it off); else NO_COLOR (https://no-color.org)
 * and TERM=dumb turn it off; else only on a terminal. A file is never a terminal.
 */
export function colourWanted(isTTY: boolean, env: NodeJS.ProcessEnv, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return isTTY && (env.NO_COLOR === undefined || env.NO_COLOR === '') && env.TERM !== 'dumb';
}
