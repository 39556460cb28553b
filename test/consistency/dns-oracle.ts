// What the DNS rules must report for one profile, derived only from `explain-dns --format json`: the
// row of the decision table and the problems the explanation lists. One DNS truth: if audit and
// explain-dns ever disagree, the tests built on this fail.
import { notADomain } from '../../src/common/domain-name.js';
import type { ExplainJsonProfile } from '../../src/report/explain-json.js';

export const DNS_RULES = [
  'ios-dns-all-clear',
  'split-dns-without-dns-server',
  'default-domain-not-in-split-dns',
  'split-dns-inherited',
  'dns-server-outside-split-tunnel',
  'split-dns-not-domain',
] as const;

/** `reachAssumed`: the audit reaches the profile only on an assumption (its errors are then warnings). */
export function expectedDnsFindings(p: ExplainJsonProfile, reachAssumed = false): string[] {
  const out: string[] = [];
  if (p.iosDns.row === 'D5') out.push('ios-dns-all-clear/warning');
  if (p.problems.literalAllClear) out.push('ios-dns-all-clear/info');
  if (p.problems.noResolver) out.push(`split-dns-without-dns-server/${reachAssumed ? 'warning' : 'error'}`);
  // Under excludespecified (a literal reading exists) these hold only for that reading: info.
  const literalOnly = p.iosDns.literal !== null;
  if (p.problems.defaultDomainInClear !== null) out.push(`default-domain-not-in-split-dns/${literalOnly ? 'info' : 'warning'}`);
  if (p.problems.inheritedSplitDns !== null) out.push('split-dns-inherited/info');
  // (Under excludespecified with every pushed server excluded, both readings send the queries out: a warning.)
  if ((p.problems.dnsServersOutsideTunnel ?? []).length > 0)
    out.push(`dns-server-outside-split-tunnel/${literalOnly && !p.iosDns.allDnsServersExcluded ? 'info' : 'warning'}`);
  // The check applies but could not be made (no list, a list the tool cannot read, an IPv6 server): said as info, once.
  if (p.problems.dnsServersOutsideTunnel === null || p.problems.dnsServersNotChecked.length > 0) out.push('dns-server-outside-split-tunnel/info');
  const splitDns = p.because.find((b) => b.setting === 'split-dns');
  const listed = splitDns?.value.startsWith('value ') ? splitDns.value.slice('value '.length).split(' ') : [];
  const listDecides = p.iosDns.row === 'D3' || p.iosDns.literal?.row === 'D3';
  if (listDecides && listed.some((d) => notADomain(d) !== null)) out.push('split-dns-not-domain/warning');
  return out.sort();
}
