import { pushedProfiles, xmlAt } from '../src/engine/client-profiles.js';
import { createRule } from '../src/engine/types.js';

export default createRule({
  meta: {
    id: 'client-profile-file-missing',
    severity: 'error',
    severities: ['error'],
    title: "A pushed client profile's XML is missing or is not a readable client profile",
    rationale:
      'The phone receives the XML file an `anyconnect profiles NAME disk0:/FILE.xml` line names. A file that is not there, or that is not well-formed AnyConnectProfile XML, gives phones no server entries and no mobile settings.',
    basis: 'inferred',
    scope: 'profile',
    messages: {
      missing:
        '{{profile}} is pushed client profile {{name}}, whose file {{path}} (line {{defined}}) was not found in {{searched}}: phones receive no profile. Upload the XML to the device (and keep a copy beside the configuration).',
      malformed:
        '{{profile}} is pushed client profile {{name}} ({{path}}), which is not a readable client profile: {{reason}}. Fix the XML and upload it again.',
    },
  },
  check({ device, profiles, report }) {
    const model = device.model;
    for (const p of profiles) {
      for (const f of pushedProfiles(model, p.resolved)) {
        if (f.status === 'missing') {
          report.profile(p, {
            messageId: 'missing',
            data: { profile: p.resolved.name, name: f.name, path: f.devicePath, defined: f.definedLine, searched: model.sideFilesSearched ?? 'any source' },
            at: f.definedLine,
            object: `client profile ${f.name}`,
          });
        } else if (f.status === 'malformed' && f.origin !== null) {
          report.profile(p, {
            messageId: 'malformed',
            data: { profile: p.resolved.name, name: f.name, path: f.devicePath, reason: (f.problem?.message ?? 'unreadable').replace(/\.+$/, '') },
            ...xmlAt(f.origin, f.problem?.line ?? null),
            object: `client profile ${f.name}`,
          });
        }
      }
    }
  },
});
