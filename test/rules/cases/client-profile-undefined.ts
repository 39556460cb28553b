import type { RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

export default {
  valid: [
    {
      name: 'the profile is defined under webvpn',
      config: mobile({
        global: ['webvpn', ' anyconnect profiles MOBILE-PROFILE disk0:/mobile.xml'],
        webvpn: ['anyconnect profiles value MOBILE-PROFILE type user'],
      }),
    },
    { name: 'no client profile assigned', config: mobile() },
  ],
  invalid: [
    {
      name: 'a policy assigns a name no webvpn line defines',
      config: mobile({ global: ['webvpn', ' anyconnect profiles DESKTOP disk0:/desktop.xml'], webvpn: ['anyconnect profiles value MOBILE-PROFILE type user'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: '  anyconnect profiles value MOBILE-PROFILE type user',
          severity: 'error',
          messageId: 'undefinedProfile',
          data: { name: 'MOBILE-PROFILE' },
          object: 'client profile MOBILE-PROFILE',
          fix: null,
        },
      ],
    },
  ],
} satisfies RuleTests;
