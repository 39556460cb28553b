// The readiness matrix's per-app column: it applies where a profile's policy or a DAP record hands out
// per-app VPN, and a DAP record's broken per-app assignment fails it.
import { describe, expect, it } from 'vitest';
import { auditTarget } from '../../src/audit/audit.js';
import { analyseBytes } from '../../src/audit/pipeline.js';
import { CHECK_NAMES, readinessRows } from '../../src/report/readiness.js';
import { RULES } from '../../rules/index.js';
import { completeConfig } from '../rules/rule-tester.js';
import { mobile, PERAPP_DATA, PERAPP_DECLARED } from '../rules/cases/_kit.js';

const perAppCell = (fragment: string): string[] => {
  const t = auditTarget(analyseBytes(Buffer.from(completeConfig(fragment)), 'inline.cfg')[0]!, { rules: RULES, profiles: ['MOBILE'] });
  const i = CHECK_NAMES.indexOf('per-app');
  return readinessRows(t).map((r) => r.cells[i]!);
};

describe('readiness: per-app', () => {
  it('does not apply without per-app anywhere', () => {
    expect(perAppCell(mobile())).toEqual(['n/a']);
  });
  it('applies when a DAP record assigns per-app, and passes when that assignment is sound', () => {
    expect(perAppCell(mobile({ global: [...PERAPP_DECLARED, PERAPP_DATA, 'dynamic-access-policy-record IOS', ' anyconnect-custom perapp value PA'] }))).toEqual(
      ['pass'],
    );
  });
  it("fails when the DAP record's per-app data is missing", () => {
    expect(perAppCell(mobile({ global: [...PERAPP_DECLARED, 'dynamic-access-policy-record IOS', ' anyconnect-custom perapp value NOPE'] }))).toEqual(['fail']);
  });
});
