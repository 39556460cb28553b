// `audit --format json`. The fields named in the issue are a contract (schemaVersion 1).

import { reportPath } from './report-input.js';
import { countBySeverity, type ReportedFinding } from '../audit/result.js';
import type { FindingKey } from '../baseline/identity.js';
import type { Problem } from '../common/problem.js';
import type { ProfileReach } from '../engine/engine.js';
import type { Remedy } from '../engine/remedy.js';
import type { Severity } from '../engine/types.js';
import type { Basis } from '../model/basis.js';
import type { ReportInput } from './report-input.js';
import type { AuditClientProfile, AuditDap } from '../audit/result.js';

/** The document `audit --format json` prints: a contract (add fields, never rename or remove them). */
export interface AuditJsonDocument {
  schemaVersion: 1;
  tool: { name: string; version: string };
  targets: AuditJsonTarget[];
  summary: Record<Severity, number>;
  baseline?: { suppressed: number; stale: FindingKey[] };
  /** Inputs that could not be audited (unreadable, cut short, a device not collected): their findings are not in the counts. */
  notAudited: Array<{ source: string; line: number | null; reason: string }>;
}

export interface AuditJsonTarget {
  source: string;
  context: string | null;
  hostname: string | null;
  asaVersion: string | null;
  complete: boolean;
  wrapper: string;
  lines: { total: number; commands: number; modelled: number };
  parseProblems: Problem[];
  mobileProfiles: string[];
  /** How AnyConnect clients reach each mobile-facing profile: transports, the way in, and any assumption. */
  reach: ProfileReach[];
  skippedProfiles: Array<{ tunnelGroup: string; reason: string }>;
  findings: AuditJsonFinding[];
  /** The AnyConnect client profiles the config defines: its file on the device, who gets it, whether its XML was found. */
  clientProfiles: AuditClientProfile[];
  /** The config's DAP records and whether their dap.xml was read (null: no DAP record but DfltAccessPolicy). */
  dap: AuditDap | null;
  ignored: Array<{ ruleId: string; tunnelGroup: string | null; line: number | null; reason: string; until: string | null }>;
}

export interface AuditJsonFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number | null;
  tunnelGroup: string | null;
  groupPolicy: string | null;
  fix: string | null;
  lineRole: 'offending' | 'should-set';
  lineText: string | null;
  object: string | null;
  messageId: string;
  data: Readonly<Record<string, string | number>>;
  /** The weakest basis the verdict rests on (guide, cmd-ref, src, inferred, recalled). */
  basis: Basis;
  /** What the user must supply before this can be fixed (the fix holds no placeholder), or null. */
  needsInput: string | null;
  /** The change as data (what `plan` composes), or null. */
  remedy: Remedy | null;
  /** The file `line` is in when it is not the configuration (a client profile XML, dap.xml); else null. */
  file: string | null;
  /** For a finding in a client profile or dap.xml: the XML to change there (see `file`), or null. */
  xmlFix: string | null;
}

/** A finding as `audit --format json` gives it (`diff` reports introduced and resolved findings the same way). */
export function findingJson(f: ReportedFinding): AuditJsonFinding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: f.line,
    tunnelGroup: f.tunnelGroup,
    groupPolicy: f.groupPolicy,
    fix: f.fix,
    lineRole: f.lineRole,
    lineText: f.lineText,
    object: f.object,
    messageId: f.messageId,
    data: f.data,
    basis: f.basis,
    needsInput: f.needsInput,
    remedy: f.remedy,
    file: f.file,
    xmlFix: f.xmlFix,
  };
}

export default function renderAuditJson({ targets, tool, baseline, inputErrors, cwd }: ReportInput): string {
  const doc: AuditJsonDocument = {
    schemaVersion: 1,
    tool,
    targets: targets.map((t) => ({
      source: t.summary.source,
      context: t.summary.context,
      hostname: t.summary.hostname,
      asaVersion: t.summary.asaVersion,
      complete: t.summary.complete,
      wrapper: t.summary.wrapper,
      lines: t.summary.lines,
      parseProblems: t.summary.parseProblems,
      mobileProfiles: t.mobileProfiles,
      reach: t.reach,
      skippedProfiles: t.skippedProfiles,
      findings: t.findings.map(findingJson),
      clientProfiles: t.clientProfiles,
      dap: t.dap,
      ignored: t.ignored.map((i) => ({
        ruleId: i.finding.ruleId,
        tunnelGroup: i.finding.tunnelGroup,
        line: i.finding.line,
        reason: i.entry.reason,
        until: i.entry.until ?? null,
      })),
    })),
    summary: countBySeverity(targets),
    ...(baseline ? { baseline: { suppressed: baseline.suppressed, stale: baseline.stale } } : {}),
    // A device that could not be collected must not read as a clean one.
    notAudited: inputErrors.map((e) => ({ source: reportPath(e.file, cwd), line: e.line, reason: e.message })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
