import type { RuleTests } from '../rule-tester.js';
import { clientProfileXml, CP_GLOBAL, CP_PUSH, embedXml, mobile } from './_kit.js';

const COD = [
  '<CertificatePolicy>Auto</CertificatePolicy>',
  '<ConnectOnDemand>true</ConnectOnDemand>',
  '<ConnectIfNeededDomainList>',
  '  <OnDemandDNSMatch>*.corp.example.com</OnDemandDNSMatch>',
  '</ConnectIfNeededDomainList>',
];
const config = (mobileLines: string[], tgWebvpn: string[], extra = '', group: string | null = 'mobile'): string =>
  `${mobile({ global: CP_GLOBAL, webvpn: CP_PUSH, tgWebvpn })}${extra}\n${embedXml('disk0:/mobile.xml', clientProfileXml([{ ...(group !== null ? { group } : {}), mobile: mobileLines }]))}`;

export default {
  valid: [
    { name: 'Connect On Demand to a certificate-only profile', config: config(COD, ['authentication certificate']) },
    { name: 'no Connect On Demand: password profiles are fine', config: config(['<ConnectOnDemand>false</ConnectOnDemand>'], []) },
    {
      name: 'UserGroup is a group-alias of a certificate-only profile',
      config: config(COD, ['authentication certificate', 'group-alias Phones enable'], '', 'Phones'),
    },
  ],
  invalid: [
    {
      name: 'CertificatePolicy None',
      config: config(['<CertificatePolicy>None</CertificatePolicy>', ...COD.slice(1)], ['authentication certificate']),
      findings: [
        {
          profile: null,
          at: '!         <CertificatePolicy>None</CertificatePolicy>',
          severity: 'error',
          messageId: 'certificatePolicy',
          fix: null,
          xmlFix: '<!-- server entry Corp VPN, <MobileHostEntryInfo>: set -->\n<CertificatePolicy>Auto</CertificatePolicy>',
        },
      ],
    },
    {
      name: 'the profile it reaches asks for a password',
      config: config(COD, ['authentication aaa certificate']),
      findings: [
        {
          profile: null,
          at: '!         <ConnectOnDemand>true</ConnectOnDemand>',
          severity: 'error',
          messageId: 'notCertificateOnly',
          data: { profile: 'MOBILE', auth: 'aaa certificate' },
          fix: null,
        },
      ],
    },
    {
      // No UserGroup: the client lands on DefaultWEBVPNGroup, which (built in) asks for a password.
      name: 'an entry without UserGroup reaches the default connection profile',
      config: config(COD, ['authentication certificate'], '', null),
      findings: [
        {
          profile: null,
          at: '!         <ConnectOnDemand>true</ConnectOnDemand>',
          severity: 'error',
          messageId: 'notCertificateOnly',
          data: { profile: 'DefaultWEBVPNGroup', group: '(none: the default connection profile)', auth: 'aaa' },
          fix: null,
        },
      ],
    },
    {
      name: 'the profile it reaches has secondary authentication',
      config: config(COD, ['authentication certificate'], '\ntunnel-group MOBILE general-attributes\n secondary-authentication-server-group RADIUS'),
      findings: [
        {
          profile: null,
          at: '!         <ConnectOnDemand>true</ConnectOnDemand>',
          severity: 'error',
          messageId: 'secondary',
          data: { group: 'RADIUS' },
          fix: null,
        },
      ],
    },
  ],
} satisfies RuleTests;
