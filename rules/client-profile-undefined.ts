import { lineRef } from '../src/engine/rule-kit.js';
import { createRule } from '../src/engine/types.js';

export default createRule({
  meta: {
    id: 'client-profile-undefined',
    severity: 'error',
    severities: ['error'],
    title: 'A policy assigns an AnyConnect client profile that no `anyconnect profiles NAME FILE` line defines',
    rationale:
      'A policy assigns a client profile by name (`anyconnect profiles value NAME type user`); the file behind the name comes from the global `webvpn` line `anyconnect profiles NAME disk0:/FILE.xml`. Without it the phone receives no profile.',
    basis: 'inferred',
    scope: 'profile',
    messages: {
      undefinedProfile:
        '{{profile}} is assigned client profile {{name}} ({{source}}), but no `anyconnect profiles {{name}} disk0:/FILE.xml` line under webvpn defines it: phones receive no profile. Define it, or assign one that exists.',
    },
  },
  check({ device, profiles, report }) {
    const defined = new Set(device.model.global.webvpn?.clientProfiles.map((c) => c.name) ?? []);
    for (const p of profiles) {
      const e = p.resolved.attributes.clientProfiles;
      if (e.state !== 'value') continue;
      for (const name of e.value.filter((n) => !defined.has(n))) {
        report.profile(p, {
          messageId: 'undefinedProfile',
          setting: 'clientProfiles',
          data: { profile: p.resolved.name, name, source: e.from === 'default' ? 'built-in' : lineRef(e.line) },
          at: e.line,
          object: `client profile ${name}`,
        });
      }
    }
  },
});
