import type { RuleTests } from '../rule-tester.js';
import { mobile, PERAPP_DATA, PERAPP_DECLARED } from './_kit.js';

export default {
  valid: [
    { name: 'assigned by a policy', config: mobile({ global: [...PERAPP_DECLARED, PERAPP_DATA], policy: ['anyconnect-custom perapp value PA'] }) },
    {
      name: 'assigned by a DAP record',
      config: mobile({ global: [...PERAPP_DECLARED, PERAPP_DATA, 'dynamic-access-policy-record IOS-APPS', ' anyconnect-custom perapp value PA'] }),
    },
    { name: 'the demo headend', file: 'demo/demo-headend.cfg' },
  ],
  invalid: [
    {
      name: 'data nothing assigns',
      config: mobile({ global: [...PERAPP_DECLARED, PERAPP_DATA, 'anyconnect-custom-data perapp OLD eJyOLD'], policy: ['anyconnect-custom perapp value PA'] }),
      findings: [
        {
          profile: null,
          at: 'anyconnect-custom-data perapp OLD eJyOLD',
          severity: 'info',
          messageId: 'unused',
          data: { name: 'OLD' },
          object: 'perapp OLD',
          fix: null,
        },
      ],
    },
  ],
} satisfies RuleTests;
