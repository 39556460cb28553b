// Where a configuration names an access-list outside split tunnelling (`access-group`, a route-map's
// `match ip address`, `nat ... access-list`, a DAP `network-acl`, a `vpn-filter`): entries added to a
// split-tunnel list for phones change what those match too. Read from the section's lines the first
// time someone asks (a large configuration has hundreds of thousands of lines and most audits never ask).

import type { ConfigSection, ParsedConfig } from '../parse/parse.js';
import { redactLine } from '../parse/redact.js';
import type { AccessListUses } from './types.js';

/** Words after which a command names an access-list; lines without any are skipped unsplit. */
const NAMES_ACCESS_LIST_BEFORE = /(?:access-group|address|access-list|network-acl|match|value)\s/;

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
    const { lines } = this.parsed;
    for (let i = this.section.start; i < this.section.end; i++) {
      const raw = lines[i]!;
      if (raw.startsWith('access-list ') || !NAMES_ACCESS_LIST_BEFORE.test(raw)) continue;
      const text = raw.trim();
      // A list's own entries and the split-tunnel lines are not uses outside split tunnelling.
      if (text.startsWith('access-list ') || /^(ipv6-)?split-tunnel-network-list value /.test(text)) continue;
      const words = text.split(/\s+/);
      // Only where a command names an access-list: a word spelled like a list elsewhere (an interface,
      // a group-policy, an object-group) is not a use of it.
      for (const word of new Set(words.filter((_, k) => namesAccessList(words, k)))) {
        const uses = index.get(word) ?? [];
        if (uses.length < KEPT_PER_LIST) uses.push({ text: redactLine(text), line: i + 1 });
        index.set(word, uses);
      }
    }
    return index;
  }
}
