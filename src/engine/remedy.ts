// What a finding asks to change, as data: rules say what (a policy attribute, an alias to replace, a
// profile to recreate), this module writes the ASA CLI for one finding, and `plan` composes many of
// them with the whole configuration in view (one entry per mode, names checked, scopes chosen). A
// remedy never holds a placeholder: what needs the user's knowledge is a finding's `needsInput`.

import { certificateMapsTo } from '../model/certificate-maps.js';
import { holdsSecret, REDACTED, redactLine } from '../parse/redact.js';
import { renderSteps, stepsOf } from '../model/cli-script.js';
import { copyNameOf, cutName, madeFrom, nameCharacters, ownPolicyBase, safeName } from './names.js';
import { lineRef } from './line-names.js';
import { cliName, tokenize } from '../parse/tokenize.js';
import { DEFAULT_GROUP_POLICY, NAME_MAX_CHARS, type DeviceModel, type TunnelGroup } from '../model/types.js';
import { overLongValue } from '../model/policy-attributes.js';

export type Remedy =
  /** Lines of one group-policy (created first when `create`); `profile` is the connection profile it is for. */
  | { kind: 'policy'; policy: string; create: boolean; mode: 'attributes' | 'webvpn'; lines: string[]; profile: string | null }
  /** Top-level lines, in order (`crypto isakmp nat-traversal 3600`, access-list entries). */
  | { kind: 'lines'; lines: string[] }
  /** Sub-commands of one block (`webvpn`, `tunnel-group X general-attributes`); `then`: what to do besides, off the ASA (a client profile to update). */
  | { kind: 'block'; header: string; lines: string[]; then?: string }
  /** A new, safe alias for a profile: added before the old one is removed. */
  | { kind: 'replace-alias'; tunnelGroup: string; alias: string; newAlias: string }
  /** A tunnel-group cannot be renamed: a copy under a new name takes its aliases and group-urls. */
  | { kind: 'recreate-profile'; tunnelGroup: string; newName: string }
  /** A custom attribute type renamed everywhere it appears: declaration, data lines and policies. */
  | { kind: 'rename-custom-type'; from: string; to: string };

export interface RenderedRemedy {
  cli: string;
  /**
   * A recreated profile's `cli` in two parts, where it repoints certificate maps: the copy, then the
   * map lines, which need the copy to exist (a plan puts every copy's maps after every copy).
   */
  parts?: { copy: string; maps: string };
  /** What the CLI could not include and the user must supply (a secret the tool never copies). */
  needsInput: string[];
  /**
   * A recreated profile whose move waits (a copyBlockers entry, or a copy that exists already): its
   * aliases, group-urls and certificate maps stay with the original, and moving them is `move`.
   */
  entryPointsHeld?: boolean;
  /**
   * A held rename's later step: what it is for, the lines to paste then, as a block (not in
   * `needsInput`), and the lines that take it back (before the plan's rollback removes the copy).
   */
  move?: { what: string; cli: string; undo: string };
}

