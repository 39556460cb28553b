// Every rule's cases by rule id, for suites that run across rules (show running-config all, docs).
import type { RuleTests } from '../rule-tester.js';
import anyconnectMobileLicense from './anyconnect-mobile-license.js';
import certificateAuthGroupUrl from './certificate-auth-group-url.js';
import clientProfileFileMissing from './client-profile-file-missing.js';
import clientProfileHostUnknown from './client-profile-host-unknown.js';
import clientProfileMobileSettings from './client-profile-mobile-settings.js';
import clientProfileUndefined from './client-profile-undefined.js';
import clientProfilesDiffer from './client-profiles-differ.js';
import clientSideDpdDisabled from './client-side-dpd-disabled.js';
import connectOnDemandCertificate from './connect-on-demand-certificate.js';
import connectOnDemandDomains from './connect-on-demand-domains.js';
import dapMobileCriteria from './dap-mobile-criteria.js';
import dapPerappBroken from './dap-perapp-broken.js';
import defaultDomainNotInSplitDns from './default-domain-not-in-split-dns.js';
import dheCiphersOldAsa from './dhe-ciphers-old-asa.js';
import dnsServerOutsideSplitTunnel from './dns-server-outside-split-tunnel.js';
import groupAliasSpecialChars from './group-alias-special-chars.js';
import homepageIgnoredOnMobile from './homepage-ignored-on-mobile.js';
import idleTimeoutShort from './idle-timeout-short.js';
import ikev2TrustpointMissing from './ikev2-trustpoint-missing.js';
import iosDnsAllClear from './ios-dns-all-clear.js';
import nattDisabled from './natt-disabled.js';
import nattKeepaliveShort from './natt-keepalive-short.js';
import perappAsaVersion from './perapp-asa-version.js';
import perappAttrNotDeclared from './perapp-attr-not-declared.js';
import perappDataMissing from './perapp-data-missing.js';
import perappDataTooLong from './perapp-data-too-long.js';
import perappDataUnused from './perapp-data-unused.js';
import perappIosNotAllApps from './perapp-ios-not-all-apps.js';
import perappTypeMisspelled from './perapp-type-misspelled.js';
import profileNameSpecialChars from './profile-name-special-chars.js';
import samlPrerequisites from './saml-prerequisites.js';
import scepFipsIncompatible from './scep-fips-incompatible.js';
import serverSideDpdEnabled from './server-side-dpd-enabled.js';
import splitDnsInherited from './split-dns-inherited.js';
import splitDnsNotDomain from './split-dns-not-domain.js';
import splitDnsWithoutDnsServer from './split-dns-without-dns-server.js';
import sslKeepaliveEnabled from './ssl-keepalive-enabled.js';
import sslTrustpointMissing from './ssl-trustpoint-missing.js';
import sslTrustpointSelfSigned from './ssl-trustpoint-self-signed.js';

export const CASES: Readonly<Record<string, RuleTests>> = {
  'anyconnect-mobile-license': anyconnectMobileLicense,
  'certificate-auth-group-url': certificateAuthGroupUrl,
  'client-profile-file-missing': clientProfileFileMissing,
  'client-profile-host-unknown': clientProfileHostUnknown,
  'client-profile-mobile-settings': clientProfileMobileSettings,
  'client-profile-undefined': clientProfileUndefined,
  'client-profiles-differ': clientProfilesDiffer,
  'client-side-dpd-disabled': clientSideDpdDisabled,
  'connect-on-demand-certificate': connectOnDemandCertificate,
  'connect-on-demand-domains': connectOnDemandDomains,
  'dap-mobile-criteria': dapMobileCriteria,
  'dap-perapp-broken': dapPerappBroken,
  'default-domain-not-in-split-dns': defaultDomainNotInSplitDns,
  'dhe-ciphers-old-asa': dheCiphersOldAsa,
  'dns-server-outside-split-tunnel': dnsServerOutsideSplitTunnel,
  'group-alias-special-chars': groupAliasSpecialChars,
  'homepage-ignored-on-mobile': homepageIgnoredOnMobile,
  'idle-timeout-short': idleTimeoutShort,
  'ikev2-trustpoint-missing': ikev2TrustpointMissing,
  'ios-dns-all-clear': iosDnsAllClear,
  'natt-disabled': nattDisabled,
  'natt-keepalive-short': nattKeepaliveShort,
  'perapp-asa-version': perappAsaVersion,
  'perapp-attr-not-declared': perappAttrNotDeclared,
  'perapp-data-missing': perappDataMissing,
  'perapp-data-too-long': perappDataTooLong,
  'perapp-data-unused': perappDataUnused,
  'perapp-ios-not-all-apps': perappIosNotAllApps,
  'perapp-type-misspelled': perappTypeMisspelled,
  'profile-name-special-chars': profileNameSpecialChars,
  'saml-prerequisites': samlPrerequisites,
  'scep-fips-incompatible': scepFipsIncompatible,
  'server-side-dpd-enabled': serverSideDpdEnabled,
  'split-dns-inherited': splitDnsInherited,
  'split-dns-not-domain': splitDnsNotDomain,
  'split-dns-without-dns-server': splitDnsWithoutDnsServer,
  'ssl-keepalive-enabled': sslKeepaliveEnabled,
  'ssl-trustpoint-missing': sslTrustpointMissing,
  'ssl-trustpoint-self-signed': sslTrustpointSelfSigned,
};
