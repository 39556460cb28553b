import type { RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

export default {
  valid: [
    {
      // A module profile (here NVM's) is not the VPN client profile a phone imports.
      name: 'a profile of another type is none of its business',
      config: mobile({ webvpn: ['anyconnect profiles value NVM-PROFILE type nvm-service-profile'] }),
    },
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
