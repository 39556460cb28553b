// The merge engine: applies ASA configuration-mode commands to a parsed configuration the way the ASA
// merges pasted input. Mode commands enter sub-modes (`group-policy X attributes`, ` webvpn`,
// `tunnel-group X general-attributes`, `webvpn`, ...); a line replaces the line with the same identity
// in its mode (the attribute table says which lines are the same attribute); `no` forms remove;
// `clear configure group-policy X` and the like remove whole objects. A command that is not valid in
// the current mode is tried in the enclosing modes, as the ASA does. What the engine does not understand
// is reported with its line, never silently dropped.

import type { ConfigSection, ParsedConfig } from '../parse/parse.js';
import { editDistance, nearest } from '../common/edit-distance.js';
import { IPV4 } from '../common/ipv4.js';
import { holdsSecret, redactLine } from '../parse/redact.js';
import { cliName, tokenize } from '../parse/tokenize.js';
import { atLeast } from '../parse/version.js';
import { sectionVersionLine } from './build.js';
import { renderSteps, type ModeStep } from './cli-script.js';
import { ConfigDocument, type DocBlock, type DocNode, type LineOrigin } from './config-document.js';
import { hiddenLineRefused, hiddenStart } from './hidden-lines.js';
import { overLongValue, POLICY_ATTRIBUTES, POLICY_SPECS_BY_FIRST_WORD, type PolicyAttributeSpec } from './policy-attributes.js';
import { BUILT_IN_TUNNEL_GROUPS, DEFAULT_GROUP_POLICY, NAME_MAX_CHARS } from './types.js';

/** How the warning for a line that may belong to an unmodelled sub-mode above it begins. */
const DOUBT = 'applied where the tool knows the command';

/** The warning for a command the engine does not model (a caller tells a gap in the tool from a fault in a file by it). */
export const NOT_MODELLED = 'not simulated: the tool does not model this command, so its effect is not in the result';

export interface MergeProblem {
  /** 1-based line of the change script. */
  line: number;
  /** `info`: applied, with something to check (a length the ASA is recalled to refuse). */
  severity: 'error' | 'warning' | 'info';
  command: string;
  message: string;
}

export interface MergeResult {
  /** The whole file's lines with the section changed (other sections as they were). */
  lines: string[];
  /** Where each of those lines came from: the original file or the script (see LineOrigin). */
  origins: LineOrigin[];
  /** The same as one text (made when asked for). */
  readonly text: string;
  problems: MergeProblem[];
  /** Commands that changed something. */
  applied: number;
  /**
   * What undoes each change, in the order the changes were made: the mode to enter and the commands
   * that put back what was there (`no` forms where nothing was). Reversed, it is a rollback script.
   */
  undo: UndoStep[];
}

export type UndoStep = ModeStep;

type Mode =
  | { kind: 'config' }
  | { kind: 'group-policy'; name: string }
  | { kind: 'group-policy-webvpn'; name: string }
  | { kind: 'tunnel-group'; name: string; block: string }
  | { kind: 'webvpn' }
  /** A block the tool keeps as written (a trustpoint, `username X attributes`, a webvpn sub-mode): lines by position. */
  | { kind: 'generic'; block: DocBlock; node: DocNode; path: string[] }
  /** Under a command the tool does not understand: its sub-commands are reported, not applied. */
  | { kind: 'unknown'; header: string; refused?: boolean };

/** `warning` beside `changed`: applied, with something to tell; `info`: applied, with something to check. */
type Outcome = { mode?: Mode; changed: boolean; warning?: string; info?: string } | { error: string } | { warning: string } | null;

const TUNNEL_GROUP_BLOCKS = new Set(['general-attributes', 'webvpn-attributes', 'ipsec-attributes', 'ppp-attributes']);
/** Lines that enter a sub-mode whatever follows them (their sub-commands need not be indented). */
const MODE_HEADER =
  /^(group-policy \S+ attributes|tunnel-group \S+ (general|webvpn|ipsec|ppp)-attributes|username \S+ attributes|dynamic-access-policy-record \S+)$/;
// `configure terminal` as typed: the ASA takes any unambiguous abbreviation (`conf t`, `configure t`, `conf term`).
const CONFIGURE_TERMINAL = /^conf(i(g(u(re?)?)?)?)? +t(e(r(m(i(n(al?)?)?)?)?)?)?$/i;
const SESSION_COMMANDS = /^(end|exit|quit)$/i;
/** `exit`, or `quit`, which leaves a configuration mode as `exit` does [recalled] (see applyLine). */
const LEAVE_MODE = /^(exit|quit)$/i;
// EXEC commands a session may hold (`show run`, `terminal pager 0`, `write memory`): ignored, in any mode.
// (`do ...` runs an EXEC command from any configuration mode.)
const NOT_CONFIG =
  /^(do|sh|sho|show|write|wr|copy|reload|clear (?!conf)|term|termi|termin|termina|terminal|ping|traceroute|packet-tracer|more|dir|delete|verify|debug|undebug|test|login|logout|vpn-sessiondb logoff)\b/i;
// `enable` and `disable` alone are EXEC commands at the top, sub-commands in a mode (`cache` / `disable`).
const EXEC_AT_TOP = /^(enable|disable)$/i;
/**
 * Commands the tool does not model that enter a sub-mode on the ASA whether or not what follows is
 * indented: their sub-commands, and the `exit` that leaves them, belong to them.
 */
const UNMODELLED_MODES =
  /^(object|object-group|interface|class-map|policy-map|router|time-range|context|call-home|ldap attribute-map|aaa-server \S+( \(\S+\))? host|aaa-server \S+ protocol|crypto ikev[12] policy|crypto isakmp policy|crypto ipsec ikev[12] ipsec-proposal|crypto ipsec profile|crypto ca certificate (chain|map)|crypto ca trustpool policy|crypto ca server|failover group|dns server-group|vpn load-balancing|sla monitor|ssh pubkey-chain|ipv6 dhcp pool)\b/i;

/**
 * Applies a change script (one command per line, indentation ignored) to one section of a config.
 * `startsAfter`: the command that left the session in EXEC mode just before the script (a `changeto
 * context` line): nothing is configuration until `configure terminal`. Otherwise the script starts in
 * configuration mode.
 */
export function mergeCommands(parsed: ParsedConfig, section: ConfigSection, script: string, firstLine = 1, startsAfter: string | null = null): MergeResult {
  const doc = ConfigDocument.fromParsed(parsed, section);
  const lines = script.split(/\r?\n/);
  // Where each AAA server group is defined: 0 for the configuration's own lines, else the script line
  // (a group is there for the lines after it). null: a configuration cut short, whose definitions may
  // be in the part it lacks, so no group is known to be missing.
  let groups: Map<string, number> | null = null;
  const serverGroups = (): ReadonlyMap<string, number> | null => {
    if (!section.completeness.complete) return null;
    if (groups !== null) return groups;
    groups = new Map();
    const defines = (line: string, at: number): void => {
      // (Most lines of a large configuration are access-lists and objects: not split for this.)
      if (!line.trimStart().startsWith('aaa-server')) return;
      const w = tokenize(line);
      if (w[0] === 'aaa-server' && w[1] !== undefined && !groups!.has(w[1])) groups!.set(w[1], at);
    };
    for (const i of section.topLevel) defines(parsed.lines[i]!, 0);
    lines.forEach((line, i) => {
      defines(line, firstLine + i);
    });
    return groups;
  };
  const engine = new Merger(doc, startsAfter, legacyRelease(parsed, section), serverGroups);
  const problems: MergeProblem[] = [];
  let applied = 0;
  const indentOf = (l: string): number => l.length - l.trimStart().length;
  const meaningful = (l: string): boolean => !(l.trim() === '' || l.trim().startsWith('!') || l.trim().startsWith(':'));
  // The next meaningful line after each line, found in one pass from the end (scripts run to thousands of lines).
  const nextOf: Array<string | undefined> = [];
  for (let i = lines.length - 1, next: string | undefined; i >= 0; i--) {
    nextOf[i] = next;
    if (meaningful(lines[i]!)) next = lines[i];
  }
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (!meaningful(raw)) return;
    const next = nextOf[i];
    doc.scriptLine = firstLine + i;
    // A line behind odd spaces or invisible characters (a copy from a web page or a terminal) is one
    // the ASA does not take as typed, and the configuration reader does not read: refused here too.
    const hidden = hiddenStart(raw.replace(/^[ \t]+/, ''));
    if (hidden !== undefined) {
      problems.push(maskedProblem({ line: firstLine + i, command: text, severity: 'error', message: hiddenLineRefused(hidden) }));
      return;
    }
    const r = engine.apply(text, indentOf(raw), next !== undefined && indentOf(next) > indentOf(raw));
    if (r.problem) problems.push(maskedProblem({ line: firstLine + i, command: text, ...r.problem }));
    // Simulated as written; pasted, the CLI would take the `?` as a request for help.
    else if (text.includes('?'))
      problems.push(
        maskedProblem({
          line: firstLine + i,
          command: text,
          severity: 'info',
          message:
            'this line holds `?`, which the ASA CLI reads as a request for help when pasted [recalled], so it would go in without it: type it by hand (on Cisco CLIs, Ctrl-V before the `?` types it)',
        }),
      );
    if (r.changed) applied++;
  });
  // A list emptied and not filled again while a policy names it: what the ASA then tunnels is not known to the tool.
  for (const e of engine.emptiedLists())
    problems.push({
      line: e.line,
      severity: 'warning',
      command: e.command,
      message: `access-list ${e.name} is gone but group-policy ${e.policies.join(', ')} still name${e.policies.length === 1 ? 's' : ''} it: the result shows a list that does not exist; add its new entries in the same change`,
    });
  for (const m of engine.missingLists())
    problems.push({
      line: m.line,
      severity: 'warning',
      command: `split-tunnel-network-list value ${m.name}`,
      message: `access-list ${m.name} does not exist, before or after this change: the policy names a list the ASA does not have (the tool does not know whether the ASA refuses the line), so the split tunnel has no networks; create the list in the same change, or correct the name`,
    });
  problems.sort((a, b) => a.line - b.line);
  const { lines: rendered, origins } = doc.renderLines();
  return {
    lines: rendered,
    origins,
    get text() {
      return `${rendered.join('\n')}\n`;
    },
    problems,
    applied,
    undo: engine.undo,
  };
}

/**
 * A `no` line that removed another value than the one it names (`no address-pool NOPOOL` where the
 * block has `address-pool VPN-POOL`): applied, but the ASA may refuse it instead.
 */
function removedOther(removed: string, named: readonly string[]): string {
  return `removed \`${removed}\`, though this line names \`${named.join(' ')}\`: the tool does not know whether the ASA takes it that way or refuses it; write \`no ${removed}\``;
}

/**
 * A problem quotes its script line: a secret typed there (a pre-shared key, a server `key`, a
 * password) is masked, as in any quoted configuration line, wherever the message repeats it.
 */
export function maskedProblem(p: MergeProblem): MergeProblem {
  const safe = redactLine(p.command);
  // Every quoted line (`...`) is masked as a line of its own: a message may quote the command's
  // parent (`aaa-server R host IP KEY`), where an anchored form matches only at the start.
  const quoted = (safe === p.command ? p.message : p.message.split(p.command).join(safe)).replace(
    /`([^`]*)`/g,
    (_, inner: string) => `\`${redactLine(inner)}\``,
  );
  const message = redactLine(quoted);
  return safe === p.command && message === p.message ? p : { ...p, command: safe, message };
}

/** How a `quit` was taken: as `exit`, which it is recalled to equal on the ASA, not checked. */
function quitNote(taken: string): string {
  return `\`quit\` is taken as \`exit\`, ${taken}: on the ASA it leaves a configuration mode as \`exit\` does [recalled]; write \`exit\` to be sure`;
}

/** A rollback script: the undo steps in reverse order, consecutive steps in one mode entered once. */
export function renderUndo(undo: readonly UndoStep[]): string {
  return renderSteps([...undo].reverse(), 'adjacent');
}

class Merger {
  private stack: Mode[] = [{ kind: 'config' }];
  /** The `end` or `changeto` that left configuration mode, until `configure terminal` enters it again. */
  private leftConfig: string | null;
  /** The command applied before the current one. */
  private previous: string | null = null;
  /**
   * The username or DAP record a global `webvpn` was typed in, when it was typed there at an
   * indentation that does not say whose it is: on the ASA it may be that block's own webvpn.
   */
  private ambiguousWebvpn: string | null = null;
  /** A mode line just refused (`group-policy NOPE attributes`): the lines after it were meant for its block. */
  private refusedMode: { text: string; line: number } | null = null;
  /** Lists the script emptied (`clear configure access-list NAME`, or `no` of its last entry): the line that did. */
  private readonly cleared = new Map<string, { line: number; command: string }>();
  readonly undo: UndoStep[] = [];
  /** The mode path of the command being applied, for its undo step. */
  private path: string[] = [];
  /** Objects this script created (`group-policy NAME`, `tunnel-group NAME`): removing them undoes every edit inside. */
  private readonly created = new Set<string>();
  /** Whether the line being applied has deeper-indented lines after it, and its indentation. */
  private opensBlock = false;
  private indent = 0;
  /** Which profile holds each group-alias and group-url (they name one profile): built on first use. */
  private owners: Map<string, string> | null = null;
  /** The keys of `owners` by their folded form (letter case, a URL's trailing slash); built with it. */
  private folded: Map<string, Set<string>> | null = null;

  /** An alias or URL (of any profile, this one's too; of `ownedBy` only, when given) that differs from `key` only in case (or a URL's trailing slash). */
  private alikeOwner(key: string, ownedBy?: string): { key: string; owner: string } | null {
    const owners = this.uniqueOwners();
    // Looked up by folded key: a plan copying hundreds of profiles applies as many aliases.
    for (const k of this.folded!.get(foldOwnerKey(key)) ?? []) {
      const owner = owners.get(k);
      if (k !== key && owner !== undefined && (ownedBy === undefined || owner === ownedBy)) return { key: k, owner };
    }
    return null;
  }

  /** Which profile holds each group-alias and group-url, with the same keys folded (see alikeOwner). */
  private uniqueOwners(): ReadonlyMap<string, string> {
    if (this.owners === null) {
      this.owners = new Map();
      this.folded = new Map();
      for (const b of this.doc.find('tunnel-group')) {
        if (b.words[2] !== 'webvpn-attributes') continue;
        for (const c of b.node.children) {
          const key = c.raw ? null : tunnelGroupKey('webvpn-attributes', tokenize(c.text));
          if (key !== null && (key.startsWith('group-alias ') || key.startsWith('group-url '))) this.setOwner(key, b.words[1]!);
        }
      }
    }
    return this.owners;
  }

  private setOwner(key: string, name: string): void {
    this.uniqueOwners();
    this.owners!.set(key, name);
    const f = foldOwnerKey(key);
    (this.folded!.get(f) ?? this.folded!.set(f, new Set()).get(f)!).add(key);
  }

  private deleteOwner(key: string): void {
    this.uniqueOwners();
    this.owners!.delete(key);
    this.folded!.get(foldOwnerKey(key))?.delete(key);
  }

  constructor(
    private readonly doc: ConfigDocument,
    leftConfig: string | null,
    /** The release, when it predates the `anyconnect` keywords (8.4): their lines get a warning. */
    private readonly legacy: string | null = null,
    /** Where the configuration and the script define each AAA server group (see mergeCommands); null: not known. */
    private readonly serverGroups: () => ReadonlyMap<string, number> | null = () => null,
  ) {
    this.leftConfig = leftConfig;
  }

