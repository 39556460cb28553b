// The rule tester (ESLint's RuleTester, tflint's AssertIssues): each rule's cases are config fragments
// completed by one shared preamble, findings are asserted as a complete list, and lines are named by
// their text, so a case reads like the config it is about and survives edits above it.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/engine/engine.js';
import type { Finding, RuleModule, Severity } from '../../src/engine/types.js';
import { RULES } from '../../rules/index.js';
import { analyseBytes } from '../../src/audit/pipeline.js';
import { fixture } from '../helpers.js';

export interface RuleCase {
  /** Test title; defaults to the first lines of the fragment. */
  name?: string;
  /** A config fragment: completed by the preamble (see completeConfig). */
  config?: string;
  /** Or a fixture file (relative to fixtures/), audited as it is. */
  file?: string;
  /**
   * The connection profiles audited (as `--profile`). Default for a fragment: the tunnel-groups it
   * names, so the built-in DefaultRAGroup and DefaultWEBVPNGroup join only when the case mentions
   * them; for a file: all.
   */
  profiles?: string[];
}

export interface ExpectedFinding {
  /** The connection profile, or null for a device-wide finding. */
  profile: string | null;
  /** The text of the line the finding points at (exact, or trimmed when that is unique); null for none. */
  at: string | null;
  /** `should-set` when the line is where an inherited default should be overridden. */
  lineRole?: 'offending' | 'should-set';
  severity: Severity;
  messageId: string;
  /** Checked key by key when given. */
  data?: Record<string, string | number>;
  fix: string | null;
  /** What the finding asks the user to supply; a string is looked for in it, null means none. */
  needsInput?: string | null;
  object?: string | null;
  /** The XML change for a finding in a client profile or dap.xml; compared when given. */
  xmlFix?: string | null;
}

export interface InvalidCase extends RuleCase {
  findings: ExpectedFinding[];
}

export interface RuleTests {
  valid: RuleCase[];
  invalid: InvalidCase[];
}

export const DEFAULT_VERSION = '9.16(4)';

/**
 * A whole, complete configuration around a fragment: the header a `show running-config` starts with, a
 * headend that terminates AnyConnect over SSL (global webvpn on `outside`) and IKEv2 client services,
 * the fragment, and the checksum and `: end` of a complete capture. A fragment line `ASA Version X`
 * sets the release (before 8.4 the preamble speaks `svc` and has no IKEv2); leading `!` lines stay at
 * the top, where backups keep `show version`.
 */
