import type { RuleTests } from '../rule-tester.js';
import { clientProfileXml, CP_GLOBAL, CP_PUSH, embedXml, mobile } from './_kit.js';

const config = (mobileLines: string[]): string =>
  `${mobile({ global: CP_GLOBAL, webvpn: CP_PUSH, tgWebvpn: ['authentication certificate'] })}\n${embedXml('disk0:/mobile.xml', clientProfileXml([{ group: 'mobile', mobile: mobileLines }]))}`;

export default {
  valid: [
    {
      name: 'domains to connect on demand',
      config: config([
        '<ConnectOnDemand>true</ConnectOnDemand>',
        '<AlwaysConnectDomainList>',
        '  <OnDemandDNSMatch>intranet.example.com</OnDemandDNSMatch>',
        '</AlwaysConnectDomainList>',
      ]),
    },
    { name: 'no Connect On Demand, no lists', config: config(['<NetworkRoaming>true</NetworkRoaming>']) },
  ],
  invalid: [
    {
      name: 'Connect On Demand with no domain',
      config: config(['<ConnectOnDemand>true</ConnectOnDemand>']),
      findings: [{ profile: null, at: '!         <ConnectOnDemand>true</ConnectOnDemand>', severity: 'warning', messageId: 'noDomains', fix: null }],
    },
    {
      name: 'an IP address in a domain list',
      config: config([
        '<ConnectOnDemand>true</ConnectOnDemand>',
        '<ConnectIfNeededDomainList>',
        '  <OnDemandDNSMatch>10.1.2.3</OnDemandDNSMatch>',
        '  <OnDemandDNSMatch>corp.example.com</OnDemandDNSMatch>',
        '</ConnectIfNeededDomainList>',
      ]),
      findings: [
        {
          profile: null,
          at: '!           <OnDemandDNSMatch>10.1.2.3</OnDemandDNSMatch>',
          severity: 'error',
          messageId: 'ipAddress',
          data: { value: '10.1.2.3' },
          fix: null,
          xmlFix: '<!-- server entry Corp VPN, <MobileHostEntryInfo>: remove -->\n<OnDemandDNSMatch>10.1.2.3</OnDemandDNSMatch>',
        },
      ],
    },
  ],
} satisfies RuleTests;
