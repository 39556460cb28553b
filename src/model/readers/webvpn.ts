// Global `webvpn`: where AnyConnect SSL is switched on, images and client profiles are defined,
// custom attribute types are declared and the AnyConnect idle-timeout fallback lives.

import { UNSET, valueSetting } from '../setting.js';
import type { GlobalWebvpn, SamlIdp } from '../types.js';
import type { LineHandler, TopLevelReader } from '../build-context.js';

export const globalWebvpnReader: TopLevelReader = {
  words: ['webvpn'],
  read(ctx, l) {
    if (l.words.length !== 1) return false;
    // Repeated blocks (hand edits) merge into one.
    const wv: GlobalWebvpn = ctx.model.global.webvpn ?? {
      line: l.line,
      enabledInterfaces: [],
      anyconnectEnabled: UNSET,
      images: [],
      clientProfiles: [],
      tunnelGroupListEnabled: UNSET,
      customAttributeTypes: [],
      defaultIdleTimeout: UNSET,
      certificateGroupMaps: [],
      samlIdps: [],
    };
    ctx.model.global.webvpn = wv;
    // `anyconnect ...` and its pre-8.4 form `svc ...` take the same words after the prefix.
    const client: LineHandler = ({ words, line }) => {
      const legacy = words[0] === 'svc';
      if (words[1] === 'enable') wv.anyconnectEnabled = valueSetting(true, line, legacy);
      else if (words[1] === 'image' && words[2])
        wv.images.push({ path: words[2], order: words[3] && /^\d+$/.test(words[3]) ? Number(words[3]) : null, line, legacy });
      else if (words[1] === 'profiles' && words[2] && words[3]) wv.clientProfiles.push({ name: words[2], path: words[3], line });
      else return false;
      return true;
    };
    ctx.readChildren(l, {
      enable: ({ words, line }) => {
        if (!words[1]) return false;
        wv.enabledInterfaces.push({ name: words[1], line });
      },
      anyconnect: client,
      svc: client,
      'tunnel-group-list': ({ words, line }) => {
        if (words[1] !== 'enable') return false;
        wv.tunnelGroupListEnabled = valueSetting(true, line);
      },
      'anyconnect-custom-attr': ({ words, line }) => {
        if (!words[1]) return false;
        const d = words.indexOf('description');
        wv.customAttributeTypes.push({ type: words[1], description: d !== -1 ? words.slice(d + 1).join(' ') : null, line });
      },
      'certificate-group-map': ({ words, line }) => {
        if (words.length !== 4) return false;
        wv.certificateGroupMaps.push({ map: words[1]!, sequence: /^\d+$/.test(words[2]!) ? Number(words[2]) : null, tunnelGroup: words[3]!, line });
        return true;
      },
      saml: (l) => {
        if (l.words[1] !== 'idp' || !l.words[2]) return false;
        const idp: SamlIdp = { entityId: l.words[2], line: l.line, forceReauthentication: UNSET };
        wv.samlIdps.push(idp);
        ctx.readChildren(l, {
          force: ({ words, line }) => {
            if (words[1] !== 're-authentication') return false;
            idp.forceReauthentication = valueSetting(true, line);
            return true;
          },
          no: ({ words, line }) => {
            if (words[1] !== 'force' || words[2] !== 're-authentication') return false;
            idp.forceReauthentication = valueSetting(false, line);
            return true;
          },
        });
        return true;
      },
      'default-idle-timeout': ({ words, line }) => {
        if (!words[1] || !/^\d+$/.test(words[1])) return false;
        wv.defaultIdleTimeout = valueSetting(Number(words[1]), line);
      },
    });
    return true;
  },
};