export function renderRemedy(model: DeviceModel, remedy: Remedy): RenderedRemedy {
  switch (remedy.kind) {
    case 'policy':
      return {
        cli: [...(remedy.create ? [`group-policy ${cliName(remedy.policy)} internal`] : []), ...policyLines(remedy.policy, remedy.mode, remedy.lines)].join(
          '\n',
        ),
        needsInput: [],
      };
    case 'lines':
      return { cli: remedy.lines.join('\n'), needsInput: [] };
    case 'block':
      return { cli: [remedy.header, ...remedy.lines.map((l) => ` ${l}`)].join('\n'), needsInput: [] };
    case 'replace-alias':
      return {
        cli: [
          `tunnel-group ${cliName(remedy.tunnelGroup)} webvpn-attributes`,
          ` group-alias ${cliName(remedy.newAlias)} enable`,
          ` no group-alias ${cliName(remedy.alias)}`,
        ].join('\n'),
        needsInput: [],
      };
    case 'recreate-profile': {
      // An audit finding's input has no block of its own: the move's lines follow its words. A copy
      // that exists already (an earlier plan's, pasted) is not made again: only the move is left.
      const r = recreateProfile(model, remedy.tunnelGroup, remedy.newName, { existing: model.tunnelGroups.has(remedy.newName) });
      return r.move === undefined
        ? r
        : {
            ...r,
            needsInput: [
              ...r.needsInput,
              `${r.move.what}: ${r.move.cli
                .split('\n')
                .map((l) => `\`${l.trim()}\``)
                .join(', ')}`,
            ],
          };
    }
    case 'rename-custom-type': {
      const r = renameCustomType(model, remedy.from, remedy.to);
      // The old type goes last, after everything that used it has switched (a barrier keeps it there).
      const removals = stepsOf([...r.dataRemovals, ...underWebvpn(r.typeRemoval === null ? [] : [r.typeRemoval])].join('\n'));
      if (removals[0] && r.switches.length + r.data.length > 0) removals[0].barrier = true;
      const adds = [...underWebvpn(r.declaration === null ? [] : [r.declaration]), ...r.data];
      return { cli: renderSteps([...stepsOf([...adds, ...r.switches].join('\n')), ...removals], 'first'), needsInput: [] };
    }
  }
}

/**
 * What to know before pasting CLI that holds a `?` (a name from the configuration, such as an alias
 * to remove): the ASA CLI, like IOS, reads a typed `?` as a request for help [recalled], so the line
 * would go in without it. Null when no line holds one.
 */
export function helpCharacterNote(cli: string): string | null {
  if (!cli.includes('?')) return null;
  const lines = cli.split('\n').filter((l) => l.includes('?'));
  const quoted = lines.map((l) => `\`${l.trim()}\``).join(', ');
  return `${quoted} ${lines.length === 1 ? 'holds' : 'hold'} \`?\`, which the ASA CLI reads as a request for help when typed or pasted [recalled]: enter ${lines.length === 1 ? 'that line' : 'those lines'} by hand (on Cisco CLIs, Ctrl-V before the \`?\` types it) and check the result`;
}

/**
 * What stops fix lines from being pasted as they are: the lines holding a `?` (see
 * helpCharacterNote) and, for each line with a value longer than the ASA is recalled to take, what
 * overLongValue says of it. One home for both checks: `audit` notes them in the finding's message, and
 * `plan` keeps such a fix out of the paste block.
 */
export function fixCaveats(lines: readonly string[]): { helpLines: string[]; overLong: string[] } {
  const helpLines = lines.filter((l) => l.includes('?'));
  const overLong: string[] = [];
  for (const line of lines) {
    // (The shortest limit is 63 characters: a shorter line holds no value over it.)
    if (line.length < 70) continue;
    const note = overLongValue('attributes', tokenize(line.trim()));
    if (note !== null) overLong.push(note);
  }
  return { helpLines, overLong };
}

/** `group-policy P attributes` with its lines, in the attributes block or its webvpn sub-mode. */
export function policyLines(policy: string, mode: 'attributes' | 'webvpn', lines: string[]): string[] {
  const head = `group-policy ${cliName(policy)} attributes`;
  return mode === 'webvpn' ? [head, ' webvpn', ...lines.map((l) => `  ${l}`)] : [head, ...lines.map((l) => ` ${l}`)];
}

/** What a plan changes on a recreated profile besides its name. */
export interface RecreateOverrides {
  /** New names for aliases replaced at the same time (old → new). */
  aliasRenames?: ReadonlyMap<string, string>;
  /** The group-policy the copy uses instead of the original's. */
  defaultGroupPolicy?: string;
  /** Lines other fixes add to a block of the profile (by block kind), applied to the copy. */
  extra?: ReadonlyMap<string, readonly string[]>;
  /** Names the caller has already given out (a plan's other new names), so a new alias avoids them. */
  taken?: Iterable<string>;
  /** The copy exists already (an earlier plan made it): nothing is created, and the move is a later step. */
  existing?: boolean;
}

/**
 * The CLI that copies a profile to a new name: every line of every block the configuration shows,
 * interface tags included, except secrets (the tool never prints them: the user re-enters them).
 * Aliases and group-urls are unique on a device, so they are released from the old profile first.
 * When users on the copy could be refused (see copyBlockers), nothing moves in the paste: the move,
 * with its undo, is a later step. `existing`: the copy is there already, and only the move is left.
 */
export function recreateProfile(model: DeviceModel, name: string, newName: string, overrides: RecreateOverrides = {}): RenderedRemedy {
  const tg: TunnelGroup | undefined = model.tunnelGroups.get(name);
  const oldName = cliName(name);
  const n = cliName(newName);
  const needsInput: string[] = [];
  // An alias with characters that break clients does not follow the profile under its old spelling.
  const aliasRenames = new Map(overrides.aliasRenames ?? []);
  const taken = new Set([newName, ...(overrides.taken ?? []), ...aliasRenames.values()]);
  for (const a of tg?.webvpn.groupAliases ?? []) {
    if (aliasRenames.has(a.name) || nameCharacters(a.name).breaking.length === 0) continue;
    const safe = unusedName(model, safeName(a.name), taken);
    taken.add(safe);
    aliasRenames.set(a.name, safe);
  }
  const blocks = tg?.blocks ?? [];
  const moving = blocks.filter((b) => b.kind === 'webvpn-attributes').flatMap((b) => b.lines.filter((l) => /^group-(alias|url) /.test(l.text)));
  // Users the copy could refuse or treat differently (see copyBlockers) must not be sent there by the
  // paste: what selects the profile stays with the original, and moving it is the user's step once
  // the copy can take them.
  const blockers = copyBlockers(model, name, newName);
  const existing = overrides.existing === true;
  const held = existing || blockers.length > 0;
  // Every blocker but a group-lock (DAP, RADIUS, LDAP, SAML) is done first, elsewhere; a group-lock
  // changes in the same paste as the move (before it, users still sent to the original would be
  // refused; after it, users on the copy).
  const prerequisites = blockers.filter((b) => b.kind !== 'group-lock');
  const locks = blockers.filter((b) => b.kind === 'group-lock');
  /** An alias or URL line of the original: while users cannot move, none of them leads to the copy. */
  const staysBehind = (text: string): boolean => held && /^group-(alias|url) /.test(text);
  const out: string[] = [];
  /** The copy's blocks, by kind, in the order written. */
  const copyBlocks: Array<{ kind: string; lines: string[] }> = [];
  const heldExtras: string[] = [];
  if (!existing) out.push(`tunnel-group ${n} type ${tg?.type ?? 'remote-access'}`);
  const order = ['general-attributes', 'webvpn-attributes', 'ipsec-attributes', 'ppp-attributes'];
  // An existing copy has its lines already: only the ways in are left to move.
  const kinds = new Set(existing ? [] : [...blocks.map((b) => b.kind), ...(overrides.extra?.keys() ?? [])]);
  if (overrides.defaultGroupPolicy !== undefined && !existing) kinds.add('general-attributes');
  for (const kind of [...order.filter((k) => kinds.has(k)), ...[...kinds].filter((k) => !order.includes(k)).sort()]) {
    const extra = [...(overrides.extra?.get(kind) ?? [])];
    if (kind === 'general-attributes' && overrides.defaultGroupPolicy !== undefined)
      extra.unshift(`default-group-policy ${cliName(overrides.defaultGroupPolicy)}`);
    const replaced = new Set(extra.map(lineKeyword));
    const copied: string[] = [];
    for (const l of blocks.filter((b) => b.kind === kind).flatMap((b) => b.lines)) {
      if (replaced.has(lineKeyword(l.text)) || staysBehind(l.text)) continue;
      if (holdsSecret(l.text)) {
        needsInput.push(reenterSecret(l.text, l.line, `tunnel-group ${n} ${kind}`, 'the tool never copies secrets'));
        continue;
      }
      copied.push(renameAlias(l.text, aliasRenames));
    }
    // A new alias or URL another fix gives the copy waits with the rest while users cannot move.
    if (kind === 'webvpn-attributes') heldExtras.push(...extra.filter((l) => staysBehind(l)));
    // A `no X` fix on a line the copy would carry: leave the line out instead of adding and removing it.
    const lines = [...copied, ...extra.filter((l) => !l.startsWith('no ') && !staysBehind(l))];
    if (lines.length > 0) copyBlocks.push({ kind, lines: [`tunnel-group ${n} ${kind}`, ...lines.map((l) => ` ${l}`)] });
  }
  // The copy exists (its type, general and ipsec attributes) before the original lets go of its aliases
  // and group-urls, which it releases right before the copy's webvpn-attributes take them (each names
  // one profile): the original keeps its ways in until the copy is there.
  const waysIn = (kind: string): boolean => kind === 'webvpn-attributes';
  out.push(...copyBlocks.filter((b) => !waysIn(b.kind)).flatMap((b) => b.lines));
  if (moving.length > 0 && !held) out.push(`tunnel-group ${oldName} webvpn-attributes`, ...moving.map((l) => ` no ${withoutFlag(l.text)}`));
  out.push(...copyBlocks.filter((b) => waysIn(b.kind)).flatMap((b) => b.lines));
  // An existing copy may still lack a secret of the original (its re-entry is the user's step).
  if (existing)
    for (const s of secretsMissingOnCopy(model, name, newName))
      needsInput.push(reenterSecret(s.text, s.line, `tunnel-group ${n} ${s.kind}`, `${newName} does not have it yet (the tool never copies secrets)`));
  // Users matched by certificate follow the profile: point the certificate maps at the copy. A rule of
  // a map (map and index) is removed before it is entered again with the copy: whether the ASA
  // replaces it or adds a second is not documented. (The default group is one setting: replaced.)
  const maps = certificateMapsTo(model, name);
  const repoint = (m: { command: string }, from: string, to: string): string[] =>
    m.command === 'tunnel-group-map default-group' ? [`${m.command} ${to}`] : [`no ${m.command} ${from}`, `${m.command} ${to}`];
  const sslMaps = maps.filter((m) => m.inWebvpn);
  const mapLinesFor = (from: string, to: string): string[] => [
    ...(sslMaps.length > 0 ? ['webvpn', ...sslMaps.flatMap((m) => repoint(m, from, to)).map((l) => ` ${l}`)] : []),
    ...maps.filter((x) => !x.inWebvpn).flatMap((m) => repoint(m, from, to)),
  ];
  const mapLines = mapLinesFor(oldName, n);
  if (!held)
    return {
      cli: [...out, ...mapLines].join('\n'),
      ...(mapLines.length > 0 ? { parts: { copy: out.join('\n'), maps: mapLines.join('\n') } } : {}),
      needsInput,
    };
  // The move, for when the copy can take the users: locks, then release on the original and enter on the copy.
  const left = moving.filter((l) => staysBehind(l.text));
  const enter = [...left.map((l) => renameAlias(l.text, aliasRenames)), ...heldExtras];
  const moveLines = [
    ...locks.flatMap((b) => b.lines ?? []),
    ...(left.length > 0 ? [`tunnel-group ${oldName} webvpn-attributes`, ...left.map((l) => ` no ${withoutFlag(l.text)}`)] : []),
    ...(enter.length > 0 ? [`tunnel-group ${n} webvpn-attributes`, ...enter.map((l) => ` ${l}`)] : []),
    ...mapLines,
  ];
  // The steps before users move, unless they have moved already (nothing left to move on an existing copy).
  if (!existing || moveLines.length > 0) needsInput.push(...prerequisites.map((b) => b.what));
  // Its undo, for a move that went wrong: the ways in leave the copy and return to the original, the
  // maps point back, and the locks name the original again.
  const undoLines = [
    ...(enter.length > 0 ? [`tunnel-group ${n} webvpn-attributes`, ...enter.map((l) => ` no ${withoutFlag(l)}`)] : []),
    ...(left.length > 0 ? [`tunnel-group ${oldName} webvpn-attributes`, ...left.map((l) => ` ${l.text}`)] : []),
    ...(mapLines.length > 0 ? mapLinesFor(n, oldName) : []),
    ...locks.flatMap((b) => b.undo ?? []),
  ];
  const staying = describeEntryPoints(
    left.map((l) => l.text),
    mapLines.length > 0,
  );
  const waitingNew = describeEntryPoints(heldExtras, false);
  // An existing copy tuned since (or one taken for it) may not give users what the original did: say how it differs.
  const differs = existing ? lineDifferences(model, name, newName) : '';
  const steps = [...new Set(prerequisites.map((b) => b.kind))];
  const prerequisiteWords = steps.length > 1 ? `${steps.slice(0, -1).join(', ')} and ${steps.at(-1)!}` : (steps[0] ?? '');
  const move =
    moveLines.length === 0
      ? undefined
      : {
          what: [
            `${prerequisites.length > 0 ? `once the ${prerequisiteWords} ${prerequisites.length === 1 ? 'step is' : 'steps are'} done, move` : 'when you move'} the users of ${name} to ${newName}`,
            staying === null && waitingNew === null
              ? ''
              : ` (nothing in the paste sends users to ${newName}: ${[staying === null ? null : `${staying} stay${staying.includes(' and ') ? '' : 's'} on ${name}`, waitingNew === null ? null : `${waitingNew.replace(/^its /, 'its new ')} wait${waitingNew.includes(' and ') ? '' : 's'}`].filter(Boolean).join(', and ')})`,
            ': paste these lines in one go',
            locks.length > 0
              ? `. The group-lock lines go with the move (${locks.map((b) => b.what).join('; ')}): under a lock to ${name}, users who reach ${newName} are refused; under a lock to ${newName}, users who still reach ${name} are refused (IKEv2 clients whose client profile names ${name} do, until it names ${newName})`
              : '',
            differs,
          ].join(''),
          cli: moveLines.join('\n'),
          undo: undoLines.join('\n'),
        };
  return { cli: out.join('\n'), needsInput, entryPointsHeld: true, ...(move ? { move } : {}) };
}

/** How an existing copy's lines differ from the original's (ways in, policy and secrets apart), as a sentence; '' when they do not. */
function lineDifferences(model: DeviceModel, name: string, copy: string): string {
  const ours = copiedLines(model.tunnelGroups.get(name)!);
  const theirs = copiedLines(model.tunnelGroups.get(copy)!);
  const lacks = ours.filter((l) => !theirs.includes(l));
  const adds = theirs.filter((l) => !ours.includes(l));
  if (lacks.length === 0 && adds.length === 0) return '';
  const quote = (ls: string[]): string => ls.map((l) => `\`${redactLine(l.replace(/^\S+ /, ''))}\``).join(', ');
  return `. ${copy} is not line for line ${name}: ${[lacks.length > 0 ? `it lacks ${quote(lacks)}` : null, adds.length > 0 ? `it has ${quote(adds)}` : null].filter(Boolean).join(' and ')}; check that is what users moving there should get`;
}

/**
 * The copies earlier plans made of profiles `originals` (to be renamed), one copy per original: a
 * tunnel-group of the same type with a name made from the original's, on its policy or a `GP-` one
 * made for it, whose lines (ways in, policy and secrets apart) are the original's, or, when the ways
 * in are on one of the two only (the move done, or still held), mostly so (tuned since). Pairs are
 * taken most alike first. A profile made by hand for other users (another sign-in, other values,
 * another policy, ways in of its own beside the original's) is not taken for a copy.
 */
export function existingCopies(model: DeviceModel, originals: readonly string[]): Map<string, string> {
  const users = new Map<string, number>();
  for (const t of model.tunnelGroups.values()) users.set(policyOf(t), (users.get(policyOf(t)) ?? 0) + 1);
  const candidates = [...model.tunnelGroups.values()];
  const pairs: Array<{ original: string; copy: string; alike: number; samePolicy: boolean; order: number }> = [];
  for (const name of originals) {
    const tg = model.tunnelGroups.get(name);
    if (tg === undefined) continue;
    const body = new Set(copiedLines(tg));
    const policy = policyOf(tg);
    candidates.forEach((c, order) => {
      if (c.name === name || c.type !== tg.type || !copyNameOf(name, c.name)) return;
      const own = policyOf(c);
      // (A plan names a profile's own policy `GP-` and the original's safe name.)
      if (own !== policy && !(users.get(own) === 1 && madeFrom(ownPolicyBase(name), own))) return;
      const theirs = new Set(copiedLines(c));
      const both = [...body].filter((l) => theirs.has(l)).length;
      const union = body.size + theirs.size - both;
      const alike = union === 0 ? 1 : both / union;
      const oneSide = hasWaysIn(model, tg) !== hasWaysIn(model, c);
      if (alike === 1 || (oneSide && alike > 0.5)) pairs.push({ original: name, copy: c.name, alike, samePolicy: own === policy, order });
    });
  }
  pairs.sort((a, b) => b.alike - a.alike || Number(b.samePolicy) - Number(a.samePolicy) || a.order - b.order);
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const p of pairs) {
    if (out.has(p.original) || taken.has(p.copy)) continue;
    out.set(p.original, p.copy);
    taken.add(p.copy);
  }
  return out;
}

