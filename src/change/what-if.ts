// `what-if`: a change script the engineer wrote, applied to a saved (or collected) configuration with
// the merge engine, and the difference it makes to every connection profile, before the change window.
// `changeto context NAME` lines route what follows to that context of a multiple-context backup.

import type { AuditOptions } from '../audit/audit.js';
import { maskedProblem, mergeCommands, type MergeProblem } from '../model/merge.js';
import { parseConfigText, splitPrompt } from '../parse/parse.js';
import { diffDevices } from './diff.js';
import { changedLines, traceOrigins } from './line-names.js';
import type { DeviceDiff } from './result.js';
import { reanalyse, type DeviceSnapshot } from './snapshot.js';

export interface WhatIfResult {
  diffs: DeviceDiff[];
  /** Lines of the change script that could not be applied, with their line in the script. */
  problems: MergeProblem[];
  /** Commands that changed something. */
  applied: number;
}

/**
 * Applies `script` to the device whose sections are `snapshots` (all from one file or collection).
 * `scriptName`: the script's path in words, which names the lines it adds; `scriptIsFile`: whether a
 * finding on such a line can point at that path.
 */
export function whatIf(
  snapshots: readonly DeviceSnapshot[],
  script: string,
  options: AuditOptions,
  defaultContext: string | null = null,
  scriptName = 'the change script',
  scriptIsFile = false,
): WhatIfResult {
  const problems: MergeProblem[] = [];
  let applied = 0;
  const first = snapshots[0];
  if (first === undefined) return { diffs: [], problems, applied };
  const unprompted = withoutPrompts(script);
  // (The line is quoted with its prompt: masked as the merge engine masks the lines it quotes.)
  if (unprompted.problem !== null) problems.push(maskedProblem(unprompted.problem));
  script = unprompted.script;
  let text = first.analysed.parsed.lines.join('\n') + '\n';
  // Where each line of the changed text came from, through every segment's change.
  let origins = first.analysed.parsed.lines.map((_, i) => i + 1);
  const touched = new Set<number>();
  for (const segment of segmentsOf(script)) {
    // --context names one context, the script another: the script's line is followed (it is what
    // would be pasted), and the difference is said, not left for the user to find in the result.
    if (defaultContext !== null && segment.context !== null && segment.context !== defaultContext)
      problems.push({
        line: Math.max(segment.firstLine - 1, 1),
        severity: 'warning',
        command: segment.changeto!,
        message: `the script changes to ${segment.context === 'system' ? 'the system execution space' : `context ${segment.context}`} while --context names ${defaultContext}: the commands after this line are simulated there, as the ASA would run them`,
      });
    const context = segment.context ?? defaultContext;
    const index = sectionFor(snapshots, context);
    if (index === null) {
      problems.push({
        line: Math.max(segment.firstLine - 1, 1),
        severity: 'error',
        command: `changeto context ${context!}`,
        message:
          context === 'system'
            ? `${first.analysed.parsed.source} has no system execution space (it holds no VPN configuration: remote access lives in the contexts); the commands up to the next \`changeto\` were not applied`
            : `no context ${context!} in ${first.analysed.parsed.source}; the commands up to the next \`changeto\` were not applied`,
      });
      continue;
    }
    const parsed = parseConfigText(text, first.analysed.parsed.source);
    const section = parsed.sections[snapshots[index]!.analysed.sectionIndex];
    if (section === undefined) continue;
    // After `changeto` the session is in the context's EXEC mode until `configure terminal`.
    const merged = mergeCommands(parsed, section, segment.text, segment.firstLine, segment.changeto);
    problems.push(...merged.problems);
    applied += merged.applied;
    if (merged.applied > 0) touched.add(index);
    text = merged.text;
    origins = traceOrigins(origins, merged.origins);
  }
  // An incomplete configuration gets here only when the user accepted it (`--allow-incomplete`).
  const names = changedLines(origins, scriptName, scriptIsFile ? scriptName : null);
  const diffs = snapshots.map((before, i) => diffDevices(before, touched.has(i) ? reanalyse(before, text, options, names) : before, { allowIncomplete: true }));
  return { diffs, problems: problems.sort((a, b) => a.line - b.line), applied };
}

