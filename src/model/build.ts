// Line tree → vendor model. A dispatch table hands each top-level command to the reader of its first
// word (readers/); everything else stays in the tree and is counted as unmodelled.

import { LineKind } from '../parse/line-kinds.js';
import type { ConfigSection, ParsedConfig } from '../parse/parse.js';
import { readVersionLine, type VersionLine } from '../parse/version.js';
import { BuildContext, type TopLevelReader } from './build-context.js';
import { HiddenLines } from './hidden-lines.js';
import { licenseFactsFromShowVersion, readLicenseLine, type LicenseLine } from './licenses.js';
import { LazyAccessListUses } from './list-uses.js';
import { cryptoReader } from './readers/crypto.js';
import { accessListReader, nameReader } from './readers/access-list.js';
import {
  contextReader,
  customDataReader,
  dapRecordReader,
  firewallReader,
  hostnameReader,
  ntpReader,
  aaaServerReader,
  ldapAttributeMapReader,
  sslReader,
  tunnelGroupMapReader,
  usernameReader,
} from './readers/globals.js';
import { groupPolicyReader } from './readers/group-policy.js';
import { newTunnelGroup, tunnelGroupReader } from './readers/tunnel-group.js';
import { globalWebvpnReader } from './readers/webvpn.js';
import { UNSET } from './setting.js';
import { DEFAULT_GROUP_POLICY, type DeviceModel, type TunnelGroup } from './types.js';

const READERS: readonly TopLevelReader[] = [
  hostnameReader,
  firewallReader,
  groupPolicyReader,
  tunnelGroupReader,
  globalWebvpnReader,
  cryptoReader,
  customDataReader,
  usernameReader,
  sslReader,
  ntpReader,
  aaaServerReader,
  ldapAttributeMapReader,
  dapRecordReader,
  contextReader,
  tunnelGroupMapReader,
  accessListReader,
  nameReader,
];

const READER_BY_WORD = new Map<string, TopLevelReader>(READERS.flatMap((r) => r.words.map((w) => [w, r] as const)));

// Candidate first words by first character, so most lines (ACLs, objects, NAT) are rejected after one lookup.
const WORDS_BY_FIRST_CHAR = new Map<number, string[]>();
for (const word of READER_BY_WORD.keys()) {
  const c = word.charCodeAt(0);
  WORDS_BY_FIRST_CHAR.set(c, [...(WORDS_BY_FIRST_CHAR.get(c) ?? []), word]);
}

export interface BuildOptions {
  /** Text of a live `show version` (its licence lines join the model). */
  showVersion?: string | null;
}

export function buildModel(parsed: ParsedConfig, section: ConfigSection = parsed.sections[0]!, options: BuildOptions = {}): DeviceModel {
  const ctx = new BuildContext(parsed, section, emptyModel(parsed, section));
  readVersion(ctx);
  readLicenses(ctx, options.showVersion ?? null);
  const hidden = new HiddenLines(ctx, (line) => firstWordIfModelled(line) !== null);
  const topLevel = section.topLevel;
  // (An indexed loop: see LazyAccessListUses.build.)
  for (let t = 0; t < topLevel.length; t++) {
    const index = topLevel[t]!;
    const raw = parsed.lines[index]!;
    if (hidden.take(raw, index)) continue;
    const word = firstWordIfModelled(raw);
    if (word === null) continue;
    const reader = READER_BY_WORD.get(word)!;
    if (reader.accepts && !reader.accepts(raw)) continue;
    if (reader.readRaw) {
      if (reader.readRaw(ctx, raw, index)) ctx.countModelled();
      continue;
    }
    ctx.take(ctx.lineAt(index), (l) => reader.read(ctx, l));
    ctx.forgetChildren();
  }
  hidden.flush();
  checkReferences(ctx);
  return ctx.finish();
}

function emptyModel(parsed: ParsedConfig, section: ConfigSection): DeviceModel {
  return {
    source: parsed.source,
    contextName: section.contextName,
    hostname: UNSET,
    version: null,
    versionLine: null,
    space: 'single',
    firewallMode: UNSET,
    domainName: UNSET,
    groupPolicies: new Map(),
    tunnelGroups: new Map(),
    global: {
      natTraversal: UNSET,
      ikev2Enable: [],
      ikev2RemoteAccessTrustpoint: UNSET,
      sslTrustPoints: [],
      sslEncryption: UNSET,
      ntpServers: [],
      aaaServerGroups: new Map(),
      ldapTunnelGroupLocks: [],
      accessListUses: new LazyAccessListUses(parsed, section),
      dapRecords: [],
      tunnelGroupMaps: [],
      tunnelGroupMapDefault: null,
      trustpoints: new Map(),
      accessLists: new Map(),
      otherAccessLists: new Set(),
      hostNames: new Map(),
      webvpn: null,
      customData: new Map(),
    },
    users: new Map(),
    contexts: [],
    licenses: null,
    clientProfileFiles: [],
    dapXml: null,
    sideFilesSearched: null,
    dapSearched: null,
    problems: [],
    stats: { commandLines: 0, modelledLines: 0 },
    complete: section.completeness.complete,
  };
}

