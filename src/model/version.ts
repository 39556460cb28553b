// ASA software versions: `9.12(4)67` = major 9, minor 12, maintenance 4, interim 67.

export interface AsaVersion {
  major: number;
  minor: number;
  maintenance: number;
  interim: number;
  /** As printed, e.g. `9.8(4)20`. */
  text: string;
}

const VERSION = /^(\d+)\.(\d+)(?:\((\d+)\)(\d+)?)?/;

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

/** `atLeast(v, '9.3(1)')`: true when v is that release or later. */
const literals = new Map<string, AsaVersion>();

export function atLeast(version: AsaVersion, minimum: string): boolean {
  let min = literals.get(minimum);
  if (!min) {
    const parsed = parseAsaVersion(minimum);
    if (!parsed) throw new Error(`bad version literal ${minimum}`);
    literals.set(minimum, (min = parsed));
  }
  return compareVersions(version, min) >= 0;
}
