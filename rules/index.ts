// The rule pack: every rule module, in id order. The engine receives this list and knows no rule.
import type { RuleModule } from '../src/engine/types.js';
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
import sslTrustpointMissing from './ssl-trustpoint-missing.js';
import sslKeepaliveEnabled from './ssl-keepalive-enabled.js';

export const RULES: readonly RuleModule[] = [
  anyconnectMobileLicense,
  clientSideDpdDisabled,
  dheCiphersOldAsa,
  groupAliasSpecialChars,
  homepageIgnoredOnMobile,
  idleTimeoutShort,
  iosDnsAllClear,
  nattDisabled,
  nattKeepaliveShort,
  perappAsaVersion,
  perappAttrNotDeclared,
  perappDataMissing,
  perappTypeMisspelled,
  profileNameSpecialChars,
  serverSideDpdEnabled,
  splitDnsInherited,
  splitDnsNotDomain,
  splitDnsWithoutDnsServer,
  sslKeepaliveEnabled,
  sslTrustpointMissing,
];