  /**
   * `indent` is the line's indentation: the ASA ignores it, and so does the engine for every command it
   * knows; it only tells which block an unknown sub-command belongs to. `opensBlock`: the next line is
   * indented deeper (a sub-mode the tool keeps as written).
   */
  apply(text: string, indent = 0, opensBlock = false): { changed: boolean; problem?: Omit<MergeProblem, 'line' | 'command'> } {
    // Whether the script indents the sub-mode it is in: then an unindented line has left it.
    if (indent > 0 && this.stack.length > 1) this.modeIndented = true;
    const r = this.applyLine(text, indent, opensBlock);
    // An unindented command the tool does not model, typed in a sub-mode whose lines the script
    // indents, is most likely a global one the ASA takes at the top, leaving the sub-mode: the tool is
    // not sure. (A script that indents nothing leaves such lines to the sub-mode, as before.)
    // In a sub-mode the tool knows, it may be a sub-command the tool does not know: the mode is kept,
    // but the `exit` that follows is in doubt too.
    const opened = this.stack.at(-1);
    const opener = opened?.kind === 'unknown' && opened.header === text;
    if (opener) this.modeIndented = false;
    if (r.problem?.message === NOT_MODELLED && indent === 0 && this.stack.length > 1 && !opener && this.modeIndented) {
      if (this.stack.some((m) => m.kind === 'unknown')) this.stack = [{ kind: 'config' }];
      else this.modeInDoubt = true;
      this.unknownAtTop = true;
      this.certain = false;
    }
    // A top-level command the tool does not model may have opened a sub-mode it cannot see, and in a
    // sub-mode it does not model an unindented line may have been its own (`domain-name` under `dns
    // server-group`) though the tool took it for a top-level one: from then on the tool is not sure
    // where the session is, and a top-level `exit` is only a warning.
    if ((r.problem?.message === NOT_MODELLED && this.stack.length === 1) || r.problem?.message.startsWith(DOUBT) === true) this.unknownAtTop = true;
    // A mode the tool knows, entered from the top, or a sub-mode closed by its own `exit`: the tool
    // knows where the session is again.
    else if (this.certain) this.unknownAtTop = false;
    this.certain = false;
    // A split-tunnel list a policy line names: it must exist once the script is applied (see missingLists).
    const list = /^split-tunnel-network-list value (\S+)$/.exec(text);
    if (list !== null && r.changed && this.stack.at(-1)?.kind === 'group-policy') this.namedLists.set(list[1]!, this.doc.scriptLine);
    this.previous = text;
    // The lines after a refused mode line are its block's until one is taken or another mode entered.
    if (r.problem?.severity !== 'error' || this.stack.length > 1) this.refusedMode = null;
    // The doubt about a global webvpn lasts while the session is in it.
    if (this.ambiguousWebvpn !== null && !this.stack.some((m) => m.kind === 'webvpn')) this.ambiguousWebvpn = null;
    return r;
  }

