import type { RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

export default {
  valid: [
    { name: 'a plain alias', config: mobile({ tgWebvpn: ['group-alias Mobile-Users enable'] }) },
    { name: 'a disabled alias is not offered', config: mobile({ tgWebvpn: ['group-alias "Old Name" disable'] }) },
    { name: 'aliases with dots in a real config (staff.xyz.com)', file: 'corpus/prometheus-asa1-80-svc.cfg' },
    { name: 'the real SSL-only lab config', file: 'corpus/wosm-asa91-sslvpn-only.cfg' },
  ],
  invalid: [
    {
      name: 'an enabled alias with a space',
      config: mobile({ tgWebvpn: ['group-alias "Mobile Users" enable', 'group-alias "Old Name" disable'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' group-alias "Mobile Users" enable',
          severity: 'warning',
          messageId: 'unsafeAlias',
          data: { alias: 'Mobile Users', characters: '`space`' },
          object: 'group-alias Mobile Users',
          fix: 'tunnel-group MOBILE webvpn-attributes\n no group-alias "Mobile Users"\n group-alias Mobile-Users enable',
        },
      ],
    },
  ],
} satisfies RuleTests;
