import type { RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

const showVersion = (...licences: string[]): string => ['! Cisco Adaptive Security Appliance Software Version 8.4(7)', ...licences, '!'].join('\n');

export default {
  valid: [
    { name: 'a plain running-config has no show version facts', config: mobile() },
    { name: 'the demo headend', file: 'demo/demo-headend.cfg' },
    { name: 'an Oxidized backup whose show version says AnyConnect for Mobile is Enabled', file: 'synthetic/oxidized-single-912.cfg' },
  ],
  invalid: [
    {
      name: '`AnyConnect for Mobile : Disabled` is a warning at that line',
      config: `${showVersion('! AnyConnect Premium Peers          : 25             perpetual', '! AnyConnect for Mobile             : Disabled       perpetual')}\nASA Version 8.4(7)\n${mobile()}`,
      findings: [
        {
          profile: null,
          at: '! AnyConnect for Mobile             : Disabled       perpetual',
          severity: 'warning',
          messageId: 'mobileDisabled',
          data: { where: 'the `show version` comments of this backup', value: 'Disabled perpetual' },
          object: 'AnyConnect for Mobile',
          fix: null,
        },
      ],
    },
    {
      name: 'licence lines without an AnyConnect for Mobile line are listed as info for review',
      config: `${showVersion('! AnyConnect Premium Peers          : 2              perpetual', '! AnyConnect Essentials             : Enabled        perpetual')}\nASA Version 8.4(7)\n${mobile()}`,
      findings: [
        {
          profile: null,
          at: '! AnyConnect Premium Peers          : 2              perpetual',
          severity: 'info',
          messageId: 'licences',
          data: { summary: 'AnyConnect Premium Peers: 2 perpetual; AnyConnect Essentials: Enabled perpetual' },
          fix: null,
        },
      ],
    },
  ],
} satisfies RuleTests;
