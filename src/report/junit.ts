// JUnit XML for GitLab, Jenkins and friends: one testsuite per configuration, one testcase per
// rule × mobile-facing profile (device-wide rules once), failures for findings at or above --fail-on.

import { SEVERITY_RANK, type Finding } from '../engine/types.js';
import { incompleteReport, reportPath, type ReportInput } from './report-input.js';

/** Escapes text for XML and drops characters XML 1.0 cannot carry. */
export function xml(text: string): string {
  return text
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function describe(f: Finding): string {
  return [
    `${f.severity}${f.line !== null ? ` at ${f.file !== null ? `${f.file} ` : ''}line ${f.line}` : ''}: ${f.message}`,
    ...(f.fix ? ['Fix:', f.fix] : []),
  ].join('\n');
}

export default function renderJunit(input: ReportInput): string {
  const threshold = input.failOn === 'never' ? Infinity : SEVERITY_RANK[input.failOn];
  const suites: string[] = [];
  let total = 0;
  let failures = 0;
  let errors = 0;
  for (const t of input.targets) {
    const path = reportPath(t.summary.source, input.cwd);
    const name = t.summary.context ? `${path} [${t.summary.context}]` : path;
    const cases: string[] = [];
    let suiteFailures = 0;
    let suiteErrors = 0;
    const incomplete = incompleteReport(input, t);
    if (incomplete !== null) {
      // Accepted (--allow-incomplete): skipped, so the JUnit view turns red exactly when the job does.
      cases.push(
        incomplete.level === 'warning'
          ? `    <testcase classname="${xml(name)}" name="configuration is complete">\n      <skipped message="${xml(incomplete.message)}"/>\n    </testcase>`
          : `    <testcase classname="${xml(name)}" name="configuration is complete">\n      <error type="incomplete" message="${xml(incomplete.message)}"/>\n    </testcase>`,
      );
      if (incomplete.level === 'error') suiteErrors++;
    }
    // Findings by rule and profile, once: a lookup per test case, not a scan (10k profiles x 32 rules).
    const byCase = new Map<string, Finding[]>();
    for (const f of t.findings) {
      for (const key of [`${f.ruleId}\u0000${f.tunnelGroup ?? ''}`, `${f.ruleId}\u0000*`]) {
        const list = byCase.get(key) ?? [];
        list.push(f);
        byCase.set(key, list);
      }
    }
    for (const { meta: rule } of input.rules) {
      const subjects = rule.scope === 'device' ? [null] : t.mobileProfiles;
      for (const profile of subjects) {
        const found = byCase.get(rule.scope === 'device' ? `${rule.id}\u0000*` : `${rule.id}\u0000${profile ?? ''}`) ?? [];
        const failing = found.filter((f) => SEVERITY_RANK[f.severity] >= threshold);
        const passing = found.filter((f) => SEVERITY_RANK[f.severity] < threshold);
        const caseName = profile === null ? rule.id : `${rule.id} [${profile}]`;
        const body: string[] = [];
        if (failing.length > 0) {
          suiteFailures++;
          const worst = failing.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a));
          body.push(`      <failure type="${worst.severity}" message="${xml(worst.message)}">${xml(failing.map(describe).join('\n\n'))}</failure>`);
        }
        if (passing.length > 0) body.push(`      <system-out>${xml(passing.map(describe).join('\n\n'))}</system-out>`);
        cases.push(
          body.length > 0
            ? `    <testcase classname="${xml(name)}" name="${xml(caseName)}">\n${body.join('\n')}\n    </testcase>`
            : `    <testcase classname="${xml(name)}" name="${xml(caseName)}"/>`,
        );
      }
    }
    total += cases.length;
    failures += suiteFailures;
    errors += suiteErrors;
    const props = [
      `      <property name="hostname" value="${xml(t.summary.hostname ?? '')}"/>`,
      `      <property name="asaVersion" value="${xml(t.summary.asaVersion ?? '')}"/>`,
    ];
    suites.push(
      `  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${suiteFailures}" errors="${suiteErrors}" skipped="${incomplete?.level === 'warning' ? 1 : 0}">\n    <properties>\n${props.join('\n')}\n    </properties>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  for (const e of input.inputErrors) {
    const path = reportPath(e.file, input.cwd);
    total++;
    errors++;
    suites.push(
      `  <testsuite name="${xml(path)}" tests="1" failures="0" errors="1" skipped="0">\n    <testcase classname="${xml(path)}" name="readable ASA configuration">\n      <error type="input" message="${xml(e.message)}"/>\n    </testcase>\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(input.tool.name)}" tests="${total}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}\n</testsuites>\n`;
}