  private applyLine(text: string, indent: number, opensBlock: boolean): { changed: boolean; problem?: Omit<MergeProblem, 'line' | 'command'> } {
    if (CONFIGURE_TERMINAL.test(text)) {
      this.leftConfig = null;
      return { changed: false };
    }
    // Under `crypto ca certificate chain`, `quit` ends a certificate's hex data [src], a sub-mode the
    // tool does not track: the session is back in the chain, where it already is for the tool.
    const current = this.stack.at(-1);
    if (/^quit$/i.test(text) && current?.kind === 'unknown' && /^crypto ca certificate chain\b/i.test(current.header)) return { changed: false };
    if (SESSION_COMMANDS.test(text) || /^changeto (context \S+|system)$/.test(text)) {
      // `end` and `changeto` land in EXEC mode: no configuration until `configure terminal`. An `exit`
      // leaves the innermost mode the tool knows of; at the top it is taken as closing a sub-mode the
      // tool does not track (on the ASA an extra `exit` would leave configuration mode).
      // (`quit` leaves a mode as `exit` does [recalled]: a later line is not filed in the mode it left.)
      if (LEAVE_MODE.test(text)) {
        if (this.stack.length > 1) {
          const left = this.stack.pop()!;
          if (this.modeInDoubt) {
            this.modeInDoubt = false;
            return {
              changed: false,
              problem: {
                severity: 'warning',
                message: `\`${text}\` is taken as leaving \`${modePath(left).join(' / ')}\`, but the unindented command above it, which the tool does not model, may have left that sub-mode on the ASA (a global command does): then this \`${text}\` leaves configuration mode and what follows is refused`,
              },
            };
          }
          this.certain = true;
          if (/^quit$/i.test(text)) return { changed: false, problem: { severity: 'info', message: quitNote(`leaving \`${modePath(left).join(' / ')}\``) } };
        }
        // The tool followed every mode up to here (the script entered and left each itself): this
        // `exit` leaves configuration mode, as on the ASA, and what follows is refused until
        // `configure terminal`.
        else if (this.leftConfig === null && this.previous !== null && !this.unknownAtTop) {
          this.leftConfig = text;
          return /^quit$/i.test(text) ? { changed: false, problem: { severity: 'info', message: quitNote('leaving configuration mode') } } : { changed: false };
        }
        // In EXEC mode already (after `end`), `exit` ends the session: nothing to say about configuration.
        else if (this.leftConfig === null)
          return {
            changed: false,
            problem: {
              severity: 'warning',
              message: `\`${text}\` at the top level: on the ASA it leaves configuration mode, and what follows is refused, unless it closes a sub-mode the tool does not track; the tool reads what follows as configuration`,
            },
          };
      } else {
        this.stack = [{ kind: 'config' }];
        this.leftConfig = text;
      }
      return { changed: false };
    }
    if (NOT_CONFIG.test(text) || (this.stack.length === 1 && EXEC_AT_TOP.test(text)))
      return { changed: false, problem: { severity: 'warning', message: 'not a configuration command; ignored' } };
    if (this.leftConfig !== null)
      return {
        changed: false,
        problem: {
          severity: 'error',
          message: `after \`${this.leftConfig}\` the session is no longer in configuration mode: the ASA reads this as an EXEC command and refuses it (enter \`configure terminal\` first)`,
        },
      };
    const words = tokenize(text);
    this.opensBlock = opensBlock;
    this.indent = indent;
    const top = this.stack[this.stack.length - 1]!;
    // `webvpn` on the line right after `username X attributes` or a DAP record is their sub-mode, indented
    // or not. Elsewhere in such a block, an indentation that does not place it leaves a doubt: the ASA
    // tries the current mode first, so it may be the block's own webvpn (see ambiguousWebvpn).
    const owner = text === 'webvpn' || text === 'no webvpn' ? this.userOrDapDepth() : -1;
    const ownerMode = owner === -1 ? null : this.stack[owner]!;
    const header = ownerMode?.kind === 'generic' ? ownerMode.path[0]! : null;
    if (text === 'webvpn' && ownerMode !== null && this.previous === header) {
      this.stack = this.stack.slice(0, owner + 1);
      this.path = modePath(ownerMode);
      const r = this.positional(ownerMode, words, text, true);
      if (r !== null && 'changed' in r && r.mode) this.stack.push(r.mode);
      return { changed: r !== null && 'changed' in r ? r.changed : false };
    }
    // One space per level places it: the loop below files it in the block by position.
    const placed = indent === owner;
    if (text === 'no webvpn' && header !== null && !placed)
      return {
        changed: false,
        problem: {
          severity: 'warning',
          message: `not simulated: typed inside \`${header}\`, this removes its own webvpn on the ASA, not the global one; indent it under the block for the tool to apply it`,
        },
      };
    if (text === 'webvpn' && header !== null && !placed) this.ambiguousWebvpn = header;
    // The ASA tries a command in the current mode, then in each enclosing one.
    for (let depth = this.stack.length - 1; depth >= 0; depth--) {
      const mode = this.stack[depth]!;
      this.path = modePath(mode);
      // Blocks the tool keeps as written take their indented lines by position; in every other mode
      // only the vocabulary decides, so a misplaced line goes to the enclosing mode as on the ASA.
      const r =
        this.inMode(mode, words, text) ??
        ((mode.kind === 'generic' || mode.kind === 'unknown') && indent === depth ? this.positional(mode, words, text, opensBlock) : null);
      if (r === null) continue;
      if ('error' in r) {
        // A refused mode line: the lines under it are never filed in the block before it (on the ASA
        // the session would stay there and they would change it). Read from configuration mode, they
        // are refused in turn, each with where it belongs.
        if (!MODE_HEADER.test(text)) return { changed: false, problem: { severity: 'error', message: r.error } };
        const left = this.stack.length > 1;
        this.stack = [{ kind: 'config' }];
        this.refusedMode = { text, line: this.doc.scriptLine };
        const note = left ? '; the lines under it are not applied (on the ASA they would change the block before it)' : '';
        return { changed: false, problem: { severity: 'error', message: `${r.error}${note}` } };
      }
      if (!('changed' in r)) return { changed: false, problem: { severity: 'warning', message: r.warning } };
      // An unindented line right under a sub-mode the tool does not model, taken by an enclosing mode:
      // the ASA may take it in that sub-mode instead (`domain-name` under `dns server-group`).
      const unknown = this.stack.slice(depth + 1).find((m) => m.kind === 'unknown');
      const doubt =
        unknown !== undefined && indent === 0 && r.mode === undefined && !TOP_LEVEL_ONLY.has(words[0] ?? '')
          ? `${DOUBT}, but it follows \`${unknown.header}\`, a sub-mode the tool does not model, where the ASA may take it instead; indent it under that block, or put \`exit\` before it, to say where it belongs`
          : null;
      this.stack = this.stack.slice(0, depth + 1);
      if (r.mode) this.stack.push(r.mode);
      if (r.mode !== undefined) this.modeIndented = false;
      if (r.mode !== undefined && r.mode.kind !== 'unknown' && depth === 0) {
        this.certain = true;
        this.modeInDoubt = false;
      }
      // A keyword the release may refuse comes first: refused, the line does nothing else it is warned of.
      const warning = (this.legacy === null ? null : newKeywordWarning(words, this.legacy)) ?? r.warning ?? doubt;
      if (warning !== null) return { changed: r.changed, problem: { severity: 'warning', message: r.info === undefined ? warning : `${warning}; ${r.info}` } };
      return r.info === undefined ? { changed: r.changed } : { changed: r.changed, problem: { severity: 'info', message: r.info } };
    }
    // (No mode took the line, so the stack is as it was: `top` is still the mode the line was typed in.)
    // A block the tool cannot enter: its sub-commands are reported, never filed under the previous block.
    // No mode took it: a sub-mode header the tool does not model falls back to configuration mode, as on the ASA.
    if ((indent === 0 && opensBlock) || UNMODELLED_MODES.test(text)) this.stack = [{ kind: 'config' }, { kind: 'unknown', header: text }];
    // Indentation is ignored, so a line may be a word of the mode it is in; inside a block the tool does
    // not model, nobody knows the words.
    // A misspelt mode line is refused wherever it was typed: the lines under it are not applied.
    const subCommand = top.kind === 'tunnel-group' && top.block === 'ipsec-attributes' ? ipsecSubCommandProblem(unnegated(words)) : null;
    if (subCommand !== null) return { changed: false, problem: subCommand };
    const spelled =
      top.kind !== 'unknown' && top.kind !== 'generic'
        ? spellingProblem(words, vocabularyOf(top))
        : indent === 0 && (words[0] === 'group-policy' || words[0] === 'tunnel-group')
          ? abbreviatedMode(words)
          : null;
    if (spelled !== null) {
      const opened = this.stack.at(-1)!;
      if (opened.kind === 'unknown' && opened.header === text) opened.refused = true;
      return { changed: false, problem: { severity: 'error', message: spelled } };
    }
    // A top-level command of the ASA the tool does not model (`banner motd`, `enable password`) is just that.
    // Inside a block the tool does not model, a line is that block's: nothing says it is misplaced.
    const inUnknown = this.stack.some((m) => m.kind === 'unknown' || m.kind === 'generic');
    const belongs = this.whereItBelongs(words);
    if (this.ambiguousWebvpn !== null && belongs !== null) return { changed: false, problem: { severity: 'warning', message: this.unplacedInUser() } };
    const misplaced = inUnknown || OTHER_ASA_COMMANDS.includes(words[0] ?? '') ? null : belongs;
    // A shell- or IOS-style comment: the ASA answers `% Invalid input` (only `!` and `:` lines are comments).
    if (/^(#|\/\/)/.test(text.trim()))
      return {
        changed: false,
        problem: { severity: 'error', message: `not a command: the ASA refuses this line (only lines starting with \`!\` or \`:\` are comments)` },
      };
    // Under a mode line just refused, "belongs under group-policy NAME attributes" would say what the
    // user did: say why it was not applied instead.
    const underRefused =
      misplaced !== null && this.refusedMode !== null
        ? `not applied: it follows \`${redactLine(this.refusedMode.text)}\` (line ${this.refusedMode.line}), which was refused`
        : null;
    return misplaced === null
      ? { changed: false, problem: { severity: 'warning', message: NOT_MODELLED } }
      : { changed: false, problem: { severity: 'error', message: underRefused ?? misplaced } };
  }

  /** Why a line under a `webvpn` typed inside a username or DAP record is not applied. */
  private unplacedInUser(): string {
    return `not simulated: the \`webvpn\` above was typed inside \`${this.ambiguousWebvpn ?? ''}\`, where the ASA enters that block's own webvpn; at this indentation the tool cannot tell whose it is (indent the block's lines by one space per level to have them applied)`;
  }

  /** Where in the stack the `username X attributes` or DAP record the session is in sits (-1: none). */
  private userOrDapDepth(): number {
    for (let depth = this.stack.length - 1; depth >= 0; depth--) {
      const mode = this.stack[depth]!;
      if (mode.kind !== 'generic') return -1;
      if (mode.path.length === 1 && /^(username|dynamic-access-policy-record) /.test(mode.path[0]!)) return depth;
    }
    return -1;
  }

  /**
   * A sub-command the vocabulary does not know, indented under a block: kept in that block. A line
   * replaces the line that differs from it only in its last word (`enrollment terminal` → `enrollment
   * self`); `no X` removes the lines that start with X; a line followed by deeper ones opens a sub-mode.
   */
  private positional(mode: Mode, words: string[], text: string, opensBlock: boolean): Outcome {
    if (mode.kind === 'unknown')
      return {
        warning:
          mode.refused === true
            ? `not applied: it is under \`${mode.header}\`, which was not applied (see that line)`
            : `not simulated: a sub-command of \`${mode.header}\`, which the tool does not model`,
      };
    if (mode.kind === 'config') return null;
    const { block, node, path } = this.containerOf(mode);
    if (opensBlock) {
      const existing = node.children.find((c) => !c.raw && c.text === text);
      const sub = existing ?? this.doc.newNode(text);
      if (!existing) {
        this.record(path, [`no ${text}`]);
        this.doc.touch(block);
        node.children.push(sub);
      }
      return { mode: { kind: 'generic', block, node: sub, path: [...path, text] }, changed: !existing };
    }
    const keyOf = (w: string[]): string => (w.length > 1 ? w.slice(0, -1) : w).join(' ');
    const negated = words[0] === 'no';
    if (negated) {
      const body = words.slice(1).join(' ');
      const gone = node.children.filter((c) => !c.raw && tokenize(c.text).join(' ').startsWith(body));
      if (gone.length === 0) return { changed: false };
      this.record(
        path,
        gone.map((c) => c.text),
      );
      this.doc.touch(block);
      node.children = node.children.filter((c) => !gone.includes(c));
      return { changed: true };
    }
    if (node.children.some((c) => c.text === text)) return { changed: false };
    const same = node.children.filter((c) => !c.raw && c.children.length === 0 && keyOf(tokenize(c.text)) === keyOf(words));
    this.record(path, same.length > 0 ? same.map((c) => c.text) : [`no ${text}`]);
    this.doc.touch(block);
    const fresh = this.doc.newNode(text);
    if (same.length > 0) {
      node.children[node.children.indexOf(same[0]!)] = fresh;
      node.children = node.children.filter((c) => !same.slice(1).includes(c));
    } else node.children.splice(insertAt(node), 0, fresh);
    return { changed: true };
  }

  /** The block and node a mode's lines go into. */
  private containerOf(mode: Exclude<Mode, { kind: 'config' } | { kind: 'unknown' }>): { block: DocBlock; node: DocNode; path: string[] } {
    switch (mode.kind) {
      case 'generic':
        return { block: mode.block, node: mode.node, path: mode.path };
      case 'group-policy': {
        const block = this.policyBlock(mode.name);
        return { block, node: block.node, path: modePath(mode) };
      }
      case 'group-policy-webvpn': {
        const block = this.policyBlock(mode.name);
        return { block, node: policyWebvpn(block.node)!, path: modePath(mode) };
      }
      case 'tunnel-group': {
        const block = this.tunnelGroupBlock(mode.name, mode.block);
        return { block, node: block.node, path: modePath(mode) };
      }
      case 'webvpn': {
        const block = this.doc.first('webvpn')!;
        return { block, node: block.node, path: ['webvpn'] };
      }
    }
  }

  private inMode(mode: Mode, words: string[], text: string): Outcome {
    switch (mode.kind) {
      case 'config':
        return this.config(words, text);
      case 'group-policy':
        return this.policyLine(mode.name, 'attributes', words, text);
      case 'group-policy-webvpn':
        return this.policyLine(mode.name, 'webvpn', words, text);
      case 'tunnel-group':
        return this.tunnelGroupLine(mode.name, mode.block, words, text);
      case 'webvpn':
        return this.webvpnLine(words, text);
      case 'generic':
      case 'unknown':
        return null;
    }
  }

  // ---- configuration mode -----------------------------------------------------------------------

  private config(w: string[], text: string): Outcome {
    const [a, b, c, d] = w;
    if (a === 'group-policy' && b && c) return this.groupPolicy(b, c, w, text);
    if (a === 'tunnel-group' && b && c) return this.tunnelGroup(b, c, w, text);
    if (a === 'webvpn' && w.length === 1) {
      if (this.doc.first('webvpn') === null) this.doc.insert('webvpn', this.doc.first('group-policy'), true);
      return { mode: { kind: 'webvpn' }, changed: false };
    }
    if (a === 'clear' && b === 'configure' && (c === 'group-policy' || c === 'tunnel-group') && d) return this.removeObject(c, d);
    if ((a === 'clear' && b === 'configure' && c === 'webvpn' && w.length === 3) || (a === 'no' && b === 'webvpn' && w.length === 2))
      return this.removeWebvpn();
    if (a === 'clear' && b === 'configure' && c === 'access-list' && d && w.length === 4) return this.clearAccessList(d);
    if (a === 'clear' && b === 'configure' && c !== undefined && c !== 'all' && d !== undefined)
      return { warning: `not simulated: the tool does not model \`clear configure ${c}\` of one object, so its effect is not in the result` };
    if (a === 'clear' && b === 'configure') {
      // Erasing whole classes of configuration is not something to simulate by guessing.
      return {
        error: `\`${text}\` erases ${c === undefined || c === 'all' ? 'the whole configuration' : `every ${c} object`}: the tool does not simulate it (name the object to remove, e.g. \`clear configure group-policy NAME\`)`,
      };
    }
    if (a === 'no' && (b === 'group-policy' || b === 'tunnel-group') && c && w.length === 3) return this.removeObject(b, c);
    // `no group-policy NAME internal`: how `show running-config` spells the policy, so how it is often removed.
    if (a === 'no' && b === 'group-policy' && c && (d === 'internal' || d === 'external') && w.length === 4) return this.removeObject(b, c);
    // Blocks the tool keeps as a whole: `no HEADER` removes one (how a rollback undoes a block the
    // change created), and edits go to their lines by first word.
    const removed = a === 'no' ? keptWholeHeader(w.slice(1)) : null;
    if (removed !== null) return this.removeKeptWhole(removed);
    const header = keptWholeHeader(w);
    if (header !== null) {
      const block = this.doc.find(...header)[0] ?? this.created_(text, header);
      return { mode: { kind: 'generic', block, node: block.node, path: [block.node.text] }, changed: false };
    }
    return this.globalLine(w, text);
  }

  /** Single global lines: each has an identity, and a new line replaces the old one. */
  private globalLine(w: string[], text: string): Outcome {
    const negated = w[0] === 'no';
    const body = negated ? w.slice(1) : w;
    // `no crypto isakmp nat-traversal` is a setting (off), not a removal.
    if (body[0] === 'crypto' && body[1] === 'isakmp' && body[2] === 'nat-traversal') {
      const refused = negated ? null : natTraversalProblem(body.slice(3));
      if (refused !== null) return { error: refused };
      const natt = (x: string[]): boolean => unnegated(x).slice(0, 3).join(' ') === 'crypto isakmp nat-traversal';
      // With no line the default is on with 20 s (after 7.0 [recalled]): `crypto isakmp nat-traversal 20`
      // puts that back. Whether the device then prints the line is not known, so the document keeps it.
      return this.replaceGlobal(natt, text, false, 'crypto isakmp nat-traversal 20');
    }
    if (body[0] === 'anyconnect-custom-data' && !negated && body[3] === undefined)
      // The ASA refuses the line without its name or value (an incomplete command).
      return {
        error: `\`${text}\` has no ${body[1] === undefined ? 'type, name and value' : body[2] === undefined ? 'name and value' : 'value'}: the form is \`anyconnect-custom-data TYPE NAME VALUE\``,
      };
    if (body[0] === 'anyconnect-custom-data' && body[1] && body[2]) {
      return this.customData(body[1], body[2], negated, text);
    }
    if (body[0] === 'access-list' && body[1]) return this.accessList(body, negated, text);
    // `name IP NAME [description ...]` and a bare `names`: what the ASA would refuse, the engine refuses.
    // (An address is only checked for its dots or colons: shared configs mask them, `xxx.xxx.45.196`.)
    if (
      !negated &&
      body[0] === 'name' &&
      !(body[1] !== undefined && /[.:]/.test(body[1]) && body[2] !== undefined && (body[3] === undefined || body[3] === 'description'))
    )
      return { error: `\`${text}\` is not \`name ADDRESS NAME [description TEXT]\`` };
    if (body[0] === 'names' && body.length > 1) return { error: `\`names\` takes nothing after it` };
    if (negated && body[0] === 'name' && body[1] !== undefined) {
      const named = this.doc.find('name').filter((b) => b.words[1] === body[1] && (body[2] === undefined || b.words[2] === body[2]));
      // What the ASA does to lines that print a name being removed is not known to the tool.
      const inUse = named.map((b) => b.words[2]).find((n) => n !== undefined && this.doc.find('access-list').some((a) => a.words.includes(n)));
      if (inUse !== undefined)
        return { warning: `not simulated: name ${inUse} is used by an access-list, and what the ASA then prints in its place is not known to the tool` };
    }
    // `no name ADDRESS` (the name left out) removes the name that address has.
    if (negated && body[0] === 'name' && body.length === 2) {
      const named = this.doc.find('name').filter((b) => b.words[1] === body[1]);
      if (named.length > 0)
        this.record(
          [],
          named.map((b) => b.node.text),
        );
      for (const b of named) this.doc.remove(b);
      return { changed: named.length > 0 };
    }
    const key = globalKey(body);
    if (key === null) return null;
    const applied = this.replaceGlobal((x) => globalKey(x) === key, text, negated);
    // Applied, but said: a pasted config may name a trustpoint above its block, so this is no refusal.
    const trustpoint = presentedTrustpoint(body);
    if (!negated && trustpoint !== null && applied !== null && 'changed' in applied && this.doc.find('crypto', 'ca', 'trustpoint', trustpoint).length === 0)
      return {
        ...applied,
        warning: `trustpoint ${trustpoint} is not in the configuration: the ASA refuses a certificate it does not hold [recalled]; create and enroll it first (\`crypto ca trustpoint ${cliName(trustpoint)}\`), or check the name`,
      };
    return applied;
  }

  private replaceGlobal(same: (words: string[]) => boolean, text: string, remove: boolean, unsetForm = `no ${text}`): Outcome {
    // Single global lines start with their own first word, or with `no` and it.
    const first = text.split(/\s+/)[text.startsWith('no ') ? 1 : 0]!;
    const existing = [...this.doc.find(first), ...this.doc.find('no', first)].filter((b) => same(b.words)).sort((a, b) => a.order - b.order);
    if (remove) {
      for (const b of existing) this.doc.remove(b);
      if (existing.length > 0)
        this.record(
          [],
          existing.map((b) => b.node.text),
        );
      return { changed: existing.length > 0 };
    }
    if (existing.length === 1 && existing[0]!.node.text === text) return { changed: false };
    this.record([], existing.length > 0 ? existing.map((b) => b.node.text) : [unsetForm]);
    const anchor = existing[0] ?? null;
    this.doc.insert(text, anchor ?? this.beforePolicies(), anchor === null);
    for (const b of existing) this.doc.remove(b);
    return { changed: true };
  }

  private customData(type: string, name: string, remove: boolean, text: string): Outcome {
    if (!remove && !this.declaredCustomTypes().has(type))
      return { error: `custom attribute type ${type} is not declared: add \`anyconnect-custom-attr ${type}\` under webvpn first` };
    const mine = this.doc.find('anyconnect-custom-data', type, name);
    if (remove) {
      if (mine.length > 0)
        this.record(
          [],
          mine.map((b) => b.node.text),
        );
      for (const b of mine) this.doc.remove(b);
      return { changed: mine.length > 0 };
    }
    // Undo: remove the value, then put back the lines it had. Once per name and script: the rollback
    // runs backwards, so the first such step puts back the lines as they were before any of the
    // script's, and a step for each later line would only rebuild what it then removes.
    const key = `${type} ${name}`;
    if (!this.dataReset.has(key)) {
      this.record([], [`no anyconnect-custom-data ${type} ${cliName(name)}`, ...mine.map((b) => b.node.text)]);
      this.dataReset.add(key);
    }
    // Several lines with one type and name add up, in order.
    this.doc.insert(text, mine.at(-1) ?? this.beforePolicies(), mine.length === 0);
    return { changed: true };
  }

  /** `clear configure access-list NAME`: every entry of that list goes; undone by entering them again, in order. */
  private clearAccessList(name: string): Outcome {
    const mine = this.doc.find('access-list', name);
    if (mine.length === 0) return { changed: false };
    this.record(
      [],
      mine.map((b) => b.header),
    );
    for (const b of mine) this.doc.remove(b);
    this.cleared.set(name, { line: this.doc.scriptLine, command: `clear configure access-list ${cliName(name)}` });
    return { changed: true };
  }

  /** Lists the script cleared and did not fill again while a group-policy still names them. */
  /** Custom data names (`TYPE NAME`) whose lines an undo step already resets to what they were before the script. */
  private readonly dataReset = new Set<string>();

  /** Whether the script has been somewhere the tool cannot follow (see apply): a top-level `exit` is then a guess. */
  private unknownAtTop = false;
  /** Set while applying a line that shows where the session is (a known mode entered from the top, a sub-mode's own `exit`). */
  private certain = false;
  /** An unindented command the tool does not model was typed in a sub-mode it knows: it may have left that sub-mode. */
  private modeInDoubt = false;
  /** Whether the script indented a line of the sub-mode it is in (see apply). */
  private modeIndented = false;

  /** Split-tunnel lists policy lines of the script named, and the script line that named each. */
  private readonly namedLists = new Map<string, number>();

  /** Lists the script's policy lines name that do not exist once it is applied (a typo, or a list created nowhere). */
  missingLists(): Array<{ line: number; name: string }> {
    return [...this.namedLists]
      .filter(([name]) => this.doc.find('access-list', name).length === 0 && !this.cleared.has(name))
      .map(([name, line]) => ({ line, name }));
  }

  emptiedLists(): Array<{ line: number; command: string; name: string; policies: string[] }> {
    const out: Array<{ line: number; command: string; name: string; policies: string[] }> = [];
    const names = (node: DocNode, name: string): boolean => node.children.some((c) => !c.raw && (tokenize(c.text).includes(name) || names(c, name)));
    for (const [name, { line, command }] of this.cleared) {
      if (this.doc.find('access-list', name).length > 0) continue;
      const policies = this.doc
        .find('group-policy')
        .filter((b) => b.words[2] === 'attributes' && names(b.node, name))
        .map((b) => b.words[1]!);
      if (policies.length > 0) out.push({ line, command, name, policies });
    }
    return out;
  }

  private accessList(body: string[], remove: boolean, text: string): Outcome {
    const name = body[1]!;
    const mine = this.doc.find('access-list', name);
    // With `names`, the ASA prints an address by its name: an entry typed either way is the same entry.
    const named = this.namedAddresses();
    const same = (words: readonly string[]): string => hostForm(words.map((w, i) => (i > 2 ? (named.get(w) ?? w) : w))).join(' ');
    if (remove) {
      const exact = mine.filter((b) => same(b.words) === same(body));
      if (exact.length === 0)
        return {
          changed: false,
          warning:
            mine.length === 0
              ? `removes nothing: there is no access-list ${name} in the configuration`
              : `removes nothing: access-list ${name} has no entry \`${body.slice(2).join(' ')}\` (its ${mine.length === 1 ? 'entry is' : `${mine.length} entries are`} listed by \`show running-config access-list ${name}\`)`,
        };
      for (const b of exact) this.record([], [`access-list ${cliName(name)} line ${mine.indexOf(b) + 1} ${b.words.slice(2).join(' ')}`]);
      for (const b of exact) this.doc.remove(b);
      // Its last entry gone, the list is gone: said like a `clear configure` when a policy still names it.
      if (this.doc.find('access-list', name).length === 0) this.cleared.set(name, { line: this.doc.scriptLine, command: text });
      return { changed: true };
    }
    // `access-list NAME line N ...` inserts at that position of the list; otherwise the entry goes last.
    const at = body[2] === 'line' && body[3] && /^\d+$/.test(body[3]) ? Number(body[3]) : null;
    const line = at === null ? text : ['access-list', name, ...body.slice(4)].join(' ');
    if (mine.some((b) => same(b.words) === same(tokenize(line)))) return { changed: false };
    this.record([], [`no ${line}`]);
    if (at !== null && at <= mine.length) this.doc.insert(line, mine[at - 1]!, true);
    else this.doc.insert(line, mine.at(-1) ?? this.lastOf('access-list') ?? this.beforePolicies(), mine.length === 0 && this.lastOf('access-list') === null);
    return { changed: true };
  }

  /** `name IP NAME` lines of the document: each name and the address it stands for. */
  private namedAddresses(): Map<string, string> {
    return new Map(this.doc.find('name').flatMap((b) => (b.words[1] !== undefined && b.words[2] !== undefined ? [[b.words[2], b.words[1]] as const] : [])));
  }

  private groupPolicy(name: string, kind: string, w: string[], text: string): Outcome {
    if (kind === 'internal' || kind === 'external') {
      const declared = this.declaration(name);
      // DfltGrpPolicy always exists (`show running-config all` prints its `internal` line).
      if ((declared || name === DEFAULT_GROUP_POLICY) && w[3] === 'from')
        return { error: `group-policy ${name} already exists: \`from\` copies only into a new group-policy` };
      if (w[3] === 'from' && kind !== 'internal') return { error: `\`from\` copies into an internal group-policy only` };
      if (name === DEFAULT_GROUP_POLICY) return kind === 'internal' ? { changed: false } : { error: 'DfltGrpPolicy is internal and cannot be made external' };
      if (declared) {
        if (declared.words[2] === kind) return { changed: false };
        return { error: `group-policy ${name} is already ${declared.words[2]}: remove it first (\`clear configure group-policy ${name}\`)` };
      }
      // `group-policy NAME internal from OTHER` starts as a copy of OTHER's attributes.
      const from = w[3] === 'from' && w[4] !== undefined && w.length === 5 ? w[4] : null;
      if (from !== null && from !== DEFAULT_GROUP_POLICY && !this.declaration(from))
        return { error: `group-policy ${from} does not exist: it cannot be copied` };
      // `group-policy NAME external server-group GROUP [password ...]`: an external policy's declaration.
      const externalDeclaration = kind === 'external' && w[3] === 'server-group' && w[4] !== undefined;
      if (w.length > 3 && from === null && !externalDeclaration) return null;
      this.recordCreated('group-policy', name);
      const named = nameTooLong('group-policy', name);
      const before = this.doc.find('group-policy', name)[0] ?? null;
      const declaration = this.doc.insert(
        text,
        before ?? this.doc.first('tunnel-group') ?? this.lastOf('group-policy'),
        before !== null || this.doc.first('tunnel-group') !== null,
      );
      const source = from === null ? undefined : this.doc.find('group-policy', from, 'attributes')[0];
      if (source !== undefined) {
        const copy = this.doc.insert(`group-policy ${cliName(name)} attributes`, declaration);
        this.doc.touch(copy).children = source.node.children.map((c) => this.copyNode(c));
      }
      return named === null ? { changed: true } : { changed: true, info: named };
    }
    if (kind !== 'attributes' || w.length !== 3) return null;
    // An attributes block with no declaration (a partial capture) still names a policy the device has.
    if (name !== DEFAULT_GROUP_POLICY && !this.declaration(name) && this.doc.find('group-policy', name, 'attributes').length === 0) {
      return { error: this.missingObject('group-policy', name, `enter \`group-policy ${name} internal\` first`) };
    }
    if (this.doc.find('group-policy', name, 'attributes').length === 0) {
      const declaration = this.declaration(name);
      this.doc.insert(
        `group-policy ${cliName(name)} attributes`,
        declaration ?? this.lastOf('group-policy') ?? this.doc.first('tunnel-group'),
        !declaration && !this.lastOf('group-policy') && this.doc.first('tunnel-group') !== null,
      );
    }
    return { mode: { kind: 'group-policy', name }, changed: false };
  }

  /** A copy of a line and its sub-commands, made by the script line being applied. */
  private copyNode(node: DocNode): DocNode {
    return { ...this.doc.newNode(node.text), raw: node.raw, children: node.children.map((c) => this.copyNode(c)) };
  }

  private tunnelGroup(name: string, kind: string, w: string[], text: string): Outcome {
    const exists = (BUILT_IN_TUNNEL_GROUPS as readonly string[]).includes(name) || this.doc.find('tunnel-group', name).length > 0;
    if (kind === 'type') {
      const typed = this.doc.find('tunnel-group', name, 'type')[0];
      if (typed) return typed.words[3] === w[3] ? { changed: false } : { error: `tunnel-group ${name} is already of type ${typed.words[3]}` };
      // The built-in profiles exist with their type whether or not the configuration prints it.
      const builtIn = builtInTunnelGroupType(name);
      if (builtIn !== null)
        return builtIn === w[3] || (Object.hasOwn(LEGACY_BUILT_IN_TYPES, name) && LEGACY_BUILT_IN_TYPES[name] === w[3])
          ? { changed: false }
          : { error: `tunnel-group ${name} is built in, of type ${builtIn} [recalled]` };
      // Attribute blocks with no type line: a partial capture. Its rollback (clear, then the blocks
      // again) could not be entered, since the blocks need the type first.
      if (exists)
        return {
          error: `tunnel-group ${name} has attribute blocks but no \`type\` line in this configuration (a partial capture?): the tool does not simulate typing it`,
        };
      this.recordCreated('tunnel-group', name);
      this.doc.insert(text, this.lastOf('tunnel-group') ?? this.lastOf('group-policy'));
      const named = nameTooLong('tunnel-group', name);
      return named === null ? { changed: true } : { changed: true, info: named };
    }
    if (!TUNNEL_GROUP_BLOCKS.has(kind) || w.length !== 3) return null;
    if (!exists) return { error: this.missingObject('tunnel-group', name, `enter \`tunnel-group ${cliName(name)} type remote-access\` first`) };
    // A site-to-site profile has general and ipsec attributes only [recalled].
    const type = this.doc.find('tunnel-group', name, 'type')[0]?.words[3] ?? builtInTunnelGroupType(name);
    if (type === 'ipsec-l2l' && (kind === 'webvpn-attributes' || kind === 'ppp-attributes'))
      return { error: `tunnel-group ${name} is site-to-site (ipsec-l2l), which has no ${kind} [recalled]: the ASA refuses the block and the lines under it` };
    this.tunnelGroupBlock(name, kind);
    return { mode: { kind: 'tunnel-group', name, block: kind }, changed: false };
  }

  private tunnelGroupLine(name: string, block: string, w: string[], text: string): Outcome {
    const ipsec = block === 'ipsec-attributes' ? ipsecSubCommandProblem(unnegated(w)) : null;
    if (ipsec?.severity === 'error') return { error: ipsec.message };
    const r = this.applyTunnelGroupLine(name, block, w, text);
    // A sub-keyword the tool does not know: the line is kept, with a note that it is not read.
    return ipsec !== null && r !== null && 'changed' in r && r.info === undefined ? { ...r, info: ipsec.message } : r;
  }

  private applyTunnelGroupLine(name: string, block: string, w: string[], text: string): Outcome {
    const keyOf = (x: string[]): string | null => tunnelGroupKey(block, x);
    if (keyOf(unnegated(w)) === null) return null;
    if (w[0] === 'default-group-policy' && w[1] && w[1] !== DEFAULT_GROUP_POLICY && !this.declaration(w[1])) {
      return {
        error: this.missingObject('group-policy', w[1], `create it (\`group-policy ${cliName(w[1])} internal\`) before pointing tunnel-group ${name} at it`),
      };
    }
    const several = severalWordAlias(w);
    if (several !== null) return { error: several };
    const unique = (w[0] === 'group-alias' || w[0] === 'group-url') && w[1] !== undefined;
    if (unique) {
      const owner = this.uniqueOwners().get(keyOf(w)!);
      if (owner !== undefined && owner !== name)
        return {
          error: `${w[0]} ${keyOf(w)!.slice(w[0]!.length + 1)} is already used by tunnel-group ${owner}; a ${w[0]} names one connection profile [recalled]`,
        };
    }
    // One that differs only in letter case (or, for a URL, a trailing slash) from another profile's:
    // whether the ASA takes the two for one is not known to the tool, so it warns rather than refuses.
    const alike = unique ? this.alikeOwner(keyOf(w)!) : null;
    // A `no` line that names another value than the line it removes (`no address-pool NOPOOL` where the
    // profile has `address-pool VPN-POOL`): a typo the ASA may refuse rather than take.
    const body = unnegated(w);
    const lineKey = keyOf(body)!;
    const repeated = this.doc.find('tunnel-group', name, block);
    const container = repeated.length > 1 ? this.blockFor(repeated, (node) => node, lineKey, keyOf) : this.tunnelGroupBlock(name, block);
    const removes =
      w[0] === 'no' && body.length > lineKey.split(' ').length ? container.node.children.find((c) => !c.raw && keyOf(tokenize(c.text)) === lineKey) : undefined;
    const r = this.keyedLine(container, w, text, keyOf);
    // (Not for a secret: the running-config masks it, so the two never read alike, and the warning
    // would quote a key typed in the clear.)
    if (
      removes !== undefined &&
      removes.text !== body.join(' ') &&
      !holdsSecret(removes.text) &&
      r !== null &&
      'changed' in r &&
      r.changed &&
      r.warning === undefined
    )
      return {
        ...r,
        warning: removedOther(removes.text, body),
      };
    // A server group the configuration does not define by this line (a typo): the ASA refuses it [recalled].
    const serverGroup = SERVER_GROUP_KEYWORDS.has(w[0] ?? '') ? w.slice(1).find((x) => !/^\(.*\)$/.test(x)) : undefined;
    const groups = this.serverGroups();
    const definedAt = serverGroup === undefined ? undefined : groups?.get(serverGroup);
    if (
      serverGroup !== undefined &&
      groups !== null &&
      !['local', 'none'].includes(serverGroup.toLowerCase()) &&
      (definedAt === undefined || definedAt > this.doc.scriptLine) &&
      r !== null &&
      'changed' in r &&
      r.warning === undefined
    ) {
      if (definedAt !== undefined)
        return {
          ...r,
          warning: `aaa-server group ${serverGroup} is defined only at script line ${definedAt}, after this line: the ASA refuses a server group it does not have yet [recalled]; move that line up`,
        };
      const near = nearest(serverGroup, groups.keys());
      return {
        ...r,
        warning: `aaa-server group ${serverGroup} is not in the configuration${near === null ? '' : ` (did you mean \`${near}\`?)`}: the ASA refuses a server group it does not have [recalled]; define it first (\`aaa-server ${serverGroup} protocol radius\`), or check the name`,
      };
    }
    // A `no group-alias X` or `no group-url X` the profile does not have: nothing to remove.
    if (w[0] === 'no' && (body[0] === 'group-alias' || body[0] === 'group-url') && r !== null && 'changed' in r && !r.changed && r.warning === undefined) {
      const named = keyOf(body)!;
      const near = this.alikeOwner(named, name);
      const hint = near !== null ? ` (it has \`${near.key}\`, which differs only in ${caseOrSlash(body[0])}: name that one)` : '';
      return { ...r, warning: `removes nothing: tunnel-group ${name} has no ${named}${hint}` };
    }
    if (unique && r !== null && !('error' in r)) this.setOwner(keyOf(w)!, name);
    if (alike !== null && r !== null && 'changed' in r && r.warning === undefined)
      return {
        ...r,
        warning:
          alike.owner === name
            ? // Its own (`... disable` typed in another case): the line it was meant to change may stay as it was.
              `tunnel-group ${name} has ${w[0]!} ${alike.key.slice(w[0]!.length + 1)}, which differs from this one only in ${caseOrSlash(w[0]!)}: the tool keeps both lines, not knowing whether the ASA takes them for one; write it as the profile has it to change that one`
            : `${w[0]!} ${alike.key.slice(w[0]!.length + 1)} of tunnel-group ${alike.owner} differs from this one only in ${caseOrSlash(w[0]!)}: the tool does not know whether the ASA takes them for the same ${w[0]!} (and refuses this line) or keeps both, and clients may land on either; pick a name that differs more`,
      };
    const removed = w[0] === 'no' && (w[1] === 'group-alias' || w[1] === 'group-url') && w[2] !== undefined;
    if (removed && r !== null && !('error' in r) && this.uniqueOwners().get(keyOf(w.slice(1))!) === name) this.deleteOwner(keyOf(w.slice(1))!);
    // A `no` that names no interface leaves an interface-tagged line alone (`server-group (outside) X`
    // is a line of its own): say so, rather than let the change look applied.
    if (w[0] === 'no' && r !== null && 'changed' in r && !r.changed) {
      const tagged = container.node.children.find((c) => !c.raw && tokenize(c.text)[0] === w[1] && /^\(.*\)$/.test(tokenize(c.text)[1] ?? ''));
      if (tagged !== undefined && !/^\(.*\)$/.test(w[2] ?? ''))
        return {
          changed: false,
          warning: `removes nothing: the line under tunnel-group ${name} ${block} is \`${tagged.text}\`; \`no ${tagged.text}\` removes it`,
        };
    }
    return r;
  }

  private tunnelGroupBlock(name: string, kind: string): DocBlock {
    const existing = this.doc.find('tunnel-group', name, kind)[0];
    if (existing) return existing;
    const mine = this.doc.find('tunnel-group', name);
    return this.doc.insert(`tunnel-group ${cliName(name)} ${kind}`, mine.at(-1) ?? this.lastOf('tunnel-group') ?? this.lastOf('group-policy'));
  }

  /**
   * An object the line names is not there. With a name one edit away, the likely cause is a typo: the
   * user is asked to correct it before being told how to create it (created, the typo would take users).
   */
  private missingObject(kind: 'group-policy' | 'tunnel-group', name: string, create: string): string {
    const near = this.nearName(kind, name);
    return near === '' ? `${kind} ${name} does not exist: ${create}` : `${kind} ${name} does not exist${near}: correct the name; for a new ${kind}, ${create}`;
  }

  /** ` (did you mean \`X\`?)` for a group-policy or tunnel-group name one edit or a letter case away, or ''. */
  private nearName(kind: 'group-policy' | 'tunnel-group', name: string): string {
    const names = new Set(this.doc.find(kind).map((b) => b.words[1]!));
    const near = nearest(name, names);
    return near === null ? '' : ` (did you mean \`${near}\`?)`;
  }

  private removeObject(kind: 'group-policy' | 'tunnel-group', name: string): Outcome {
    const blocks = this.doc.find(kind, name);
    if (kind === 'tunnel-group') this.owners = null;
    if (kind === 'group-policy' && name === DEFAULT_GROUP_POLICY) {
      // DfltGrpPolicy cannot be removed; clearing it returns it to the built-in values.
      this.recordBlocks(blocks);
      for (const b of blocks) this.doc.remove(b);
      return { changed: blocks.length > 0 };
    }
    if (kind === 'group-policy') {
      const users = this.doc
        .find('tunnel-group')
        .filter((b) => b.node.children.some((c) => !c.raw && tokenize(c.text)[0] === 'default-group-policy' && tokenize(c.text)[1] === name));
      if (users.length > 0) return { error: `group-policy ${name} is in use by tunnel-group ${users[0]!.words[1]}: point it elsewhere first` };
    }
    // A local user whose own policy it is: whether the ASA refuses the removal is not known to the tool.
    const users =
      kind === 'group-policy'
        ? this.doc
            .find('username')
            .filter((b) => b.words[2] === 'attributes' && b.node.children.some((c) => !c.raw && c.text === `vpn-group-policy ${cliName(name)}`))
            .map((b) => b.words[1]!)
        : [];
    // Nothing of that name (a typo, or gone already): said, so the change does not look applied.
    if (blocks.length === 0 && !(kind === 'tunnel-group' && builtInTunnelGroupType(name) !== null))
      return { changed: false, warning: `removes nothing: there is no ${kind} ${name} in the configuration${this.nearName(kind, name)}` };
    this.recordBlocks(blocks);
    for (const b of blocks) this.doc.remove(b);
    if (users.length > 0 && blocks.length > 0)
      return {
        changed: true,
        warning: `group-policy ${name} is the vpn-group-policy of local user${users.length === 1 ? '' : 's'} ${users.join(', ')}: the tool does not know whether the ASA refuses this removal; if it takes it, ${users.length === 1 ? 'that user names' : 'those users name'} a policy that no longer exists (point ${users.length === 1 ? 'it' : 'them'} elsewhere first)`,
      };
    return { changed: blocks.length > 0 };
  }

  // ---- group-policy attributes and its webvpn sub-mode ------------------------------------------

  private policyLine(name: string, mode: 'attributes' | 'webvpn', w: string[], text: string): Outcome {
    if (mode === 'attributes' && w.length === 2 && w[0] === 'no' && w[1] === 'webvpn') {
      // The policy's own webvpn sub-mode, not the global webvpn (written in several blocks: all of it).
      const block = this.blockFor(this.doc.find('group-policy', name, 'attributes'), (node) => node, 'webvpn', webvpnSubModeKey);
      const sub = policyWebvpn(block.node);
      if (sub === undefined) return { changed: false };
      const lines = sub.children.filter((c) => !c.raw).map((c) => c.text);
      if (lines.length > 0) this.record([...modePath({ kind: 'group-policy', name }), 'webvpn'], lines);
      else this.record(modePath({ kind: 'group-policy', name }), ['webvpn']);
      this.doc.touch(block).children = block.node.children.filter((c) => c !== sub);
      return { changed: true };
    }
    if (mode === 'attributes' && w.length === 1 && w[0] === 'webvpn') {
      const block = this.policyBlock(name);
      if (policyWebvpn(block.node) === undefined) this.doc.touch(block).children.push(this.doc.newNode('webvpn'));
      return { mode: { kind: 'group-policy-webvpn', name }, changed: false };
    }
    if (mode === 'webvpn' && globalOnlyWebvpnLine(unnegated(w)))
      return {
        error: `\`${text}\` belongs under the global \`webvpn\`: a group-policy's webvpn sub-mode does not take it (a \`webvpn\` typed while in a group-policy enters the policy's own webvpn: leave it with \`exit\` twice first)`,
      };
    const key = policyKey(mode, w);
    if (key === null) return null;
    // `anyconnect ssl keep none` would be filed as an attribute the table does not know: say what it abbreviates.
    if (key.replace(/^\+/, '').startsWith('other ')) {
      const short = abbreviatedAttribute(mode, unnegated(w));
      if (short !== null) return { error: abbreviationMessage(short.word, short.full) };
      // ... or what it misspells (`anyconnect ssl keepalve none`): the ASA refuses it, as `spilt-dns`.
      const typo = misspeltAttribute(mode, unnegated(w));
      if (typo !== null)
        return {
          error:
            typo.word.toLowerCase() === typo.full
              ? caseMessage(typo.word, typo.full)
              : `unknown keyword \`${typo.word}\` (did you mean \`${typo.full}\`?): the ASA refuses \`${text}\` and nothing changes`,
        };
    }
    const unsimulated = mode === 'webvpn' ? unsimulatedClientLine(w) : null;
    if (unsimulated !== null) return { warning: `not simulated: ${unsimulated}; the line is not in the result` };
    // A value the ASA does not take (`split-tunnel-policy tunnelsome`, `split-dns corp.example.com`
    // without `value`) is refused with `% Invalid input` and changes nothing: never read it as a removal.
    const invalid = w[0] === 'no' ? null : invalidValue(mode, w);
    if (invalid !== null) {
      const meant = valueKeywordProblem(w);
      return { error: meant ?? `\`${text}\` is not valid: ${invalid}; the ASA refuses the line and nothing changes` };
    }
    if (key.startsWith('custom ') && w[0] !== 'no' && !this.declaredCustomTypes().has(key.slice(7)))
      return { error: `custom attribute type ${key.slice(7)} is not declared: add \`anyconnect-custom-attr ${key.slice(7)}\` under webvpn first` };
    const inMode = (node: DocNode): DocNode | undefined => (mode === 'webvpn' ? policyWebvpn(node) : node);
    const block = this.blockFor(this.doc.find('group-policy', name, 'attributes'), inMode, key, (x) => policyKey(mode, x));
    const container = inMode(block.node)!;
    // `no split-dns value X` with domains other than the whole list: the tool removes the line, but the
    // command reference may mean the `no` form deletes only the domains it names [recalled].
    const before = partialListRemoval(container, w);
    // Another value than the line it removes (`no dns-server value 9.9.9.9` where the policy has
    // `dns-server value 10.0.0.53`): a typo the ASA may refuse rather than take (lists: see above).
    const body = unnegated(w);
    const keyword = tableAttribute(mode, body)?.spec.keyword;
    // (Compared with `value` cut short spelled out; and only when no line of the policy is the one named.)
    const spelled = (ws: string[]): string => ws.map((x) => (/^val(ue?)?$/i.test(x) ? 'value' : x)).join(' ');
    const named = spelled(body);
    const removes =
      w[0] === 'no' && before === null && keyword !== undefined && body.length > keyword.split(' ').length
        ? container.children.some((c) => !c.raw && spelled(tokenize(c.text)) === named)
          ? undefined
          : container.children.find((c) => !c.raw && policyKey(mode, tokenize(c.text)) === key)
        : undefined;
    const r = this.setKeyed(block, container, w, text, (x) => policyKey(mode, x), key);
    if (before !== null && r !== null && 'changed' in r && r.changed)
      return {
        ...r,
        info: `the tool removes the whole \`${before}\` line; the ASA may instead delete only the domains this line names [recalled], so check the result with \`show running-config group-policy ${name}\``,
      };
    if (w[0] === 'no' && r !== null && 'changed' in r && r.warning === undefined) {
      // A `no` line that finds nothing to remove: the policy keeps inheriting, as it did.
      if (!r.changed)
        return {
          ...r,
          warning: `removes nothing: group-policy ${name} has no line of its own that this removes (${name === DEFAULT_GROUP_POLICY ? 'the built-in default applies, as before' : 'what it inherits stays'})`,
        };
      // (Not for a secret: the running-config masks it, so the two never read alike.)
      if (removes !== undefined && !holdsSecret(removes.text))
        return {
          ...r,
          warning: removedOther(removes.text, body),
        };
    }
    const long = w[0] === 'no' ? null : overLongValue(mode, w);
    return long === null || r === null || !('changed' in r) ? r : { ...r, info: long };
  }

  private policyBlock(name: string): DocBlock {
    return this.doc.find('group-policy', name, 'attributes')[0]!;
  }

  /**
   * The block a line edits. A configuration may hold one object's attributes as several blocks (a hand
   * edit, two files joined): the reader reads them in order, later lines winning, while on the ASA
   * they are one mode. A setting written in one block only is edited there (in the first block when
   * none has it). Written in several, the blocks become one, in order, and the setting's lines are
   * left as the ASA would have them (inForce), so a line replaces or removes the value in force, and a
   * line equal to it changes nothing. `inMode`: where in a block the setting's lines are (a sub-mode).
   */
  private blockFor(blocks: readonly DocBlock[], inMode: (node: DocNode) => DocNode | undefined, key: string, keyOf: (w: string[]) => string | null): DocBlock {
    // (One block, the usual case: it is the one, whatever it holds.)
    if (blocks.length <= 1) return blocks[0]!;
    const holds = (node: DocNode | undefined): boolean => node !== undefined && node.children.some((c) => !c.raw && keyOf(tokenize(c.text)) === key);
    const holding = blocks.filter((b) => holds(inMode(b.node)));
    if (holding.length <= 1) return holding[0] ?? blocks[0]!;
    const [first, ...rest] = blocks;
    const node = this.doc.touch(first!);
    for (const b of rest) {
      for (const child of b.node.children) {
        // A sub-mode written in both (a policy's `webvpn`): its lines join the first one's.
        const sub = child.raw || child.text !== 'webvpn' ? undefined : policyWebvpn(node);
        if (sub !== undefined) sub.children.push(...child.children);
        else node.children.push(child);
      }
      this.doc.remove(b);
    }
    const target = inMode(node);
    if (target !== undefined) target.children = inForce(target.children, key, keyOf);
    return first!;
  }

  // ---- global webvpn and the blocks keyed by first word -----------------------------------------

  /** Custom attribute types declared under the global webvpn (`anyconnect-custom-attr TYPE`). */
  private declaredCustomTypes(): Set<string> {
    const types = new Set<string>();
    // (Every block of the global webvpn: see webvpnLine.)
    for (const c of this.doc.find('webvpn').flatMap((b) => b.node.children)) {
      const [x, type] = c.raw ? [] : tokenize(c.text);
      if (x === 'anyconnect-custom-attr' && type) types.add(type);
    }
    return types;
  }

  /** What still uses a custom attribute type: its data lines, and the policies and DAP records that name it. */
  private customTypeUsers(type: string): string[] {
    const users = this.doc.find('anyconnect-custom-data', type).map((b) => `anyconnect-custom-data ${type} ${b.words[2] ?? ''}`);
    const names = (c: DocNode): boolean => {
      if (c.raw) return false;
      const [first, second] = tokenize(c.text);
      return first === 'anyconnect-custom' && second === type;
    };
    for (const b of this.doc.find('group-policy')) {
      if (b.words[2] === 'attributes' && b.node.children.some(names)) users.push(`group-policy ${b.words[1]!}`);
    }
    for (const b of this.doc.find('dynamic-access-policy-record')) {
      if (b.words.length === 2 && b.node.children.some(names)) users.push(`dynamic-access-policy-record ${b.words[1]!}`);
    }
    return [...new Set(users)];
  }

  private removeWebvpn(): Outcome {
    const blocks = this.doc.find('webvpn');
    this.recordBlocks(blocks);
    for (const b of blocks) this.doc.remove(b);
    return { changed: blocks.length > 0 };
  }

  private webvpnLine(w: string[], text: string): Outcome {
    if (policyOnlyWebvpnLine(unnegated(w)))
      return this.ambiguousWebvpn !== null
        ? { warning: this.unplacedInUser() }
        : {
            error: `\`${text}\` is a group-policy setting, which the global \`webvpn\` does not take: enter it after \`group-policy NAME attributes\` and \`webvpn\``,
          };
    if (w[0] === 'no' && w[1] === 'anyconnect-custom-attr' && w[2]) {
      const users = this.customTypeUsers(w[2]);
      if (users.length > 0) return { error: `custom attribute type ${w[2]} is in use (${users.join(', ')}): remove or change those first` };
    }
    // `cache`, `saml idp X`, ... open sub-modes the tool keeps as written.
    if (this.opensBlock && this.indent === 1 && opensWebvpnSubMode(w)) {
      const block = this.doc.first('webvpn')!;
      const existing = block.node.children.find((c) => !c.raw && c.text === text);
      const sub = existing ?? this.doc.newNode(text);
      if (!existing) {
        this.record(['webvpn'], [`no ${text}`]);
        this.doc.touch(block).children.push(sub);
      }
      return { mode: { kind: 'generic', block, node: sub, path: ['webvpn', text] }, changed: !existing };
    }
    // A configuration may hold the global webvpn as more than one block (a hand edit): on the ASA they
    // are one mode, so a line is found in whichever block holds it (a `no` form in each).
    const blocks = this.doc.find('webvpn');
    if (blocks.length <= 1) return this.keyedLine(this.doc.first('webvpn')!, w, text, webvpnKey);
    const key = webvpnKey(unnegated(w));
    const holding = key === null ? [] : blocks.filter((b) => b.node.children.some((c) => !c.raw && webvpnKey(tokenize(c.text)) === key));
    // (A value is set where it was last written: the reader reads the blocks in order, the last line winning.)
    const targets = holding.length === 0 ? [blocks[0]!] : w[0] === 'no' ? holding : [holding.at(-1)!];
    let outcome: Outcome = null;
    for (const b of targets) {
      const r = this.keyedLine(b, w, text, webvpnKey);
      if (outcome === null || (r !== null && 'changed' in r && r.changed)) outcome = r;
    }
    return outcome;
  }

  private keyedLine(block: DocBlock, w: string[], text: string, keyOf: (w: string[]) => string | null): Outcome {
    const key = keyOf(unnegated(w));
    if (key === null) return null;
    return this.setKeyed(block, block.node, w, text, (x) => keyOf(x), key);
  }

  /** Replaces (or, for `no`, removes) the children of `container` whose identity is `key`. */
  private setKeyed(block: DocBlock, container: DocNode, w: string[], text: string, keyOf: (w: string[]) => string | null, key: string): Outcome {
    const negated = w[0] === 'no';
    // `no anyconnect ssl rekey` removes both rekey lines (time and method); other `no` forms name one setting.
    const same = (c: DocNode): boolean => {
      const k = c.raw ? null : keyOf(tokenize(c.text));
      return k === key || (negated && k !== null && /^other anyconnect (ssl )?rekey$/.test(key) && k.startsWith(`${key} `));
    };
    const matching = container.children.filter(same);
    // Banner and client-profile lines add up, but `none` replaces them all, and a value replaces `none`.
    const noneAt = NONE_REPLACES[key];
    if (noneAt !== undefined && !negated) {
      const replaced = isNoneLine(w, key) ? matching.filter((c) => c.text !== text) : matching.filter((c) => isNoneLine(tokenize(c.text), key));
      if (replaced.length > 0) {
        // Undone by clearing the setting and entering what was there.
        this.record(this.path, [`no ${w.slice(0, noneAt).join(' ')}`, ...matching.filter((c) => c.text !== text).map((c) => c.text)]);
        this.doc.touch(block);
        const node = this.doc.newNode(text);
        container.children[container.children.indexOf(replaced[0]!)] = node;
        container.children = container.children.filter((c) => !replaced.includes(c));
        return { changed: true };
      }
    }
    if (negated) {
      const accumulated = key.startsWith('+');
      // `no anyconnect profiles value NAME type user` removes that one value; other `no` forms the attribute.
      const gone =
        accumulated && w.length > 3
          ? matching.filter(
              (c) =>
                tokenize(c.text)
                  .slice(0, w.length - 1)
                  .join(' ') === w.slice(1).join(' '),
            )
          : matching;
      if (gone.length === 0) return { changed: false };
      this.record(
        this.path,
        gone.map((c) => c.text),
      );
      this.doc.touch(block);
      container.children = container.children.filter((c) => !gone.includes(c));
      return { changed: true };
    }
    if (matching.some((c) => c.text === text) && (key.startsWith('+') || matching.length === 1)) return { changed: false };
    this.record(this.path, key.startsWith('+') || matching.length === 0 ? [noForm(w)] : matching.map((c) => c.text));
    this.doc.touch(block);
    const node = this.doc.newNode(text);
    if (key.startsWith('+')) {
      container.children.splice(insertAt(container), 0, node);
    } else if (matching.length > 0) {
      container.children[container.children.indexOf(matching[0]!)] = node;
      container.children = container.children.filter((c) => !matching.slice(1).includes(c));
    } else {
      container.children.splice(insertAt(container), 0, node);
    }
    return { changed: true };
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private record(mode: string[], commands: string[]): void {
    const owner = mode[0] === undefined ? null : objectOf(tokenize(mode[0]));
    // Removing a created object undoes its edits, but only where that removal is replayed (at its
    // creation): an alias or group-url it took from another profile is given up where it was taken,
    // so the other profile can have it back (each names one profile).
    if (owner !== null && this.created.has(owner) && !commands.every((c) => /^no group-(alias|url) /.test(c))) return;
    this.undo.push({ mode: [...mode], commands });
  }

  private recordCreated(kind: 'group-policy' | 'tunnel-group', name: string): void {
    this.record([], [`clear configure ${kind} ${cliName(name)}`]);
    this.created.add(`${kind} ${name}`);
  }

  /** Undo for removed blocks: each block written back, its sub-modes entered as the ASA needs. */
  private recordBlocks(blocks: DocBlock[]): void {
    const steps: UndoStep[] = [];
    const walk = (node: DocNode, mode: string[]): void => {
      const plain = node.children.filter((c) => !c.raw && c.children.length === 0).map((c) => c.text);
      if (plain.length > 0) steps.push({ mode, commands: plain });
      for (const sub of node.children.filter((c) => !c.raw && c.children.length > 0)) walk(sub, [...mode, sub.text]);
    };
    for (const b of blocks) {
      if (b.node.children.length === 0) steps.push({ mode: [], commands: [b.node.text] });
      else walk(b.node, [b.node.text]);
    }
    // Undo steps are replayed in reverse: push them reversed so the blocks come back in file order.
    this.undo.push(...steps.reverse());
  }

  private declaration(name: string): DocBlock | undefined {
    return this.doc.find('group-policy', name).find((b) => b.words[2] === 'internal' || b.words[2] === 'external');
  }

  /** A new top-level block the tool keeps as written; undone by its `no` form. */
  /** `no HEADER` of a block the tool keeps as a whole (see keptWholeHeader). */
  private removeKeptWhole(header: string[]): Outcome {
    const name = header.at(-1) === 'attributes' ? header[1]! : header.at(-1)!;
    if (header[0] === 'dynamic-access-policy-record' && name === 'DfltAccessPolicy')
      return { warning: 'not simulated: DfltAccessPolicy is built in; the ASA keeps it (only its action can be changed) [recalled]' };
    const blocks = this.doc.find(...header);
    if (blocks.length === 0) return { warning: `\`${header.join(' ')}\` is not in the configuration: nothing to remove` };
    this.recordBlocks(blocks);
    for (const block of blocks) this.doc.remove(block);
    // A trustpoint the SSL or IKEv2 certificate lines still name: every client meets its certificate.
    const users =
      header[0] === 'crypto'
        ? this.doc
            .find('ssl', 'trust-point')
            .concat(this.doc.find('crypto', 'ikev2', 'remote-access'))
            // `ssl trust-point NAME [interface]`, `crypto ikev2 remote-access trustpoint NAME`.
            .filter((b) => (b.words[0] === 'ssl' ? b.words[2] : b.words[4]) === name)
            .map((b) => b.header)
        : [];
    return users.length === 0
      ? { changed: true }
      : {
          changed: true,
          warning: `trustpoint ${name} is still named by ${users.map((u) => `\`${u}\``).join(', ')}: the ASA may refuse its removal, or those lines lose their certificate [recalled]; point them at another trustpoint first`,
        };
  }

  private created_(text: string, header: string[]): DocBlock {
    this.record([], [`no ${text}`]);
    return this.doc.insert(text, this.lastOf(header[0]!));
  }

  private lastOf(first: string): DocBlock | null {
    return this.doc.last(first);
  }

  private beforePolicies(): DocBlock | null {
    return this.doc.first('group-policy') ?? this.doc.first('tunnel-group');
  }

  /** For a command no mode takes: where it would have belonged, when the tool knows (else null). */
  private whereItBelongs(w: string[]): string | null {
    const body = unnegated(w);
    if (policyKey('webvpn', body) !== null)
      return `\`${w.join(' ')}\` belongs in a group-policy's webvpn sub-mode (\`group-policy NAME attributes\`, then \`webvpn\`)`;
    if (policyKey('attributes', body) !== null) return `\`${w.join(' ')}\` belongs under \`group-policy NAME attributes\``;
    for (const block of TUNNEL_GROUP_BLOCKS) {
      if (tunnelGroupKey(block, body) !== null) return `\`${w.join(' ')}\` belongs under \`tunnel-group NAME ${block}\``;
    }
    if (webvpnKey(body) !== null && GLOBAL_WEBVPN_WORDS.has(body[0] ?? '')) return `\`${w.join(' ')}\` belongs under the global \`webvpn\``;
    return null;
  }
}

/**
 * Whether a line under the global `webvpn`, with deeper lines after it, opens a sub-mode: `cache`,
 * `saml idp URL`, `sso-server NAME`, or a command the tool does not know. A command it knows as a single
 * line (here or in another mode) opens none: the ASA takes it where it belongs, or refuses it.
 */
function opensWebvpnSubMode(w: string[]): boolean {
  const body = unnegated(w);
  const first = body[0] ?? '';
  if (GLOBAL_WEBVPN_SUB_MODES.has(first)) return true;
  return !knownAnywhere().has(first) && policyKey('attributes', body) === null;
}

const GLOBAL_WEBVPN_SUB_MODES: ReadonlySet<string> = new Set(['cache', 'saml', 'sso-server']);

/**
 * First words of commands that exist only in configuration mode, in no sub-mode [recalled]: one typed
 * right after a block the tool does not model leaves no doubt where the ASA takes it.
 */
const TOP_LEVEL_ONLY: ReadonlySet<string> = new Set([
  'aaa-server',
  'access-list',
  'clear',
  'crypto',
  'group-policy',
  'names',
  'ssl',
  'tunnel-group',
  'tunnel-group-map',
  'username',
]);

/** Configuration-mode commands the engine simulates (and so can tell an abbreviation or a typo of). */
const CONFIG_WORDS: ReadonlySet<string> = new Set([
  'access-list',
  'name',
  'names',
  'anyconnect-custom-data',
  'clear',
  'crypto',
  'dynamic-access-policy-record',
  'group-policy',
  'ssl',
  'tunnel-group',
  'tunnel-group-map',
  'username',
  'webvpn',
]);

/** The first words a mode takes, as far as the tool knows them (with configuration mode's, which the ASA also tries). */
function vocabularyOf(mode: Mode): ReadonlySet<string> {
  const own: ReadonlySet<string> =
    mode.kind === 'group-policy'
      ? new Set([...POLICY_WORDS.attributes, 'webvpn'])
      : mode.kind === 'group-policy-webvpn'
        ? POLICY_WORDS.webvpn
        : mode.kind === 'tunnel-group'
          ? (knownTunnelGroupWords(mode.block) ?? new Set())
          : mode.kind === 'webvpn'
            ? GLOBAL_WEBVPN_WORDS
            : new Set();
  return new Set([...own, ...CONFIG_WORDS]);
}

/**
 * A command no mode took whose words look abbreviated (`group-pol`, `group-policy X attrib`, `clear
 * config`) or misspelled (`spilt-dns`): the ASA would apply the first and refuse the second, and the
 * tool simulates neither, so both are errors that say what was probably meant.
 */
function spellingProblem(words: readonly string[], vocabulary: ReadonlySet<string>): string | null {
  const body = unnegated(words);
  const first = body[0];
  // A word some mode takes is not misspelled: where it belongs is said elsewhere.
  if (first === undefined || knownAnywhere().has(first)) {
    if (first === 'group-policy' || first === 'tunnel-group' || first === 'clear') return abbreviatedMode(body);
    return null;
  }
  const lower = first.toLowerCase();
  if (lower !== first && (vocabulary.has(lower) || knownAnywhere().has(lower))) return caseMessage(first, lower);
  const abbreviated = completion(first, [...vocabulary]);
  if (abbreviated !== null) return abbreviationMessage(first, abbreviated);
  if (first.length < 4) return null;
  const near = [...vocabulary].filter((w) => Math.abs(w.length - first.length) <= 2 && editDistance(first, w) <= (first.length >= 6 ? 2 : 1));
  if (near.length !== 1) return null;
  return `unknown command \`${first}\` (did you mean \`${near[0]!}\`?): the ASA refuses it and nothing changes`;
}

/**
 * The header of a block the tool keeps as a whole (`username X attributes`, `crypto ca trustpoint X`,
 * a DAP record) that these words are exactly, or null.
 */
function keptWholeHeader(w: readonly string[]): string[] | null {
  for (const header of [
    ['username', w[1], 'attributes'],
    ['crypto', 'ca', 'trustpoint', w[3]],
    ['dynamic-access-policy-record', w[1]],
  ])
    if (w.length === header.length && header.every((x, i) => x !== undefined && x === w[i])) return header as string[];
  return null;
}

/** The `split-dns value ...` line a `no split-dns value X` names only part of (or other domains than): null otherwise. */
function partialListRemoval(container: DocNode, w: readonly string[]): string | null {
  if (w[0] !== 'no' || w[1] !== 'split-dns' || w[2] !== 'value' || w.length < 4) return null;
  const line = container.children.find((c) => !c.raw && c.text.startsWith('split-dns '));
  if (line === undefined) return null;
  const named = [...w.slice(3)].sort().join(' ');
  const current = tokenize(line.text).slice(2).sort().join(' ');
  return named === current ? null : line.text;
}

/** `group-policy X attrib`, `tunnel-group X general-attr`, `clear config ...`: a mode word abbreviated. */
function abbreviatedMode(body: readonly string[]): string | null {
  const [first, second, third] = body;
  const options =
    first === 'clear'
      ? { word: second, full: ['configure'] }
      : {
          word: body.length === 3 ? third : undefined,
          full: first === 'group-policy' ? ['attributes', 'internal', 'external'] : [...TUNNEL_GROUP_BLOCKS, 'type'],
        };
  if (options.word === undefined || options.full.includes(options.word)) return null;
  const full = completion(options.word, options.full);
  if (full !== null) return abbreviationMessage(options.word, full);
  // A mode word misspelt (`atributes`, `general-atributes`): the ASA refuses the line, and the lines
  // under it land in the mode before it or are refused in turn.
  const near = options.full.filter((w) => editDistance(options.word!, w) <= 2);
  return near.length === 1
    ? `unknown keyword \`${options.word}\` (did you mean \`${near[0]!}\`?): the ASA refuses \`${body.join(' ')}\` and nothing changes`
    : null;
}

/** The one word of `of` that `word` abbreviates; null when it is a word of its own, or none or several start with it. */
function completion(word: string, of: readonly string[]): string | null {
  if (of.includes(word)) return null;
  const full = of.filter((w) => w.startsWith(word));
  return full.length === 1 ? full[0]! : null;
}

/** A word of a group-policy line that abbreviates the same word of an attribute the table knows (`keep` of `keepalive`). */
function abbreviatedAttribute(mode: 'attributes' | 'webvpn', body: readonly string[]): { word: string; full: string } | null {
  for (const s of SPECS) {
    if (s.mode !== mode) continue;
    for (const keyword of [s.keyword, s.legacyKeyword]) {
      if (keyword === undefined) continue;
      const words = keyword.split(' ');
      for (let i = 0; i < words.length && body[i] !== undefined; i++) {
        if (body[i] === words[i]) continue;
        if (words[i]!.startsWith(body[i]!)) return { word: body[i]!, full: words[i]! };
        break;
      }
    }
  }
  return null;
}

/**
 * A word of a group-policy line one or two letters away from the same word of exactly one attribute
 * the table knows, the words before it the same (`keepalve` of `anyconnect ssl keepalive`); null
 * otherwise (a short word, or several candidates: no guess).
 */
function misspeltAttribute(mode: 'attributes' | 'webvpn', body: readonly string[]): { word: string; full: string } | null {
  const found = new Set<string>();
  let word: string | null = null;
  // (Compared in lower case: a keyword in another case is one the ASA takes, said as such by the caller.)
  const lower = body.map((x) => x.toLowerCase());
  for (const s of SPECS) {
    if (s.mode !== mode) continue;
    for (const keyword of [s.keyword, s.legacyKeyword]) {
      if (keyword === undefined) continue;
      const words = keyword.split(' ');
      const at = words.findIndex((x, i) => body[i] !== x);
      if (at === -1 || body[at] === undefined || words.slice(0, at).some((x, i) => body[i] !== x)) continue;
      if (lower[at] !== words[at]) {
        if (body[at].length < 4) continue;
        // A group-policy command of its own is no typo (`wins-server` is two letters from `dns-server`).
        if (at === 0 && POLICY_WORDS[mode].has(lower[0]!)) continue;
        if (editDistance(lower[at]!, words[at]!) > (body[at].length >= 6 ? 2 : 1)) continue;
      }
      found.add(words[at]!);
      word = body[at];
    }
  }
  return found.size === 1 && word !== null ? { word, full: [...found][0]! } : null;
}

/**
 * A group-policy webvpn `anyconnect`/`svc` line the tool would otherwise file as a setting it does not
 * know, silently: a DPD line with no side or with both, or a sub-command it has never heard of. Said
 * why in words; null for every other line.
 */
function unsimulatedClientLine(words: readonly string[]): string | null {
  const body = unnegated(words);
  const [first, second] = body;
  if ((first !== 'anyconnect' && first !== 'svc') || second === undefined) return null;
  if (second === 'dpd-interval') {
    const sides = body.slice(2).filter((x) => x === 'gateway' || x === 'client');
    if (sides.length === 0) return `\`${body.join(' ')}\` names neither \`gateway\` nor \`client\` (the tool simulates one side per line)`;
    if (sides.length > 1)
      return `\`${body.join(' ')}\` sets both sides in one line: enter \`${first} dpd-interval gateway ...\` and \`${first} dpd-interval client ...\` as two lines, as \`show running-config\` writes them`;
    return null;
  }
  const full = CLIENT_SUBCOMMANDS.has(second) ? null : completion(second, [...CLIENT_SUBCOMMANDS]);
  if (full !== null) return abbreviationMessage(second, full);
  // `anyconnect keepalive` exists only as `svc keepalive` (before 8.4) and `anyconnect ssl keepalive`.
  if (!CLIENT_SUBCOMMANDS.has(second) || (first === 'anyconnect' && second === 'keepalive'))
    return `\`${first} ${second}\` is not a group-policy webvpn command the tool knows${second === 'keepalive' ? ' (did you mean `anyconnect ssl keepalive`?)' : ''}`;
  return null;
}

/** The configuration's release when it predates 8.4, where the `anyconnect` and IKEv1/IKEv2 keywords arrived [recalled]. */
function legacyRelease(parsed: ParsedConfig, section: ConfigSection): string | null {
  const v = sectionVersionLine(parsed, section)?.line.version;
  return v === undefined || v === null || atLeast(v, '8.4(1)') ? null : v.text;
}

/** Keywords of `vpn-tunnel-protocol` that 8.4 introduced (8.0–8.3 write `svc`, `webvpn`, `IPSec`). */
const NEW_PROTOCOLS: ReadonlySet<string> = new Set(['ssl-client', 'ssl-clientless', 'ikev1', 'ikev2']);

/** A warning for a line a release before 8.4 may refuse: the `anyconnect` forms and the 8.4 protocol keywords. */
function newKeywordWarning(words: readonly string[], release: string): string | null {
  const body = unnegated(words);
  const old =
    body[0] === 'anyconnect'
      ? `\`${[...(words[0] === 'no' ? ['no'] : []), 'svc', ...body.slice(body[1] === 'ssl' ? 2 : 1)].join(' ')}\``
      : body[0] === 'vpn-tunnel-protocol' && body.slice(1).some((w) => NEW_PROTOCOLS.has(w))
        ? '`vpn-tunnel-protocol` with `svc`, `webvpn`, `IPSec`'
        : null;
  if (old === null) return null;
  return `applied, but this configuration is ASA ${release}: the \`${body[0]!}\` keywords of this line arrived in 8.4 [recalled], so the ASA may refuse it; releases before 8.4 write ${old}`;
}

/** A keyword typed in another case (`Split-Dns`, `Group-Policy`): the ASA takes it, the tool does not simulate it. */
function caseMessage(word: string, lower: string): string {
  return `\`${word}\` is \`${lower}\` in another case: the ASA would take it, but the tool simulates commands as \`show running-config\` writes them, so write it in lower case`;
}

/**
 * The keywords a group-policy line may hold after its attribute's words, and from which word on: a
 * value word that abbreviates one of them, or is one in another case, is what the ASA would take as
 * that keyword (`tunnelspec`, `e`, `en`, `Enable`); against any other attribute's keywords it is not.
 */
function valueKeywordsOf(body: readonly string[]): { from: number; keywords: readonly string[] } | null {
  const [first, second] = body;
  switch (first) {
    case 'split-tunnel-policy':
      return { from: 1, keywords: ['tunnelall', 'tunnelspecified', 'excludespecified'] };
    case 'split-tunnel-all-dns':
      return { from: 1, keywords: ['enable', 'disable'] };
    case 'vpn-idle-timeout':
    case 'vpn-session-timeout':
      return { from: 1, keywords: ['none'] };
    case 'vpn-tunnel-protocol':
      return { from: 1, keywords: ['ikev1', 'ikev2', 'l2tp-ipsec', 'ssl-client', 'ssl-clientless', 'svc', 'webvpn'] };
    case 'anyconnect':
    case 'svc': {
      // Each client line its own: `anyconnect dpd-interval gateway none`, `anyconnect ssl keepalive none`,
      // `anyconnect ssl dtls enable|none`, `anyconnect profiles value P type user|none`; others are not judged.
      const ssl = second === 'ssl' ? 1 : 0;
      const sub = body[1 + ssl];
      if (sub === 'dpd-interval') return { from: 3, keywords: ['none'] };
      if (sub === 'keepalive') return { from: 2 + ssl, keywords: ['none'] };
      if (sub === 'dtls') return { from: 2 + ssl, keywords: ['enable', 'none'] };
      if (sub === 'profiles') return { from: 2, keywords: ['value', 'none'] };
      return null;
    }
    default:
      return { from: 1, keywords: ['value', 'none'] };
  }
}

/** What a value word that is not valid as typed was probably meant as, in words; null when it is just wrong. */
function valueKeywordProblem(words: readonly string[]): string | null {
  const body = unnegated(words);
  const spec = valueKeywordsOf(body);
  if (spec === null) return null;
  const { from, keywords } = spec;
  // One keyword place, except the list of protocols (which the tool reads in any case).
  const protocols = body[0] === 'vpn-tunnel-protocol';
  for (let i = from; i < (protocols ? body.length : Math.min(from + 1, body.length)); i++) {
    const word = body[i]!;
    if (keywords.includes(word)) continue;
    const lower = word.toLowerCase();
    if (keywords.includes(lower)) {
      if (protocols) continue;
      return caseMessage(word, lower);
    }
    const full = completion(lower, keywords);
    if (full !== null) return abbreviationMessage(word, full);
  }
  return null;
}

function abbreviationMessage(word: string, full: string): string {
  return `\`${word}\` looks like an abbreviation of \`${full}\`: the ASA would take it, but the tool simulates commands written in full, so write it out`;
}

let known: ReadonlySet<string> | null = null;

/**
 * Top-level commands the tool does not simulate but that are neither abbreviations nor typos of the
 * words it knows (`ip local pool` is not `ipv6-address-pool`, `password encryption` not `password-storage`).
 */
const OTHER_ASA_COMMANDS = [
  'aaa',
  'aaa-server',
  'access-group',
  'arp',
  'asdm',
  'banner',
  'class-map',
  'clock',
  'console',
  'dhcpd',
  'dns',
  'domain-name',
  'enable',
  'failover',
  'ftp',
  'hostname',
  'http',
  'icmp',
  'interface',
  'ip',
  'ipv6',
  'logging',
  'monitor-interface',
  'mtu',
  'nac',
  'name',
  'names',
  'nat',
  'ntp',
  'object',
  'object-group',
  'pager',
  'password',
  'policy-map',
  'prompt',
  'route',
  'router',
  'same-security-traffic',
  'service-policy',
  'snmp-server',
  'ssh',
  'sysopt',
  'telnet',
  'threat-detection',
  'timeout',
  'user-identity',
  'vpn',
  'vpn-sessiondb',
];

/** Every first word some mode takes, as far as the tool knows. */
function knownAnywhere(): ReadonlySet<string> {
  known ??= new Set([
    ...OTHER_ASA_COMMANDS,
    ...CONFIG_WORDS,
    ...POLICY_WORDS.attributes,
    ...POLICY_WORDS.webvpn,
    ...Object.values(KNOWN_TUNNEL_GROUP_WORDS).flatMap((s) => [...s]),
    ...GLOBAL_WEBVPN_WORDS,
    'no',
  ]);
  return known;
}

/** The object a mode line belongs to (`group-policy NAME`, `tunnel-group NAME`), or null. */
function objectOf(words: string[]): string | null {
  const [a, b] = words;
  return (a === 'group-policy' || a === 'tunnel-group') && b ? `${a} ${b}` : null;
}

/**
 * Why a `group-alias` line naming several unquoted words is refused (null: it is not one). The ASA
 * prints such an alias in quotes; typed without them, its parser takes the first word for the alias
 * and has no place for the next [recalled].
 */
function severalWordAlias(w: readonly string[]): string | null {
  const negated = w[0] === 'no';
  const body = negated ? w.slice(1) : w;
  if (body[0] !== 'group-alias' || body[1] === undefined) return null;
  const last = body[body.length - 1];
  const state = last === 'enable' || last === 'disable' ? ` ${last}` : '';
  const words = body.slice(1, body.length - (state === '' ? 0 : 1));
  if (words.length < 2) return null;
  return `an alias of several words is typed in quotes, as the ASA prints it (\`${negated ? 'no ' : ''}group-alias "${words.join(' ')}"${state}\`): unquoted, the ASA takes \`${words[0]!}\` for the alias and refuses the rest of the line [recalled]`;
}

/**
 * Settings whose lines add up but whose `none` form stands alone (the word position of `none`):
 * `banner none` replaces every `banner value` line, and a value line replaces `banner none`;
 * `anyconnect profiles none` likewise (reference 3.2, 4.2: `none` is an explicit value, not a list entry).
 */
const NONE_REPLACES: Readonly<Record<string, number>> = { '+other banner': 1, '+clientProfiles': 2 };

/** Whether a line of setting `key` is its `none` form (`banner none`), one that replaces the others. */
function isNoneLine(words: readonly string[], key: string): boolean {
  const at = NONE_REPLACES[key];
  return at !== undefined && words[at] === 'none' && words.length === at + 1;
}

/** The `no` form that removes a line the script added: aliases and URLs are removed by name alone. */
function noForm(w: string[]): string {
  // A custom attribute is removed by its type alone.
  if ((w[0] === 'anyconnect-custom-attr' || w[0] === 'anyconnect-custom') && w[1]) return `no ${w[0]} ${w[1]}`;
  const last = w[w.length - 1];
  const body = (w[0] === 'group-alias' || w[0] === 'group-url') && (last === 'enable' || last === 'disable') ? w.slice(0, -1) : w;
  return `no ${body.map(cliName).join(' ')}`;
}

/** The mode commands that lead to a mode, for undo steps. */
function modePath(mode: Mode): string[] {
  switch (mode.kind) {
    case 'config':
      return [];
    case 'group-policy':
      return [`group-policy ${cliName(mode.name)} attributes`];
    case 'group-policy-webvpn':
      return [`group-policy ${cliName(mode.name)} attributes`, 'webvpn'];
    case 'tunnel-group':
      return [`tunnel-group ${cliName(mode.name)} ${mode.block}`];
    case 'webvpn':
      return ['webvpn'];
    case 'generic':
      return mode.path;
    case 'unknown':
      return [];
  }
}

/** Where a new line goes in a block: before a trailing sub-mode (group-policy `webvpn` prints last). */
function insertAt(container: DocNode): number {
  const sub = container.children.findIndex((c) => !c.raw && c.children.length > 0 && c.text === 'webvpn');
  return sub === -1 ? container.children.length : sub;
}

const SPECS = POLICY_ATTRIBUTES as readonly PolicyAttributeSpec[];

/** The table attribute a group-policy line sets, and how the table reads it (null: no attribute the table knows). */
function tableAttribute(
  mode: 'attributes' | 'webvpn',
  words: string[],
): { spec: PolicyAttributeSpec; read: NonNullable<ReturnType<PolicyAttributeSpec['read']>> } | null {
  for (const spec of POLICY_SPECS_BY_FIRST_WORD[mode].get(words[0] ?? '') ?? []) {
    const read = spec.read(words, 0);
    if (read !== undefined) return { spec, read };
  }
  return null;
}

/**
 * Why the ASA would refuse a group-policy line's value: the attribute table cannot read it, or a number
 * is outside the range a Cisco guide gives (null: it can, or it is not an attribute the table knows).
 */
function invalidValue(mode: 'attributes' | 'webvpn', words: string[]): string | null {
  const found = tableAttribute(mode, words);
  if (found === null) return null;
  const { spec, read } = found;
  if ('problem' in read) return read.problem;
  const { range } = spec;
  const value: unknown = read.setting.state === 'value' ? read.setting.value : null;
  if (range && typeof value === 'number' && (value < range.min || value > range.max))
    return `\`${words[0] === 'svc' && spec.legacyKeyword ? spec.legacyKeyword : spec.keyword}\` takes ${range.min}–${range.max} ${range.unit} (or \`none\`), not ${value}`;
  // (`value` is the spec's own type: `refuses` is typed per attribute.)
  return value === null ? null : (spec.refuses?.(value as never) ?? null);
}

/**
 * A name the ASA may refuse for its length: group-policy names are limited to 64 characters [src],
 * tunnel-group names about the same [recalled] (docs/assumptions.md).
 */
function nameTooLong(kind: 'group-policy' | 'tunnel-group', name: string): string | null {
  if (name.length <= NAME_MAX_CHARS) return null;
  const limit = kind === 'group-policy' ? `${NAME_MAX_CHARS} characters [src]` : `about ${NAME_MAX_CHARS} characters [recalled]`;
  return `the ${kind} name is ${name.length} characters; ${kind} names are limited to ${limit}: check that your release accepts it`;
}

/**
 * Why the ASA would refuse `crypto isakmp nat-traversal [SECONDS]`: the keepalive is 10–3600 s (the
 * maximum from the mobile guide, the minimum recalled: docs/assumptions.md).
 */
function natTraversalProblem(rest: string[]): string | null {
  const [seconds, ...extra] = rest;
  if (seconds === undefined) return null;
  if (extra.length > 0 || !/^\d+$/.test(seconds)) return `\`crypto isakmp nat-traversal\` takes one keepalive in seconds (10–3600), not \`${rest.join(' ')}\``;
  const n = Number(seconds);
  if (n > 3600) return `\`crypto isakmp nat-traversal\` takes at most 3600 seconds, not ${n}`;
  return n < 10 ? `\`crypto isakmp nat-traversal\` takes at least 10 seconds, not ${n} (a recalled minimum: check it on your release)` : null;
}

/** A command's words without a leading `no`: what it names, set or removed. */
function unnegated(words: string[]): string[];
function unnegated(words: readonly string[]): readonly string[];
function unnegated(words: readonly string[]): readonly string[] {
  return words[0] === 'no' ? words.slice(1) : words;
}

/**
 * The identity of a group-policy line: its attribute (`+` for lines that add up), its custom type, or
 * `other KEYWORD` for attributes the table does not model; null for what is no group-policy line.
 */
export function policyKey(mode: 'attributes' | 'webvpn', words: string[]): string | null {
  const w = unnegated(words);
  if (mode === 'attributes' && w[0] === 'anyconnect-custom' && w[1]) return `custom ${w[1]}`;
  const spec = tableAttribute(mode, w)?.spec;
  if (spec !== undefined) return `${spec.accumulates ? '+' : ''}${spec.key}`;
  // Attributes the table does not model are still group-policy lines: one per keyword, except where
  // the ASA keeps several side by side (banner lines add up; `rekey time` and `rekey method`,
  // `msie-proxy server` and `msie-proxy method`, the public and private firewall rules are different settings).
  const [a, b, c, d] = w;
  if (!a || !POLICY_WORDS[mode].has(a)) return null;
  if (a === 'banner') return '+other banner';
  if (a === 'msie-proxy' && b) return `other msie-proxy ${b}`;
  if ((a === 'anyconnect' || a === 'svc') && b) {
    const sub =
      b === 'ssl' && c
        ? c === 'rekey' && d
          ? ` ${c} ${d}`
          : ` ${c}`
        : (b === 'rekey' || b === 'firewall-rule') && c
          ? ` ${c}${b === 'firewall-rule' && d ? ` ${d}` : ''}`
          : '';
    return `other anyconnect ${b}${sub}`;
  }
  return `other ${a}`;
}

/**
 * Group-policy webvpn settings the global `webvpn` does not take (Cisco's guides set them "from
 * group-policy or username webvpn mode"): DPD, SSL keepalive, DTLS and rekey, `ask`, `modules`, ..., and
 * `anyconnect profiles value` (the global form, `anyconnect profiles NAME PATH`, names a file). A
 * policy's lines pasted after a forgotten `group-policy NAME attributes` would otherwise be filed under
 * the global webvpn, where lines of different settings replaced one another.
 */
function policyOnlyWebvpnLine(body: string[]): boolean {
  if (body[0] !== 'anyconnect' && body[0] !== 'svc') return false;
  if (body[1] === 'profiles') return body[2] === 'value';
  return POLICY_ONLY_CLIENT_WORDS.has(body[1] ?? '');
}

/**
 * `anyconnect X` / `svc X` words of a group-policy's (or username's) webvpn that the global webvpn
 * lacks: no corpus config holds one there, and the guides set each "in group-policy webvpn mode".
 * (`svc compression` is left out: 8.0 had a global `compression` command near it.)
 */
const POLICY_ONLY_CLIENT_WORDS: ReadonlySet<string> = new Set([
  'ask',
  'keep-installer',
  'modules',
  'mtu',
  'dpd-interval',
  'firewall-rule',
  'ssl',
  'dtls',
  'keepalive',
  'rekey',
]);

/**
 * Second words of `anyconnect` / `svc` lines a group-policy's webvpn takes: those only a policy takes,
 * and the ones the global webvpn has too (the command reference's `anyconnect` commands, and their
 * `svc` forms before 8.4).
 */
const CLIENT_SUBCOMMANDS: ReadonlySet<string> = new Set([
  ...POLICY_ONLY_CLIENT_WORDS,
  'compression',
  'deferred-update',
  'profiles',
  'routing-filtering-ignore',
]);

/**
 * `anyconnect image` (`svc image` before 8.4) and `anyconnect enable` exist only under the global
 * `webvpn`. (`svc enable` is left alone: 7.x took `svc {none | enable | required}` in a group-policy's
 * webvpn [recalled]; `anyconnect` keywords came after that form had gone.)
 */
function globalOnlyWebvpnLine(body: string[]): boolean {
  if (body[0] === 'anyconnect' && body[1] === 'enable' && body.length === 2) return true;
  return (body[0] === 'anyconnect' || body[0] === 'svc') && body[1] === 'image';
}

/** First words of group-policy attributes the ASA takes in each sub-mode (from the command reference). */
const POLICY_WORDS: Record<'attributes' | 'webvpn', ReadonlySet<string>> = {
  attributes: new Set([
    'address-pools',
    'banner',
    'backup-servers',
    'client-access-rule',
    'client-bypass-protocol',
    'client-firewall',
    'default-domain',
    'description',
    'dhcp-network-scope',
    'dns-server',
    'gateway-fqdn',
    'group-lock',
    'intercept-dhcp',
    'ip-comp',
    'ipsec-udp',
    'ipsec-udp-port',
    'ipv6-address-pools',
    'ipv6-split-tunnel-policy',
    'ipv6-vpn-filter',
    'leap-bypass',
    'msie-proxy',
    'nac-settings',
    'nem',
    'password-storage',
    'pfs',
    're-xauth',
    'scep-forwarding-url',
    'secure-unit-authentication',
    'security-group-tag',
    'smartcard-removal-disconnect',
    'split-dns',
    'split-tunnel-all-dns',
    'split-tunnel-network-list',
    'split-tunnel-policy',
    'user-authentication',
    'user-authentication-idle-timeout',
    'vlan',
    'vpn-access-hours',
    'vpn-filter',
    'vpn-idle-timeout',
    'vpn-session-timeout',
    'vpn-simultaneous-logins',
    'vpn-tunnel-protocol',
    'wins-server',
  ]),
  webvpn: new Set([
    'activex-relay',
    'always-on-vpn',
    'anyconnect',
    'auto-signon',
    'customization',
    'deny-message',
    'file-browsing',
    'file-entry',
    'filter',
    'hidden-shares',
    'homepage',
    'html-content-filter',
    'http-comp',
    'http-proxy',
    'keep-alive-ignore',
    'port-forward',
    'smart-tunnel',
    'sso-server',
    'storage-key',
    'storage-objects',
    'svc',
    'unix-auth-gid',
    'unix-auth-uid',
    'upn-principal-name',
    'url-entry',
    'url-list',
  ]),
};

const KNOWN_TUNNEL_GROUP_WORDS: Record<string, ReadonlySet<string>> = {
  'general-attributes': new Set([
    'accounting-server-group',
    'address-pool',
    'annotation',
    'authenticated-session-username',
    'authentication-attr-from-server',
    'authentication-server-group',
    'authorization-dn-attributes',
    'authorization-required',
    'authorization-server-group',
    'default-group-policy',
    'dhcp-server',
    'dns-group',
    'ipv6-address-pool',
    'nat-assigned-to-public-ip',
    'override-account-disable',
    'password-management',
    'scep-enrollment',
    'secondary-authentication-server-group',
    'secondary-username-from-certificate',
    'secondary-username-from-certificate-choice',
    'strip-group',
    'strip-realm',
    'username-from-certificate',
    'username-from-certificate-choice',
  ]),
  'webvpn-attributes': new Set([
    'authentication',
    'customization',
    'dns-group',
    'group-alias',
    'group-url',
    'nbns-server',
    'override-svc-download',
    'pre-fill-username',
    'proxy-auth',
    'radius-reject-message',
    'saml',
    'secondary',
    'secondary-pre-fill-username',
    'without-csd',
  ]),
  'ipsec-attributes': new Set([
    'chain',
    'ikev1',
    'ikev2',
    'isakmp',
    'peer-id-validate',
    'pre-shared-key',
    'radius-sdi-xauth',
    'radius-with-expiry',
    'trust-point',
  ]),
  'ppp-attributes': new Set(['authentication']),
};

/** The words after `ikev1`, `ikev2` and `isakmp` in `ipsec-attributes` (ASA 8.4–9.x command reference) [recalled]. */
const IPSEC_SECOND_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  ikev1: new Set(['client-update', 'pre-shared-key', 'trust-point', 'user-authentication']),
  ikev2: new Set(['local-authentication', 'remote-authentication', 'rsa-sig-hash']),
  isakmp: new Set(['ikev1-user-authentication', 'keepalive']),
};

/** The words `ikev1`, `ikev2` or `isakmp` takes under ipsec-attributes (own keys only: `toString` takes none). */
function ipsecSecondWords(first: string | undefined): ReadonlySet<string> | undefined {
  return first !== undefined && Object.hasOwn(IPSEC_SECOND_WORDS, first) ? IPSEC_SECOND_WORDS[first] : undefined;
}

/**
 * What is wrong with an `ikev1`, `ikev2` or `isakmp` line under `ipsec-attributes`, if anything: with
 * no sub-keyword, an ambiguous one, an abbreviated one or a near spelling of one, the ASA refuses it
 * (errors). A word the tool does not know is applied with a note (info): the list is recalled, and a
 * running-config that holds such a line shows the ASA took it.
 */
function ipsecSubCommandProblem(body: readonly string[]): Pick<MergeProblem, 'severity' | 'message'> | null {
  const [first, second] = body;
  const known = ipsecSecondWords(first);
  if (known === undefined || first === undefined || (second !== undefined && known.has(second))) return null;
  const words = [...known];
  const takes = `under ipsec-attributes \`${first}\` takes ${words.map((w) => `\`${w}\``).join(', ')}`;
  if (second === undefined) return { severity: 'error', message: `\`${first}\` alone is incomplete: ${takes}; the ASA refuses it and nothing changes` };
  const starting = words.filter((w) => w.startsWith(second));
  if (starting.length > 1)
    return {
      severity: 'error',
      message: `\`${first} ${second}\` is ambiguous (${starting.map((w) => `\`${w}\``).join(' or ')}): the ASA refuses it and nothing changes`,
    };
  if (starting.length === 1) return { severity: 'error', message: abbreviationMessage(second, starting[0]!) };
  const near = nearest(second, words);
  if (near !== null)
    return {
      severity: 'error',
      message: `unknown sub-command \`${first} ${second}\` (did you mean \`${first} ${near}\`?): the ASA refuses it and nothing changes`,
    };
  return {
    severity: 'info',
    message: `applied as a line the tool does not read: ${takes} as far as the tool knows [recalled], not \`${second}\`; check that the ASA takes it`,
  };
}

