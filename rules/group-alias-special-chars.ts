import { cliName } from '../src/parse/tokenize.js';
import { defineRule } from '../src/engine/types.js';
import { safeName, SAFE_NAME, unsafeCharacters } from '../src/engine/rule-kit.js';

export default defineRule({
  id: 'group-alias-special-chars',
  severity: 'warning',
  title: 'Enabled group-alias has characters mobile clients may not handle',
  rationale:
    'The guide warns against special characters in the aliases of connection profiles used by mobile clients; the alias is what users pick and what the client sends back to the gateway.',
  basis: 'guide',
  scope: 'profile',
  check({ profiles }) {
    return profiles.flatMap((p) => {
      const tg = p.resolved.tunnelGroup;
      return tg.webvpn.groupAliases
        .filter((a) => a.enabled && !SAFE_NAME.test(a.name))
        .map((a) => ({
          message: `group-alias \`${a.name}\` of ${tg.name} contains ${unsafeCharacters(a.name).map((c) => `\`${c}\``).join(', ')}; mobile clients may fail to connect with it. Replace it with a plain alias.`,
          line: a.line,
          object: `group-alias ${a.name}`,
          tunnelGroup: tg.name,
          groupPolicy: p.resolved.groupPolicy,
          fix: [`tunnel-group ${cliName(tg.name)} webvpn-attributes`, ` no group-alias ${cliName(a.name)}`, ` group-alias ${safeName(a.name)} enable`].join('\n'),
        }));
    });
  },
});
