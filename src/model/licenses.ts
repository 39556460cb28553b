// Licence lines of `show version` that matter to AnyConnect: from a live `show version`, or from the
// `!`-commented copy Oxidized and RANCID keep above the configuration. Null when neither is there.

export interface LicenseLine {
  /** `AnyConnect for Mobile`, `AnyConnect Premium Peers`, ... */
  feature: string;
  /** What follows the colon, blanks collapsed: `Enabled perpetual`, `250 perpetual`. */
  value: string;
  /** Line in the configuration file, or null when it came from a live `show version`. */
  line: number | null;
}

export interface LicenseFacts {
  from: 'show-version' | 'backup-comments';
  lines: LicenseLine[];
}

const LICENSE_LINE = /^!?\s*(AnyConnect [A-Za-z ]*?[A-Za-z]|Advanced Endpoint Assessment)\s*:\s*(\S.*?)\s*$/;

export function readLicenseLine(text: string, line: number | null): LicenseLine | null {
  const m = LICENSE_LINE.exec(text);
  return m ? { feature: m[1]!, value: m[2]!.replace(/\s+/g, ' '), line } : null;
}

export function licenseFactsFromShowVersion(text: string): LicenseFacts {
  const lines = text
    .split(/\r?\n/)
    .map((l) => readLicenseLine(l, null))
    .filter((l): l is LicenseLine => l !== null);
  return { from: 'show-version', lines };
}
