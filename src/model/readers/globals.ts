// Single-line global commands: hostname, domain name, firewall mode, SSL trustpoints and ciphers,
// NTP servers, DAP record names, AnyConnect custom data, local users and security contexts.

import { noneSetting, UNSET, valueSetting } from '../setting.js';
import type { TopLevelReader } from '../build-context.js';
import { attributeSpec } from '../policy-attributes.js';
import type { DapRecord } from '../types.js';

export const hostnameReader: TopLevelReader = {
  words: ['hostname', 'domain-name'],
  read(ctx, { words, line }) {
    const value = valueSetting(words[1] ?? '', line);
    if (words[0] === 'hostname') ctx.model.hostname = value;
    else ctx.model.domainName = value;
    return true;
  },
};

export const firewallReader: TopLevelReader = {
  words: ['firewall'],
  read(ctx, { words, line }) {
    if (words[1] === 'transparent') ctx.model.firewallMode = valueSetting('transparent', line);
    return true;
  },
};

export const sslReader: TopLevelReader = {
  words: ['ssl'],
  read(ctx, { words: w, line }) {
    const g = ctx.model.global;
    if (w[1] === 'trust-point' && w[2]) g.sslTrustPoints.push({ trustpoint: w[2], interface: w[3] ?? null, line });
    else if (w[1] === 'encryption' && w.length > 2) g.sslEncryption = valueSetting(w.slice(2), line);
    else return false;
    return true;
  },
};

export const ntpReader: TopLevelReader = {
  words: ['ntp'],
  read(ctx, { words, line }) {
    if (words[1] === 'server' && words[2]) ctx.model.global.ntpServers.push({ address: words[2], line });
    return true;
  },
};

/** `aaa-server GROUP protocol PROTOCOL`: what kind of server a group is (its hosts and keys are not read). */
export const aaaServerReader: TopLevelReader = {
  words: ['aaa-server'],
  accepts: (raw) => /^aaa-server +\S+ +protocol +\S/.test(raw),
  read(ctx, { words, line }) {
    if (words[2] !== 'protocol' || !words[1] || !words[3]) return false;
    ctx.model.global.aaaServerGroups.set(words[1], { protocol: words[3].toLowerCase(), line });
    return true;
  },
};

/**
 * `ldap attribute-map NAME` with `map-name ATTRIBUTE Tunnel-Group-Lock`: an LDAP server that uses the
 * map can lock a user to a connection profile, as a RADIUS server can (only those lines are read).
 */
export const ldapAttributeMapReader: TopLevelReader = {
  words: ['ldap'],
  accepts: (raw) => /^ldap +attribute-map +\S/.test(raw),
  read(ctx, l) {
    const name = l.words[2];
    if (l.words[1] !== 'attribute-map' || !name) return false;
    ctx.readChildren(l, {
      'map-name': ({ words, line }) => {
        if (words[2]?.toLowerCase() === 'tunnel-group-lock') ctx.model.global.ldapTunnelGroupLocks.push({ map: name, line });
        return true;
      },
    });
    return true;
  },
};

export const dapRecordReader: TopLevelReader = {
  words: ['dynamic-access-policy-record'],
  read(ctx, l) {
    const record: DapRecord = { name: l.words.slice(1).join(' '), line: l.line, customAttributes: new Map(), action: UNSET, networkAcls: [] };
    ctx.model.global.dapRecords.push(record);
    ctx.readChildren(l, {
      'anyconnect-custom': ({ words, line }) => {
        const type = words[1];
        if (type && words[2] === 'value' && words[3]) record.customAttributes.set(type, valueSetting(words[3], line));
        else if (type && words[2] === 'none') record.customAttributes.set(type, noneSetting(line));
        else return false;
        return true;
      },
      action: ({ words, line }) => {
        if (!words[1]) return false;
        record.action = valueSetting(words[1], line);
        return true;
      },
      'network-acl': ({ words, line }) => {
        if (!words[1]) return false;
        record.networkAcls.push({ name: words[1], line });
        return true;
      },
    });
    return true;
  },
};