function policyOf(tg: TunnelGroup): string {
  return tg.general.defaultGroupPolicy.state === 'value' ? tg.general.defaultGroupPolicy.value : DEFAULT_GROUP_POLICY;
}

/** Whether an alias, a group-url or a certificate map leads to the profile. */
function hasWaysIn(model: DeviceModel, tg: TunnelGroup): boolean {
  return tg.webvpn.groupAliases.length > 0 || tg.webvpn.groupUrls.length > 0 || certificateMapsTo(model, tg.name).length > 0;
}

/** A profile's lines a copy carries as they are (not its ways in, its policy or its secrets). */
function copiedLines(tg: TunnelGroup): string[] {
  return tg.blocks.flatMap((b) =>
    b.lines.filter((l) => !/^(group-alias|group-url|default-group-policy) /.test(l.text) && !holdsSecret(l.text)).map((l) => `${b.kind} ${l.text}`),
  );
}

/** The secret lines of `name` its existing copy lacks (by setting): to re-enter, as for a new copy. */
function secretsMissingOnCopy(model: DeviceModel, name: string, copy: string): Array<{ kind: string; text: string; line: number }> {
  const secretsOf = (tg: string): Array<{ kind: string; text: string; line: number; key: string }> =>
    (model.tunnelGroups.get(tg)?.blocks ?? []).flatMap((b) =>
      b.lines.filter((l) => holdsSecret(l.text)).map((l) => ({ kind: b.kind, text: l.text, line: l.line, key: `${b.kind} ${beforeSecret(l.text)}` })),
    );
  const theirs = new Set(secretsOf(copy).map((s) => s.key));
  return secretsOf(name).filter((s) => !theirs.has(s.key));
}

