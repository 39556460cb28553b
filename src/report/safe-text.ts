// Text from configurations and devices is data, never terminal or document control. Human output
// shows control characters (C0, DEL, C1) as visible escapes, so an OSC 8 link cannot disguise a
// profile name, OSC 52 cannot write the clipboard and `ESC[2J` cannot clear the screen; Markdown
// puts names in code spans fenced longer than any backtick run they hold.

import type { AuditTarget } from '../audit/result.js';
import { visible, visibleLines } from '../common/control-chars.js';

/**
 * A Markdown code span that holds `s` whatever backticks it contains (CommonMark: a fence longer than
 * any backtick run inside, padded when the text touches it). In a GFM table cell `|` must be escaped
 * even in code; elsewhere the backslash would show, so it is left alone.
 */
export function mdCode(s: string, inTableCell = false): string {
  const text = inTableCell ? visible(s).replace(/\|/g, '\\|') : visible(s);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^`|`$|^ .* $/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced code block for CLI lines: the fence is longer than any backtick run the lines hold. */
export function mdFence(lines: readonly string[], indent = ''): string[] {
  const longest = Math.max(0, ...lines.flatMap((l) => l.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${indent}${fence}`, ...lines.map((l) => `${indent}${visible(l)}`), `${indent}${fence}`];
}

/** A copy of a target whose strings are safe to show on a terminal (human formats read this). */
export function visibleTarget(t: AuditTarget): AuditTarget {
  const v = (s: string): string => visible(s);
  const vn = (s: string | null): string | null => (s === null ? null : visible(s));
  return {
    ...t,
    summary: {
      ...t.summary,
      source: v(t.summary.source),
      hostname: vn(t.summary.hostname),
      context: vn(t.summary.context),
      asaVersion: vn(t.summary.asaVersion),
      parseProblems: t.summary.parseProblems.map((p) => ({ ...p, message: v(p.message) })),
    },
    findings: t.findings.map((f) => ({
      ...f,
      message: v(f.message),
      tunnelGroup: vn(f.tunnelGroup),
      groupPolicy: vn(f.groupPolicy),
      fix: f.fix === null ? null : visibleLines(f.fix),
      needsInput: vn(f.needsInput),
      xmlFix: f.xmlFix === null ? null : visibleLines(f.xmlFix),
      lineText: vn(f.lineText),
      object: vn(f.object),
    })),
    mobileProfiles: t.mobileProfiles.map(v),
    profileNames: t.profileNames.map(v),
    reach: t.reach.map((r) => ({ ...r, tunnelGroup: v(r.tunnelGroup), via: r.via.map(v), assumption: vn(r.assumption) })),
    skippedProfiles: t.skippedProfiles.map((s) => ({ tunnelGroup: v(s.tunnelGroup), reason: v(s.reason) })),
  };
}
