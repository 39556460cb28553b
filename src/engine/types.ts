// What a rule is, what it can report, and what a finding looks like. The engine knows this shape and
// nothing of any single rule (ESLint's model: metadata and message templates with the rule, a small
// engine that fills in the rest).

import type { Basis } from '../model/basis.js';
import type { PolicyAttributeKey } from '../model/policy-attributes.js';
import type { Provenance, ResolvedDevice, ResolvedProfile } from '../resolve/resolve.js';
import type { IosDnsExplanation } from '../explain/ios-dns.js';
import type { Reach } from './mobile-facing.js';
import type { Remedy } from './remedy.js';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export interface RuleMeta<M extends string = string> {
  /** Fixed id: users' configs, baselines and CI pipelines refer to it. */
  id: string;
  /** The usual severity of a finding. */
  severity: Severity;
  /** Every severity the rule can report (escalations, hedged cases), the usual one included. */
  severities: readonly Severity[];
  /** One line, as listed by `asa-mobile-audit rules`. */
  title: string;
  /** What the mobile guide says and why it matters, in a sentence or two. */
  rationale: string;
  /** How well the rule's trigger is founded (see docs/assumptions.md). */
  basis: Basis;
  /** Whether the rule looks at each mobile-facing profile or at the device as a whole. */
  scope: 'profile' | 'device';
  /** Message templates by id; `{{name}}` is filled from a report's `data`. */
  messages: Readonly<Record<M, string>>;
}

/** A mobile-facing connection profile with its iOS DNS explanation, as rules see it. */
export interface MobileProfile {
  resolved: ResolvedProfile;
  dns: IosDnsExplanation;
  /** AnyConnect transports a client can select this profile over on this device. */
  transports: { ssl: boolean; ikev2: boolean };
  /** How clients reach it, and whether that rests on an assumed default. */
  reach: Reach;
}

/** Where a finding points: the offending line, or the line that should set a value it inherits by default. */
export interface LineChoice {
  line: number | null;
  role: 'offending' | 'should-set';
}

export interface ReportDescriptor<M extends string = string> {
  messageId: M;
  data?: Readonly<Record<string, string | number>>;
  /** A line number (offending), a LineChoice, or null/absent when no line applies. */
  at?: number | LineChoice | null;
  /** The file `at` is a line of, when it is not the configuration (a client profile XML, dap.xml). */
  file?: string;
  /** What to change, as data; the engine writes the CLI (`fix`) from it. Absent or null: nothing to paste. */
  remedy?: Remedy | null;
  /** What the fix needs from the user (an address, a certificate), with where to find it; never a placeholder in the CLI. */
  needsInput?: string;
  /**
   * For a finding in a client profile or dap.xml: the XML to change in that file, written as the
   * element(s) with an XML comment saying where and what (set, remove). Never pasted into the CLI.
   */
  xmlFix?: string;
  /** A different severity for this finding (one of meta.severities). */
  severity?: Severity;
  /** What the finding is about when a rule can fire more than once per profile (an alias, an interface). */
  object?: string;
  /**
   * The group-policy setting the verdict rests on (its CLI keyword). On a profile whose policy is
   * external (RADIUS), the engine hedges the finding: the AAA server may return that setting at login.
   */
  setting?: PolicyAttributeKey;
  /**
   * What else the verdict rests on: effective values (a built-in default brings its basis, e.g.
   * [recalled]) and the basis of facts such as the iOS DNS row. The finding's `basis` is the weakest of
   * these, the rule's own, the `setting`'s value and any assumption about the profile's reach.
   */
  restsOn?: ReadonlyArray<Provenance | Basis>;
}

export interface Report<M extends string = string> {
  /** A finding about one mobile-facing profile (profile-scope rules). */
  profile(profile: MobileProfile, descriptor: ReportDescriptor<M>): void;
  /** A finding about the device as a whole (device-scope rules). */
  device(descriptor: ReportDescriptor<M>): void;
}

export interface RuleContext<M extends string = string> {
  device: ResolvedDevice;
  /** The profiles in scope: mobile-facing and selected by --profile. Never empty. */
  profiles: MobileProfile[];
  report: Report<M>;
}

export interface RuleModule<M extends string = string> {
  meta: RuleMeta<M>;
  check(ctx: RuleContext<M>): void;
}

/** Defines a rule; message ids are checked against `meta.messages` at compile time. */
export function createRule<const M extends string>(rule: RuleModule<M>): RuleModule<M> {
  return rule;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  messageId: string;
  data: Readonly<Record<string, string | number>>;
  message: string;
  line: number | null;
  lineRole: 'offending' | 'should-set';
  /** The file `line` is in when it is not the configuration itself (a client profile XML, dap.xml); else null. */
  file: string | null;
  tunnelGroup: string | null;
  groupPolicy: string | null;
  /** Exact ASA CLI to paste, with its mode lines (rendered from `remedy`), or null. */
  fix: string | null;
  remedy: Remedy | null;
  /** What the user must supply before this can be fixed (see ReportDescriptor.needsInput), or null. */
  needsInput: string | null;
  /** See ReportDescriptor.xmlFix; null when there is none. */
  xmlFix: string | null;
  /** See ReportDescriptor.object; null when the profile (or device) alone identifies the finding. */
  object: string | null;
  /** The weakest basis the verdict rests on: the rule's own, or the assumption that made the profile mobile-facing. */
  basis: Basis;
}

/** A rule that reports outside its contract: a bug in the rule, not in the configuration. */
export class RuleContractError extends Error {
  constructor(ruleId: string, message: string) {
    super(`rule ${ruleId}: ${message}`);
    this.name = 'RuleContractError';
  }
}
