import type { RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

export default {
  valid: [
    {
      name: 'perapp and unrelated types',
      config: mobile({ global: ['webvpn', ' anyconnect-custom-attr perapp', ' anyconnect-custom-attr dynamic-split-exclude-domains'] }),
    },
    { name: 'the demo headend', file: 'demo/demo-headend.cfg' },
  ],
  invalid: [
    {
      name: 'per-app declared and PerApp used',
      config: mobile({ global: ['webvpn', ' anyconnect-custom-attr per-app description Apps'], policy: ['anyconnect-custom PerApp value PA'] }),
      findings: [
        {
          profile: null,
          at: ' anyconnect-custom-attr per-app description Apps',
          severity: 'error',
          messageId: 'declared',
          data: { type: 'per-app' },
          object: 'anyconnect-custom-attr per-app',
          fix: 'webvpn\n anyconnect-custom-attr perapp description Apps\n no anyconnect-custom-attr per-app',
        },
        {
          profile: null,
          at: ' anyconnect-custom PerApp value PA',
          severity: 'error',
          messageId: 'used',
          data: { type: 'PerApp' },
          object: 'anyconnect-custom PerApp in GP',
          fix: 'webvpn\n anyconnect-custom-attr perapp description Per-app VPN policy\ngroup-policy GP attributes\n anyconnect-custom perapp value PA\n no anyconnect-custom PerApp',
        },
      ],
    },
  ],
} satisfies RuleTests;
