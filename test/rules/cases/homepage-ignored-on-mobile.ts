import type { RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

export default {
  valid: [
    { name: 'homepage none', config: mobile({ webvpn: ['homepage none'] }) },
    { name: 'clientless-only profiles are not mobile-facing (legacy PORTAL)', file: 'synthetic/legacy-svc-82.cfg' },
  ],
  invalid: [
    {
      name: 'set in the policy',
      config: mobile({ webvpn: ['homepage value https://portal.example'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: 'homepage value https://portal.example',
          severity: 'info',
          messageId: 'ignored',
          data: { url: 'https://portal.example' },
          fix: null,
        },
      ],
    },
    {
      name: 'inherited from DfltGrpPolicy',
      config: mobile({ dfltWebvpn: ['homepage value https://portal.example'] }),
      findings: [{ profile: 'MOBILE', at: 'homepage value https://portal.example', severity: 'info', messageId: 'ignored', fix: null }],
    },
    {
      name: 'the demo headend: Lab&Partners',
      file: 'demo/demo-headend.cfg',
      findings: [
        { profile: 'Lab&Partners', at: '  homepage value https://intranet.corp.example.com/welcome', severity: 'info', messageId: 'ignored', fix: null },
      ],
    },
  ],
} satisfies RuleTests;
