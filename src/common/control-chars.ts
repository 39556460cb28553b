// Control characters (C0, DEL, C1) in text that came from a configuration or a device. They are data:
// a report shows them as visible escapes, and the tool never prints CLI that holds one.

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f]/g;

export function hasControl(s: string): boolean {
  return CONTROL.test(s);
}

/** `\x1b`, `\t`, `\x9b`: every control character as something a person can see. */
export function visible(s: string): string {
  if (!CONTROL.test(s)) return s;
  return s.replace(CONTROL_ALL, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/** Like `visible`, but keeps newlines (multi-line text the tool wrote, such as a fix or a message block). */
export function visibleLines(s: string): string {
  return hasControl(s) ? s.split('\n').map(visible).join('\n') : s;
}

/** Whether multi-line text (CLI, a message block) holds a control character other than its newlines. */
export function hasControlInLines(s: string): boolean {
  return s.split('\n').some(hasControl);
}
