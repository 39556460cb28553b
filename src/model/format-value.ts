// Renders an attribute value as it appears after its keyword on an ASA config line, so output and
// fixes read like the CLI: `none`, `value a.com b.com`, `tunnelspecified`, `disable`, `30`.

import type { PolicyAttributeKey } from './policy-attributes.js';

const VALUE_KEYWORD: ReadonlySet<PolicyAttributeKey> = new Set([
  'splitDns',
  'dnsServer',
  'addressPools',
  'defaultDomain',
  'splitTunnelNetworkList',
  'groupLock',
  'homepage',
  'clientProfiles',
]);

export function formatAttributeValue(key: PolicyAttributeKey, state: 'none' | 'value', value: unknown): string {
  if (key === 'splitTunnelAllDns') return value === true ? 'enable' : 'disable';
  if (key === 'sslDtls') return value === true ? 'enable' : 'none';
  if (state === 'none' || value === null || value === undefined) return 'none';
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  if (key === 'clientProfiles') return `value ${text} type user`;
  return VALUE_KEYWORD.has(key) ? `value ${text}` : text;
}

export function formatEffectiveValue(key: PolicyAttributeKey, e: { state: 'none' | 'value'; value: unknown }): string {
  return formatAttributeValue(key, e.state, e.value);
}
