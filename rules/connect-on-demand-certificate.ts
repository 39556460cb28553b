import { profileReachedBy, pushedHostEntries, xmlAt, xmlComment } from '../src/engine/client-profiles.js';
import { createRule } from '../src/engine/types.js';

export default createRule({
  meta: {
    id: 'connect-on-demand-certificate',
    severity: 'error',
    severities: ['error'],
    title: 'Connect On Demand without certificate-only authentication',
    rationale:
      'The guide: Connect On Demand requires certificate authentication in the client profile; for it to connect silently, the connection profile it reaches must authenticate with certificates only, be selected by a group-url, and ask for no secondary authentication.',
    basis: 'guide',
    scope: 'device',
    messages: {
      certificatePolicy:
        'Server entry {{entry}} of client profile {{name}} turns on Connect On Demand with CertificatePolicy None: Connect On Demand needs certificate authentication. Set <CertificatePolicy>Auto</CertificatePolicy>.',
      notCertificateOnly:
        'Server entry {{entry}} of client profile {{name}} turns on Connect On Demand, but connection profile {{profile}} (UserGroup {{group}}) authenticates with {{auth}}, not certificates alone: iOS cannot connect on demand when a login is needed. Use `authentication certificate` for that profile.',
      secondary:
        'Server entry {{entry}} of client profile {{name}} turns on Connect On Demand, but connection profile {{profile}} asks for secondary authentication ({{group}}): iOS cannot connect on demand when a login is needed.',
    },
  },
  check({ device, profiles, report }) {
    const model = device.model;
    for (const { file, origin, entry, name: entryName } of pushedHostEntries(model, profiles)) {
      const m = entry.mobile;
      if (m === null || !m.connectOnDemand.value) continue;
      const base = { entry: entryName, name: file.name };
      if (m.certificatePolicy.value === 'None') {
        report.device({
          messageId: 'certificatePolicy',
          data: base,
          ...xmlAt(origin, m.certificatePolicy.line ?? m.line),
          object: `${file.name} ${entryName} certificate policy`,
          xmlFix: `<!-- server entry ${xmlComment(entryName)}, <MobileHostEntryInfo>: set -->\n<CertificatePolicy>Auto</CertificatePolicy>`,
        });
        continue;
      }
      const group = entry.userGroup?.value ?? '';
      const tg = profileReachedBy(model, group);
      if (tg === null) continue; // client-profile-host-unknown says so
      const auth = tg.webvpn.authentication;
      const methods = auth.state === 'value' ? auth.value : ['aaa'];
      if (methods.length !== 1 || methods[0] !== 'certificate')
        report.device({
          messageId: 'notCertificateOnly',
          data: { ...base, profile: tg.name, group: group || '(none: the default connection profile)', auth: methods.join(' ') },
          ...xmlAt(origin, m.connectOnDemand.line ?? m.line),
          object: `${file.name} ${entryName} authentication`,
        });
      const secondary = tg.general.secondaryAuthenticationServerGroup;
      if (secondary.state === 'value')
        report.device({
          messageId: 'secondary',
          data: { ...base, profile: tg.name, group: secondary.value },
          ...xmlAt(origin, m.connectOnDemand.line ?? m.line),
          object: `${file.name} ${entryName} secondary authentication`,
        });
    }
  },
});
