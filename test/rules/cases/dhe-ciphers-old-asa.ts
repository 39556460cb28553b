import type { RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

const DHE = 'ssl encryption dhe-aes256-sha1 dhe-aes128-sha1 aes256-sha1 aes128-sha1';

export default {
  valid: [
    { name: 'from 9.2(1) DHE is fine', config: `ASA Version 9.2(1)\n${DHE}\n${mobile()}` },
    { name: 'no DHE cipher', config: `ASA Version 9.1(7)\nssl encryption aes256-sha1\n${mobile()}` },
    { name: 'no SSL profile', config: `ASA Version 9.1(7)\n${DHE}\n${mobile({ protocols: 'ikev2' })}` },
  ],
  invalid: [
    {
      name: 'before 9.2(1): drop the DHE ciphers',
      config: `ASA Version 9.1(7)\n${DHE}\n${mobile()}`,
      findings: [
        {
          profile: null,
          at: DHE,
          severity: 'warning',
          messageId: 'dhe',
          data: { ciphers: 'dhe-aes256-sha1, dhe-aes128-sha1', version: '9.1(7)' },
          fix: 'ssl encryption aes256-sha1 aes128-sha1',
        },
      ],
    },
    {
      name: 'only DHE ciphers: no line to paste, upgrade instead',
      config: `ASA Version 9.1(7)\nssl encryption dhe-aes256-sha1\n${mobile()}`,
      findings: [{ profile: null, at: 'ssl encryption dhe-aes256-sha1', severity: 'warning', messageId: 'dhe', fix: null }],
    },
  ],
} satisfies RuleTests;
