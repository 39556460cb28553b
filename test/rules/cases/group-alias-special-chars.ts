import type { RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

export default {
  valid: [
    { name: 'a plain alias', config: mobile({ tgWebvpn: ['group-alias Mobile-Users enable'] }) },
    { name: 'a disabled alias is not offered', config: mobile({ tgWebvpn: ['group-alias "Old&Name" disable'] }) },
    { name: 'aliases with dots in a real config (staff.xyz.com)', file: 'corpus/prometheus-asa1-80-svc.cfg' },
    { name: 'the real SSL-only lab config', file: 'corpus/wosm-asa91-sslvpn-only.cfg' },
  ],
  invalid: [
    {
      name: "the guide's own URI example alias, `10. Single Authentication`: a note, no rename",
      config: mobile({ tgWebvpn: ['group-alias "10. Single Authentication" enable'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' group-alias "10. Single Authentication" enable',
          severity: 'info',
          messageId: 'doubtful',
          data: { alias: '10. Single Authentication', characters: '`space`' },
          object: 'group-alias 10. Single Authentication',
          fix: null,
        },
      ],
    },
    {
      name: 'an enabled alias with `&` and `/`, which break XML and URLs',
      config: mobile({ tgWebvpn: ['group-alias R&D/Lab enable', 'group-alias "Old Name" disable'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' group-alias R&D/Lab enable',
          severity: 'warning',
          messageId: 'breaking',
          data: { alias: 'R&D/Lab', characters: '`&`, `/`' },
          object: 'group-alias R&D/Lab',
          fix: 'tunnel-group MOBILE webvpn-attributes\n group-alias R-D-Lab enable\n no group-alias R&D/Lab',
        },
      ],
    },
  ],
} satisfies RuleTests;
