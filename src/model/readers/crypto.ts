// Global crypto lines that matter to AnyConnect IPsec: NAT-T, IKEv2 client services and the IKEv2
// remote-access trustpoint.

import { noneSetting, UNSET, valueSetting } from '../setting.js';
import type { Trustpoint } from '../types.js';
import type { TopLevelReader } from '../build-context.js';

export const cryptoReader: TopLevelReader = {
  words: ['crypto', 'no'],
  read(ctx, l) {
    const { words: w, line } = l;
    const g = ctx.model.global;
    if (w[0] === 'no') {
      if (w[1] !== 'crypto' || w[2] !== 'isakmp' || w[3] !== 'nat-traversal') return false;
      g.natTraversal = noneSetting(line);
      return true;
    }
    if (w[1] === 'isakmp' && w[2] === 'nat-traversal') {
      const seconds = w[3];
      if (seconds === undefined) g.natTraversal = valueSetting(20, line);
      else if (/^\d+$/.test(seconds)) g.natTraversal = valueSetting(Number(seconds), line);
      else {
        ctx.problem(line, 'warning', 'bad-value', `crypto isakmp nat-traversal: bad keepalive \`${seconds}\``);
        return false;
      }
      return true;
    }
    if (w[1] === 'ikev2' && w[2] === 'enable' && w[3]) {
      const cs = w.indexOf('client-services');
      const portAt = w.indexOf('port');
      const port = cs !== -1 && portAt !== -1 && w[portAt + 1] ? Number(w[portAt + 1]) : null;
      // Re-entering `crypto ikev2 enable IF` replaces the earlier line for that interface.
      g.ikev2Enable = g.ikev2Enable.filter((e) => e.interface !== w[3]);
      g.ikev2Enable.push({ interface: w[3], clientServices: cs !== -1, port: Number.isFinite(port) ? port : null, line });
      return true;
    }
    if (w[1] === 'ca' && w[2] === 'trustpoint' && w[3]) {
      const tp: Trustpoint = { name: w[3], line, enrollment: UNSET, names: [] };
      g.trustpoints.set(w[3], tp);
      ctx.readChildren(l, {
        enrollment: ({ words, line: at }) => {
          if (!words[1]) return false;
          tp.enrollment = valueSetting(words[1], at);
          return true;
        },
        fqdn: ({ words }) => {
          if (!words[1] || words[1] === 'none') return false;
          tp.names.push(words[1].toLowerCase());
          return true;
        },
        'subject-name': ({ words }) => {
          const cn = /(?:^|,)\s*CN=([^,]+)/i.exec(words.slice(1).join(' '))?.[1]?.trim();
          if (!cn) return false;
          tp.names.push(cn.toLowerCase());
          return true;
        },
      });
      return true;
    }
    if (w[1] === 'ikev2' && w[2] === 'remote-access' && w[3] === 'trustpoint' && w[4]) {
      g.ikev2RemoteAccessTrustpoint = valueSetting(w[4], line);
      return true;
    }
    return false;
  },
};
