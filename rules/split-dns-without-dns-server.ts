import { defineRule } from '../src/engine/types.js';
import { profileFix, sourcePhrase } from '../src/engine/rule-kit.js';

export default defineRule({
  id: 'split-dns-without-dns-server',
  severity: 'error',
  title: 'A split-dns list is in effect but no dns-server is',
  rationale: 'Split DNS sends the listed domains to the DNS servers the ASA pushes; with no dns-server there is no tunnel resolver, so those names cannot resolve.',
  basis: 'cmd-ref',
  scope: 'profile',
  check({ profiles }) {
    return profiles
      .filter((p) => p.resolved.attributes.splitDns.state === 'value' && p.resolved.attributes.dnsServer.state === 'none')
      .map((p) => {
        const a = p.resolved.attributes;
        return {
          message: `split-dns value ${(a.splitDns.value ?? []).join(' ')} is in effect (${sourcePhrase(a.splitDns)}) but no dns-server is (${sourcePhrase(a.dnsServer)}): the listed domains have no resolver in the tunnel.`,
          line: a.dnsServer.line ?? a.splitDns.line,
          tunnelGroup: p.resolved.name,
          groupPolicy: p.resolved.groupPolicy,
          fix: profileFix(p.resolved, 'attributes', ['dns-server value DNS-SERVER-IP']),
        };
      });
  },
});