/** The step that has the user type a secret the tool never copies: the line's words up to it, never the secret. */
function reenterSecret(text: string, line: number, under: string, why: string): string {
  return `re-enter the secret of \`${beforeSecret(text)} ...\` (${lineRef(line)}) under \`${under}\`: ${why}`;
}

/** The words of a secret-holding line up to its secret (`ikev1 pre-shared-key`, `key`): never the secret itself. */
function beforeSecret(text: string): string {
  const masked = redactLine(text);
  const at = masked.indexOf(REDACTED);
  const head = (at === -1 ? '' : masked.slice(0, at)).trim();
  return head === '' ? (text.split(' ')[0] ?? '') : head;
}

/** "its group-alias, group-url and certificate maps": what the lines left on the original are. */
function describeEntryPoints(aliasOrUrlLines: readonly string[], maps: boolean): string | null {
  const count = (word: string): number => aliasOrUrlLines.filter((l) => l.startsWith(`${word} `)).length;
  const kinds = [
    count('group-alias') > 0 ? (count('group-alias') === 1 ? 'group-alias' : 'group-aliases') : null,
    count('group-url') > 0 ? (count('group-url') === 1 ? 'group-url' : 'group-urls') : null,
    maps ? 'certificate maps' : null,
  ].filter((k): k is string => k !== null);
  if (kinds.length === 0) return null;
  return `its ${kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)!}` : kinds[0]!}`;
}

/** Something that makes users sent to a copy be refused or treated differently (see copyBlockers). */
export interface CopyBlocker {
  kind: 'group-lock' | 'DAP' | 'SAML' | 'RADIUS' | 'LDAP';
  what: string;
  /** For a group-lock: the lines that lock to the copy instead (entered when users move, with the move). */
  lines?: string[];
  /** For a group-lock: the lines that lock to the original again (the move's undo). */
  undo?: string[];
}

/**
 * What makes users sent to a copy of profile `name` be refused or treated differently: each
 * group-lock that names `name` (on a policy or a local user); each DAP record chosen by that name,
 * or whose criteria the tool cannot see (dap.xml not read, unreadable, without the record, or with
 * parts it does not read); an external group-policy, a RADIUS server group the profile signs in or
 * is authorised with, and an LDAP one when an attribute map sets Tunnel-Group-Lock (what they return
 * ranks above every group-policy); and a SAML identity provider that does not know the copy. Empty: nothing.
 */
export function copyBlockers(model: DeviceModel, name: string, newName: string): CopyBlocker[] {
  const out: CopyBlocker[] = groupLocksOn(model, name, newName);
  // A DAP record chosen by the connection profile's name treats users on the copy differently (its
  // ACLs or its action no longer apply, or a record that excludes the name now does). Records whose
  // criteria the tool cannot see (dap.xml not read) may be chosen so: a session that falls through to
  // DfltAccessPolicy may be terminated.
  // (A dap.xml that lacks a record the configuration has, an old or partial export, hides that one.)
  // (A record whose entry holds more than basic criteria, an advanced expression say, is not seen whole.)
  const described = new Set((model.dapXml?.records ?? []).filter((r) => r.unread.length === 0).map((r) => r.name));
  const unseen = model.global.dapRecords.filter((r) => r.name !== 'DfltAccessPolicy' && !described.has(r.name));
  if (unseen.length > 0) {
    const partly = (model.dapXml?.records ?? []).filter((r) => r.unread.length > 0 && unseen.some((u) => u.name === r.name));
    const missing = unseen.filter((u) => !partly.some((r) => r.name === u.name)).map((u) => u.name);
    const unreadParts = `${[...new Set(partly.flatMap((r) => r.unread))].map((n) => `<${n}>`).join(', ')}, which the tool does not read`;
    const why =
      model.dapXml === null
        ? 'dap.xml was not read'
        : model.dapXml.records === null
          ? 'dap.xml could not be read'
          : partly.length === 0
            ? `dap.xml has no entry for ${unseen.length === 1 ? 'it' : 'them'}`
            : missing.length === 0
              ? `dap.xml holds ${partly.length === 1 ? 'its' : 'their'} ${unreadParts}`
              : `dap.xml has no entry for ${missing.join(', ')}, and holds ${partly.map((r) => r.name).join(', ')} with ${unreadParts}`;
    out.push({
      kind: 'DAP',
      what: `check DAP record${unseen.length === 1 ? '' : 's'} ${unseen.map((r) => r.name).join(', ')} before users move (${why}, so the tool cannot see ${unseen.length === 1 ? 'its' : 'their'} criteria): one that selects sessions by connection profile ${name} does not match users on ${newName} (add ${newName} to its criteria in ASDM, Dynamic Access Policies), and a session no record matches gets DfltAccessPolicy${partly.length === unseen.length ? '' : '; or run plan again with a current `--dap dap.xml`'}`,
    });
  }
  for (const r of model.dapXml?.records ?? []) {
    const byName = r.criteria.filter((c) => c.name === 'aaa.cisco.tunnelgroup' && c.value.toLowerCase() === name.toLowerCase());
    if (byName.length === 0) continue;
    out.push({
      kind: 'DAP',
      what: `DAP record ${r.name} selects sessions by connection profile (\`aaa.cisco.tunnelgroup ${byName[0]!.operation} ${name}\`, dap.xml line ${byName[0]!.line}): users on ${newName} would not be treated the same; add ${newName} to its criteria (ASDM, Dynamic Access Policies) before users move`,
    });
  }
  // An external group-policy's attributes come from its RADIUS server at sign-in, a group-lock
  // (Tunnel-Group-Lock) to the old name among them, unseen by the tool.
  const policyName = model.tunnelGroups.get(name)?.general.defaultGroupPolicy;
  const policy = policyName?.state === 'value' ? model.groupPolicies.get(policyName.value) : undefined;
  if (policy?.type === 'external')
    out.push({
      kind: 'RADIUS',
      what: `check external group-policy ${policy.name} before users move: its attributes come from ${policy.externalServerGroup === null ? 'a RADIUS server' : `RADIUS server group ${policy.externalServerGroup}`} at sign-in, and a group-lock among them (Tunnel-Group-Lock, attribute 85) that names ${name} refuses users on ${newName}; change it on the server to ${newName} [inferred]`,
    });
  // Attributes an AAA server returns at sign-in rank above every group-policy [cmd-ref]: a
  // Tunnel-Group-Lock naming the old profile, or a RADIUS rule that matches the name the ASA sends
  // (Tunnel-Group-Name, common on ISE), refuses or treats differently users on the copy, unseen.
  const servers = aaaServerGroupsOf(model, name);
  const radius = servers.filter((g) => g.protocol === 'radius').map((g) => g.name);
  if (radius.length > 0)
    out.push({
      kind: 'RADIUS',
      what: `check RADIUS server group${radius.length === 1 ? '' : 's'} ${radius.join(', ')} before users move: a Tunnel-Group-Lock ${radius.length === 1 ? 'it returns' : 'they return'} that names ${name} refuses users on ${newName}, and server rules on the connection profile name (Tunnel-Group-Name ${name}, common on ISE) do not match ${newName} [inferred]; change them to ${newName}`,
    });
  // An LDAP attribute map can set Tunnel-Group-Lock from a directory attribute too.
  const ldapLocks = model.global.ldapTunnelGroupLocks;
  if (ldapLocks.length > 0 && servers.some((g) => g.protocol === 'ldap')) {
    const maps = [...new Set(ldapLocks.map((l) => l.map))];
    out.push({
      kind: 'LDAP',
      what: `check LDAP attribute map${maps.length === 1 ? '' : 's'} ${maps.join(', ')} before users move: ${maps.length === 1 ? 'it maps' : 'they map'} a directory attribute to Tunnel-Group-Lock (${ldapLocks.map((l) => lineRef(l.line)).join(', ')}), and a \`map-value\` that names ${name} refuses users on ${newName}; change it to ${newName}`,
    });
  }
  // The ASA is a SAML service provider per tunnel-group: the IdP knows the old name only.
  const auth = model.tunnelGroups.get(name)?.webvpn.authentication;
  if (auth?.state === 'value' && auth.value.includes('saml'))
    out.push({
      kind: 'SAML',
      what: `register ${newName} with the SAML identity provider before users move: the ASA's entity ID and reply URL name the tunnel-group (https://BASE-URL/saml/sp/metadata/${newName}, https://BASE-URL/+CSCOE+/saml/sp/acs?tgname=${newName}; \`show saml metadata ${cliName(newName)}\` prints them), and sign-in on ${newName} fails until the IdP has them`,
    });
  return out;
}