/** The section's `ASA Version` line (a top-level command or a `:` comment) and its index, or null. */
export function sectionVersionLine(parsed: ParsedConfig, section: ConfigSection): { index: number; line: VersionLine } | null {
  const { lines, kinds, depth } = parsed;
  for (let i = section.start; i < section.end; i++) {
    const k = kinds[i];
    if (k !== LineKind.Command && k !== LineKind.ColonComment) continue;
    if (k === LineKind.Command && depth[i] !== 0) continue;
    const line = readVersionLine(lines[i]!);
    if (line) return { index: i, line };
  }
  return null;
}

function readVersion(ctx: BuildContext): void {
  const found = sectionVersionLine(ctx.parsed, ctx.section);
  if (!found) return;
  const { index, line: v } = found;
  ctx.model.version = v.version;
  ctx.model.versionLine = index + 1;
  ctx.model.space = v.space;
  if (ctx.parsed.kinds[index] === LineKind.Command) ctx.take(ctx.lineAt(index), () => true);
}

/** Licence lines: from a live `show version`, else the `!` comments Oxidized and RANCID keep above the config. */
function readLicenses(ctx: BuildContext, showVersion: string | null): void {
  if (showVersion !== null) {
    ctx.model.licenses = licenseFactsFromShowVersion(showVersion);
    return;
  }
  const { lines, kinds } = ctx.parsed;
  const found: LicenseLine[] = [];
  for (let i = ctx.section.start; i < ctx.section.end && kinds[i] !== LineKind.Command; i++) {
    if (kinds[i] !== LineKind.BangComment) continue;
    const l = readLicenseLine(lines[i]!, i + 1);
    if (l) found.push(l);
  }
  if (found.length > 0) ctx.model.licenses = { from: 'backup-comments', lines: found };
}

/** The first word of a top-level line when it is one the model reads; null otherwise. */
function firstWordIfModelled(line: string): string | null {
  const candidates = WORDS_BY_FIRST_CHAR.get(line.charCodeAt(0));
  if (!candidates) return null;
  for (let i = 0; i < candidates.length; i++) {
    const word = candidates[i]!;
    if (line.startsWith(word)) {
      const next = line.charCodeAt(word.length);
      if (Number.isNaN(next) || next === 0x20 || next === 0x09) return word;
    }
  }
  return null;
}

function checkReferences(ctx: BuildContext): void {
  const { model } = ctx;
  const exists = (name: string): boolean => name === DEFAULT_GROUP_POLICY || model.groupPolicies.has(name);
  // Case-insensitive index of policy names, built once: a did-you-mean must not rescan every name per reference.
  let byLower: Map<string, string> | null = null;
  const hint = (name: string): string => {
    byLower ??= new Map([...model.groupPolicies.keys()].reverse().map((k) => [k.toLowerCase(), k]));
    const near = byLower.get(name.toLowerCase());
    return near ? ` (names are case-sensitive; did you mean \`${near}\`?)` : '';
  };
  for (const tg of model.tunnelGroups.values()) {
    const ref = tg.general.defaultGroupPolicy;
    if (ref.state === 'value' && !exists(ref.value)) {
      ctx.problem(
        ref.line,
        'warning',
        'undefined-group-policy',
        `tunnel-group ${tg.name}: default-group-policy ${ref.value} is not defined in this configuration${hint(ref.value)}; ` +
          'its attributes are unknown, so DfltGrpPolicy and built-in defaults are assumed',
      );
    }
    if (tg.type === null && !tg.builtIn) {
      ctx.problem(tg.firstLine, 'warning', 'missing-tunnel-group-type', `tunnel-group ${tg.name} has no \`type\` line`);
    }
  }
  for (const user of model.users.values()) {
    const ref = user.vpnGroupPolicy;
    if (ref.state === 'value' && !exists(ref.value)) {
      ctx.problem(ref.line, 'warning', 'undefined-group-policy', `username ${user.name}: vpn-group-policy ${ref.value} is not defined${hint(ref.value)}`);
    }
  }
  for (const gp of model.groupPolicies.values()) {
    if (gp.type === null && gp.name !== DEFAULT_GROUP_POLICY && gp.attributeBlockLines.length > 0) {
      ctx.problem(
        gp.attributeBlockLines[0]!,
        'warning',
        'undeclared-group-policy',
        `group-policy ${gp.name} has an attributes block but no \`group-policy ${gp.name} internal\` line`,
      );
    }
  }
}

/** The built-in tunnel-groups exist even when no line mentions them. */
export function builtInTunnelGroup(name: string): TunnelGroup {
  return newTunnelGroup(name, null);
}
