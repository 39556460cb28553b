import { createRule } from '../src/engine/types.js';
import { unusedName } from '../src/engine/remedy.js';
import { describeCharacters, nameCharacters, safeName } from '../src/engine/rule-kit.js';

export default createRule({
  meta: {
    id: 'group-alias-special-chars',
    severity: 'warning',
    severities: ['warning', 'info'],
    title: 'Enabled group-alias has characters mobile clients may not handle',
    rationale:
      'The guide warns against special characters in the aliases of connection profiles used by mobile clients; the alias is what users pick and what the client sends back to the gateway.',
    basis: 'guide',
    scope: 'profile',
    messages: {
      breaking:
        'group-alias `{{alias}}` of {{profile}} contains {{characters}}, which can break the XML and URLs the client exchanges with the gateway [inferred]; mobile clients may fail to connect with it. Replace it with a plain alias.',
      doubtful:
        "group-alias `{{alias}}` of {{profile}} contains {{characters}}. The guide's own URI example uses an alias with a space and a period, so this is not known to break mobile clients; rename it only if they fail with it.",
    },
  },
  check({ device, profiles, report }) {
    for (const p of profiles) {
      const tg = p.resolved.tunnelGroup;
      for (const a of tg.webvpn.groupAliases.filter((x) => x.enabled)) {
        const chars = nameCharacters(a.name);
        const common = { at: a.line, object: `group-alias ${a.name}` };
        if (chars.breaking.length > 0) {
          report.profile(p, {
            messageId: 'breaking',
            data: { alias: a.name, profile: tg.name, characters: describeCharacters([...chars.breaking, ...chars.doubtful]) },
            ...common,
            remedy: { kind: 'replace-alias', tunnelGroup: tg.name, alias: a.name, newAlias: unusedName(device.model, safeName(a.name)) },
          });
        } else if (chars.doubtful.length > 0) {
          report.profile(p, {
            messageId: 'doubtful',
            severity: 'info',
            data: { alias: a.name, profile: tg.name, characters: describeCharacters(chars.doubtful) },
            ...common,
          });
        }
      }
    }
  },
});
