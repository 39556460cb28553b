import type { RuleTests } from '../rule-tester.js';
import { mobile, PERAPP_DECLARED } from './_kit.js';

const LONG = `eJy${'A'.repeat(430)}`;

export default {
  valid: [
    {
      name: 'a value split over lines of at most 420 characters',
      config: mobile({
        global: [...PERAPP_DECLARED, `anyconnect-custom-data perapp PA ${'A'.repeat(420)}`, `anyconnect-custom-data perapp PA ${'B'.repeat(20)}`],
        policy: ['anyconnect-custom perapp value PA'],
      }),
    },
  ],
  invalid: [
    {
      name: 'one 433-character value: re-entered in pieces',
      config: mobile({ global: [...PERAPP_DECLARED, `anyconnect-custom-data perapp PA ${LONG}`], policy: ['anyconnect-custom perapp value PA'] }),
      findings: [
        {
          profile: null,
          at: `anyconnect-custom-data perapp PA ${LONG}`,
          severity: 'error',
          messageId: 'tooLong',
          data: { length: 433, limit: 420 },
          object: 'perapp PA line 1',
          fix: [
            'no anyconnect-custom-data perapp PA',
            `anyconnect-custom-data perapp PA ${LONG.slice(0, 420)}`,
            `anyconnect-custom-data perapp PA ${LONG.slice(420)}`,
          ].join('\n'),
        },
      ],
    },
    {
      name: 'the second of several lines is too long: no automatic fix',
      config: mobile({
        global: [...PERAPP_DECLARED, 'anyconnect-custom-data perapp PA eJyAAAA', `anyconnect-custom-data perapp PA ${'B'.repeat(421)}`],
        policy: ['anyconnect-custom perapp value PA'],
      }),
      findings: [
        {
          profile: null,
          at: `anyconnect-custom-data perapp PA ${'B'.repeat(421)}`,
          severity: 'error',
          messageId: 'tooLong',
          object: 'perapp PA line 2',
          fix: null,
        },
      ],
    },
  ],
} satisfies RuleTests;