/**
 * `group-lock value OLD` admits a session only on profile OLD: users who reach the copy are refused.
 * Every policy that locks to OLD counts, whoever seems to use it: besides profiles and local users, a
 * RADIUS class or an LDAP attribute map can hand it out, and a policy inherits DfltGrpPolicy's lock.
 * (A policy a plan makes for the copy alone is locked to the copy when it is made.)
 */
function groupLocksOn(model: DeviceModel, name: string, newName: string): CopyBlocker[] {
  const out: CopyBlocker[] = [];
  const locks = (text: string): boolean => {
    const w = tokenize(text);
    return w[0] === 'group-lock' && w[1] === 'value' && w[2] === name;
  };
  for (const gp of model.groupPolicies.values()) {
    for (const l of gp.lines.filter((x) => x.mode === 'attributes' && locks(x.text)))
      out.push({
        kind: 'group-lock',
        what: `group-policy ${gp.name} locks its users to ${name} (\`group-lock value ${cliName(name)}\`, ${lineRef(l.line)})`,
        lines: [`group-policy ${cliName(gp.name)} attributes`, ` group-lock value ${cliName(newName)}`],
        undo: [`group-policy ${cliName(gp.name)} attributes`, ` group-lock value ${cliName(name)}`],
      });
  }
  for (const u of model.users.values()) {
    if (u.groupLock.state !== 'value' || u.groupLock.value !== name) continue;
    out.push({
      kind: 'group-lock',
      what: `user ${u.name} is locked to ${name} (\`group-lock value\`, ${lineRef(u.groupLock.line)})`,
      lines: [`username ${cliName(u.name)} attributes`, ` group-lock value ${cliName(newName)}`],
      undo: [`username ${cliName(u.name)} attributes`, ` group-lock value ${cliName(name)}`],
    });
  }
  return out;
}

