// What `diff`, `what-if` and `plan` produce, as data: reporters read these types and nothing else of
// the change stage. The JSON documents built from them are contracts (schemaVersion 1).

import type { ReportedFinding } from '../audit/result.js';
import type { IosDnsSummary } from '../explain/ios-dns.js';
import type { MergeProblem } from '../model/merge.js';

export interface SettingChange {
  setting: string;
  old: string | null;
  new: string | null;
  oldSource: string | null;
  newSource: string | null;
  /** How the device's release writes the setting, where that is not `setting` (`svc keepalive` before 8.4(1)); the new side's, else the old. */
  keyword?: string;
}

export interface ProfileDiff {
  tunnelGroup: string;
  /** The line of the profile's `tunnel-group NAME type` on the new side (else the old), for annotations. */
  line: number | null;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  settings: SettingChange[];
  iosDns: { old: IosDnsSummary | null; new: IosDnsSummary | null };
  /** Whether AnyConnect clients can reach the profile on each side (null: no such profile there). */
  mobileFacing: { old: boolean | null; new: boolean | null };
  /**
   * For an added profile that took an existing one's aliases, group-urls or certificate maps (a rename),
   * or that a plan made as its copy: that profile. Its settings, iOS DNS and findings are compared with
   * that profile's (`old`, `iosDns.old` and `mobileFacing.old` are the original's).
   */
  copyOf?: string;
  /**
   * The side that is cut short (compared with --allow-incomplete) and does not hold this profile, or
   * stops inside its tunnel-group or group-policy block: it may be (partly) in the part that is
   * missing, so `added`, `removed` or a change is only what the part there shows.
   */
  unseenOn?: 'old' | 'new';
}

/** A finding still reported after a change, at a lower severity than before. */
export interface LoweredFinding {
  finding: ReportedFinding;
  oldSeverity: ReportedFinding['severity'];
}

/** A side of a comparison that is not a whole configuration. */
export interface IncompleteSide {
  side: 'old' | 'new';
  /** `incomplete`: the configuration is cut short; `unreadable`: the file could not be read as one. */
  kind: 'incomplete' | 'unreadable';
  source: string;
  /** Where the parser saw it end (1-based), when it knows. */
  line: number | null;
  message: string;
  /** The side has no configuration for the device at all (a context missing from a backup): nothing to compare, even with --allow-incomplete. */
  missing?: true;
}

export interface DeviceDiff {
  hostname: string | null;
  context: string | null;
  old: string | null;
  new: string | null;
  /** Settings every profile shares that changed (NAT-T, trustpoints, custom attribute data). */
  device: SettingChange[];
  profiles: ProfileDiff[];
  /**
   * `lowered`: findings still there at a lower severity (a warning that was an error): the new side's
   * finding and the old severity. Neither introduced nor resolved, so a gate does not fail on an
   * improvement; a finding whose severity rises is introduced (and its old self resolved).
   */
  findings: { introduced: ReportedFinding[]; resolved: ReportedFinding[]; lowered: LoweredFinding[] };
  /**
   * Why a side is not the whole configuration (truncated, cut mid-block), one entry per such side.
   * Unless the user accepts it (`--allow-incomplete`) such a device is not compared: no profiles and
   * no findings, rather than a comparison that reads a cut-off file as removed profiles.
   */
  incomplete: IncompleteSide[];
  /** False when an incomplete side kept the device from being compared. */
  compared: boolean;
  /**
   * Site-to-site tunnel-groups that lose an IKE version their policy allowed, or go, in name order
   * (each peer judged by its own policy on each side, so a peer moved between equal policies is not
   * cut). Not in the JSON document: the device settings say it there.
   */
  ikeCut: string[];
  /**
   * Lines of the new side the tool does not read because they sit out of place (indented deeper than
   * their block allows), new in this change: a hand edit's stray indent, said rather than read as a
   * setting removed. Not in the JSON document.
   */
  linesNotRead: Array<{ line: number | null; message: string }>;
  /**
   * The new side's other warnings about what it holds (a tunnel-group with no `type` line, a value
   * the tool cannot read), new in this change, as `audit` gives them. Not in the JSON document.
   */
  inputWarnings: Array<{ line: number | null; message: string }>;
}

