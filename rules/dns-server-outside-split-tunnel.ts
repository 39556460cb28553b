import { createRule } from '../src/engine/types.js';
import { policyLabel, sourcePhrase } from '../src/engine/rule-kit.js';
import { denyingEntry, dnsServerCheckGap, missingSplitTunnelList, NOT_IPV4 } from '../src/explain/ios-dns.js';
import { listExcluders } from '../src/engine/list-users.js';
import { lineRef } from '../src/engine/line-names.js';
import { valueOf } from '../src/resolve/resolve.js';

export default createRule({
  meta: {
    id: 'dns-server-outside-split-tunnel',
    severity: 'warning',
    severities: ['warning', 'info'],
    title: 'A tunnel DNS server is outside the split-tunnel network list',
    rationale:
      'With split tunnelling, iOS sends the queries for the tunnelled domains to the DNS servers the ASA pushes; a server the split-tunnel list keeps outside the tunnel may not be reachable. Desktop clients add a host route for it; iOS behaviour is not documented.',
    basis: 'inferred',
    scope: 'profile',
    messages: {
      outside:
        'On iOS the tunnelled queries of {{profile}} go to {{servers}} ({{dnsSource}}), but the split-tunnel network list {{list}} does not send {{them}} into the tunnel: the queries may never reach {{them}} [inferred]. {{advice}}',
      excluded:
        'On iOS the queries of {{profile}} go to {{servers}} ({{dnsSource}}), but the split-tunnel list {{list}} excludes {{them}} (excludespecified): queries to {{them}} most likely leave the tunnel, in the clear, and may never reach {{them}} ({{row}}) [inferred]. Take {{them}} out of the excluded networks, or push a DNS server the list does not exclude.',
      unchecked:
        'On iOS the queries of {{profile}} go to {{servers}} ({{dnsSource}}); whether the split-tunnel list {{list}} sends {{them}} into the tunnel was not checked: {{why}}. Check by hand that the list does not leave {{them}} outside the tunnel [inferred].',
      listMissing:
        'On iOS the queries of {{profile}} go to {{servers}} ({{dnsSource}}), but the split-tunnel network list {{list}} is not in the configuration (cleared, or a name that differs): what the ASA then tunnels is not known to the tool, most likely nothing, so the queries may never reach {{them}} [inferred]. Create access-list {{name}} with the networks to tunnel and the DNS servers, or point {{policy}} at the list it is meant to use.',
      noList:
        'On iOS the queries of {{profile}} go to {{servers}} ({{dnsSource}}), but split-tunnel-policy is tunnelspecified with no split-tunnel-network-list in effect, so what the tunnel carries is not known to the tool and was not checked. Give {{policy}} a split-tunnel-network-list that includes {{them}} [inferred].',
    },
  },
  check({ device, profiles, report }) {
    for (const p of profiles) {
      const outside = p.dns.problems.dnsServersOutsideTunnel;
      const a = p.resolved.attributes;
      const pronoun = (servers: readonly string[]): string => (servers.length > 1 ? 'them' : 'it');
      // What the check could not judge, and why: an info finding, so a clean report is not read as checked.
      const unchecked = (servers: readonly string[], why: string, setting: 'splitTunnelNetworkList' | 'dnsServer', at: number | null): void => {
        report.profile(p, {
          messageId: 'unchecked',
          severity: 'info',
          setting,
          data: {
            profile: p.resolved.name,
            servers: servers.join(', '),
            dnsSource: sourcePhrase(a.dnsServer),
            list:
              valueOf(a.splitTunnelNetworkList) === null ? '(none set)' : `${valueOf(a.splitTunnelNetworkList)!} (${sourcePhrase(a.splitTunnelNetworkList)})`,
            them: pronoun(servers),
            why,
          },
          at,
        });
      };
      // A list the tool cannot read is no verdict, but the check did not run: said, not silent.
      const { accessLists, otherAccessLists } = device.model.global;
      // A list that is not there at all: no check to make, and likely nothing tunnelled.
      // (In a file that is not the whole configuration, the list may be in the part it lacks: not checked, said below.)
      const missing = p.dns.dnsServers.length > 0 && device.model.complete ? missingSplitTunnelList(p.resolved, accessLists, otherAccessLists) : null;
      if (missing !== null) {
        report.profile(p, {
          messageId: 'listMissing',
          setting: 'splitTunnelNetworkList',
          data: {
            profile: p.resolved.name,
            servers: p.dns.dnsServers.join(', '),
            dnsSource: sourcePhrase(a.dnsServer),
            list: `${missing} (${sourcePhrase(a.splitTunnelNetworkList)})`,
            name: missing,
            policy: policyLabel(p.resolved),
            them: pronoun(p.dns.dnsServers),
          },
          at: a.splitTunnelNetworkList.line,
          needsInput: `the networks access-list ${missing} should send into the tunnel (the DNS servers ${p.dns.dnsServers.join(', ')} among them), or the name of the list ${policyLabel(p.resolved)} is meant to use`,
        });
        continue;
      }
      const why = dnsServerCheckGap(p.resolved, p.dns.problems, accessLists, otherAccessLists, !device.model.complete);
      if (why !== null && valueOf(a.splitTunnelNetworkList) === null) {
        // tunnelspecified without a list: nothing to check against, and the advice is to give it one.
        report.profile(p, {
          messageId: 'noList',
          severity: 'info',
          setting: 'splitTunnelNetworkList',
          data: {
            profile: p.resolved.name,
            servers: p.dns.dnsServers.join(', '),
            dnsSource: sourcePhrase(a.dnsServer),
            policy: policyLabel(p.resolved),
            them: pronoun(p.dns.dnsServers),
          },
          at: a.dnsServer.line ?? { line: p.resolved.groupPolicyLine ?? p.resolved.tunnelGroup.firstLine, role: 'should-set' },
        });
        continue;
      }
      if (why !== null) {
        unchecked(p.dns.dnsServers, why, 'splitTunnelNetworkList', a.splitTunnelNetworkList.line ?? a.dnsServer.line);
        continue;
      }
      // An IPv6 server: the IPv4 list says nothing of it.
      const notChecked = p.dns.problems.dnsServersNotChecked;
      if (notChecked.length > 0) unchecked(notChecked, NOT_IPV4, 'dnsServer', a.dnsServer.line ?? a.splitTunnelNetworkList.line);
      if (!outside || outside.length === 0) continue;
      const list = a.splitTunnelNetworkList.state === 'value' ? a.splitTunnelNetworkList.value : null;
      const excluded = p.dns.splitTunnel === 'excludespecified';
      // An entry is added at the end of the list (the only place the guides document for a standard
      // access-list): it tunnels a server no entry matched, never one a deny before it keeps out.
      const acl = list === null ? undefined : device.model.global.accessLists.get(list);
      const denied =
        excluded || acl === undefined
          ? []
          : outside.flatMap((server) => {
              const entry = denyingEntry(acl, server);
              return entry === null ? [] : [{ server, entry }];
            });
      // A list another profile, policy or user excludes by: an entry added here would take the
      // servers out of that tunnel. (What else may use the list, such as a route-map, plan checks.)
      const excluders = excluded || list === null ? [] : listExcluders(device, list, new Set([p.resolved.name]));
      const them = pronoun(outside);
      // A list that also serves a route-map, an access-group or NAT matches the added servers there too.
      const otherUses = list === null || excluded ? [] : device.model.global.accessListUses.of(list);
      const alsoMatches =
        otherUses.length === 0
          ? ''
          : ` Adding ${them} also changes what ${otherUses.map((u) => `\`${u.text}\` (${lineRef(u.line)})`).join(', ')} match${otherUses.length === 1 ? 'es' : ''}: check that, or give ${p.resolved.groupPolicy} a list of its own.`;
      report.profile(p, {
        // Under excludespecified the list names what stays out of the tunnel: the advice is the reverse.
        messageId: excluded ? 'excluded' : 'outside',
        // Row D6 itself is low confidence; but with every pushed server excluded, both readings send
        // the queries out of the tunnel: as sure as the tunnelspecified case, a warning.
        ...(excluded && !p.dns.dnsServers.every((d) => outside.includes(d)) ? { severity: 'info' as const } : {}),
        setting: 'splitTunnelNetworkList',
        data: {
          profile: p.resolved.name,
          servers: outside.join(', '),
          dnsSource: sourcePhrase(a.dnsServer),
          list: list === null ? '(none: nothing is tunnelled)' : `${list} (${sourcePhrase(a.splitTunnelNetworkList)})`,
          them,
          // What to do: add the servers, unless the list excludes elsewhere or a deny keeps them out.
          advice:
            excluders.length > 0
              ? `Do not add ${them} to ${list!}: it is also the exclude list of ${excluders.join(', ')}. Give ${p.resolved.groupPolicy} a list of its own that sends ${them} into the tunnel.`
              : denied.length > 0
                ? `Take out the deny entry that keeps ${denied.length > 1 ? 'them' : 'it'} out of the list, or build a new list with the permit first.`
                : `Add ${them} to the list.${alsoMatches}`,
          // Row D7 sends every query to the pushed servers too; the exclusion rule is row D6's.
          ...(excluded ? { row: p.dns.row === 'D6' ? 'row D6' : `row ${p.dns.row}, by the exclusion rule of row D6` } : {}),
        },
        at: a.splitTunnelNetworkList.line ?? a.dnsServer.line,
        remedy:
          list === null || excluded || denied.length > 0 || excluders.length > 0
            ? null
            : { kind: 'lines', lines: outside.map((s) => `access-list ${list} standard permit host ${s}`) },
        ...(excluders.length > 0
          ? {
              needsInput: `access-list ${list!} is also the exclude list (split-tunnel-policy excludespecified) of ${excluders.join(', ')}: adding the DNS servers to it would take them out of the tunnel there; give ${p.resolved.groupPolicy} a split-tunnel list of its own first, and add them to that`,
            }
          : denied.length > 0
            ? {
                needsInput: `${denied.map((d) => `the deny entry at ${lineRef(d.entry.line)} keeps ${d.server} out of access-list ${list!}`).join('; ')}: an entry added at the end of a standard access-list comes after it, so take the deny out, or build a new list with the permit first and point split-tunnel-network-list at it (the tool does not insert entries: the guides document adding them at the end only)`,
              }
            : {}),
      });
    }
  },
});
