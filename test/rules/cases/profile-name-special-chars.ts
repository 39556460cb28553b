import type { RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

export default {
  valid: [
    { name: 'letters, digits, dots, dashes and underscores', config: mobile({ name: 'vpn.corp_MOBILE-1' }) },
    { name: 'not mobile-facing (IKEv1 only)', config: mobile({ name: 'Lab&Partners', protocols: 'ikev1' }) },
    { name: 'the real corpus names are plain', file: 'corpus/prometheus-asa1-80-svc.cfg' },
  ],
  invalid: [
    {
      name: '`&`: recreate the profile under a safe name and move its alias',
      config: mobile({ name: 'Lab&Partners', tgWebvpn: ['group-alias Lab enable'] }),
      findings: [
        {
          profile: 'Lab&Partners',
          at: 'tunnel-group Lab&Partners type remote-access',
          severity: 'warning',
          messageId: 'unsafeName',
          data: { characters: '`&`', safeName: 'Lab-Partners' },
          fix: [
            'tunnel-group Lab&Partners webvpn-attributes',
            ' no group-alias Lab',
            'tunnel-group Lab-Partners type remote-access',
            'tunnel-group Lab-Partners general-attributes',
            ' default-group-policy GP',
            'tunnel-group Lab-Partners webvpn-attributes',
            ' group-alias Lab enable',
          ].join('\n'),
        },
      ],
    },
    {
      name: 'a quoted name with a space and a non-ASCII letter',
      config: mobile({ name: '"Café VPN"' }),
      findings: [
        {
          profile: 'Café VPN',
          at: 'tunnel-group "Café VPN" type remote-access',
          severity: 'warning',
          messageId: 'unsafeName',
          data: { characters: '`é`, `space`', safeName: 'Caf-VPN' },
          fix: 'tunnel-group Caf-VPN type remote-access\ntunnel-group Caf-VPN general-attributes\n default-group-policy GP',
        },
      ],
    },
  ],
} satisfies RuleTests;
