import { createRule } from '../src/engine/types.js';
import { profileFix, sourcePhrase } from '../src/engine/rule-kit.js';

export default createRule({
  meta: {
    id: 'split-dns-without-dns-server',
    severity: 'error',
    severities: ['error'],
    title: 'A split-dns list is in effect but no dns-server is',
    rationale:
      'Split DNS sends the listed domains to the DNS servers the ASA pushes; with no dns-server there is no tunnel resolver, so those names cannot resolve.',
    basis: 'cmd-ref',
    scope: 'profile',
    messages: {
      noServer:
        'split-dns value {{domains}} is in effect ({{splitDnsSource}}) but no dns-server is ({{dnsServerSource}}): the listed domains have no resolver in the tunnel.',
    },
  },
  check({ profiles, report }) {
    for (const p of profiles) {
      const a = p.resolved.attributes;
      if (a.splitDns.state !== 'value' || a.dnsServer.state !== 'none') continue;
      report.profile(p, {
        messageId: 'noServer',
        data: { domains: a.splitDns.value.join(' '), splitDnsSource: sourcePhrase(a.splitDns), dnsServerSource: sourcePhrase(a.dnsServer) },
        at: a.dnsServer.line ?? a.splitDns.line,
        fix: profileFix(p.resolved, 'attributes', ['dns-server value DNS-SERVER-IP']),
      });
    }
  },
});
