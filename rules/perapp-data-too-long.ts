import { createRule } from '../src/engine/types.js';

const LIMIT = 420;

export default createRule({
  meta: {
    id: 'perapp-data-too-long',
    severity: 'error',
    severities: ['error'],
    title: `An anyconnect-custom-data value is longer than ${LIMIT} characters`,
    rationale: `The guide: each anyconnect-custom-data value holds at most ${LIMIT} characters; a longer policy is split over several lines with the same type and name, which the ASA joins in order.`,
    basis: 'guide',
    scope: 'device',
    messages: {
      tooLong:
        '`anyconnect-custom-data {{type}} {{name}}` (line {{line}}) holds {{length}} characters; each value may hold at most {{limit}}. Split it over several lines with the same type and name.',
    },
  },
  check({ device, report }) {
    for (const data of device.model.global.customData.values()) {
      for (const part of data.parts) {
        if (part.value.length <= LIMIT) continue;
        const chunks = part.value.match(new RegExp(`.{1,${LIMIT}}`, 'g')) ?? [];
        report.device({
          messageId: 'tooLong',
          data: { type: data.type, name: data.name, line: part.line, length: part.value.length, limit: LIMIT },
          at: part.line,
          object: `${data.type} ${data.name} line ${data.parts.indexOf(part) + 1}`,
          // The same value, re-entered in pieces: the old line goes first so the order is kept.
          remedy:
            data.parts.length === 1
              ? {
                  kind: 'lines',
                  lines: [`no anyconnect-custom-data ${data.type} ${data.name}`, ...chunks.map((c) => `anyconnect-custom-data ${data.type} ${data.name} ${c}`)],
                }
              : null,
        });
      }
    }
  },
});
