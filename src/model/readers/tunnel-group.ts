// `tunnel-group NAME type ...` and its `general-attributes`, `webvpn-attributes` and `ipsec-attributes`
// blocks (each a separate top-level block, as the ASA prints them).

import { UNSET, valueSetting } from '../setting.js';
import { BUILT_IN_TUNNEL_GROUPS, type TunnelGroup, type TunnelGroupType } from '../types.js';
import type { BuildContext, ConfigLine, TopLevelReader } from '../build-context.js';

const TYPES: readonly string[] = ['remote-access', 'ipsec-l2l', 'ipsec-ra', 'webvpn'];

export function newTunnelGroup(name: string, line: number | null): TunnelGroup {
  return {
    name,
    type: null,
    typeLine: null,
    builtIn: (BUILT_IN_TUNNEL_GROUPS as readonly string[]).includes(name),
    firstLine: line,
    blocks: [],
    general: {
      line: null,
      defaultGroupPolicy: UNSET,
      addressPools: [],
      authenticationServerGroup: UNSET,
      secondaryAuthenticationServerGroup: UNSET,
      scepEnrollment: UNSET,
    },
    webvpn: { line: null, authentication: UNSET, groupAliases: [], groupUrls: [], samlIdentityProvider: UNSET },
    ipsec: { line: null, ikev2RemoteAuthentication: [] },
  };
}

function tunnelGroupOf(ctx: BuildContext, name: string, line: number): TunnelGroup {
  let tg = ctx.model.tunnelGroups.get(name);
  if (!tg) {
    tg = newTunnelGroup(name, line);
    ctx.model.tunnelGroups.set(name, tg);
  }
  return tg;
}

/** `address-pool (vpn) vpn_pool` → drop the `(IF)` interface tag. */
function withoutInterfaceTag(words: string[]): string[] {
  return words.filter((w, i) => !(i === 1 && /^\(.*\)$/.test(w)));
}

function readGeneral(ctx: BuildContext, tg: TunnelGroup, block: ConfigLine): void {
  const g = tg.general;
  const rest = (l: ConfigLine): string[] => withoutInterfaceTag(l.words).slice(1);
  ctx.readChildren(block, {
    'default-group-policy': (l) => {
      const [value] = rest(l);
      if (!value) return false;
      g.defaultGroupPolicy = valueSetting(value, l.line);
    },
    'address-pool': (l) => {
      for (const pool of rest(l)) g.addressPools.push({ name: pool, line: l.line });
      return true;
    },
    'authentication-server-group': (l) => {
      if (rest(l).length === 0) return false;
      g.authenticationServerGroup = valueSetting(rest(l).join(' '), l.line);
    },
    'scep-enrollment': (l) => {
      if (l.words[1] !== 'enable') return false;
      g.scepEnrollment = valueSetting(true, l.line);
      return true;
    },
    'secondary-authentication-server-group': (l) => {
      if (rest(l).length === 0) return false;
      g.secondaryAuthenticationServerGroup = valueSetting(rest(l).join(' '), l.line);
    },
  });
}

function readWebvpn(ctx: BuildContext, tg: TunnelGroup, block: ConfigLine): void {
  const w = tg.webvpn;
  const nameAndFlag = (l: ConfigLine): { value: string; enabled: boolean } | null => {
    const last = l.words[l.words.length - 1];
    const hasFlag = last === 'enable' || last === 'disable';
    const value = (hasFlag ? l.words.slice(1, -1) : l.words.slice(1)).join(' ');
    if (!value) {
      ctx.problem(l.line, 'warning', 'bad-syntax', `${l.words[0]} without a value`);
      return null;
    }
    return { value, enabled: last !== 'disable' };
  };
  ctx.readChildren(block, {
    authentication: (l) => {
      if (l.words.length < 2) return false;
      w.authentication = valueSetting(l.words.slice(1), l.line);
    },
    'group-alias': (l) => {
      const a = nameAndFlag(l);
      if (!a) return false;
      w.groupAliases.push({ name: a.value, enabled: a.enabled, line: l.line });
    },
    'group-url': (l) => {
      const u = nameAndFlag(l);
      if (!u) return false;
      w.groupUrls.push({ url: u.value, enabled: u.enabled, line: l.line });
    },
    saml: (l) => {
      if (l.words[1] !== 'identity-provider' || !l.words[2]) return false;
      w.samlIdentityProvider = valueSetting(l.words[2], l.line);
    },
  });
}

function readIpsec(ctx: BuildContext, tg: TunnelGroup, block: ConfigLine): void {
  ctx.readChildren(block, {
    ikev2: ({ words, line }) => {
      if (words[1] !== 'remote-authentication' || !words[2]) return false;
      // Keep the method only; a pre-shared key that may follow is a secret.
      tg.ipsec.ikev2RemoteAuthentication.push({ method: words[2] === 'eap' ? `eap ${words[3] ?? ''}`.trim() : words[2], line });
    },
  });
}

export const tunnelGroupReader: TopLevelReader = {
  words: ['tunnel-group'],
  read(ctx, l) {
    const [, name, kind] = l.words;
    if (!name || !kind) {
      ctx.problem(l.line, 'warning', 'bad-syntax', 'tunnel-group line without a name and keyword');
      return false;
    }
    const tg = tunnelGroupOf(ctx, name, l.line);
    if (kind !== 'type') {
      tg.blocks.push({ kind, line: l.line, lines: ctx.children(l).map((c) => ({ text: c.text, line: c.line })) });
      // Its sub-modes take sub-commands, none of which takes any of its own.
      ctx.strayLines(l);
    } else ctx.linesUnderCommand(l);
    switch (kind) {
      case 'type': {
        const type = l.words[3];
        if (type !== undefined && TYPES.includes(type)) {
          tg.type = type as TunnelGroupType;
          tg.typeLine = l.line;
        } else {
          ctx.problem(l.line, 'warning', 'bad-value', `unknown tunnel-group type \`${type ?? ''}\``);
        }
        return true;
      }
      case 'general-attributes':
        tg.general.line ??= l.line;
        readGeneral(ctx, tg, l);
        return true;
      case 'webvpn-attributes':
        tg.webvpn.line ??= l.line;
        readWebvpn(ctx, tg, l);
        return true;
      case 'ipsec-attributes':
        tg.ipsec.line ??= l.line;
        readIpsec(ctx, tg, l);
        return true;
      default:
        // ppp-attributes and others are kept in the tree; the header still names the group.
        return true;
    }
  },
};
