import type { RuleTests } from '../rule-tester.js';
import { clientProfileXml, CP_GLOBAL, CP_PUSH, embedXml, mobile, type HostEntryParts } from './_kit.js';

// MOBILE's group-url is https://vpn.example.com/mobile (the kit's default).
const withEntries = (entries: HostEntryParts[], tgWebvpn: string[] = [], global: string[] = []): string =>
  `${mobile({ global: [...global, ...CP_GLOBAL], webvpn: CP_PUSH, tgWebvpn })}\n${embedXml('disk0:/mobile.xml', clientProfileXml(entries))}`;

// A certificate the headend presents on `outside`, requested for these names.
const presented = (...lines: string[]): string[] => ['crypto ca trustpoint VPN-TP', ...lines.map((l) => ` ${l}`), 'ssl trust-point VPN-TP outside'];

export default {
  valid: [
    { name: 'UserGroup is the path of the group-url', config: withEntries([{ group: 'mobile' }]) },
    { name: 'UserGroup is an enabled group-alias', config: withEntries([{ group: 'Phones' }], ['group-alias Phones enable']) },
    { name: 'an entry without UserGroup', config: withEntries([{}]) },
    {
      name: "HostAddress is the presented certificate's fqdn",
      config: withEntries([{ address: 'vpn2.example.net', group: 'mobile' }], [], presented('fqdn vpn2.example.net')),
    },
    {
      name: 'HostAddress is covered by a wildcard certificate CN',
      config: withEntries([{ address: 'VPN3.example.net', group: 'mobile' }], [], presented('subject-name CN=*.example.net,O=Example')),
    },
  ],
  invalid: [
    {
      name: 'UserGroup matches no group-url path and no alias',
      config: withEntries([{ group: 'mobil' }]),
      findings: [
        {
          profile: null,
          at: '!       <UserGroup>mobil</UserGroup>',
          severity: 'warning',
          messageId: 'userGroup',
          data: { group: 'mobil', example: 'https://vpn.example.com/mobile' },
          fix: null,
          // one edit from the group-url path `mobile`: a typo, so the change is spelled out
          xmlFix: '<!-- server entry Corp VPN: set -->\n<UserGroup>mobile</UserGroup>',
        },
      ],
    },
    {
      name: 'a disabled alias does not count',
      config: withEntries([{ group: 'Phones' }], ['group-alias Phones disable']),
      findings: [{ profile: null, at: '!       <UserGroup>Phones</UserGroup>', severity: 'warning', messageId: 'userGroup', fix: null, xmlFix: null }],
    },
    {
      name: 'HostAddress is none of the group-url hosts',
      config: withEntries([{ address: 'vpn2.example.net', group: 'mobile' }]),
      findings: [
        {
          profile: null,
          at: '!       <HostAddress>vpn2.example.net</HostAddress>',
          severity: 'warning',
          messageId: 'host',
          data: { host: 'vpn2.example.net', hosts: 'vpn.example.com' },
          fix: null,
        },
      ],
    },
    {
      name: 'a certificate name counts only for a trustpoint the headend presents',
      config: withEntries([{ address: 'vpn2.example.net', group: 'mobile' }], [], ['crypto ca trustpoint SPARE', ' fqdn vpn2.example.net']),
      findings: [
        {
          profile: null,
          at: '!       <HostAddress>vpn2.example.net</HostAddress>',
          severity: 'warning',
          messageId: 'host',
          data: { host: 'vpn2.example.net', hosts: 'vpn.example.com' },
          fix: null,
        },
      ],
    },
  ],
} satisfies RuleTests;
