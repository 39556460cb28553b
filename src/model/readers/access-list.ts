// Standard access-lists, the usual form of a split-tunnel network list: `access-list NAME standard
// permit|deny {host IP | IP MASK | any | any4}`. Extended lines are left in the tree unread. A large
// configuration has hundreds of thousands of ACL lines, and only the few a policy names as its
// split-tunnel list are ever looked at: lines are indexed by list name while the model is built and
// read into entries the first time someone asks.

import type { TopLevelReader } from '../build-context.js';
import type { AccessList, AclEntry } from '../types.js';
import { IPV4 } from '../../common/ipv4.js';

/** The entry kinds of an access-list other than standard (`line N` before one, as typed). */
const OTHER_KINDS = /(line \d+ )?(extended|webtype|ethertype) /y;
const STANDARD_ENTRY = /^\s*access-list[ \t]+\S+[ \t]+standard[ \t]+(\S+)(?:[ \t]+(\S+))?(?:[ \t]+(\S+))?/;

/** The other-kind list name last added, and to which model's set (models are built one at a time). */
let lastOther: { into: Set<string>; name: string } | null = null;

export const accessListReader: TopLevelReader = {
  words: ['access-list'],
  read: () => false,
  readRaw(ctx, raw, index) {
    // `access-list NAME standard ...`: the name is the second word; anything else is not ours.
    const start = raw.indexOf('access-list') + 12;
    const nameEnd = raw.indexOf(' ', start);
    if (nameEnd === -1) return false;
    if (!raw.startsWith('standard ', nameEnd + 1)) {
      // Not read, but there: a split-tunnel list that names it is not a list that does not exist.
      // (A `remark` is no entry: a list of remarks only has none.)
      // (Sticky, from after the name: no copy of the rest of each of many lines.)
      OTHER_KINDS.lastIndex = nameEnd + 1;
      if (!OTHER_KINDS.test(raw)) return false;
      // A list's lines come one after another: its name is taken once, not once per line.
      const others = ctx.model.global.otherAccessLists;
      if (lastOther === null || lastOther.into !== others || nameEnd - start !== lastOther.name.length || !raw.startsWith(lastOther.name, start)) {
        const name = raw.slice(start, nameEnd);
        others.add(name);
        lastOther = { into: others, name };
      }
      return false;
    }
    const name = raw.slice(start, nameEnd);
    let acl = ctx.model.global.accessLists.get(name) as LazyAccessList | undefined;
    if (!acl) {
      acl = new LazyAccessList(name, ctx.parsed.lines, ctx.model.global.hostNames);
      ctx.model.global.accessLists.set(name, acl);
    }
    acl.indices.push(index);
    return true;
  },
};

/** An access-list whose entries are read from its lines on first use. */
class LazyAccessList implements AccessList {
  readonly indices: number[] = [];
  private read: { entries: AclEntry[]; unreadLines: number[] } | null = null;

  constructor(
    readonly name: string,
    private readonly lines: readonly string[],
    // Filled while the model is built; entries are read later, when every `name` line is in it.
    private readonly hostNames: ReadonlyMap<string, string>,
  ) {}

  get entries(): AclEntry[] {
    return this.parse().entries;
  }

  get unreadLines(): number[] {
    return this.parse().unreadLines;
  }

  private parse(): { entries: AclEntry[]; unreadLines: number[] } {
    if (this.read) return this.read;
    const entries: AclEntry[] = [];
    const unreadLines: number[] = [];
    for (const index of this.indices) {
      const m = STANDARD_ENTRY.exec(this.lines[index]!);
      const line = index + 1;
      const [, action, rawA, rawB] = m ?? [];
      // With `names`, the ASA prints a named address by its name (`permit host svnmail_int`): only
      // the address position is looked up, never a keyword or the mask.
      const keyword = rawA === 'host' || rawA === 'any' || rawA === 'any4';
      const a = rawA === undefined || keyword ? rawA : (this.hostNames.get(rawA) ?? rawA);
      const b = rawB !== undefined && rawA === 'host' ? (this.hostNames.get(rawB) ?? rawB) : rawB;
      if (action !== 'permit' && action !== 'deny') {
        if (action !== 'remark') unreadLines.push(line);
        continue;
      }
      // A name from `names` (`permit host DNS1`) in place of an address is a line the tool cannot decide with.
      if (a === 'any' || a === 'any4') entries.push({ action, network: null, line });
      else if (a === 'host' && b && IPV4.test(b)) entries.push({ action, network: { address: b, mask: '255.255.255.255' }, line });
      else if (a && b && IPV4.test(a) && IPV4.test(b)) entries.push({ action, network: { address: a, mask: b }, line });
      else unreadLines.push(line);
    }
    this.read = { entries, unreadLines };
    return this.read;
  }
}

/** `name IP NAME [description ...]`: a name the configuration uses for an address. */
export const nameReader: TopLevelReader = {
  words: ['name'],
  read(ctx, { words }) {
    const [, address, name] = words;
    if (address === undefined || name === undefined || !IPV4.test(address)) return false;
    ctx.model.global.hostNames.set(name, address);
    return true;
  },
};