/** The keyword a tunnel-group line sets (`no` forms name the keyword they remove); aliases and URLs by value. */
function lineKeyword(text: string): string {
  const w = text.replace(/^no /, '').split(' ');
  return w[0] === 'group-alias' || w[0] === 'group-url' ? `${w[0]} ${withoutFlag(w.slice(1).join(' '))}` : w[0]!;
}

function withoutFlag(line: string): string {
  return line.replace(/ (enable|disable)$/, '');
}

function renameAlias(line: string, renames: ReadonlyMap<string, string>): string {
  const m = /^group-alias ("[^"]+"|\S+)(.*)$/.exec(line);
  if (!m) return line;
  const name = m[1]!.replace(/^"|"$/g, '');
  const renamed = renames.get(name);
  return renamed === undefined ? line : `group-alias ${cliName(renamed)}${m[2]!}`;
}

/**
 * Every appearance of custom attribute type `from` under the name `to`, in an order the ASA accepts:
 * the new type and its data first, then the policies and DAP records switch, then the old data and type go (a type
 * cannot be removed while data or a policy uses it).
 */
export interface CustomTypeRename {
  /** The new type's declaration, a sub-command of the global `webvpn` (null: the device declares it already). */
  declaration: string | null;
  /** The old type's data lines under the new type. */
  data: string[];
  /** Policies and DAP records moving from the old type to the new one. */
  switches: string[];
  /** The old type's data going, then its declaration (a `webvpn` sub-command; null: never declared). */
  dataRemovals: string[];
  typeRemoval: string | null;
}

