// An AnyConnect / Secure Client VPN profile (XML) as the vendor model: the server entries a phone
// gets, their mobile settings, and the client settings mobile treats differently. Element names and
// defaults follow AnyConnectProfile.xsd (see docs/assumptions.md); absent elements take the schema's
// default, recorded as such.

import { child, childrenNamed, type XmlDocument, type XmlElement } from '../parse/xml.js';

/** A value read from the XML (with its line), or the schema's default (line null). */
export interface XmlSetting<T> {
  value: T;
  line: number | null;
}

export interface MobileHostEntryInfo {
  line: number;
  networkRoaming: XmlSetting<boolean>;
  certificatePolicy: XmlSetting<string>;
  connectOnDemand: XmlSetting<boolean>;
  activateOnImport: XmlSetting<boolean>;
  alwaysConnect: Array<XmlSetting<string>>;
  neverConnect: Array<XmlSetting<string>>;
  connectIfNeeded: Array<XmlSetting<string>>;
}

export interface HostEntry {
  line: number;
  hostName: XmlSetting<string> | null;
  hostAddress: XmlSetting<string> | null;
  userGroup: XmlSetting<string> | null;
  mobile: MobileHostEntryInfo | null;
}

export interface ClientProfileDoc {
  hostEntries: HostEntry[];
  localLanAccess: XmlSetting<boolean> | null;
  autoReconnectBehavior: XmlSetting<string> | null;
  /** Trusted Network Detection (`AutomaticVPNPolicy`). */
  automaticVpnPolicy: XmlSetting<boolean> | null;
}

/** What was read from a profile's XML, or why nothing could be. */
export type ClientProfileReading = { ok: true; doc: ClientProfileDoc } | { ok: false; line: number | null; message: string };

export function readClientProfile(xml: XmlDocument): ClientProfileReading {
  if (xml.error !== null || xml.root === null) return { ok: false, line: xml.error?.line ?? null, message: xml.error?.message ?? 'empty document' };
  const root = xml.root;
  if (root.name !== 'AnyConnectProfile')
    return { ok: false, line: root.line, message: `the root element is <${root.name}>, not <AnyConnectProfile>: not a client profile` };
  const init = child(root, 'ClientInitialization');
  const autoReconnect = child(init, 'AutoReconnect');
  return {
    ok: true,
    doc: {
      hostEntries: childrenNamed(child(root, 'ServerList'), 'HostEntry').map(readHostEntry),
      localLanAccess: bool(child(init, 'LocalLanAccess')),
      autoReconnectBehavior: text(child(autoReconnect, 'AutoReconnectBehavior')),
      automaticVpnPolicy: bool(child(init, 'AutomaticVPNPolicy')),
    },
  };
}

function readHostEntry(el: XmlElement): HostEntry {
  const info = child(el, 'MobileHostEntryInfo');
  return {
    line: el.line,
    hostName: text(child(el, 'HostName')),
    hostAddress: text(child(el, 'HostAddress')),
    userGroup: text(child(el, 'UserGroup')),
    mobile:
      info === null
        ? null
        : {
            line: info.line,
            networkRoaming: bool(child(info, 'NetworkRoaming')) ?? { value: true, line: null },
            certificatePolicy: text(child(info, 'CertificatePolicy')) ?? { value: 'Auto', line: null },
            connectOnDemand: bool(child(info, 'ConnectOnDemand')) ?? { value: false, line: null },
            activateOnImport: bool(child(info, 'ActivateOnImport')) ?? { value: false, line: null },
            alwaysConnect: domains(child(info, 'AlwaysConnectDomainList')),
            neverConnect: domains(child(info, 'NeverConnectDomainList')),
            connectIfNeeded: domains(child(info, 'ConnectIfNeededDomainList')),
          },
  };
}

function text(el: XmlElement | null): XmlSetting<string> | null {
  return el === null ? null : { value: el.text, line: el.line };
}

/** The schema's `simpleBinary`: `true` / `false`. */
function bool(el: XmlElement | null): XmlSetting<boolean> | null {
  return el === null ? null : { value: el.text.toLowerCase() === 'true', line: el.line };
}

function domains(list: XmlElement | null): Array<XmlSetting<string>> {
  return childrenNamed(list, 'OnDemandDNSMatch')
    .filter((d) => d.text !== '')
    .map((d) => ({ value: d.text, line: d.line }));
}
