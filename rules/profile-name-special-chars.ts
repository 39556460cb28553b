import { cliName } from '../src/parse/tokenize.js';
import { createRule } from '../src/engine/types.js';
import { describeCharacters, nameCharacters, safeName } from '../src/engine/rule-kit.js';
import type { TunnelGroup } from '../src/model/types.js';

/**
 * CLI that recreates the profile under a safe name, from what the model knows of it. Aliases move
 * with it: they are unique per device, so they are removed from the old profile first.
 */
function recreateCli(tg: TunnelGroup, newName: string, groupPolicy: string): string {
  const n = cliName(newName);
  const lines: string[] = [];
  // Aliases and group URLs are unique per device: release them from the old profile first.
  const release = [...tg.webvpn.groupAliases.map((a) => ` no group-alias ${cliName(a.name)}`), ...tg.webvpn.groupUrls.map((u) => ` no group-url ${u.url}`)];
  if (release.length > 0) lines.push(`tunnel-group ${cliName(tg.name)} webvpn-attributes`, ...release);
  lines.push(`tunnel-group ${n} type remote-access`, `tunnel-group ${n} general-attributes`);
  for (const pool of tg.general.addressPools) lines.push(` address-pool ${pool.name}`);
  if (tg.general.authenticationServerGroup.state === 'value') lines.push(` authentication-server-group ${tg.general.authenticationServerGroup.value}`);
  if (tg.general.secondaryAuthenticationServerGroup.state === 'value')
    lines.push(` secondary-authentication-server-group ${tg.general.secondaryAuthenticationServerGroup.value}`);
  lines.push(` default-group-policy ${cliName(groupPolicy)}`);
  const web: string[] = [];
  if (tg.webvpn.authentication.state === 'value') web.push(` authentication ${tg.webvpn.authentication.value.join(' ')}`);
  for (const a of tg.webvpn.groupAliases) web.push(` group-alias ${cliName(a.name)} ${a.enabled ? 'enable' : 'disable'}`);
  for (const u of tg.webvpn.groupUrls) web.push(` group-url ${u.url} ${u.enabled ? 'enable' : 'disable'}`);
  if (tg.webvpn.samlIdentityProvider.state === 'value') web.push(` saml identity-provider ${tg.webvpn.samlIdentityProvider.value}`);
  if (web.length > 0) lines.push(`tunnel-group ${n} webvpn-attributes`, ...web);
  return lines.join('\n');
}

export default createRule({
  meta: {
    id: 'profile-name-special-chars',
    severity: 'warning',
    severities: ['warning', 'info'],
    title: 'Connection profile name has characters mobile clients may not handle',
    rationale:
      'The guide warns against special characters in the names of connection profiles used by mobile clients: they can make the client fail with "Unable to process response from Gateway".',
    basis: 'guide',
    scope: 'profile',
    messages: {
      breaking:
        'Connection profile name `{{name}}` contains {{characters}}, which break the XML and URLs the client exchanges with the gateway [inferred]; mobile clients may fail with "Unable to process response from Gateway". A tunnel-group cannot be renamed: create `{{safeName}}`, copy the attributes the fix cannot see (ipsec-attributes and other unmodelled lines), move users to it, then remove the old one. The fix moves its aliases and group URLs.',
      samlUrl:
        'Connection profile name `{{name}}` contains {{characters}} and the profile uses SAML: `.` and `/` in the name break the SAML single sign-on URLs built from it [src]. Create `{{safeName}}` and move users to it.',
      doubtful:
        "Connection profile name `{{name}}` contains {{characters}}. The guide's own examples use spaces and periods in names users see, so this is not known to break mobile clients; rename it only if they fail.",
    },
  },
  check({ profiles, report }) {
    for (const p of profiles) {
      const tg = p.resolved.tunnelGroup;
      if (tg.builtIn) continue;
      const chars = nameCharacters(tg.name);
      const safe = safeName(tg.name);
      const saml =
        tg.webvpn.samlIdentityProvider.state === 'value' || (tg.webvpn.authentication.state === 'value' && tg.webvpn.authentication.value.includes('saml'));
      const samlBreaking = saml ? Array.from(new Set(Array.from(tg.name))).filter((c) => c === '.' || c === '/') : [];
      const at = tg.typeLine ?? tg.firstLine;
      if (chars.breaking.length > 0) {
        report.profile(p, {
          messageId: 'breaking',
          data: { name: tg.name, characters: describeCharacters([...chars.breaking, ...chars.doubtful]), safeName: safe },
          at,
          fix: recreateCli(tg, safe, p.resolved.groupPolicy),
        });
      } else if (samlBreaking.length > 0) {
        // SSO URLs are built from the name: here a period breaks them too.
        const samlSafe = safe.replace(/\./g, '-');
        report.profile(p, {
          messageId: 'samlUrl',
          data: { name: tg.name, characters: describeCharacters(samlBreaking), safeName: samlSafe },
          at,
          fix: recreateCli(tg, samlSafe, p.resolved.groupPolicy),
        });
      } else if (chars.doubtful.length > 0) {
        report.profile(p, { messageId: 'doubtful', severity: 'info', data: { name: tg.name, characters: describeCharacters(chars.doubtful) }, at });
      }
    }
  },
});