export function renameCustomType(model: DeviceModel, from: string, to: string): CustomTypeRename {
  const data: string[] = [];
  const switches: string[] = [];
  const dataRemovals: string[] = [];
  const types = model.global.webvpn?.customAttributeTypes ?? [];
  const declared = types.find((t) => t.type === from);
  for (const d of model.global.customData.values()) {
    if (d.type !== from) continue;
    data.push(...d.parts.map((p) => `anyconnect-custom-data ${to} ${d.name} ${p.value}`));
    dataRemovals.push(`no anyconnect-custom-data ${from} ${d.name}`);
  }
  for (const gp of model.groupPolicies.values()) {
    const s = gp.customAttributes.get(from);
    if (!s || s.state === 'unset') continue;
    switches.push(
      ...policyLines(gp.name, 'attributes', [
        s.state === 'value' ? `anyconnect-custom ${to} value ${s.value}` : `anyconnect-custom ${to} none`,
        `no anyconnect-custom ${from}`,
      ]),
    );
  }
  // DAP records assign the type too: left on the old one, the type could not go (and phones matched by
  // the record would lose what it assigns).
  for (const r of model.global.dapRecords) {
    const s = r.customAttributes.get(from);
    if (!s || s.state !== 'value') continue;
    switches.push(`dynamic-access-policy-record ${cliName(r.name)}`, ` anyconnect-custom ${to} value ${s.value}`, ` no anyconnect-custom ${from}`);
  }
  return {
    declaration: types.some((t) => t.type === to) ? null : ` anyconnect-custom-attr ${to} description ${declared?.description ?? 'Per-app VPN policy'}`,
    data,
    switches,
    dataRemovals,
    typeRemoval: declared ? ` no anyconnect-custom-attr ${from}` : null,
  };
}

/**
 * Why renaming custom attribute type `from` to `to` would merge two things into one (null: it would
 * not): a data name `to` already holds, or one of `alsoBecoming` (other types renamed to `to` in the
 * same change) brings (its lines would append to the other's, one base64 blob after another), or a
 * group-policy or DAP record that assigns both types (it can keep only one value).
 */
export function customTypeRenameClash(model: DeviceModel, from: string, to: string, alsoBecoming: readonly string[] = []): string | null {
  // Every type that would end up as `to`: itself, and every other type renamed to it.
  const sources = [to, ...alsoBecoming];
  const data = [...model.global.customData.values()];
  for (const d of data.filter((x) => x.type === from)) {
    const other = data.find((x) => x.name === d.name && sources.includes(x.type));
    if (other) return `anyconnect-custom-data ${from} ${d.name} and ${other.type} ${d.name} would become one ${to} ${d.name}`;
  }
  const assigners = [
    ...[...model.groupPolicies.values()].map((gp) => ({ what: `group-policy ${gp.name}`, types: gp.customAttributes })),
    ...model.global.dapRecords.map((r) => ({ what: `DAP record ${r.name}`, types: r.customAttributes })),
  ];
  for (const a of assigners) {
    const both = sources.find((t) => a.types.get(t) !== undefined && a.types.get(t)!.state !== 'unset');
    const mine = a.types.get(from);
    if (both !== undefined && mine !== undefined && mine.state !== 'unset') return `${a.what} assigns both ${from} and ${both}, which would become one ${to}`;
  }
  return null;
}

/** Sub-commands of the global `webvpn`, entered under it (nothing when there are none). */
export function underWebvpn(lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : ['webvpn', ...lines];
}