export function completeConfig(fragment: string): string {
  const lines = fragment.replace(/\n$/, '').split('\n');
  const versionAt = lines.findIndex((l) => /^ASA Version /.test(l));
  const version =
    versionAt === -1
      ? DEFAULT_VERSION
      : lines
          .splice(versionAt, 1)[0]!
          .replace(/^ASA Version /, '')
          .trim();
  let head = 0;
  while (head < lines.length && lines[head]!.startsWith('!')) head++;
  const comments = lines.splice(0, head);
  const legacy = /^[0-7]\.|^8\.[0-3]\(/.test(version);
  return [
    ...comments,
    ': Saved',
    ':',
    `ASA Version ${version} `,
    '!',
    'hostname vpn-test',
    'webvpn',
    ' enable outside',
    legacy ? ' svc enable' : ' anyconnect enable',
    ' tunnel-group-list enable',
    ...(legacy ? [] : ['crypto ikev2 enable outside client-services port 443']),
    ...lines,
    'Cryptochecksum:00000000000000000000000000000000',
    ': end',
    '',
  ].join('\n');
}

export function ruleById(id: string): RuleModule {
  const rule = RULES.find((r) => r.meta.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

/** The text a case is audited as: its completed fragment, or its fixture file. */
export function caseText(c: RuleCase): string {
  if (c.file !== undefined) return readFileSync(fixture(c.file), 'latin1');
  if (c.config === undefined) throw new Error('a case needs `config` or `file`');
  return completeConfig(c.config);
}

/** The profiles a case audits: its own list, the tunnel-groups a fragment names, or all of a file's. */
export function caseProfiles(c: RuleCase): string[] | undefined {
  if (c.profiles !== undefined) return c.profiles;
  if (c.config === undefined) return undefined;
  const named = [...c.config.matchAll(/^tunnel-group ("[^"]+"|\S+) /gm)].map((m) => m[1]!.replace(/^"|"$/g, ''));
  return [...new Set(named)];
}

/** Findings of one rule on a config text (every section of the file). */
export function findingsFor(rule: RuleModule, text: string, profiles?: string[]): Finding[] {
  return analyseBytes(Buffer.from(text, 'latin1'), 'case.cfg').flatMap((t) => runRules(t.resolved, [rule], profiles ? { profiles } : {}).findings);
}

/** The 1-based line whose text is `at`: an exact match, else a unique trimmed match. */
export function lineOf(text: string, at: string): number {
  const lines = text.split(/\r?\n/);
  const exact = lines.flatMap((l, i) => (l === at ? [i + 1] : []));
  if (exact.length === 1) return exact[0]!;
  const trimmed = lines.flatMap((l, i) => (l.trim() === at.trim() ? [i + 1] : []));
  if (trimmed.length === 1 && exact.length === 0) return trimmed[0]!;
  throw new Error(`\`${at}\` matches ${Math.max(exact.length, trimmed.length)} lines of the case; give the exact line text (with its indentation) of one line`);
}

function caseName(c: RuleCase): string {
  return c.name ?? c.file ?? (c.config ?? '').split('\n').slice(0, 3).join(' / ').slice(0, 100);
}

const byPlace = (a: { profile: string | null; line: number | null; messageId: string }, b: typeof a): number =>
  (a.profile ?? '').localeCompare(b.profile ?? '') || (a.line ?? 0) - (b.line ?? 0) || a.messageId.localeCompare(b.messageId);

/** Compares the complete list of findings with the expected one. */
export function assertFindings(rule: RuleModule, c: InvalidCase | RuleCase, expected: ExpectedFinding[]): void {
  const text = caseText(c);
  const actual = findingsFor(rule, text, caseProfiles(c));
  const got = actual
    .map((f) => ({
      profile: f.tunnelGroup,
      line: f.line,
      lineRole: f.lineRole,
      severity: f.severity,
      messageId: f.messageId,
      fix: f.fix,
      needsInput: f.needsInput,
      object: f.object,
      data: f.data,
      xmlFix: f.xmlFix,
    }))
    .sort(byPlace);
  const want = expected
    .map((e) => ({ e, line: e.at === null ? null : lineOf(text, e.at), profile: e.profile, messageId: e.messageId }))
    .sort(byPlace)
    // `object` and `data` are compared when the case names them; otherwise the finding's own stand in.
    .map(({ e, line }, i) => ({
      profile: e.profile,
      line,
      lineRole: e.lineRole ?? 'offending',
      severity: e.severity,
      messageId: e.messageId,
      fix: e.fix,
      needsInput: e.needsInput === undefined ? (got[i]?.needsInput ?? null) : e.needsInput === null ? null : expect.stringContaining(e.needsInput),
      object: e.object === undefined ? (got[i]?.object ?? null) : e.object,
      data: e.data === undefined ? (got[i]?.data ?? {}) : expect.objectContaining(e.data),
      xmlFix: e.xmlFix === undefined ? (got[i]?.xmlFix ?? null) : e.xmlFix,
    }));
  expect(got).toEqual(want);
}

export const ruleTester = {
  run(id: string, tests: RuleTests): void {
    const rule = ruleById(id);
    describe(id, () => {
      it('has valid and invalid cases, and every message is exercised', () => {
        expect(tests.valid.length, 'valid cases').toBeGreaterThan(0);
        expect(tests.invalid.length, 'invalid cases').toBeGreaterThan(0);
        const used = new Set(tests.invalid.flatMap((c) => c.findings.map((f) => f.messageId)));
        expect(Object.keys(rule.meta.messages).filter((m) => !used.has(m))).toEqual([]);
        const severities = new Set(tests.invalid.flatMap((c) => c.findings.map((f) => f.severity)));
        expect(rule.meta.severities.filter((s) => !severities.has(s))).toEqual([]);
      });
      describe('valid', () => {
        for (const c of tests.valid)
          it(caseName(c), () => {
            assertFindings(rule, c, []);
          });
      });
      describe('invalid', () => {
        for (const c of tests.invalid)
          it(caseName(c), () => {
            assertFindings(rule, c, c.findings);
          });
      });
    });
  },
};