/** An input `plan` was given that got no plan, and why. `context`: for one context of a backup. */
export interface NotPlanned {
  source: string;
  context?: string | null;
  why: string;
}

export interface PlanItem {
  ruleId: string;
  tunnelGroup: string | null;
  groupPolicy: string | null;
}

/** Something a plan needs from the user; `cli` and `rollback`: see PlanTarget.needsInput. */
export type NeedsInputItem = PlanItem & { what: string; cli?: string; rollback?: string };

export interface PlanTarget {
  source: string;
  hostname: string | null;
  context: string | null;
  /** Exactly what to paste in configuration mode: mode lines and indented sub-commands, nothing else. */
  script: string;
  /** Puts every changed line back as it was (`no` forms where it was unset), in reverse order. */
  rollback: string;
  /**
   * `cli`: lines to paste once the input is given (a held rename's move), as a block; absent for most.
   * `rollback`: beside `cli`, the lines that take it back (pasted before the plan's rollback).
   */
  needsInput: NeedsInputItem[];
  closes: PlanItem[];
  /** Findings the plan closes that were not selected (`--rules`, `--severity`): a side effect worth knowing. */
  alsoCloses: PlanItem[];
  remains: Array<PlanItem & { why: string }>;
  /** The effective changes, per profile (the diff's entries for the profiles that change). */
  changes: ProfileDiff[];
  /**
   * Device-wide settings the plan changes (NAT-T, trustpoints, custom attribute data): they reach every
   * tunnel of the device, site-to-site included, not only the profiles listed in `changes`.
   */
  deviceChanges: SettingChange[];
  /** Profiles the plan changes beyond what the selected findings ask for: named by none, or reached in a setting theirs do not ask for (only with --scope shared). */
  collateral: string[];
  /** Findings the plan would bring: always empty for a sound plan (a non-empty list is a bug). */
  introduced: ReportedFinding[];
  /** Findings a spelling correction in the plan uncovers: present today, hidden by the misspelling. */
  revealed: ReportedFinding[];
  /**
   * Findings the plan restates on a group-policy it makes for one profile: the same state as today
   * (a profile on DfltGrpPolicy that gets its own policy still inherits DfltGrpPolicy's split-dns; a
   * copied policy keeps a custom type the plan could not rename).
   */
  restated: ReportedFinding[];
  /** Lines of the script the merge engine could not apply (a bug when not empty). */
  problems: MergeProblem[];
  /** Transitions to tell users about (aliases that go away, profiles to remove later). */
  notes: string[];
}

/**
 * A device's introduced findings, split: new, and those on a profile a cut-short side does not hold
 * whole (`unseenOn`: the finding may be an effect of the cut, not of the change): not checked, and
 * not counted by the gate.
 */
export function introducedParts(d: DeviceDiff): { news: ReportedFinding[]; unseen: ReportedFinding[] } {
  const unseenProfiles = new Set(d.profiles.filter((p) => p.unseenOn !== undefined).map((p) => p.tunnelGroup));
  const isUnseen = (f: ReportedFinding): boolean => f.tunnelGroup !== null && unseenProfiles.has(f.tunnelGroup);
  return { news: d.findings.introduced.filter((f) => !isUnseen(f)), unseen: d.findings.introduced.filter(isUnseen) };
}

/**
 * Findings of several devices with a finding in a client profile or dap.xml they share counted once:
 * one problem in one file, however many devices read it.
 */
export function distinct(findings: readonly ReportedFinding[]): ReportedFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    if (f.file === null) return true;
    const key = JSON.stringify([f.file, f.ruleId, f.line, f.object, f.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
