import type { RuleTests } from '../rule-tester.js';
import { mobile, PERAPP_ALL_APPS, PERAPP_DATA, PERAPP_DECLARED, PERAPP_IOS_ONE_APP } from './_kit.js';

const using = (value: string): string =>
  mobile({ global: [...PERAPP_DECLARED, `anyconnect-custom-data perapp PA ${value}`], policy: ['anyconnect-custom perapp value PA'] });

export default {
  valid: [
    { name: 'the iOS policy allows all apps (*.*)', config: using(PERAPP_ALL_APPS) },
    {
      name: 'a value that does not decode is left alone (perapp-* rules and the client judge it)',
      config: mobile({ global: [...PERAPP_DECLARED, PERAPP_DATA], policy: ['anyconnect-custom perapp value PA'] }),
    },
  ],
  invalid: [
    {
      name: 'the decoded policy names iOS and one app',
      config: using(PERAPP_IOS_ONE_APP),
      findings: [
        {
          profile: 'MOBILE',
          at: ' anyconnect-custom perapp value PA',
          severity: 'warning',
          messageId: 'narrow',
          data: { name: 'PA' },
          object: 'perapp PA',
          fix: null,
        },
      ],
    },
  ],
} satisfies RuleTests;
