// Built-in values of device-wide settings that belong to no policy. Group-policy defaults live with
// their attributes in model/policy-attributes.ts.

import type { BuiltInDefault } from '../model/basis.js';
import { atLeast, type AsaVersion } from '../parse/version.js';

/** NAT-T: off by default in 7.0 [cmd-ref]; on with a 20 s keepalive later [guide for 20; release recalled]. */
export function builtInNatTraversal(version: AsaVersion | null): BuiltInDefault<number> {
  if (version && !atLeast(version, '7.1(1)')) return { value: null, basis: 'cmd-ref' };
  return { value: 20, basis: 'recalled', note: 'enabled with a 20 s keepalive when no line is printed' };
}
