import type { RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

const IDP = [
  'webvpn',
  ' saml idp https://idp.example.com/app',
  '  url sign-in https://idp.example.com/sso',
  '  trustpoint idp TP-IDP',
  '  trustpoint sp TP-VPN',
];
const SAML = ['authentication saml', 'saml identity-provider https://idp.example.com/app'];

export default {
  valid: [
    { name: 'SAML on 9.16 with NTP', config: mobile({ global: [...IDP, 'ntp server 10.0.0.123'], tgWebvpn: SAML }) },
    { name: 'no SAML profile: no NTP needed for this rule', config: mobile({ global: IDP }) },
    {
      name: '`no force re-authentication` is fine',
      config: mobile({ global: [...IDP, '  no force re-authentication', 'ntp server 10.0.0.123'], tgWebvpn: SAML }),
    },
  ],
  invalid: [
    {
      name: 'SAML before 9.7(1)',
      config: `ASA Version 9.6(4)\n${mobile({ global: [...IDP, 'ntp server 10.0.0.123'], tgWebvpn: SAML })}`,
      findings: [
        {
          profile: null,
          at: 'ASA Version 9.6(4) ',
          severity: 'error',
          messageId: 'tooOld',
          data: { version: '9.6(4)', minimum: '9.7(1)' },
          object: 'release',
          fix: null,
        },
      ],
    },
    {
      name: 'SAML without NTP',
      config: mobile({ global: IDP, tgWebvpn: SAML }),
      findings: [
        {
          profile: null,
          at: ' saml identity-provider https://idp.example.com/app',
          severity: 'warning',
          messageId: 'noNtp',
          object: 'ntp',
          fix: null,
          needsInput: 'the NTP server the IdP keeps time with',
        },
      ],
    },
    {
      name: '`force re-authentication` is no help for phones',
      config: mobile({ global: [...IDP, '  force re-authentication', 'ntp server 10.0.0.123'], tgWebvpn: SAML }),
      findings: [
        {
          profile: null,
          at: '  force re-authentication',
          severity: 'info',
          messageId: 'forceReauthentication',
          object: 'saml idp https://idp.example.com/app',
          fix: null,
        },
      ],
    },
  ],
} satisfies RuleTests;
