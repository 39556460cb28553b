import type { RuleTests } from '../rule-tester.js';
import { mobile, PERAPP_DATA, PERAPP_DECLARED } from './_kit.js';

export default {
  valid: [
    { name: 'the data exists', config: mobile({ global: [...PERAPP_DECLARED, PERAPP_DATA], policy: ['anyconnect-custom perapp value PA'] }) },
    { name: 'the demo headend, whose data spans two lines', file: 'demo/demo-headend.cfg' },
  ],
  invalid: [
    {
      name: 'the named data is not defined',
      config: mobile({ global: PERAPP_DECLARED, policy: ['anyconnect-custom perapp value PA'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' anyconnect-custom perapp value PA',
          severity: 'error',
          messageId: 'missing',
          data: { name: 'PA' },
          fix: null,
          needsInput: '`anyconnect-custom-data perapp PA VALUE` lines of at most 420 characters',
        },
      ],
    },
    {
      name: 'data for another name does not count',
      config: mobile({ global: [...PERAPP_DECLARED, 'anyconnect-custom-data perapp OTHER abc'], dflt: ['anyconnect-custom perapp value PA'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' anyconnect-custom perapp value PA',
          severity: 'error',
          messageId: 'missing',
          fix: null,
          needsInput: '`anyconnect-custom-data perapp PA VALUE` lines of at most 420 characters',
        },
      ],
    },
  ],
} satisfies RuleTests;
