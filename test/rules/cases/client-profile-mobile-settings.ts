import type { RuleTests } from '../rule-tester.js';
import { clientProfileXml, CP_GLOBAL, CP_PUSH, embedXml, mobile, type HostEntryParts } from './_kit.js';

const config = (entries: HostEntryParts[], init: string[] = []): string =>
  `${mobile({ global: CP_GLOBAL, webvpn: CP_PUSH })}\n${embedXml('disk0:/mobile.xml', clientProfileXml(entries, init))}`;

export default {
  valid: [
    {
      name: 'one entry active on import, roaming on',
      config: config([{ group: 'mobile', mobile: ['<NetworkRoaming>true</NetworkRoaming>', '<ActivateOnImport>true</ActivateOnImport>'] }]),
    },
    {
      name: 'desktop settings in a profile with no mobile entries',
      config: config([{ group: 'mobile' }], ['<LocalLanAccess UserControllable="true">false</LocalLanAccess>']),
    },
  ],
  invalid: [
    {
      name: 'two entries active on import',
      config: config([
        { name: 'A', group: 'mobile', mobile: ['<ActivateOnImport>true</ActivateOnImport>'] },
        // `TRUE` reads as true too (and tells the two lines apart here).
        { name: 'B', group: 'mobile', mobile: ['<ActivateOnImport>TRUE</ActivateOnImport>'] },
      ]),
      findings: [
        {
          profile: null,
          at: '!         <ActivateOnImport>TRUE</ActivateOnImport>',
          severity: 'error',
          messageId: 'activateOnImport',
          data: { count: 2, entries: 'A, B' },
          fix: null,
          xmlFix: '<!-- server entry B, <MobileHostEntryInfo>: set -->\n<ActivateOnImport>false</ActivateOnImport>',
        },
      ],
    },
    {
      name: 'roaming off, and desktop settings in a profile for phones',
      config: config(
        [{ group: 'mobile', mobile: ['<NetworkRoaming>false</NetworkRoaming>'] }],
        [
          '<LocalLanAccess UserControllable="true">false</LocalLanAccess>',
          '<AutoReconnect UserControllable="false">true',
          '  <AutoReconnectBehavior UserControllable="false">DisconnectOnSuspend</AutoReconnectBehavior>',
          '</AutoReconnect>',
          '<AutomaticVPNPolicy>true</AutomaticVPNPolicy>',
        ],
      ),
      findings: [
        {
          profile: null,
          at: '!         <NetworkRoaming>false</NetworkRoaming>',
          severity: 'info',
          messageId: 'networkRoaming',
          fix: null,
          xmlFix: '<!-- server entry Corp VPN, <MobileHostEntryInfo>: set -->\n<NetworkRoaming>true</NetworkRoaming>',
        },
        { profile: null, at: '!     <LocalLanAccess UserControllable="true">false</LocalLanAccess>', severity: 'info', messageId: 'localLan', fix: null },
        {
          profile: null,
          at: '!       <AutoReconnectBehavior UserControllable="false">DisconnectOnSuspend</AutoReconnectBehavior>',
          severity: 'info',
          messageId: 'autoReconnect',
          fix: null,
        },
        { profile: null, at: '!     <AutomaticVPNPolicy>true</AutomaticVPNPolicy>', severity: 'info', messageId: 'tnd', fix: null },
      ],
    },
  ],
} satisfies RuleTests;
