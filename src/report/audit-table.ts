// `audit --format table`: grouped by device, then profile; identical findings shared by several
// profiles (one policy, many profiles) are shown once with all their profiles.

import { table, getBorderCharacters } from 'table';
import { countBySeverity } from '../audit/result.js';
import type { Finding } from '../engine/types.js';
import { paint } from './colour.js';
import type { ReportInput } from './report-input.js';
import { targetHeading } from './explain-text.js';

interface Group {
  finding: Finding;
  profiles: string[];
}

function groupFindings(findings: Finding[]): Group[] {
  const groups = new Map<string, Group>();
  for (const f of findings) {
    const key = JSON.stringify([f.ruleId, f.severity, f.groupPolicy, f.line, f.fix, f.tunnelGroup === null]);
    const g = groups.get(key);
    if (g && f.tunnelGroup) g.profiles.push(f.tunnelGroup);
    else groups.set(key, { finding: f, profiles: f.tunnelGroup ? [f.tunnelGroup] : [] });
  }
  return [...groups.values()];
}

export default function renderAuditTable({ targets, display }: ReportInput): string {
  const p = paint(display.color);
  const opts = display;
  const out: string[] = [];
  for (const t of targets) {
    if (out.length > 0) out.push('');
    out.push(p.bold(targetHeading(t.summary)[0]!), ...targetHeading(t.summary).slice(1));
    if (opts.verbose) {
      out.push(`  mobile-facing profiles: ${t.mobileProfiles.length === 0 ? 'none' : ''}`);
      for (const r of t.reach)
        out.push(
          `    ${r.tunnelGroup}: ${[r.ssl ? 'SSL' : null, r.ikev2 ? 'IKEv2' : null].filter(Boolean).join(' and ')} via ${r.via.join(', ')}${r.assumption ? ` (${r.assumption})` : ''}`,
        );
      for (const s of t.skippedProfiles) out.push(`  skipped ${s.tunnelGroup}: ${s.reason}`);
    }
    if (t.findings.length === 0) {
      out.push(t.mobileProfiles.length === 0 ? '  No mobile-facing connection profiles: nothing to audit (use --verbose to see why).' : '  No findings.');
      continue;
    }
    const groups = groupFindings(t.findings);
    const rows = [['severity', 'rule', 'line', 'profile(s)', 'message'].map((h) => p.bold(h))];
    for (const g of groups) {
      const f = g.finding;
      const line = f.line === null ? '-' : f.lineRole === 'should-set' ? `${f.line}*` : String(f.line);
      rows.push([p.severity(f.severity), f.ruleId, line, g.profiles.join('\n') || '(device)', f.message]);
    }
    out.push(
      table(rows, {
        border: getBorderCharacters('norc'),
        columns: { 0: { width: 8 }, 1: { width: 28, wrapWord: true }, 2: { width: 5 }, 3: { width: 18, wrapWord: true }, 4: { width: 64, wrapWord: true } },
      }).trimEnd(),
    );
    if (groups.some((g) => g.finding.lineRole === 'should-set')) out.push(p.dim('  * no line sets this value; the line shown is where it should be set'));
    const inputs = groups.filter((g) => g.finding.needsInput !== null);
    if (inputs.length > 0) {
      out.push('', '  Needs your input (no CLI printed):');
      for (const g of inputs) out.push(`  - ${g.finding.ruleId}${g.profiles.length > 0 ? ` (${g.profiles.join(', ')})` : ''}: ${g.finding.needsInput!}`);
    }
    const fixes = groups.filter((g) => g.finding.fix !== null);
    if (fixes.length > 0) {
      out.push('', '  Fixes (paste in configuration mode):');
      const seen = new Set<string>();
      for (const g of fixes) {
        const fix = g.finding.fix!;
        const key = `${g.finding.ruleId}\n${fix}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(`  ${p.dim(`${g.finding.ruleId}${g.profiles.length > 0 ? ` (${g.profiles.join(', ')})` : ''}:`)}`);
        for (const l of fix.split('\n')) out.push(`    ${l}`);
      }
    }
  }
  const s = countBySeverity(targets);
  out.push('', `${s.error} error(s), ${s.warning} warning(s), ${s.info} info in ${targets.length} configuration(s)`);
  return `${out.join('\n')}\n`;
}
