// Standard access-lists, the usual form of a split-tunnel network list: `access-list NAME standard
// permit|deny {host IP | IP MASK | any | any4}`. Extended lines are left in the tree unread.

import type { TopLevelReader } from '../build-context.js';
import type { AccessList } from '../types.js';

const STANDARD = /^access-list \S+ standard /;

export const accessListReader: TopLevelReader = {
  words: ['access-list'],
  accepts: (raw) => STANDARD.test(raw),
  read(ctx, { words, line }) {
    const name = words[1]!;
    let acl = ctx.model.global.accessLists.get(name);
    if (!acl) {
      acl = { name, entries: [], unreadLines: [] } satisfies AccessList;
      ctx.model.global.accessLists.set(name, acl);
    }
    const action = words[3];
    if (action !== 'permit' && action !== 'deny') {
      if (action !== 'remark') acl.unreadLines.push(line);
      return action === 'remark';
    }
    const [a, b] = [words[4], words[5]];
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
