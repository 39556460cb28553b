import {
  groupUrlPath,
  headendHosts,
  isHeadendHost,
  nearestUserGroup,
  xmlComment,
  xmlText,
  profileForUserGroup,
  pushedHostEntries,
  xmlAt,
} from '../src/engine/client-profiles.js';
import { createRule } from '../src/engine/types.js';

export default createRule({
  meta: {
    id: 'client-profile-host-unknown',
    severity: 'warning',
    severities: ['warning'],
    title: "A client profile's server entry names a host or UserGroup this headend does not answer to",
    rationale:
      'The client connects to https://HostAddress/UserGroup. The ASA selects a connection profile by the group-url that matches that URL (or a group-alias); a UserGroup that matches none lands the phone on the default profile, and a HostAddress unlike every group-url host is probably not this headend, or not the name its certificate carries.',
    basis: 'inferred',
    scope: 'device',
    messages: {
      userGroup:
        'Server entry {{entry}} of client profile {{name}} has UserGroup {{group}}, which is neither the path of an enabled group-url nor an enabled group-alias on this headend: phones using it land on the default connection profile. Use the path of the group-url of the connection profile meant (e.g. `{{examplePath}}` for {{example}}).',
      host: 'Server entry {{entry}} of client profile {{name}} connects to {{host}}, which is none of the names this headend is known by (its group-url hosts and the names in the certificates it presents: {{hosts}}): if it is this headend, the certificate name and the group-urls must match it.',
    },
  },
  check({ device, profiles, report }) {
    const model = device.model;
    const hosts = headendHosts(model);
    const example =
      [...model.tunnelGroups.values()].flatMap((t) => t.webvpn.groupUrls.filter((u) => u.enabled)).map((u) => u.url)[0] ?? 'https://vpn.example.com/mobile';
    for (const { file, origin, entry, name: entryName } of pushedHostEntries(model, profiles)) {
      const host =
        (entry.hostAddress ?? entry.hostName)?.value
          .replace(/^https?:\/\//i, '')
          .split(/[/:]/)[0]
          ?.toLowerCase() ?? '';
      const known = hosts.size === 0 || isHeadendHost(hosts, host);
      if (!known) {
        report.device({
          messageId: 'host',
          data: { entry: entryName, name: file.name, host, hosts: [...hosts].sort().join(', ') },
          ...xmlAt(origin, (entry.hostAddress ?? entry.hostName)?.line ?? entry.line),
          object: `${file.name} host ${entryName}`,
        });
        continue;
      }
      const group = entry.userGroup;
      if (group !== null && group.value !== '' && profileForUserGroup(model, group.value) === null) {
        // A near miss of one real path is a typo: the fix names it. Anything else needs the user.
        const near = nearestUserGroup(model, group.value);
        report.device({
          messageId: 'userGroup',
          data: { entry: entryName, name: file.name, group: group.value, example, examplePath: groupUrlPath(example) ?? '' },
          ...xmlAt(origin, group.line),
          object: `${file.name} user group ${group.value}`,
          ...(near !== null ? { xmlFix: `<!-- server entry ${xmlComment(entryName)}: set -->\n<UserGroup>${xmlText(near)}</UserGroup>` } : {}),
        });
      }
    }
  },
});