/** `tunnel-group-map MAP SEQ TG`: IPsec clients whose certificate matches the map land in TG. */
export const tunnelGroupMapReader: TopLevelReader = {
  words: ['tunnel-group-map'],
  read(ctx, { words, line }) {
    if (words.length === 3 && words[1] === 'default-group') {
      ctx.model.global.tunnelGroupMapDefault = { tunnelGroup: words[2]!, line };
      return true;
    }
    // `tunnel-group-map enable ...` sets the matching policy, not a rule.
    if (words.length !== 4 || words[1] === 'default-group') return false;
    ctx.model.global.tunnelGroupMaps.push({ map: words[1]!, sequence: /^\d+$/.test(words[2]!) ? Number(words[2]) : null, tunnelGroup: words[3]!, line });
    return true;
  },
};

export const customDataReader: TopLevelReader = {
  words: ['anyconnect-custom-data'],
  read(ctx, { text, words, line }) {
    const [, type, name] = words;
    // The value is everything after TYPE and NAME, kept verbatim (base64 holds no spaces, but be exact).
    const valueStart = type && name ? text.indexOf(name, text.indexOf(type) + type.length) + name.length : -1;
    const value = valueStart > 0 ? text.slice(valueStart).trim() : '';
    if (!type || !name || !value) {
      ctx.problem(line, 'warning', 'bad-syntax', 'expected `anyconnect-custom-data TYPE NAME VALUE`');
      return false;
    }
    const key = `${type} ${name}`;
    const existing = ctx.model.global.customData.get(key);
    if (existing) {
      existing.value += value;
      existing.lines.push(line);
      existing.parts.push({ value, line });
    } else {
      ctx.model.global.customData.set(key, { type, name, value, lines: [line], parts: [{ value, line }] });
    }
    return true;
  },
};

export const usernameReader: TopLevelReader = {
  words: ['username'],
  read(ctx, l) {
    const name = l.words[1];
    if (!name) return false;
    let user = ctx.model.users.get(name);
    if (!user) {
      user = { name, line: l.line, vpnGroupPolicy: UNSET, groupLock: UNSET, splitTunnelPolicy: UNSET, splitTunnelNetworkList: UNSET };
      ctx.model.users.set(name, user);
    }
    if (l.words[2] !== 'attributes') return true;
    const u = user;
    ctx.readChildren(l, {
      'vpn-group-policy': ({ words, line }) => {
        if (!words[1]) return false;
        u.vpnGroupPolicy = valueSetting(words[1], line);
      },
      'split-tunnel-policy': ({ words, line }) => {
        const read = attributeSpec('splitTunnelPolicy').read(words, line);
        if (read === undefined || 'problem' in read) return false;
        u.splitTunnelPolicy = read.setting;
        return true;
      },
      'split-tunnel-network-list': ({ words, line }) => {
        const read = attributeSpec('splitTunnelNetworkList').read(words, line);
        if (read === undefined || 'problem' in read) return false;
        u.splitTunnelNetworkList = read.setting;
        return true;
      },
      'group-lock': ({ words, line }) => {
        if (words[1] === 'value' && words[2]) u.groupLock = valueSetting(words[2], line);
        else if (words[1] === 'none') u.groupLock = noneSetting(line);
        else return false;
        return true;
      },
    });
    return true;
  },
};

export const contextReader: TopLevelReader = {
  words: ['context'],
  read(ctx, l) {
    if (!l.words[1]) return false;
    const url = ctx.children(l).find((c) => c.words[0] === 'config-url' && c.words[1]);
    ctx.model.contexts.push({ name: l.words[1], line: l.line, configUrl: url?.words[1] ?? null });
    ctx.model.space = 'system';
    return true;
  },
};
