import type { RuleTests } from '../rule-tester.js';
import { mobile, PERAPP_ALL_APPS, PERAPP_DATA, PERAPP_DECLARED, PERAPP_IOS_ONE_APP } from './_kit.js';

const record = (line: string): string[] => ['dynamic-access-policy-record IOS-APPS', ` ${line}`];

export default {
  valid: [
    { name: 'declared type and defined data', config: mobile({ global: [...PERAPP_DECLARED, PERAPP_DATA, ...record('anyconnect-custom perapp value PA')] }) },
    { name: 'a record that turns per-app off', config: mobile({ global: [...PERAPP_DECLARED, ...record('anyconnect-custom perapp none')] }) },
    {
      name: 'other custom attributes are none of its business',
      config: mobile({ global: record('anyconnect-custom dynamic-split-exclude-domains value EXCL') }),
    },
    { name: 'the demo headend', file: 'demo/demo-headend.cfg' },
    {
      name: 'an iOS policy that allows all apps',
      config: mobile({ global: [...PERAPP_DECLARED, `anyconnect-custom-data perapp PA ${PERAPP_ALL_APPS}`, ...record('anyconnect-custom perapp value PA')] }),
    },
  ],
  invalid: [
    {
      name: 'the type is not declared (the fix declares it once)',
      config: mobile({ global: [PERAPP_DATA, ...record('anyconnect-custom perapp value PA')] }),
      findings: [
        {
          profile: null,
          at: ' anyconnect-custom perapp value PA',
          severity: 'error',
          messageId: 'notDeclared',
          data: { record: 'IOS-APPS', name: 'PA' },
          object: 'DAP IOS-APPS perapp',
          fix: 'webvpn\n anyconnect-custom-attr perapp description Per-app VPN policy',
        },
      ],
    },
    {
      name: 'the data it names is not defined',
      config: mobile({ global: [...PERAPP_DECLARED, ...record('anyconnect-custom perapp value PA-NEW')] }),
      findings: [
        {
          profile: null,
          at: ' anyconnect-custom perapp value PA-NEW',
          severity: 'error',
          messageId: 'dataMissing',
          data: { record: 'IOS-APPS', name: 'PA-NEW' },
          object: 'DAP IOS-APPS perapp data',
          fix: null,
        },
      ],
    },
    {
      name: 'the decoded policy names iOS and one app',
      config: mobile({
        global: [...PERAPP_DECLARED, `anyconnect-custom-data perapp PA ${PERAPP_IOS_ONE_APP}`, ...record('anyconnect-custom perapp value PA')],
      }),
      findings: [
        {
          profile: null,
          at: ' anyconnect-custom perapp value PA',
          severity: 'warning',
          messageId: 'iosNotAllApps',
          data: { record: 'IOS-APPS', name: 'PA' },
          object: 'DAP IOS-APPS perapp ios',
          fix: null,
        },
      ],
    },
    {
      name: 'per-app by DAP on an ASA older than 9.3(1)',
      config: `ASA Version 9.2(4)\n${mobile({ global: [...PERAPP_DECLARED, PERAPP_DATA, ...record('anyconnect-custom perapp value PA')] })}`,
      findings: [
        {
          profile: null,
          at: ' anyconnect-custom perapp value PA',
          severity: 'error',
          messageId: 'tooOld',
          data: { record: 'IOS-APPS', version: '9.2(4)', minimum: '9.3(1)' },
          object: 'DAP IOS-APPS perapp version',
          fix: null,
        },
      ],
    },
    {
      name: 'the type is misspelled in the record',
      config: mobile({ global: [...PERAPP_DECLARED, PERAPP_DATA, ...record('anyconnect-custom per-app value PA')] }),
      findings: [
        {
          profile: null,
          at: ' anyconnect-custom per-app value PA',
          severity: 'error',
          messageId: 'misspelled',
          data: { record: 'IOS-APPS', type: 'per-app' },
          object: 'DAP IOS-APPS per-app',
          // perapp is declared and no data uses per-app: the record switching is the whole change.
          fix: 'dynamic-access-policy-record IOS-APPS\n anyconnect-custom perapp value PA\n no anyconnect-custom per-app',
        },
      ],
    },
  ],
} satisfies RuleTests;
