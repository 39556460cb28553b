import type { RuleTests } from '../rule-tester.js';
import { mobile, PERAPP_DATA, PERAPP_DECLARED } from './_kit.js';

const fix = 'webvpn\n anyconnect-custom-attr perapp description Per-app VPN policy';

export default {
  valid: [
    { name: 'declared under webvpn', config: mobile({ global: [...PERAPP_DECLARED, PERAPP_DATA], policy: ['anyconnect-custom perapp value PA'] }) },
    {
      name: 'the policy stops an inherited value with none',
      config: mobile({ global: [PERAPP_DATA], policy: ['anyconnect-custom perapp none'], dflt: ['anyconnect-custom perapp value PA'] }),
    },
    { name: 'the demo headend declares it', file: 'demo/demo-headend.cfg' },
  ],
  invalid: [
    {
      name: 'a policy uses perapp without the declaration',
      config: mobile({ global: [PERAPP_DATA], policy: ['anyconnect-custom perapp value PA'] }),
      findings: [{ profile: 'MOBILE', at: ' anyconnect-custom perapp value PA', severity: 'error', messageId: 'notDeclared', data: { name: 'PA' }, fix }],
    },
    {
      name: 'a perapp value inherited from DfltGrpPolicy',
      config: mobile({ global: [PERAPP_DATA], dflt: ['anyconnect-custom perapp value PA'] }),
      findings: [{ profile: 'MOBILE', at: ' anyconnect-custom perapp value PA', severity: 'error', messageId: 'notDeclared', fix }],
    },
  ],
} satisfies RuleTests;