/**
 * A group-url path for `owner` (a profile) that no group-url on the device uses, nor one handed to
 * another profile of the same audit: `base`, else `base-2`, ... (`A+B` and `A-B`, `MOBILE` and
 * `Mobile` would otherwise get the same URL, which the ASA refuses for the second). The same owner
 * gets the same path each time.
 */
export function unusedUrlPath(model: DeviceModel, base: string, owner: string): string {
  let paths = URL_PATHS.get(model);
  if (!paths) {
    paths = {
      taken: new Set([...model.tunnelGroups.values()].flatMap((tg) => tg.webvpn.groupUrls.map((u) => urlPath(u.url)))),
      profiles: countNames([...model.tunnelGroups.keys()]),
      handed: new Map(),
    };
    URL_PATHS.set(model, paths);
  }
  const held = paths.handed.get(owner);
  if (held !== undefined) return held;
  // A path that is another profile's own name reads as that profile's: `A+B` does not get `/a-b` beside a profile `A-B`.
  const { taken, profiles } = paths;
  const own = owner.toLowerCase();
  const path = firstFree(base, { has: (p) => taken.has(p) || (profiles.get(p) ?? 0) > (p === own ? 1 : 0) });
  paths.taken.add(path.toLowerCase());
  paths.handed.set(owner, path);
  return path;
}

/** Per model: paths in use, the profiles' own names (lower-cased, with how many share each), and the path each owner was given. */
const URL_PATHS = new WeakMap<DeviceModel, { taken: Set<string>; profiles: ReadonlyMap<string, number>; handed: Map<string, string> }>();

/** How many names there are of each lower-cased spelling (profiles differing only in case count apart). */
function countNames(names: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n.toLowerCase(), (counts.get(n.toLowerCase()) ?? 0) + 1);
  return counts;
}

/** The last path segment of a group-url, lower-cased (`https://vpn/Mobile/` → `mobile`). */
function urlPath(url: string): string {
  return (/\/([^/]+)\/?$/.exec(url)?.[1] ?? url).toLowerCase();
}

/** `base`, else `base-2`, `base-3`, ...; with `max`, the base is cut so the whole name fits. */
function firstFree(base: string, taken: { has: (name: string) => boolean }, max = Infinity): string {
  const fit = (suffix: string): string => `${cutName(base, max - suffix.length)}${suffix}`;
  if (!taken.has(fit('').toLowerCase())) return fit('');
  for (let i = 2; ; i++) if (!taken.has(fit(`-${i}`).toLowerCase())) return fit(`-${i}`);
}

/** Names in use on a device (profiles, aliases, group-url paths, policies), lower-cased; computed once per model. */
const TAKEN = new WeakMap<DeviceModel, ReadonlySet<string>>();

function takenNames(model: DeviceModel): ReadonlySet<string> {
  let taken = TAKEN.get(model);
  if (taken) return taken;
  const names = new Set<string>();
  for (const tg of model.tunnelGroups.values()) {
    names.add(tg.name.toLowerCase());
    for (const a of tg.webvpn.groupAliases) names.add(a.name.toLowerCase());
    for (const u of tg.webvpn.groupUrls) names.add(urlPath(u.url));
  }
  for (const name of ['DefaultRAGroup', 'DefaultWEBVPNGroup', 'DefaultL2LGroup', DEFAULT_GROUP_POLICY]) names.add(name.toLowerCase());
  for (const gp of model.groupPolicies.keys()) names.add(gp.toLowerCase());
  taken = names;
  TAKEN.set(model, taken);
  return taken;
}

/**
 * A name no profile, alias or group-url path on the device uses yet: `base`, else `base-2`, `base-3`,
 * ...; cut to the length the ASA takes for a policy or profile name (a long profile's `GP-NAME` would
 * be refused, and the plan's lines after it with it).
 */
export function unusedName(model: DeviceModel, base: string, alsoTaken: Iterable<string> = []): string {
  const device = takenNames(model);
  const extra = new Set([...alsoTaken].map((n) => n.toLowerCase()));
  return firstFree(base, { has: (n: string) => device.has(n) || extra.has(n) }, NAME_MAX_CHARS);
}

/**
 * The AAA server groups a session of profile `name` meets, with their protocol (a group the
 * configuration does not declare may be RADIUS): authentication (unless the profile signs in by
 * certificate or SAML alone), authorization, and secondary authentication. `[(IF)] GROUP [options]`
 * names the group second or first; `LOCAL` and `none` are no server.
 */
function aaaServerGroupsOf(model: DeviceModel, name: string): Array<{ name: string; protocol: string }> {
  const tg = model.tunnelGroups.get(name);
  const auth = tg?.webvpn.authentication;
  const signsInWithAaa =
    auth === undefined ||
    auth.state !== 'value' ||
    auth.value.includes('aaa') ||
    (tg?.ipsec.ikev2RemoteAuthentication ?? []).some((m) => m.method.startsWith('eap'));
  const groups = (tg?.blocks ?? [])
    .filter((b) => b.kind === 'general-attributes')
    .flatMap((b) => b.lines)
    .map((l) => tokenize(l.text))
    .filter((w) => /^(secondary-)?(authentication|authorization)-server-group$/.test(w[0] ?? ''))
    .filter((w) => signsInWithAaa || w[0] === 'authorization-server-group')
    .map((w) => (/^\(.*\)$/.test(w[1] ?? '') ? w[2] : w[1]))
    .filter((g): g is string => g !== undefined && g !== 'LOCAL' && g.toLowerCase() !== 'none');
  return [...new Set(groups)].map((g) => ({ name: g, protocol: model.global.aaaServerGroups.get(g)?.protocol ?? 'radius' }));
}