/** An alias or URL key as the ASA may compare it: letter case and a URL's trailing slash ignored [recalled]. */
function foldOwnerKey(k: string): string {
  return k.toLowerCase().replace(/^(group-url \S*?)\/+$/, '$1');
}

/** What foldOwnerKey ignores for a `group-alias` or `group-url`, in words. */
function caseOrSlash(kind: string): string {
  return kind === 'group-url' ? 'letter case or a trailing slash' : 'letter case';
}

/** Tunnel-group lines that name an AAA server group (`aaa-server NAME protocol ...`). */
const SERVER_GROUP_KEYWORDS: ReadonlySet<string> = new Set([
  'authentication-server-group',
  'secondary-authentication-server-group',
  'authorization-server-group',
  'accounting-server-group',
]);

/** The sub-commands a tunnel-group block takes (own keys only: a block named like an Object method is none). */
function knownTunnelGroupWords(block: string): ReadonlySet<string> | undefined {
  return Object.hasOwn(KNOWN_TUNNEL_GROUP_WORDS, block) ? KNOWN_TUNNEL_GROUP_WORDS[block] : undefined;
}

/** The identity of a tunnel-group line: aliases and URLs by value, interface-tagged lines by interface, the rest by keyword. */
function tunnelGroupKey(block: string, w: string[]): string | null {
  const [a, b] = w;
  if (!a || !knownTunnelGroupWords(block)?.has(a)) return null;
  if ((a === 'group-alias' || a === 'group-url') && b) {
    const last = w[w.length - 1];
    const value = (last === 'enable' || last === 'disable' ? w.slice(1, -1) : w.slice(1)).join(' ');
    return `${a} ${value}`;
  }
  // `ikev1 client-update type X` is one line per client type; IKEv2 authentication one per method
  // (a `show running-config` in the corpus holds `ikev2 remote-authentication certificate` and `... eap`).
  if (block === 'ipsec-attributes') {
    // Bare `ikev1` is incomplete; a sub-keyword the tool does not know is still a line of its own (see ipsecSubCommandProblem).
    if (ipsecSecondWords(a) !== undefined && b === undefined) return null;
    const perValue =
      (a === 'ikev1' && b === 'client-update' && w[2] === 'type') || (a === 'ikev2' && (b === 'remote-authentication' || b === 'local-authentication'));
    // `ikev1 user-authentication (outside) hybrid`: one line per interface, beside the untagged one.
    const perInterface = w[2] !== undefined && /^\(.*\)$/.test(w[2]);
    return w.slice(0, perValue ? (a === 'ikev1' ? 4 : 3) : perInterface ? 3 : 2).join(' ');
  }
  // Lines that add up: one per server, per PPP method, per pre-fill mode.
  if (block === 'ppp-attributes') return w.join(' ');
  if (a === 'nbns-server' && b) return `${a} ${b}`;
  if (a === 'dhcp-server' && (b === 'link-selection' || b === 'subnet-selection')) return `${a} ${b}`;
  if (a === 'secondary' || a === 'pre-fill-username' || a === 'secondary-pre-fill-username') return w.slice(0, a === 'secondary' ? 3 : 2).join(' ');
  if (b && /^\(.*\)$/.test(b)) return `${a} ${b}`;
  return a;
}