/**
 * A script pasted from a terminal session carries its prompts (`vpn(config)# split-dns ...`): the ASA
 * would refuse each such line, but the command after the prompt is what the engineer means to type.
 * The prompts are taken off (line numbers kept), and one note says so.
 */
/**
 * Lines an ASA prints during a configuration session, never typed: `Building configuration...`, `[OK]`,
 * `Cryptochecksum: ...`, `copy`'s `Source filename [running-config]?` and `NNNN bytes copied in ...`,
 * and its `INFO:` / `WARNING:` notes (an `ERROR:` line is left for the engine to report).
 */
const SESSION_OUTPUT =
  /^(Building configuration\.\.\.|\[OK\]|Cryptochecksum: ?[0-9a-f ]+|\d+ bytes copied in .*|(Source|Destination) filename \[[^\]]*\]\??|(INFO|WARNING): .*)$/i;

function withoutPrompts(script: string): { script: string; problem: MergeProblem | null } {
  const lines = script.split(/\r?\n/);
  let prompted = 0;
  let first: { line: number; text: string; prompt: string } | null = null;
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    // What the ASA prints back in such a session (`write memory`'s `Building configuration...`,
    // `[OK]`, the checksum): output, not commands.
    if (SESSION_OUTPUT.test(text.trim())) {
      lines[i] = '';
      changed = true;
      continue;
    }
    const split = splitPrompt(text);
    if (split === null) continue;
    prompted++;
    first ??= { line: i + 1, text: text.trim(), prompt: split.prompt };
    lines[i] = split.command;
    changed = true;
  }
  const out = changed ? lines.join('\n') : script;
  if (first === null) return { script: out, problem: null };
  return {
    script: out,
    problem: {
      line: first.line,
      severity: 'info',
      command: first.text,
      message: `${prompted === 1 ? 'this line starts' : `${prompted} lines start (this is the first)`} with a CLI prompt (\`${first.prompt}\`), which the ASA would refuse: the prompt was taken off and the command after it applied in the mode the lines before it entered (the mode the prompt names is not checked); paste the commands without prompts`,
    },
  };
}

/**
 * The sections `whatIf` applies the script to, in the order it first reaches them: the context each
 * `changeto` names, `defaultContext` (or the first section) for the commands before any.
 */
export function simulatedSections(snapshots: readonly DeviceSnapshot[], script: string, defaultContext: string | null = null): DeviceSnapshot[] {
  const indices = segmentsOf(withoutPrompts(script).script).map((segment) => sectionFor(snapshots, segment.context ?? defaultContext));
  return [...new Set(indices)].flatMap((i) => (i === null ? [] : [snapshots[i]!]));
}

interface Segment {
  /** null: the commands before any `changeto context` (the single context, or the first section). */
  context: string | null;
  /** The `changeto` line that starts the segment (null for the first). */
  changeto: string | null;
  text: string;
  firstLine: number;
}

function segmentsOf(script: string): Segment[] {
  const lines = script.split(/\r?\n/);
  const segments: Segment[] = [{ context: null, changeto: null, text: '', firstLine: 1 }];
  const body: string[][] = [[]];
  lines.forEach((line, i) => {
    const m = /^\s*changeto\s+(?:context\s+(\S+)|system)\s*$/.exec(line);
    if (m) {
      segments.push({ context: m[1] ?? 'system', changeto: line.trim(), text: '', firstLine: i + 2 });
      body.push([]);
      return;
    }
    body.at(-1)!.push(line);
  });
  return segments.map((s, i) => ({ ...s, text: body[i]!.join('\n') })).filter((s) => s.text.trim() !== '' || s.context !== null);
}

function sectionFor(snapshots: readonly DeviceSnapshot[], context: string | null): number | null {
  if (context === null) return 0;
  const i = snapshots.findIndex(
    (s) => (s.target.summary.context ?? (context === 'system' && s.analysed.model.space === 'system' ? 'system' : null)) === context,
  );
  return i === -1 ? null : i;
}
