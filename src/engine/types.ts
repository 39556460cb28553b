// What a rule is and what it returns. The engine knows this shape and nothing of any single rule.

import type { Basis } from '../resolve/defaults.js';
import type { ResolvedDevice, ResolvedProfile } from '../resolve/resolve.js';
import type { IosDnsExplanation } from '../explain/ios-dns.js';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export interface RuleMeta {
  /** Fixed id: users' configs, baselines and CI pipelines refer to it. */
  id: string;
  severity: Severity;
  /** One line, as listed by `asa-mobile-audit rules`. */
  title: string;
  /** What the mobile guide says and why it matters, in a sentence or two. */
  rationale: string;
  /** How well the rule's trigger is founded (see docs/assumptions.md). */
  basis: Basis;
  /** Whether the rule looks at each mobile-facing profile or at the device as a whole. */
  scope: 'profile' | 'device';
}

/** A mobile-facing connection profile with its iOS DNS explanation, as rules see it. */
export interface MobileProfile {
  resolved: ResolvedProfile;
  dns: IosDnsExplanation;
  /** AnyConnect transports this profile can be reached over on this device. */
  transports: { ssl: boolean; ikev2: boolean };
}

export interface RuleContext {
  device: ResolvedDevice;
  /** The profiles in scope: mobile-facing and selected by --profile. */
  profiles: MobileProfile[];
}

export interface FindingDraft {
  message: string;
  /** The offending line, or the line that should have set the value (then `lineRole` says so). */
  line: number | null;
  lineRole?: 'offending' | 'should-set';
  tunnelGroup: string | null;
  groupPolicy: string | null;
  /** Exact ASA CLI to paste, with its mode lines, or null when there is nothing to paste. */
  fix: string | null;
  /** Overrides the rule's severity for this finding (e.g. info when an inherited value looks intended). */
  severity?: Severity;
  /** What the finding is about when a rule can fire more than once per profile (an alias, an interface). */
  object?: string;
}

export interface RuleModule extends RuleMeta {
  check(ctx: RuleContext): FindingDraft[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number | null;
  lineRole: 'offending' | 'should-set';
  tunnelGroup: string | null;
  groupPolicy: string | null;
  fix: string | null;
  /** See FindingDraft.object; null when the profile (or device) alone identifies the finding. */
  object: string | null;
}

export function defineRule(rule: RuleModule): RuleModule {
  return rule;
}