const GLOBAL_WEBVPN_WORDS: ReadonlySet<string> = new Set([
  'allow-reuse',
  'apcf',
  'auto-signon',
  'character-encoding',
  'http-proxy',
  'https-proxy',
  'internal-password',
  'keepout',
  'mus',
  'onscreen-keyboard',
  'smart-tunnel',
  'user-agent',
  'enable',
  'anyconnect',
  'svc',
  'tunnel-group-list',
  'anyconnect-custom-attr',
  'default-idle-timeout',
  'certificate-group-map',
  'csd',
  'cache',
  'error-recovery',
  'port',
  'dtls',
  'saml',
  'sso-server',
]);

/** The identity of a global webvpn line. */
function webvpnKey(w: string[]): string | null {
  const [a, b, c] = w;
  if (!a || !GLOBAL_WEBVPN_WORDS.has(a)) return null;
  if (a === 'enable' && b) return `enable ${b}`;
  if ((a === 'anyconnect' || a === 'svc') && b) {
    if ((b === 'image' || b === 'profiles') && c) return `${b} ${c}`;
    return `anyconnect ${b}`;
  }
  if (a === 'anyconnect-custom-attr' && b) return `custom-attr ${b}`;
  if (a === 'certificate-group-map' && b && c) return `cgm ${b} ${c}`;
  return a;
}

