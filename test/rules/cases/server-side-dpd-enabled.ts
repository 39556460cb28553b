import type { RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

const fix = 'group-policy GP attributes\n webvpn\n  anyconnect dpd-interval gateway none';

export default {
  valid: [
    { name: 'gateway DPD off in the policy', config: mobile({ webvpn: ['anyconnect dpd-interval gateway none'] }) },
    { name: 'off in DfltGrpPolicy stops the default too', config: mobile({ dfltWebvpn: ['anyconnect dpd-interval gateway none'] }) },
    { name: 'IKEv2-only profile (DPD applies to SSL)', config: mobile({ protocols: 'ikev2' }) },
    { name: 'show running-config all: PHONES sets gateway none', file: 'synthetic/run-all-916.cfg', profiles: ['PHONES'] },
  ],
  invalid: [
    {
      name: 'set in the policy, pointing at that line',
      config: mobile({ webvpn: ['anyconnect dpd-interval gateway 30'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: 'anyconnect dpd-interval gateway 30',
          severity: 'warning',
          messageId: 'gatewayDpdOn',
          data: { seconds: 30, keyword: 'anyconnect', where: '' },
          fix,
        },
      ],
    },
    {
      name: 'the built-in default, pointing at the webvpn sub-mode that should set it',
      config: mobile({ webvpn: ['anyconnect ssl keepalive none'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' webvpn',
          lineRole: 'should-set',
          severity: 'warning',
          messageId: 'gatewayDpdOn',
          data: { seconds: 30, source: 'not set in any policy: the built-in default [recalled]' },
          fix,
        },
      ],
    },
    {
      name: 'inherited from DfltGrpPolicy: the fix goes into the profile policy',
      config: mobile({ dfltWebvpn: ['anyconnect dpd-interval gateway 300'] }),
      findings: [{ profile: 'MOBILE', at: 'anyconnect dpd-interval gateway 300', severity: 'warning', messageId: 'gatewayDpdOn', data: { seconds: 300 }, fix }],
    },
    {
      name: 'a profile on DfltGrpPolicy itself is fixed there',
      config: mobile({ noPolicy: true, dfltWebvpn: ['anyconnect dpd-interval gateway 30'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: 'anyconnect dpd-interval gateway 30',
          severity: 'warning',
          messageId: 'gatewayDpdOn',
          data: { policy: 'DfltGrpPolicy' },
          fix: 'group-policy DfltGrpPolicy attributes\n webvpn\n  anyconnect dpd-interval gateway none',
        },
      ],
    },
    {
      name: 'a policy the config names but lacks is created first',
      config: [
        'tunnel-group MOBILE type remote-access',
        'tunnel-group MOBILE general-attributes',
        ' default-group-policy GP-NOPE',
        'tunnel-group MOBILE webvpn-attributes',
        ' group-url https://vpn.example.com/mobile enable',
      ].join('\n'),
      findings: [
        {
          profile: 'MOBILE',
          at: ' default-group-policy GP-NOPE',
          lineRole: 'should-set',
          severity: 'warning',
          messageId: 'gatewayDpdOn',
          fix: 'group-policy GP-NOPE internal\ngroup-policy GP-NOPE attributes\n webvpn\n  anyconnect dpd-interval gateway none',
        },
      ],
    },
    {
      name: 'legacy svc on 8.2',
      config: `ASA Version 8.2(5)\n${mobile({ protocols: 'svc', webvpn: ['svc dpd-interval gateway 60'] })}`,
      findings: [
        {
          profile: 'MOBILE',
          at: 'svc dpd-interval gateway 60',
          severity: 'warning',
          messageId: 'gatewayDpdOn',
          data: { keyword: 'svc' },
          fix: 'group-policy GP attributes\n webvpn\n  svc dpd-interval gateway none',
        },
      ],
    },
    {
      name: 'legacy fixture',
      file: 'synthetic/legacy-svc-82.cfg',
      profiles: ['SSL-USERS'],
      findings: [
        {
          profile: 'SSL-USERS',
          at: '  svc dpd-interval gateway 60',
          severity: 'warning',
          messageId: 'gatewayDpdOn',
          fix: 'group-policy GP-SSL attributes\n webvpn\n  svc dpd-interval gateway none',
        },
      ],
    },
    {
      name: 'show running-config all prints the default in DfltGrpPolicy: that line is the offending one',
      file: 'synthetic/run-all-916.cfg',
      profiles: ['DefaultWEBVPNGroup'],
      findings: [
        {
          profile: 'DefaultWEBVPNGroup',
          at: '  anyconnect dpd-interval gateway 30',
          severity: 'warning',
          messageId: 'gatewayDpdOn',
          fix: 'group-policy DfltGrpPolicy attributes\n webvpn\n  anyconnect dpd-interval gateway none',
        },
      ],
    },
  ],
} satisfies RuleTests;
