// Standard access-lists, the usual form of a split-tunnel network list: `access-list NAME standard
// permit|deny {host IP | IP MASK | any | any4}`. Extended lines are left in the tree unread. A large
// configuration has hundreds of thousands of ACL lines: they are read from the raw text with one
// regular expression, never split into word arrays.

import type { TopLevelReader } from '../build-context.js';
import type { AccessList } from '../types.js';

const STANDARD = /^\s*access-list[ \t]+(\S+)[ \t]+standard[ \t]+(\S+)(?:[ \t]+(\S+))?(?:[ \t]+(\S+))?/;

export const accessListReader: TopLevelReader = {
  words: ['access-list'],
  read: () => false,
  readRaw(ctx, raw, index) {
    const m = STANDARD.exec(raw);
    if (!m) return false;
    const [, name, action, a, b] = m as unknown as [string, string, string, string | undefined, string | undefined];
    const line = index + 1;
    let acl = ctx.model.global.accessLists.get(name);
    if (!acl) {
      acl = { name, entries: [], unreadLines: [] } satisfies AccessList;
      ctx.model.global.accessLists.set(name, acl);
    }
    if (action !== 'permit' && action !== 'deny') {
      if (action !== 'remark') acl.unreadLines.push(line);
      return action === 'remark';
    }
    if (a === 'any' || a === 'any4') acl.entries.push({ action, network: null, line });
    else if (a === 'host' && b) acl.entries.push({ action, network: { address: b, mask: '255.255.255.255' }, line });
    else if (a && b) acl.entries.push({ action, network: { address: a, mask: b }, line });
    else {
      acl.unreadLines.push(line);
      return false;
    }
    return true;
  },
};
