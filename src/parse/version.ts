// ASA software versions and the `ASA Version` line: the one place that knows their syntax.
// `9.12(4)67` = major 9, minor 12, maintenance 4, interim 67. The line may be a `:` comment in some
// captures, and carries `<context>` or `<system>` in multiple-context mode.

export interface AsaVersion {
  major: number;
  minor: number;
  maintenance: number;
  interim: number;
  /** As printed, e.g. `9.8(4)20`. */
  text: string;
}

export interface VersionLine {
  /** `ASA`, `PIX` or `FWSM Firewall`. */
  product: string;
  /** Null when the version text does not parse (the line still marks an ASA-family config). */
  version: AsaVersion | null;
  /** The execution space the `<tag>` names: `context`, `system`, or `single` without a tag. */
  space: 'single' | 'context' | 'system';
}

const VERSION = /^(\d+)\.(\d+)(?:\((\d+)\)(\d+)?)?/;
const VERSION_LINE = /^(?::\s*)?(ASA|PIX|FWSM Firewall) Version (\S+)(?:\s+<(\w+)>)?/;

/** Reads an `ASA Version 9.16(4) <context>` line (column 0, or as a `:` comment); null for any other line. */
export function readVersionLine(line: string): VersionLine | null {
  const m = VERSION_LINE.exec(line);
  if (!m) return null;
  return { product: m[1]!, version: parseAsaVersion(m[2]!), space: m[3] === 'context' ? 'context' : m[3] === 'system' ? 'system' : 'single' };
}

export function parseAsaVersion(text: string): AsaVersion | null {
  const m = VERSION.exec(text.trim());
  if (!m) return null;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    maintenance: m[3] === undefined ? 0 : Number(m[3]),
    interim: m[4] === undefined ? 0 : Number(m[4]),
    text: m[0],
  };
}

/** Negative when a < b, zero when equal, positive when a > b. */
export function compareVersions(a: AsaVersion, b: AsaVersion): number {
  return a.major - b.major || a.minor - b.minor || a.maintenance - b.maintenance || a.interim - b.interim;
}

const literals = new Map<string, AsaVersion>();

/** `atLeast(v, '9.3(1)')`: true when v is that release or later. */
export function atLeast(version: AsaVersion, minimum: string): boolean {
  let min = literals.get(minimum);
  if (!min) {
    const parsed = parseAsaVersion(minimum);
    if (!parsed) throw new Error(`bad version literal ${minimum}`);
    literals.set(minimum, (min = parsed));
  }
  return compareVersions(version, min) >= 0;
}
