import { cliName } from '../src/parse/tokenize.js';
import { createRule } from '../src/engine/types.js';
import { unusedUrlPath, type Remedy } from '../src/engine/remedy.js';
import { safeName } from '../src/engine/rule-kit.js';
import type { DeviceModel, TunnelGroup } from '../src/model/types.js';

/** A group-url on the host phones already use for this headend's other group-urls; otherwise the user names the host. */
function groupUrlRemedy(model: DeviceModel, profile: string): { remedy?: Remedy; needsInput?: string } {
  const hosts = [...model.tunnelGroups.values()]
    .flatMap((t) => t.webvpn.groupUrls.map((u) => /^https:\/\/([^/]+)\//.exec(u.url)?.[1]))
    .filter((h): h is string => h !== undefined);
  const path = unusedUrlPath(model, safeName(profile).toLowerCase(), profile);
  if (new Set(hosts).size !== 1) {
    return {
      needsInput: `the host name phones connect to: add \`group-url https://HOST/${path} enable\` under \`tunnel-group ${cliName(profile)} webvpn-attributes\`, and the same URL to the client profile`,
    };
  }
  const url = `https://${hosts[0]!}/${path}`;
  return {
    remedy: {
      kind: 'block',
      header: `tunnel-group ${cliName(profile)} webvpn-attributes`,
      lines: [`group-url ${url} enable`],
      // The URL selects the profile only for phones that connect to it: the client profile must say so.
      then: `${profile} gets group-url ${url}: phones land on it only once the client profile's host entry for it points at that URL (a change to the client profile XML, not in this script); the host name ${hosts[0]!} is the one this device's other group-urls use: check it is the name phones connect to.`,
    },
  };
}

/** A tunnel-group line as the configuration holds it (its interface tag included): what a `no` must name. */
function asWritten(tg: TunnelGroup, line: number | null): string {
  const found = tg.blocks.flatMap((b) => b.lines).find((l) => l.line === line);
  return found?.text ?? 'secondary-authentication-server-group';
}

export default createRule({
  meta: {
    id: 'certificate-auth-group-url',
    severity: 'warning',
    severities: ['warning'],
    title: 'A certificate-only profile lacks a group-url, or asks for secondary authentication',
    rationale:
      'The guide: certificate-only authentication gives mobile users the most transparent experience; when an authentication screen appears anyway, use a group URL and make sure no secondary authentication is configured. Connect On Demand needs both.',
    basis: 'guide',
    scope: 'profile',
    messages: {
      noGroupUrl:
        '{{profile}} authenticates with certificates only, but no enabled group-url selects it: a phone that does not land on it directly shows a login screen (and Connect On Demand cannot use it). Give it a group-url and point the client profile at it.',
      secondaryAuth:
        '{{profile}} authenticates with certificates only, but also names secondary-authentication-server-group {{group}}: phones get a login screen, and Connect On Demand cannot connect silently. Removing it takes the second factor from every user of {{profile}}, desktops too: decide whether certificates alone are enough there, or give phones a certificate-only profile of their own.',
    },
  },
  check({ device, profiles, report }) {
    for (const p of profiles) {
      const tg = p.resolved.tunnelGroup;
      const auth = tg.webvpn.authentication;
      if (auth.state !== 'value' || auth.value.length !== 1 || auth.value[0] !== 'certificate') continue;
      if (p.transports.ssl && !tg.webvpn.groupUrls.some((u) => u.enabled)) {
        report.profile(p, {
          messageId: 'noGroupUrl',
          data: { profile: tg.name },
          at: auth.line,
          object: 'group-url',
          ...groupUrlRemedy(device.model, tg.name),
        });
      }
      const secondary = tg.general.secondaryAuthenticationServerGroup;
      if (secondary.state === 'value') {
        report.profile(p, {
          messageId: 'secondaryAuth',
          data: { profile: tg.name, group: secondary.value.split(' ')[0]! },
          at: secondary.line,
          object: 'secondary-authentication',
          // Dropping a login factor is a security decision, not a fix the tool makes for anyone.
          needsInput: `whether ${tg.name} may lose its second factor: \`no ${asWritten(tg, secondary.line)}\` under \`tunnel-group ${cliName(tg.name)} general-attributes\` removes it for every user of the profile, desktops included; if they need it, give phones a certificate-only profile of their own instead`,
        });
      }
    }
  },
});
