import type { RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

const fix = 'group-policy GP attributes\n webvpn\n  anyconnect dpd-interval client 30';

export default {
  valid: [
    { name: 'client DPD set to a number', config: mobile({ webvpn: ['anyconnect dpd-interval client 30'] }) },
    { name: 'the built-in default (30 s)', config: mobile() },
    { name: 'gateway and client DPD are independent', config: mobile({ webvpn: ['anyconnect dpd-interval gateway none'] }) },
    { name: 'IKEv2-only profile', config: mobile({ protocols: 'ikev2', webvpn: ['anyconnect dpd-interval client none'] }) },
    { name: 'show running-config all', file: 'synthetic/run-all-916.cfg' },
  ],
  invalid: [
    {
      name: '`client none` in the policy',
      config: mobile({ webvpn: ['anyconnect dpd-interval client none'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: 'anyconnect dpd-interval client none',
          severity: 'warning',
          messageId: 'clientDpdOff',
          data: { keyword: 'anyconnect', policy: 'group-policy GP' },
          fix,
        },
      ],
    },
    {
      name: 'inherited from DfltGrpPolicy',
      config: mobile({ dfltWebvpn: ['anyconnect dpd-interval client none'] }),
      findings: [{ profile: 'MOBILE', at: 'anyconnect dpd-interval client none', severity: 'warning', messageId: 'clientDpdOff', fix }],
    },
    {
      name: 'an error when gateway DPD is off too and DTLS is on: nothing drives the DTLS-to-TLS fallback',
      config: mobile({ webvpn: ['anyconnect dpd-interval client none', 'anyconnect dpd-interval gateway none'] }),
      findings: [{ profile: 'MOBILE', at: 'anyconnect dpd-interval client none', severity: 'error', messageId: 'clientDpdOffNoFallback', fix }],
    },
    {
      name: 'a warning again when DTLS is off',
      config: mobile({ webvpn: ['anyconnect dpd-interval client none', 'anyconnect dpd-interval gateway none', 'anyconnect ssl dtls none'] }),
      findings: [{ profile: 'MOBILE', at: 'anyconnect dpd-interval client none', severity: 'warning', messageId: 'clientDpdOff', fix }],
    },
    {
      name: 'legacy fixture (svc)',
      file: 'synthetic/legacy-svc-82.cfg',
      findings: [
        {
          profile: 'SSL-USERS',
          at: '  svc dpd-interval client none',
          severity: 'warning',
          messageId: 'clientDpdOff',
          data: { keyword: 'svc' },
          fix: 'group-policy GP-SSL attributes\n webvpn\n  svc dpd-interval client 30',
        },
      ],
    },
  ],
} satisfies RuleTests;
