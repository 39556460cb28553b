// Where in a YAML document a JSON-schema error points, as a path `doc.getIn` understands. Shared by
// the configuration file and the SSH inventory so both name the offending key the same way.

import type { ErrorObject } from 'ajv';

/** ajv's JSON pointer, unescaped, with the unknown key appended for `additionalProperties`. */
export function pathOf(err: ErrorObject): Array<string | number> {
  const parts: Array<string | number> = err.instancePath
    .split('/')
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
  if (err.keyword === 'additionalProperties') parts.push((err.params as { additionalProperty: string }).additionalProperty);
  return parts;
}
