// Properties of the merge engine over every fixture and over generated headends:
// - a config's own lines, applied to an empty config, give the same model (every effective setting of
//   every profile and of the device);
// - a plan, then its rollback, give back the original effective settings and findings.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planDevice } from '../../src/change/plan.js';
import { reanalyse, snapshotParsed } from '../../src/change/snapshot.js';
import { parseConfigBytes, parseConfigText, type ParsedConfig } from '../../src/parse/parse.js';
import { fixture } from '../helpers.js';
import { apply, CONFIG_FIXTURES, emptyLike, findingIds, headend, headendConfig, modelledLines, OPTIONS, settingValues } from './change-kit.js';

/** Lines the ASA itself refuses in a merge, in captures that show part of a device. */
const REFUSED: Record<string, RegExp> = {
  // `show running-config tunnel-group` names a group-policy it does not show.
  'corpus/ntc-show-run-tunnel-group.cfg': /group-policy default_gpol does not exist/,
};

function ownLinesAgree(parsed: ParsedConfig): void {
  parsed.sections.forEach((_, i) => {
    const empty = emptyLike(parsed, i);
    const merged = apply(empty, 0, modelledLines(parsed, i));
    const refused = REFUSED[parsed.source];
    const errors = merged.problems.filter((p) => p.severity === 'error');
    if (refused) {
      expect(errors.map((p) => p.message)).toEqual([expect.stringMatching(refused)]);
      return;
    }
    expect(errors).toEqual([]);
    const rebuilt = snapshotParsed(parseConfigText(merged.text, 'rebuilt.cfg'), OPTIONS)[0]!;
    expect(settingValues(rebuilt)).toEqual(settingValues(snapshotParsed(parsed, OPTIONS)[i]!));
  });
}

function planRollsBack(parsed: ParsedConfig, scope: 'narrow' | 'shared'): void {
  for (const before of snapshotParsed(parsed, OPTIONS)) {
    const plan = planDevice(before, OPTIONS, { scope });
    expect(plan.problems).toEqual([]);
    expect(plan.introduced).toEqual([]);
    if (scope === 'narrow') expect(plan.collateral).toEqual([]);
    if (plan.script === '') continue;
    const after = parseConfigText(apply(parsed, before.analysed.sectionIndex, plan.script).text, parsed.source);
    const back = apply(after, before.analysed.sectionIndex, plan.rollback);
    expect(back.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    const restored = reanalyse(before, back.text, OPTIONS);
    expect(settingValues(restored)).toEqual(settingValues(before));
    expect(findingIds(restored)).toEqual(findingIds(before));
  }
}

describe('a config’s own lines, applied to an empty config, reproduce its model', () => {
  it.each(CONFIG_FIXTURES)('%s', (rel) => {
    const parsed = parseConfigBytes(readFileSync(fixture(rel)), rel);
    // A multiple-context backup is one device per context: each context's lines rebuild that context.
    ownLinesAgree(parsed);
  });

  it('over generated headends', () => {
    fc.assert(
      fc.property(headend, (h) => {
        ownLinesAgree(parseConfigText(headendConfig(h), 'gen.cfg'));
      }),
      { numRuns: 150 },
    );
  });
});

describe('a plan, then its rollback, give back the original settings and findings', () => {
  it.each(CONFIG_FIXTURES)('%s', (rel) => {
    const parsed = parseConfigBytes(readFileSync(fixture(rel)), rel);
    planRollsBack(parsed, 'narrow');
    planRollsBack(parsed, 'shared');
  });

  it('over generated headends, in both scopes', () => {
    fc.assert(
      fc.property(headend, fc.constantFrom<'narrow' | 'shared'>('narrow', 'shared'), (h, scope) => {
        planRollsBack(parseConfigText(headendConfig(h), 'gen.cfg'), scope);
      }),
      { numRuns: 80 },
    );
  });
});
