// Where a configuration names an access-list outside split tunnelling (`access-group`, a route-map's
// `match ip address`, `nat ... access-list`, a DAP `network-acl`, a `vpn-filter`): entries added to a
// split-tunnel list for phones change what those match too. Read from the section's lines the first
// time someone asks (a large configuration has hundreds of thousands of lines and most audits never ask).

import type { ConfigSection, ParsedConfig } from '../parse/parse.js';
import { redactLine } from '../parse/redact.js';
import type { AccessListUses } from './types.js';

/** Words after which a command names an access-list; lines without any are skipped unsplit. */
const NAMES_ACCESS_LIST_BEFORE = /(?:access-group|address|access-list|network-acl|match|filter value)\s/;

/** Top-level commands whose blocks never name an access-list. */
const NEVER_NAMES_A_LIST = /^(access-list|object|object-group|name|interface) /;

/** At most this many uses per list are kept: enough to say where, not a listing. */
const KEPT_PER_LIST = 3;

/**
 * Whether `words[k]` stands where a command names an access-list: `access-group NAME`, `match address`,
 * `match ip address`, `match access-list`, `nat ... access-list`, `capture ... access-list`,
 * `aaa ... match NAME`, `network-acl NAME`, and `vpn-filter` / webvpn `filter` `value NAME`.
 */
function namesAccessList(words: readonly string[], k: number): boolean {
  const before = words[k - 1];
  if (before === 'access-group' || before === 'address' || before === 'access-list' || before === 'network-acl' || before === 'match') return true;
  return before === 'value' && ['vpn-filter', 'ipv6-vpn-filter', 'filter'].includes(words[k - 2] ?? '');
}

export class LazyAccessListUses implements AccessListUses {
  private index: Map<string, Array<{ text: string; line: number }>> | null = null;

  constructor(
    private readonly parsed: ParsedConfig,
    private readonly section: ConfigSection,
  ) {}

  of(list: string): Array<{ text: string; line: number }> {
    this.index ??= this.build();
    return this.index.get(list) ?? [];
  }

  private build(): Map<string, Array<{ text: string; line: number }>> {
    const index = new Map<string, Array<{ text: string; line: number }>>();
    const { lines, blockEnd } = this.parsed;
    const topLevel = this.section.topLevel;
    // (Indexed loops in these run-once walks over every top-level line: a for-of there allocates a
    // result object per line until V8 optimises the loop, garbage a large configuration feels.)
    for (let t = 0; t < topLevel.length; t++) {
      const top = topLevel[t]!;
      // The blocks that fill a large configuration (the lists themselves, objects and their members,
      // interfaces) never name an access-list: passed over whole.
      if (NEVER_NAMES_A_LIST.test(lines[top]!)) continue;
      const end = Math.min(blockEnd[top]!, this.section.end);
      for (let i = top; i < end; i++) this.visit(i, index);
    }
    return index;
  }

  /** Records the lists line `i` names (secrets masked). */
  private visit(i: number, index: Map<string, Array<{ text: string; line: number }>>): void {
    const raw = this.parsed.lines[i]!;
    if (!NAMES_ACCESS_LIST_BEFORE.test(raw)) return;
    const text = raw.trim();
    // A list's own entries are not uses of it (split-tunnel lines never pass the test above).
    if (text.startsWith('access-list ')) return;
    const words = text.split(/\s+/);
    // Only where a command names an access-list: a word spelled like a list elsewhere (an interface,
    // a group-policy, an object-group) is not a use of it.
    for (const word of new Set(words.filter((_, k) => namesAccessList(words, k)))) {
      const uses = index.get(word) ?? [];
      if (uses.length < KEPT_PER_LIST) uses.push({ text: redactLine(text), line: i + 1 });
      index.set(word, uses);
    }
  }
}
