// A configuration's own lines, entered into an empty configuration by the merge engine: what the
// ASA would refuse there is a line out of place in the configuration itself (a sub-command under the
// wrong block, a block without its type). Plans are proven with the merge engine, so a plan that
// fails its proof on such a configuration says so, rather than blaming the tool.

import type { AuditOptions } from '../audit/audit.js';
import { analyseParsed } from '../audit/pipeline.js';
import { mergeCommands } from '../model/merge.js';
import { LineKind } from '../parse/line-kinds.js';
import { parseConfigText, type ParsedConfig } from '../parse/parse.js';
import { redactLine } from '../parse/redact.js';
import { snapshotOf, type DeviceSnapshot } from './snapshot.js';

/** Top-level blocks the model reads (and the merge engine knows): a configuration's own lines. */
const MODELLED =
  /^(names$|name |group-policy|tunnel-group|webvpn|crypto isakmp nat-traversal|no crypto isakmp nat-traversal|crypto ikev2 (enable|remote-access)|crypto ca trustpoint|ssl |access-list|anyconnect-custom-data|ntp server|domain-name|hostname|username \S+ attributes|dynamic-access-policy-record|tunnel-group-map)/;

/** The lines of one section the model reads, each with its line in the configuration. */
export function modelledLines(parsed: ParsedConfig, sectionIndex: number): Array<{ text: string; line: number }> {
  const section = parsed.sections[sectionIndex]!;
  const out: Array<{ text: string; line: number }> = [];
  let keep = false;
  for (let i = section.start; i < section.end; i++) {
    // A comment inside a block (RANCID's `! ikev2 ... <removed>`) neither ends it nor is entered.
    if (parsed.kinds[i] !== LineKind.Command) continue;
    const text = parsed.lines[i]!;
    if (!/^\s/.test(text)) keep = MODELLED.test(text);
    if (keep) out.push({ text, line: i + 1 });
  }
  return out;
}

/**
 * The lines the replay enters: the blocks the model reads, found as an ASA finds them (a block header
 * counts wherever it is indented, since indentation decides nothing when a configuration is pasted),
 * and of the access-lists only those a split-tunnel line names (a large configuration holds tens of
 * thousands of other entries, and the merge engine checks each entry against its list).
 */
function replayedLines(parsed: ParsedConfig, sectionIndex: number): Array<{ text: string; line: number }> {
  const section = parsed.sections[sectionIndex]!;
  const splitLists = new Set<string>();
  for (let i = section.start; i < section.end; i++) {
    const m = /^\s*(?:ipv6-)?split-tunnel-network-list value (\S+)/.exec(parsed.lines[i]!);
    if (m) splitLists.add(m[1]!);
  }
  const out: Array<{ text: string; line: number }> = [];
  let keep = false;
  for (let i = section.start; i < section.end; i++) {
    if (parsed.kinds[i] !== LineKind.Command) continue;
    const text = parsed.lines[i]!;
    const trimmed = text.trim();
    if (!/^\s/.test(text) || BLOCK_HEADER.test(trimmed)) {
      const list = /^access-list (\S+) /.exec(trimmed)?.[1];
      keep = list !== undefined ? splitLists.has(list) : MODELLED.test(trimmed);
    }
    if (keep) out.push({ text, line: i + 1 });
  }
  return out;
}

const BLOCK_HEADER =
  /^(group-policy \S+ (attributes|internal|external)|tunnel-group \S+ (type|general-attributes|webvpn-attributes|ipsec-attributes|ppp-attributes)|dynamic-access-policy-record |username \S+ attributes)/;

/** A configuration with nothing but the version line of one section. */
export function emptyLike(parsed: ParsedConfig, sectionIndex: number): ParsedConfig {
  const section = parsed.sections[sectionIndex]!;
  const version = parsed.lines.slice(section.start, section.end).find((l) => /^ASA Version /.test(l)) ?? 'ASA Version 9.16(4)';
  return parseConfigText(`: Saved\n:\n${version}\n!\nCryptochecksum:00000000000000000000000000000000\n: end\n`, 'empty.cfg');
}

/**
 * Why a section's own lines, entered in order into an empty configuration, do not give back what the
 * tool reads from the file: the first line the merge engine refuses, or the first profile setting
 * that reads differently (an indented block header, say, which the ASA takes as a command and the file
 * shows under another block). Null when they agree.
 */
export function ownLinesDisagree(before: DeviceSnapshot, options: AuditOptions): string | null {
  const { parsed, sectionIndex } = before.analysed;
  const own = replayedLines(parsed, sectionIndex);
  const empty = emptyLike(parsed, sectionIndex);
  const merged = mergeCommands(empty, empty.sections[0]!, own.map((l) => l.text).join('\n'));
  const refused = merged.problems.find((p) => p.severity === 'error');
  if (refused !== undefined) return `line ${own[refused.line - 1]?.line ?? refused.line}, \`${redactLine(refused.command)}\` (${refused.message})`;
  const replayed = analyseParsed(parseConfigText(merged.text, parsed.source), before.build, before.analysed.sideFiles)[0];
  if (replayed === undefined) return 'its lines give no configuration when entered again';
  const after = snapshotOf(replayed, options, before.build);
  for (const [name, p] of before.profiles) {
    const q = after.profiles.get(name);
    if (q === undefined) return `tunnel-group ${name} is not there when its lines are entered again`;
    for (const [setting, v] of p.settings)
      if (q.settings.get(setting)?.value !== v.value)
        return `tunnel-group ${name}'s ${setting} reads \`${v.value}\` from the file but \`${q.settings.get(setting)?.value ?? 'nothing'}\` when its lines are entered again (an indented block header?)`;
  }
  return null;
}
