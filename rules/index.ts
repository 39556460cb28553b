// The rule pack: every rule module, in id order. The engine receives this list and knows no rule.
import type { RuleModule } from '../src/engine/types.js';
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

export const RULES: readonly RuleModule[] = [
  anyconnectMobileLicense,
  certificateAuthGroupUrl,
  clientProfileFileMissing,
  clientProfileHostUnknown,
  clientProfileMobileSettings,
  clientProfileUndefined,
  clientProfilesDiffer,
  clientSideDpdDisabled,
  connectOnDemandCertificate,
  connectOnDemandDomains,
  dapMobileCriteria,
  dapPerappBroken,
  defaultDomainNotInSplitDns,
  dheCiphersOldAsa,
  dnsServerOutsideSplitTunnel,
  groupAliasSpecialChars,
  homepageIgnoredOnMobile,
  idleTimeoutShort,
  ikev2TrustpointMissing,
  iosDnsAllClear,
  nattDisabled,
  nattKeepaliveShort,
  perappAsaVersion,
  perappAttrNotDeclared,
  perappDataMissing,
  perappDataTooLong,
  perappDataUnused,
  perappIosNotAllApps,
  perappTypeMisspelled,
  profileNameSpecialChars,
  samlPrerequisites,
  scepFipsIncompatible,
  serverSideDpdEnabled,
  splitDnsInherited,
  splitDnsNotDomain,
  splitDnsWithoutDnsServer,
  sslKeepaliveEnabled,
  sslTrustpointMissing,
  sslTrustpointSelfSigned,
];
