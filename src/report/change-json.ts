// `diff --format json`, `what-if --format json` and `plan --format json`: contracts (schemaVersion 1;
// add fields, never rename or remove them). Findings are shaped as in `audit --format json`, iOS DNS
// outcomes as in `explain-dns --format json`.

import type { DeviceDiff, IncompleteSide, NotPlanned, PlanTarget, ProfileDiff } from '../change/result.js';
import type { MergeProblem } from '../model/merge.js';
import { findingJson, type AuditJsonFinding } from './audit-json.js';
import type { ChangeReportInput } from './change-words.js';

export interface DiffJsonDocument {
  schemaVersion: 1;
  tool: { name: string; version: string };
  devices: DiffJsonDevice[];
  /** what-if only: lines of the change script that could not be applied. */
  problems?: MergeProblem[];
  /** what-if only: the change script those lines are in, as given on the command line (`-` for standard input). */
  scriptFile?: string;
  /**
   * diff only: files that could not be read as a configuration (a path typo, an LFS pointer or an
   * encrypted file git gives as stored), which make the exit code 2; where such a file has no
   * device on the other side, this is the only place the JSON names it.
   */
  notRead?: Array<{ source: string; line: number | null; message: string }>;
}

export interface DiffJsonDevice {
  hostname: string | null;
  context: string | null;
  old: string | null;
  new: string | null;
  /** Settings every profile shares that changed. */
  device: Array<{ setting: string; old: string | null; new: string | null; oldSource: string | null; newSource: string | null }>;
  profiles: ProfileDiff[];
  /** `lowered`: findings still there at a lower severity (see DeviceDiff), with the severity they had. */
  findings: { introduced: AuditJsonFinding[]; resolved: AuditJsonFinding[]; lowered: Array<AuditJsonFinding & { oldSeverity: string }> };
  /** Sides that are not a whole configuration; unless accepted, the device is not compared (`compared: false`). */
  incomplete: IncompleteSide[];
  compared: boolean;
}

export function deviceJson(d: DeviceDiff): DiffJsonDevice {
  return {
    hostname: d.hostname,
    context: d.context,
    old: d.old,
    new: d.new,
    device: d.device,
    profiles: d.profiles,
    findings: {
      introduced: d.findings.introduced.map(findingJson),
      resolved: d.findings.resolved.map(findingJson),
      lowered: d.findings.lowered.map((l) => ({ ...findingJson(l.finding), oldSeverity: l.oldSeverity })),
    },
    incomplete: d.incomplete,
    compared: d.compared,
  };
}

/**
 * Every file that could not be read as a configuration: those the run could not read, and those a
 * device's `incomplete` names as unreadable (a file that is no configuration where the other side
 * has one), once each.
 */
function notRead(input: ChangeReportInput): NonNullable<DiffJsonDocument['notRead']> {
  const out = [...(input.notRead ?? [])];
  for (const d of input.diffs)
    for (const i of d.incomplete)
      if (i.kind === 'unreadable' && !out.some((e) => e.source === i.source)) out.push({ source: i.source, line: i.line, message: i.message });
  return out;
}

export function renderDiffJson(input: ChangeReportInput): string {
  const doc: DiffJsonDocument = {
    schemaVersion: 1,
    tool: input.tool,
    devices: input.diffs.map(deviceJson),
    // what-if: the change script the problems' lines are in (the `new` of each device names it in words).
    ...(input.problems ? { problems: input.problems, ...(input.scriptFile !== undefined ? { scriptFile: input.scriptFile } : {}) } : {}),
    ...(input.notRead !== undefined ? { notRead: notRead(input) } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export interface PlanJsonDocument {
  schemaVersion: 1;
  tool: { name: string; version: string };
  targets: Array<
    Omit<PlanTarget, 'introduced' | 'revealed' | 'restated'> & { introduced: AuditJsonFinding[]; revealed: AuditJsonFinding[]; restated: AuditJsonFinding[] }
  >;
  /** Inputs that got no plan, and why (unreadable, incomplete, or a plan withheld): as audit's `notAudited`. */
  notPlanned: NotPlanned[];
}

export function renderPlanJson(targets: readonly PlanTarget[], tool: { name: string; version: string }, notPlanned: readonly NotPlanned[] = []): string {
  const doc: PlanJsonDocument = {
    schemaVersion: 1,
    tool,
    targets: targets.map((t) => ({
      ...t,
      introduced: t.introduced.map(findingJson),
      revealed: t.revealed.map(findingJson),
      restated: t.restated.map(findingJson),
    })),
    notPlanned: [...notPlanned],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
