import { createRule } from '../src/engine/types.js';
import { atLeast } from '../src/parse/version.js';

const FIXED_IN = '9.2(1)';

export default createRule({
  meta: {
    id: 'dhe-ciphers-old-asa',
    severity: 'warning',
    severities: ['warning'],
    title: `DHE SSL ciphers are enabled on an ASA older than ${FIXED_IN}`,
    rationale: `Secure Client's DHE cipher support is incompatible with ASA releases before ${FIXED_IN}; the guide says to disable DHE ciphers on those ASAs.`,
    basis: 'guide',
    scope: 'device',
    messages: {
      dhe: '`ssl encryption` (line {{line}}) offers {{ciphers}} on ASA {{version}}; Secure Client mobile apps fail to negotiate DHE with releases before {{fixedIn}}. Remove the DHE ciphers or upgrade.',
    },
  },
  check({ device, profiles, report }) {
    const v = device.model.version;
    const enc = device.model.global.sslEncryption;
    if (!v || atLeast(v, FIXED_IN) || enc.state !== 'value' || !profiles.some((p) => p.transports.ssl)) return;
    const dhe = enc.value.filter((c) => c.toLowerCase().startsWith('dhe-'));
    if (dhe.length === 0) return;
    const rest = enc.value.filter((c) => !dhe.includes(c));
    report.device({
      messageId: 'dhe',
      data: { line: enc.line, ciphers: dhe.join(', '), version: v.text, fixedIn: FIXED_IN },
      at: enc.line,
      remedy: rest.length > 0 ? { kind: 'lines', lines: [`ssl encryption ${rest.join(' ')}`] } : null,
    });
  },
});
