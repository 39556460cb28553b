import { pushedHostEntries, xmlAt, xmlComment, xmlText } from '../src/engine/client-profiles.js';
import { createRule } from '../src/engine/types.js';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/;
const IPV6 = /^[0-9a-f:]+:[0-9a-f:]*(\/\d{1,3})?$/i;

export default createRule({
  meta: {
    id: 'connect-on-demand-domains',
    severity: 'error',
    severities: ['error', 'warning'],
    title: 'Connect On Demand with no domain to trigger it, or with IP addresses as domains',
    rationale:
      'The guide: Connect On Demand starts the VPN when an app looks up a name in the Always Connect or Connect If Needed lists; the lists take domain names only, not IP addresses. With no domain listed, it never triggers.',
    basis: 'guide',
    scope: 'device',
    messages: {
      noDomains:
        'Server entry {{entry}} of client profile {{name}} turns on Connect On Demand but lists no domain in ConnectIfNeededDomainList or AlwaysConnectDomainList: it never triggers. Add the internal domains as <OnDemandDNSMatch> entries.',
      ipAddress:
        'Server entry {{entry}} of client profile {{name}} lists {{value}} as an <OnDemandDNSMatch>: Connect On Demand matches DNS names only, so this entry never matches. List the domain names instead.',
    },
  },
  check({ device, profiles, report }) {
    const model = device.model;
    for (const { file, origin, entry, name: entryName } of pushedHostEntries(model, profiles)) {
      const m = entry.mobile;
      if (m === null) continue;
      for (const d of [...m.alwaysConnect, ...m.neverConnect, ...m.connectIfNeeded])
        if (IPV4.test(d.value) || IPV6.test(d.value))
          report.device({
            messageId: 'ipAddress',
            data: { entry: entryName, name: file.name, value: d.value },
            ...xmlAt(origin, d.line),
            object: `${file.name} ${entryName} ${d.value}`,
            xmlFix: `<!-- server entry ${xmlComment(entryName)}, <MobileHostEntryInfo>: remove -->\n<OnDemandDNSMatch>${xmlText(d.value)}</OnDemandDNSMatch>`,
          });
      if (m.connectOnDemand.value && m.alwaysConnect.length + m.connectIfNeeded.length === 0)
        report.device({
          messageId: 'noDomains',
          severity: 'warning',
          data: { entry: entryName, name: file.name },
          ...xmlAt(origin, m.connectOnDemand.line ?? m.line),
          object: `${file.name} ${entryName} domains`,
        });
    }
  },
});
