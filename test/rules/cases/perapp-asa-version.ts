import type { RuleTests } from '../rule-tester.js';
import { mobile, PERAPP_DATA, PERAPP_DECLARED } from './_kit.js';

const perapp = (version: string): string =>
  `ASA Version ${version}\n${mobile({ global: [...PERAPP_DECLARED, PERAPP_DATA], policy: ['anyconnect-custom perapp value PA'] })}`;

export default {
  valid: [
    { name: '9.3(1)', config: perapp('9.3(1)') },
    { name: '9.16(4)', config: perapp('9.16(4)') },
    { name: 'no per-app on an old release', config: `ASA Version 9.1(1)\n${mobile()}` },
    { name: 'the real 9.1 SSL-only config uses no per-app', file: 'corpus/wosm-asa91-sslvpn-only.cfg' },
  ],
  invalid: [
    {
      name: 'before 9.3(1), including interim builds of 9.2',
      config: perapp('9.2(4)33'),
      findings: [
        {
          profile: 'MOBILE',
          at: ' anyconnect-custom perapp value PA',
          severity: 'error',
          messageId: 'tooOld',
          data: { version: '9.2(4)33', minimum: '9.3(1)' },
          fix: null,
        },
      ],
    },
    {
      name: 'inherited from DfltGrpPolicy',
      config: `ASA Version 9.2(4)\n${mobile({ global: [...PERAPP_DECLARED, PERAPP_DATA], dflt: ['anyconnect-custom perapp value PA'] })}`,
      findings: [{ profile: 'MOBILE', at: ' anyconnect-custom perapp value PA', severity: 'error', messageId: 'tooOld', fix: null }],
    },
  ],
} satisfies RuleTests;
