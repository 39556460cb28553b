// Rules and plans on mangled real configurations: `audit` and `plan` read whatever a backup holds, so
// neither may throw on a config with lines deleted, duplicated, re-indented or swapped. Where the plan
// has a script, its own proof holds too: nothing introduced, and in narrow scope nothing collateral
// (unless lines stand outside any block, when the CLI withholds a plan that fails its proof).
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planDevice } from '../../src/change/plan.js';
import { snapshotParsed } from '../../src/change/snapshot.js';
import { parseConfigText } from '../../src/parse/parse.js';
import { fixture } from '../helpers.js';
import { OPTIONS } from './change-kit.js';

const SEEDS = [
  ...readdirSync(fixture('corpus'))
    .filter((f) => f.endsWith('.cfg'))
    .sort()
    .map((f) => `corpus/${f}`),
  'demo/demo-headend.cfg',
  'plan/shared-split-list.cfg',
  'plan/dflt-collateral.cfg',
  'plan/rename-collision.cfg',
].map((rel) => readFileSync(fixture(rel), 'latin1').split('\n'));

const mutation = fc.record({
  seed: fc.nat({ max: SEEDS.length - 1 }),
  ops: fc.array(fc.record({ kind: fc.constantFrom('delete', 'duplicate', 'indent', 'dedent', 'swap'), at: fc.nat(), to: fc.nat() }), {
    minLength: 1,
    maxLength: 12,
  }),
  scope: fc.constantFrom<'narrow' | 'shared'>('narrow', 'shared'),
});

describe('audit and plan on mutated real configurations', () => {
  it('never throw, and a plan keeps its own proof', () => {
    fc.assert(
      fc.property(mutation, ({ seed, ops, scope }) => {
        const lines = [...SEEDS[seed]!];
        for (const op of ops) {
          const i = op.at % lines.length;
          const j = op.to % lines.length;
          if (op.kind === 'delete' && lines.length > 1) lines.splice(i, 1);
          else if (op.kind === 'duplicate') lines.splice(i, 0, lines[i]!);
          else if (op.kind === 'indent') lines[i] = ` ${lines[i]!}`;
          else if (op.kind === 'dedent') lines[i] = lines[i]!.trimStart();
          else [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        }
        for (const before of snapshotParsed(parseConfigText(lines.join('\n'), 'mutated.cfg'), OPTIONS)) {
          if (!before.target.summary.complete) continue;
          const plan = planDevice(before, OPTIONS, { scope });
          // Lines outside any block leave which block holds what unsure: such a plan may fail its
          // proof, and the CLI then withholds it (as it does any plan whose script did not apply).
          const misplaced = before.target.summary.parseProblems.some((p) => p.code === 'orphan-indented-line');
          if (plan.script === '' || plan.problems.length > 0 || misplaced) continue;
          expect(plan.introduced).toEqual([]);
          if (scope === 'narrow') expect(plan.collateral).toEqual([]);
        }
      }),
      // A fixed seed keeps CI repeatable; FUZZ_SEED and FUZZ_RUNS explore further.
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60), seed: Number(process.env.FUZZ_SEED ?? 20261130) },
    );
  });
});
