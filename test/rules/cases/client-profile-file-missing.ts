import type { RuleTests } from '../rule-tester.js';
import { clientProfileXml, CP_GLOBAL, CP_PUSH, embedXml, mobile } from './_kit.js';

const pushed = mobile({ global: CP_GLOBAL, webvpn: CP_PUSH });
const other = '!  disk0:/other.xml\n! <AnyConnectProfile/>';

export default {
  valid: [
    { name: 'the backup carries the pushed profile', config: `${pushed}\n${embedXml('disk0:/mobile.xml', clientProfileXml([{ group: 'mobile' }]))}` },
    { name: 'a bare config: nobody looked for the XML, so nothing is said', config: pushed },
    {
      // Inherited from DfltGrpPolicy, and carried by the backup: the profile gets it and it is there.
      name: 'the profile inherits the client profile from DfltGrpPolicy',
      config: `${mobile({ global: CP_GLOBAL, dfltWebvpn: CP_PUSH })}\n${embedXml('disk0:/mobile.xml', clientProfileXml([{ group: 'mobile' }]))}`,
    },
  ],
  invalid: [
    {
      name: 'inherited from DfltGrpPolicy and missing from the backup',
      config: `${mobile({ global: CP_GLOBAL, dfltWebvpn: CP_PUSH })}\n${other}`,
      findings: [
        {
          profile: 'MOBILE',
          at: ' anyconnect profiles CP-MOBILE disk0:/mobile.xml',
          severity: 'error',
          messageId: 'missing',
          data: { name: 'CP-MOBILE' },
          fix: null,
        },
      ],
    },
    {
      name: 'the backup carries other XML but not the pushed profile',
      config: `${pushed}\n${other}`,
      findings: [
        {
          profile: 'MOBILE',
          at: ' anyconnect profiles CP-MOBILE disk0:/mobile.xml',
          severity: 'error',
          messageId: 'missing',
          data: { name: 'CP-MOBILE', path: 'disk0:/mobile.xml', searched: 'the Oxidized backup' },
          fix: null,
        },
      ],
    },
    {
      name: 'the pushed profile is not well-formed XML',
      config: `${pushed}\n${embedXml('disk0:/mobile.xml', '<AnyConnectProfile>\n  <ServerList>\n</AnyConnectProfile>')}`,
      findings: [{ profile: 'MOBILE', at: '! </AnyConnectProfile>', severity: 'error', messageId: 'malformed', fix: null }],
    },
    {
      name: 'the pushed file is XML but not a client profile',
      config: `${pushed}\n${embedXml('disk0:/mobile.xml', '<dapRecordList>\n</dapRecordList>')}`,
      findings: [
        {
          profile: 'MOBILE',
          at: '! <dapRecordList>',
          severity: 'error',
          messageId: 'malformed',
          data: { reason: 'the root element is <dapRecordList>, not <AnyConnectProfile>: not a client profile' },
          fix: null,
        },
      ],
    },
  ],
} satisfies RuleTests;
