// `diff --format github`: workflow-command annotations on the new file's lines: each finding the
// change introduces (on its own file when it has one: client profile XML, a what-if change script),
// and each profile whose iOS DNS outcome, reachability or login (authentication, AAA server groups,
// group-lock) changes.

import { introducedParts } from '../change/result.js';
import type { ReportedFinding } from '../audit/result.js';
import {
  DEVICE_WIDE,
  deviceTitle,
  dnsChangeLines,
  hasOldSide,
  incompleteLines,
  reachWords,
  settingLine,
  type ChangeReportInput,
  unseenWords,
  wayInLost,
} from './change-words.js';
import { capAnnotations, command, contextTag } from './github.js';
import type { Severity } from '../engine/types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
/** Profile settings that decide how users log in: shown as notices beside the DNS and reachability changes. */
const LOGIN_SETTINGS =
  /^(authentication|(secondary-)?(authentication|authorization)-server-group|group-lock|ikev2 remote-authentication|saml|username-from-certificate|pre-fill-username|ikev1 pre-shared-key)$/;
// What a problem with a change script line means: refused, applied without its effect, applied with something to check.
const PROBLEM_TITLE: Record<Severity, string> = { error: 'change not applied', warning: 'not simulated', info: 'check this line' };

export function renderDiffGithub(input: ChangeReportInput): string {
  const out: string[] = [];
  const notices: string[] = [];
  for (const p of input.problems ?? [])
    out.push(
      command(
        COMMAND[p.severity],
        {
          file: input.scriptFile ?? null,
          line: p.line,
          title: `asa-mobile-audit: ${p.severity === 'warning' && !p.message.startsWith('not simulated') ? 'check this line' : PROBLEM_TITLE[p.severity]}`,
        },
        `${p.command}: ${p.message}`,
      ),
    );
  // A file that could not be read: the run fails (exit 2), and the pull request says why on the file.
  for (const e of input.notRead ?? [])
    out.push(command('error', { file: input.fileOf(e.source), line: e.line, title: 'asa-mobile-audit: not read' }, e.message));
  for (const d of input.diffs) {
    // A security context of a multiple-context file: named in every title, as `audit --format github` does.
    const context = contextTag(d.context);
    // Compared although incomplete: the user accepted it (the exit code does not fail), so a warning.
    for (const i of d.incomplete)
      out.push(
        command(
          d.compared ? 'warning' : 'error',
          {
            file: input.fileOf(i.source),
            // The old side's line numbers are not the new file's: in a git range both are one path, and
            // GitHub shows an annotation on the pull request's version (the message says the old line).
            line: i.side === 'old' && d.new !== null && input.fileOf(d.new) === input.fileOf(i.source) ? null : i.line,
            title: `asa-mobile-audit: ${d.compared ? 'compared although incomplete' : 'not compared'}${context}`,
          },
          incompleteLines(d).find((l) => l.includes(` ${i.side} side `))!,
        ),
      );
    // A device removed as a whole (its file deleted): the pull request that deletes a headend's backup
    // is told what goes with it, on the old file.
    if (d.new === null && d.compared && d.old !== null) {
      const reached = d.profiles.filter((p) => p.mobileFacing.old === true).map((p) => p.tunnelGroup);
      out.push(
        command(
          reached.length > 0 ? 'warning' : 'notice',
          { file: input.fileOf(d.old), line: null, title: `asa-mobile-audit: device removed${context}` },
          `${deviceTitle(d)} is removed: ${reached.length > 0 ? `mobile-facing profiles ${reached.join(', ')} go with it` : 'no mobile-facing profile goes with it'}${
            d.findings.resolved.length > 0 ? `, and ${d.findings.resolved.length} findings gone with the device (not fixed)` : ''
          }`,
        ),
      );
    }
    if (d.new === null || !d.compared) continue;
    const file = input.fileOf(d.new);
    // (A finding on a file of its own, such as a client profile, is on that file as the diff names it: in a git range, without `REV:`.)
    // (Not those on a profile the cut-short old side does not hold: they may have been there already.)
    for (const f of introducedParts(d).news) out.push(findingCommand(f, f.file === null ? file : input.fileOf(f.file), context));
    for (const l of d.linesNotRead) out.push(command('warning', { file, line: l.line, title: `asa-mobile-audit: line not read${context}` }, l.message));
    for (const l of d.inputWarnings) out.push(command('warning', { file, line: l.line, title: `asa-mobile-audit: input warning${context}` }, l.message));
    // Device-wide settings (NAT-T, trustpoints, site-to-site tunnels, local users): one annotation on
    // the file, a warning when a site-to-site tunnel-group loses an IKE version it could use.
    if (d.device.length > 0) {
      const cut = d.ikeCut.length > 0;
      (cut ? out : notices).push(
        command(
          cut ? 'warning' : 'notice',
          { file, line: null, title: `asa-mobile-audit: device-wide change${context}` },
          `${DEVICE_WIDE}:\n${d.device.map(settingLine).join('\n')}`,
        ),
      );
    }
    for (const p of d.profiles) {
      // A way in gone (a profile removed, cut off, or reachable over one protocol less): users who
      // used it lose their connection, finding or not. The removed profile has no line in the new file.
      const lost = wayInLost(d, p);
      if (lost !== null && p.mobileFacing.old === true)
        out.push(
          command(
            'warning',
            { file, line: p.status === 'removed' ? null : p.line, title: `asa-mobile-audit: ${p.tunnelGroup} ${lost}${context}` },
            lost.startsWith('no longer')
              ? `${p.tunnelGroup} is ${lost}: AnyConnect clients that used it over that protocol can no longer connect to it; findings that only applied there are no longer reported (not fixed)`
              : `${p.tunnelGroup} ${lost === 'removed' ? 'is removed' : `is ${lost}`}: AnyConnect clients that used it can no longer connect to it, and its findings are no longer reported (not fixed)`,
          ),
        );
      if (p.status === 'removed' || p.status === 'unchanged') continue;
      const lines = [
        // A profile recreated under a new name: a way in that users, links and client profiles name changed.
        ...(p.copyOf !== undefined ? [`${p.tunnelGroup} is a copy of ${p.copyOf}: a rename (its settings and findings are compared with ${p.copyOf}'s)`] : []),
        ...(reachWords(p, d.profiles) !== null && lost === null ? [`${p.tunnelGroup}: ${reachWords(p, d.profiles)!}`] : []),
        ...dnsChangeLines(hasOldSide(p) ? p.iosDns.old : null, p.iosDns.new),
        // How users log in: a server group or a second factor gone changes every session, finding or not.
        ...(hasOldSide(p) ? p.settings.filter((s) => LOGIN_SETTINGS.test(s.setting)).map(settingLine) : []),
      ];
      // A name whose iOS queries went through the tunnel and now go in the clear, on a profile phones
      // reach: a leak the pull request should not pass as a notice.
      const leaks = p.mobileFacing.new === true && lines.some((l) => /^iOS DNS [^:]+: tunnelled[^→]*→ in the clear/.test(l));
      if (lines.length > 0)
        (leaks ? out : notices).push(
          command(
            leaks ? 'warning' : 'notice',
            {
              file,
              line: p.line,
              title: `asa-mobile-audit: ${p.tunnelGroup} ${p.status}${unseenWords(p)}${leaks ? ', iOS DNS now in the clear' : ''}${context}`,
            },
            lines.join('\n'),
          ),
        );
    }
  }
  const byLevel: Record<string, string[]> = { error: [], warning: [], notice: [] };
  // (A client profile several devices share gives each the same annotation on the same line: once.)
  for (const l of new Set([...out, ...notices])) byLevel[/^::(\w+)/.exec(l)![1]!]!.push(l);
  const capped = capAnnotations(byLevel);
  return capped.length > 0 ? `${capped.join('\n')}\n` : '';
}

function findingCommand(f: ReportedFinding, file: string, context: string): string {
  const title = `new: ${f.ruleId}${f.tunnelGroup ? ` (${f.tunnelGroup})` : ''}${context}`;
  return command(COMMAND[f.severity], { file, line: f.line, title }, f.fix ? `${f.message}\n\nFix:\n${f.fix}` : f.message);
}