/** The type of a built-in tunnel-group, which the configuration need not print (null: not built in). */
export function builtInTunnelGroupType(name: string): string | null {
  if (name === 'DefaultL2LGroup') return 'ipsec-l2l';
  return (BUILT_IN_TUNNEL_GROUPS as readonly string[]).includes(name) ? 'remote-access' : null;
}

/** Types releases before 8.0(2) printed for the built-in profiles (`ipsec-ra`, `webvpn`) [recalled]. */
const LEGACY_BUILT_IN_TYPES: Readonly<Record<string, string>> = { DefaultRAGroup: 'ipsec-ra', DefaultWEBVPNGroup: 'webvpn' };

/** The trustpoint an `ssl trust-point NAME [IFACE]` or `crypto ikev2 remote-access trustpoint NAME` line presents (null: neither). */
function presentedTrustpoint(w: readonly string[]): string | null {
  const [a, b, c, d, e] = w;
  if (a === 'ssl' && b === 'trust-point' && c) return c;
  if (a === 'crypto' && b === 'ikev2' && c === 'remote-access' && d === 'trustpoint' && e) return e;
  return null;
}

/** The identity of a single global line, or null for one the tool does not know. */
function globalKey(w: string[]): string | null {
  const [a, b, c, d] = w;
  if (a === 'hostname' || a === 'domain-name' || a === 'names') return a;
  // `name IP NAME`: one address per name (a new line for the name replaces the old).
  if (a === 'name' && b && c) return `name ${c}`;
  if (a === 'crypto' && b === 'ikev2' && c === 'enable' && d) return `ikev2 enable ${d}`;
  if (a === 'crypto' && b === 'ikev2' && c === 'remote-access' && d === 'trustpoint') return 'ikev2 ra trustpoint';
  if (a === 'ssl' && b === 'trust-point' && c) return `ssl trust-point ${w[3] ?? ''}`;
  if (a === 'ssl' && b === 'encryption') return 'ssl encryption';
  if (a === 'ntp' && b === 'server' && c) return `ntp ${c}`;
  // One default group: a new `default-group` line replaces the old one.
  if (a === 'tunnel-group-map' && b === 'default-group') return 'tgm default-group';
  if (a === 'tunnel-group-map' && b && c) return `tgm ${b} ${c}`;
  return null;
}

