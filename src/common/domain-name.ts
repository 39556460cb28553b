// Whether a split-dns entry is a domain name: split-dns-not-domain reports the ones that are not, no
// fix pins one into a policy, and none covers a default domain.

import { IPV4 } from './ipv4.js';

const IPV6 = /^[0-9a-f:]+$/i;
const LABEL = /^(?!-)[A-Za-z0-9_-]{1,63}(?<!-)$/;

/** Why an entry is not a domain name, or null when it is one. */
export function notADomain(entry: string): string | null {
  if (IPV4.test(entry) || (entry.includes(':') && IPV6.test(entry))) return 'an IP address';
  const name = entry.replace(/\.$/, '');
  if (name.length === 0 || name.length > 253) return 'not a valid domain name';
  const labels = name.split('.');
  if (!labels.every((l) => LABEL.test(l))) return 'not a valid domain name';
  if (/^\d+$/.test(labels[labels.length - 1]!)) return 'not a valid domain name (numeric top-level label)';
  return null;
}
