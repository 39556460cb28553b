// Every rule's cases by rule id, for suites that run across rules (show running-config all, docs).
import type { RuleTests } from '../rule-tester.js';
import anyconnectMobileLicense from './anyconnect-mobile-license.js';
import clientSideDpdDisabled from './client-side-dpd-disabled.js';
import dheCiphersOldAsa from './dhe-ciphers-old-asa.js';
import groupAliasSpecialChars from './group-alias-special-chars.js';
import homepageIgnoredOnMobile from './homepage-ignored-on-mobile.js';
import idleTimeoutShort from './idle-timeout-short.js';
import iosDnsAllClear from './ios-dns-all-clear.js';
import nattDisabled from './natt-disabled.js';
import nattKeepaliveShort from './natt-keepalive-short.js';
import perappAsaVersion from './perapp-asa-version.js';
import perappAttrNotDeclared from './perapp-attr-not-declared.js';
import perappDataMissing from './perapp-data-missing.js';
import perappTypeMisspelled from './perapp-type-misspelled.js';
import profileNameSpecialChars from './profile-name-special-chars.js';
import serverSideDpdEnabled from './server-side-dpd-enabled.js';
import splitDnsInherited from './split-dns-inherited.js';
import splitDnsNotDomain from './split-dns-not-domain.js';
import splitDnsWithoutDnsServer from './split-dns-without-dns-server.js';
import sslKeepaliveEnabled from './ssl-keepalive-enabled.js';
import sslTrustpointMissing from './ssl-trustpoint-missing.js';

export const CASES: Readonly<Record<string, RuleTests>> = {
  'anyconnect-mobile-license': anyconnectMobileLicense,
  'client-side-dpd-disabled': clientSideDpdDisabled,
  'dhe-ciphers-old-asa': dheCiphersOldAsa,
  'group-alias-special-chars': groupAliasSpecialChars,
  'homepage-ignored-on-mobile': homepageIgnoredOnMobile,
  'idle-timeout-short': idleTimeoutShort,
  'ios-dns-all-clear': iosDnsAllClear,
  'natt-disabled': nattDisabled,
  'natt-keepalive-short': nattKeepaliveShort,
  'perapp-asa-version': perappAsaVersion,
  'perapp-attr-not-declared': perappAttrNotDeclared,
  'perapp-data-missing': perappDataMissing,
  'perapp-type-misspelled': perappTypeMisspelled,
  'profile-name-special-chars': profileNameSpecialChars,
  'server-side-dpd-enabled': serverSideDpdEnabled,
  'split-dns-inherited': splitDnsInherited,
  'split-dns-not-domain': splitDnsNotDomain,
  'split-dns-without-dns-server': splitDnsWithoutDnsServer,
  'ssl-keepalive-enabled': sslKeepaliveEnabled,
  'ssl-trustpoint-missing': sslTrustpointMissing,
};