/**
 * An access-list entry with each one-address network (`10.0.0.53 255.255.255.255`) written as the ASA
 * shows it, `host 10.0.0.53` [recalled]: typed either way, it is the same entry.
 */
function hostForm(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (i > 2 && words[i + 1] === '255.255.255.255' && IPV4.test(w) && words[i - 1] !== 'host') {
      out.push('host', w);
      i++;
    } else out.push(w);
  }
  return out;
}

/** A group-policy block's own `webvpn` sub-mode, if it has one. */
function policyWebvpn(node: DocNode): DocNode | undefined {
  return node.children.find((c) => !c.raw && c.text === 'webvpn');
}

/** The key of a policy's `webvpn` line, the sub-mode itself: what `no webvpn` removes. */
function webvpnSubModeKey(w: string[]): string | null {
  return w.length === 1 && w[0] === 'webvpn' ? 'webvpn' : null;
}

/**
 * The lines of setting `key` as the ASA would hold them after reading them in order: one line (the
 * last) for a setting with one value; for lines that add up, each once, `none` replacing what came
 * before it and a value replacing a `none` (see NONE_REPLACES). Other lines stay as they are.
 */
function inForce(children: readonly DocNode[], key: string, keyOf: (w: string[]) => string | null): DocNode[] {
  const isNone = (c: DocNode): boolean => isNoneLine(tokenize(c.text), key);
  const out: DocNode[] = [];
  const mine = (c: DocNode): boolean => !c.raw && keyOf(tokenize(c.text)) === key;
  for (const c of children) {
    if (!mine(c)) out.push(c);
    else if (!key.startsWith('+') || isNone(c)) {
      for (let i = out.length - 1; i >= 0; i--) if (mine(out[i]!)) out.splice(i, 1);
      out.push(c);
    } else {
      for (let i = out.length - 1; i >= 0; i--) if (mine(out[i]!) && (isNone(out[i]!) || out[i]!.text === c.text)) out.splice(i, 1);
      out.push(c);
    }
  }
  return out;
}
