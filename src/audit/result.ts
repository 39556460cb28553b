// What an audit produces, as plain data: the shape reporters, the gate and library users read. It
// keeps no parse tree: a fleet of a thousand configs must not hold a thousand trees in memory.

import type { IgnoredFinding } from '../config/apply.js';
import type { ProfileReach } from '../engine/engine.js';
import type { Finding, Severity } from '../engine/types.js';
import type { InputError } from '../input/load.js';
import type { TargetSummary } from '../model/summary.js';
import type { ProfileView } from '../explain/profile-view.js';

export type { IgnoredFinding };

/** A finding as reported: with its config line quoted (secrets redacted). */
export interface ReportedFinding extends Finding {
  lineText: string | null;
}

/** One audited configuration (a file, a section of one, or a collected context). */
export interface AuditTarget {
  summary: TargetSummary;
  findings: ReportedFinding[];
  /** Every remote-access connection profile of the config (for --profile checks). */
  profileNames: string[];
  /** Findings hidden by an `ignore` entry of the configuration file (filled by the gate). */
  ignored: IgnoredFinding[];
  mobileProfiles: string[];
  /** How AnyConnect clients reach each mobile-facing profile (transport, group-url, alias, default). */
  reach: ProfileReach[];
  skippedProfiles: Array<{ tunnelGroup: string; reason: string }>;
  /** Client profiles the config defines, who gets each, and whether its XML was found. */
  clientProfiles: AuditClientProfile[];
  /** The DAP records the config has (besides DfltAccessPolicy) and whether their dap.xml was read; null with none. */
  dap: AuditDap | null;
  /** Per mobile-facing profile: the DNS picture and inheritance data (only when a report draws them). */
  views?: ProfileView[];
}

export interface AuditClientProfile {
  name: string;
  /** The file on the device (`disk0:/FILE.xml`). */
  file: string;
  /** Connection profiles whose effective group-policy pushes it. */
  assignedTo: string[];
  found: boolean;
  /** Where its XML was read from (a path, or the backup it is embedded in), or null. */
  readFrom: string | null;
  status: 'read' | 'malformed' | 'missing' | 'not-searched';
}

export interface AuditDap {
  /** The config's `dynamic-access-policy-record` names, DfltAccessPolicy left out. */
  records: string[];
  /** Where dap.xml was read from (a path, or the backup it is embedded in), or null. */
  readFrom: string | null;
  /** `not-searched`: nowhere to look (text with no file, such as a library call); `missing`: looked for (see `searched`), not found. */
  status: 'read' | 'malformed' | 'missing' | 'not-searched';
  /** Where dap.xml was looked for, in words (`in the Oxidized backup, beside the configuration`); null: nowhere. */
  searched: string | null;
}

export interface AuditRun {
  targets: AuditTarget[];
  /** Files that could not be audited (named explicitly, or unreadable). */
  inputErrors: InputError[];
  /**
   * Files not audited: not ASA configurations, excluded, ignored. `named`: the user named or listed
   * it, so the skip is reported without --verbose.
   */
  skippedFiles: Array<{ file: string; reason: string; named?: boolean; line?: number | null }>;
}

export function countBySeverity(targets: ReadonlyArray<{ findings: readonly Finding[] }>): Record<Severity, number> {
  const summary = { error: 0, warning: 0, info: 0 };
  for (const t of targets) for (const f of t.findings) summary[f.severity]++;
  return summary;
}
