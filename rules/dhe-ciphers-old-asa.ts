import { defineRule } from '../src/engine/types.js';
import { atLeast } from '../src/model/version.js';

const FIXED_IN = '9.2(1)';

export default defineRule({
  id: 'dhe-ciphers-old-asa',
  severity: 'warning',
  title: `DHE SSL ciphers are enabled on an ASA older than ${FIXED_IN}`,
  rationale: `Secure Client's DHE cipher support is incompatible with ASA releases before ${FIXED_IN}; the guide says to disable DHE ciphers on those ASAs.`,
  basis: 'guide',
  scope: 'device',
  check({ device, profiles }) {
    const v = device.model.version;
    const enc = device.model.global.sslEncryption;
    if (!v || atLeast(v, FIXED_IN) || enc.state !== 'value' || !profiles.some((p) => p.transports.ssl)) return [];
    const dhe = enc.value.filter((c) => c.toLowerCase().startsWith('dhe-'));
    if (dhe.length === 0) return [];
    const rest = enc.value.filter((c) => !dhe.includes(c));
    return [
      {
        message: `\`ssl encryption\` (line ${enc.line}) offers ${dhe.join(', ')} on ASA ${v.text}; Secure Client mobile apps fail to negotiate DHE with releases before ${FIXED_IN}. Remove the DHE ciphers or upgrade.`,
        line: enc.line,
        tunnelGroup: null,
        groupPolicy: null,
        fix: rest.length > 0 ? `ssl encryption ${rest.join(' ')}` : null,
      },
    ];
  },
});
