// `audit --format json`. The fields named in the issue are a contract (schemaVersion 1).

import { countBySeverity } from '../audit/result.js';
import type { ReportInput } from './report-input.js';

export default function renderAuditJson({ targets, tool, baseline }: ReportInput): string {
  const doc = {
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
      skippedProfiles: t.skippedProfiles,
      findings: t.findings.map((f) => ({
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
      })),
      ignored: t.ignored.map((i) => ({ ruleId: i.finding.ruleId, tunnelGroup: i.finding.tunnelGroup, line: i.finding.line, reason: i.entry.reason, until: i.entry.until ?? null })),
    })),
    summary: countBySeverity(targets),
    ...(baseline ? { baseline: { suppressed: baseline.suppressed, stale: baseline.stale } } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
