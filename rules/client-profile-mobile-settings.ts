import { hostEntryName, profilesPushedTo, xmlAt, xmlComment } from '../src/engine/client-profiles.js';
import { createRule } from '../src/engine/types.js';

export default createRule({
  meta: {
    id: 'client-profile-mobile-settings',
    severity: 'error',
    severities: ['error', 'info'],
    title: 'Mobile client profile settings that do not do what they seem to on phones',
    rationale:
      'The guide: only one server entry may be activated on import; with NetworkRoaming off, iOS gives up reconnecting after 20 seconds; mobile clients always allow local LAN access; every platform but iOS behaves as ReconnectAfterResume; Trusted Network Detection serves Android only through the Network Visibility Module.',
    basis: 'guide',
    scope: 'device',
    messages: {
      activateOnImport:
        'Client profile {{name}} marks {{count}} server entries ActivateOnImport ({{entries}}): only one may be; which one becomes active is undefined. Keep <ActivateOnImport>true</ActivateOnImport> on one entry.',
      networkRoaming:
        'Server entry {{entry}} of client profile {{name}} sets NetworkRoaming false: iOS stops trying to reconnect 20 seconds after a network change. Leave it true (the default) unless users must reconnect by hand.',
      localLan: 'Client profile {{name}} sets LocalLanAccess {{value}}, but mobile clients always allow local LAN access whatever the profile says.',
      autoReconnect:
        'Client profile {{name}} sets AutoReconnectBehavior {{value}}: only iOS honours it; Android and other mobile clients behave as ReconnectAfterResume.',
      tnd: 'Client profile {{name}} turns on Trusted Network Detection (AutomaticVPNPolicy): on phones only Android uses it, through the Network Visibility Module.',
    },
  },
  check({ device, profiles, report }) {
    const model = device.model;
    for (const { file } of profilesPushedTo(
      model,
      profiles.map((p) => p.resolved),
    )) {
      const doc = file.doc;
      if (doc === null || file.origin === null) continue;
      const meantForPhones = doc.hostEntries.some((e) => e.mobile !== null);
      const active = doc.hostEntries.filter((e) => e.mobile?.activateOnImport.value === true);
      if (active.length > 1)
        report.device({
          messageId: 'activateOnImport',
          data: { name: file.name, count: active.length, entries: active.map(hostEntryName).join(', ') },
          ...xmlAt(file.origin, active[1]!.mobile!.activateOnImport.line),
          object: `${file.name} activate on import`,
          xmlFix: [
            ...active
              .slice(1)
              .flatMap((e) => [
                `<!-- server entry ${xmlComment(hostEntryName(e))}, <MobileHostEntryInfo>: set -->`,
                '<ActivateOnImport>false</ActivateOnImport>',
              ]),
          ].join('\n'),
        });
      for (const e of doc.hostEntries)
        if (e.mobile !== null && !e.mobile.networkRoaming.value)
          report.device({
            messageId: 'networkRoaming',
            severity: 'info',
            data: { entry: hostEntryName(e), name: file.name },
            ...xmlAt(file.origin, e.mobile.networkRoaming.line),
            object: `${file.name} ${hostEntryName(e)} roaming`,
            xmlFix: `<!-- server entry ${xmlComment(hostEntryName(e))}, <MobileHostEntryInfo>: set -->\n<NetworkRoaming>true</NetworkRoaming>`,
          });
      // Desktop settings are said only where the profile was plainly written for phones.
      if (!meantForPhones) continue;
      if (doc.localLanAccess !== null)
        report.device({
          messageId: 'localLan',
          severity: 'info',
          data: { name: file.name, value: String(doc.localLanAccess.value) },
          ...xmlAt(file.origin, doc.localLanAccess.line),
          object: `${file.name} local LAN`,
        });
      if (doc.autoReconnectBehavior !== null && doc.autoReconnectBehavior.value !== 'ReconnectAfterResume')
        report.device({
          messageId: 'autoReconnect',
          severity: 'info',
          data: { name: file.name, value: doc.autoReconnectBehavior.value },
          ...xmlAt(file.origin, doc.autoReconnectBehavior.line),
          object: `${file.name} auto reconnect`,
        });
      if (doc.automaticVpnPolicy?.value === true)
        report.device({
          messageId: 'tnd',
          severity: 'info',
          data: { name: file.name },
          ...xmlAt(file.origin, doc.automaticVpnPolicy.line),
          object: `${file.name} TND`,
        });
    }
  },
});
