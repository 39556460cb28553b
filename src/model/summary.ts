// The per-configuration header every report shares: which file, which device, is it complete, and
// what went wrong while reading it.

import type { Problem } from '../common/problem.js';
import type { DeviceModel } from './types.js';
import { NOT_ONE_CONFIGURATION, type ParsedConfig } from '../parse/parse.js';

export interface TargetSummary {
  source: string;
  context: string | null;
  hostname: string | null;
  asaVersion: string | null;
  /** `single`, or which execution space of a multiple-context ASA (`context`, `system`). */
  space: 'single' | 'context' | 'system';
  complete: boolean;
  wrapper: string;
  /** Physical lines of this configuration, command lines among them, and how many the model read. */
  lines: { total: number; commands: number; modelled: number };
  parseProblems: Problem[];
}

export function summariseTarget(parsed: ParsedConfig, model: DeviceModel, sectionIndex: number): TargetSummary {
  const section = parsed.sections[sectionIndex]!;
  // File-wide problems belong to every section; section problems only to theirs.
  const inSection = (line: number | null): boolean => line === null || (line > section.start && line <= section.end);
  const problems = [
    ...parsed.problems.filter((p) => inSection(p.line) && (p.code !== 'incomplete' || p.line === section.completeness.line)),
    ...model.problems,
  ];
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || a.code.localeCompare(b.code));
  return {
    source: parsed.source,
    context: section.contextName,
    hostname: model.hostname.state === 'value' ? model.hostname.value : null,
    asaVersion: model.version?.text ?? null,
    space: model.space,
    complete: section.completeness.complete,
    wrapper: parsed.wrapper,
    lines: { total: section.end - section.start, commands: model.stats.commandLines, modelled: model.stats.modelledLines },
    parseProblems: problems.map((p) => ({ line: p.line, message: p.message, severity: p.severity, code: p.code })),
  };
}

/** The configuration is not cut short but two in one (a second `ASA Version` follows): its results mix them. */
export function mixesConfigurations(s: Pick<TargetSummary, 'parseProblems'>): boolean {
  return s.parseProblems.some((p) => p.code === 'incomplete' && p.message.includes(`${NOT_ONE_CONFIGURATION}:`));
}
