// The three states of an ASA attribute in one configuration layer.
// - unset: no line in this layer, so the next layer decides (inherit)
// - none:  an explicit `... none` (or `disable`-style off value) that stops inheritance
// - value: used as is

export type Setting<T> = { state: 'unset' } | { state: 'none'; line: number; legacy?: boolean } | { state: 'value'; value: T; line: number; legacy?: boolean };

export const UNSET: Setting<never> = Object.freeze({ state: 'unset' });

export function valueSetting<T>(value: T, line: number, legacy = false): Setting<T> {
  return legacy ? { state: 'value', value, line, legacy } : { state: 'value', value, line };
}

export function noneSetting(line: number, legacy = false): Setting<never> {
  return legacy ? { state: 'none', line, legacy } : { state: 'none', line };
}
