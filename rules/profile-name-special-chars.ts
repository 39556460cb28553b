import { createRule } from '../src/engine/types.js';
import { existingCopies, unusedName } from '../src/engine/remedy.js';
import { describeCharacters, nameCharacters, safeName } from '../src/engine/rule-kit.js';

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
        'Connection profile name `{{name}}` contains {{characters}}, which can break the XML and URLs the client exchanges with the gateway [inferred]; mobile clients may fail with "Unable to process response from Gateway". A tunnel-group cannot be renamed: the fix creates `{{safeName}}` as a copy of every line of this profile (secrets excepted: re-enter them) and moves its aliases, group URLs and certificate maps to it, unless users there would be refused or treated differently (a group-lock, SAML, a DAP record, a RADIUS or LDAP server that may decide by the name, an external group-policy: then it says how to move them later); remove the old profile once users have moved.',
      samlUrl:
        'Connection profile name `{{name}}` contains {{characters}} and the profile uses SAML: `.` and `/` in the name break the SAML single sign-on URLs built from it [src]. Create `{{safeName}}` and move users to it.',
      copyExists:
        'Connection profile name `{{name}}` contains {{characters}}, which can break the XML and URLs the client exchanges with the gateway [inferred]. Its copy `{{safeName}}` exists already (its lines under a name made from this one, as `plan` makes copies): the fix moves what still leads users here to it, or says how once they would not be refused there; then remove this profile.',
      doubtful:
        "Connection profile name `{{name}}` contains {{characters}}. The guide's own examples use spaces and periods in names users see, so this is not known to break mobile clients; rename it only if they fail.",
    },
  },
  check({ device, profiles, report }) {
    for (const p of profiles) {
      const tg = p.resolved.tunnelGroup;
      if (tg.builtIn) continue;
      const chars = nameCharacters(tg.name);
      const saml =
        tg.webvpn.samlIdentityProvider.state === 'value' || (tg.webvpn.authentication.state === 'value' && tg.webvpn.authentication.value.includes('saml'));
      const samlBreaking = saml ? Array.from(new Set(Array.from(tg.name))).filter((c) => c === '.' || c === '/') : [];
      const at = tg.typeLine ?? tg.firstLine;
      // A SAML profile's new name has no period either: its SSO URLs are built from the name, and a
      // second rename would mean registering it with the IdP, and moving its users, again.
      // A copy an earlier plan made (and the user pasted) is the new name: never a second one.
      // (Looked for only for a name that needs one: every profile of a large headend passes here.)
      const renamed = chars.breaking.length > 0 || samlBreaking.length > 0;
      const existing = renamed ? existingCopies(device.model, [tg.name]).get(tg.name) : undefined;
      const safe = renamed ? (existing ?? unusedName(device.model, saml ? safeName(tg.name).replace(/\./g, '-') : safeName(tg.name))) : '';
      if (existing !== undefined && (chars.breaking.length > 0 || samlBreaking.length > 0)) {
        report.profile(p, {
          messageId: 'copyExists',
          data: {
            name: tg.name,
            characters: describeCharacters(chars.breaking.length > 0 ? [...chars.breaking, ...chars.doubtful] : samlBreaking),
            safeName: safe,
          },
          at,
          remedy: { kind: 'recreate-profile', tunnelGroup: tg.name, newName: safe },
        });
      } else if (chars.breaking.length > 0) {
        report.profile(p, {
          messageId: 'breaking',
          data: {
            name: tg.name,
            characters: describeCharacters([...chars.breaking, ...chars.doubtful]),
            safeName: safe,
          },
          at,
          remedy: { kind: 'recreate-profile', tunnelGroup: tg.name, newName: safe },
        });
      } else if (samlBreaking.length > 0) {
        // SSO URLs are built from the name: here a period breaks them too.
        report.profile(p, {
          messageId: 'samlUrl',
          data: { name: tg.name, characters: describeCharacters(samlBreaking), safeName: safe },
          at,
          remedy: { kind: 'recreate-profile', tunnelGroup: tg.name, newName: safe },
        });
      } else if (chars.doubtful.length > 0) {
        report.profile(p, { messageId: 'doubtful', severity: 'info', data: { name: tg.name, characters: describeCharacters(chars.doubtful) }, at });
      }
    }
  },
});
