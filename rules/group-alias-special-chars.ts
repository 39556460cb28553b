import { cliName } from '../src/parse/tokenize.js';
import { createRule } from '../src/engine/types.js';
import { safeName, SAFE_NAME, unsafeCharacters } from '../src/engine/rule-kit.js';

export default createRule({
  meta: {
    id: 'group-alias-special-chars',
    severity: 'warning',
    severities: ['warning'],
    title: 'Enabled group-alias has characters mobile clients may not handle',
    rationale:
      'The guide warns against special characters in the aliases of connection profiles used by mobile clients; the alias is what users pick and what the client sends back to the gateway.',
    basis: 'guide',
    scope: 'profile',
    messages: {
      unsafeAlias: 'group-alias `{{alias}}` of {{profile}} contains {{characters}}; mobile clients may fail to connect with it. Replace it with a plain alias.',
    },
  },
  check({ profiles, report }) {
    for (const p of profiles) {
      const tg = p.resolved.tunnelGroup;
      for (const a of tg.webvpn.groupAliases.filter((x) => x.enabled && !SAFE_NAME.test(x.name))) {
        report.profile(p, {
          messageId: 'unsafeAlias',
          data: {
            alias: a.name,
            profile: tg.name,
            characters: unsafeCharacters(a.name)
              .map((c) => `\`${c}\``)
              .join(', '),
          },
          at: a.line,
          object: `group-alias ${a.name}`,
          fix: [`tunnel-group ${cliName(tg.name)} webvpn-attributes`, ` no group-alias ${cliName(a.name)}`, ` group-alias ${safeName(a.name)} enable`].join(
            '\n',
          ),
        });
      }
    }
  },
});
