// Rules and plans on mangled real configurations: `audit` and `plan` read whatever a backup holds, so
// neither may throw on a config with lines deleted, duplicated, re-indented or swapped. Where the plan
// has a script and the mutation kept every block whole (sub-commands moved only between blocks of one
// kind), its own proof holds too: its script applies, nothing is introduced, and in narrow scope
// nothing collateral.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planDevice } from '../../src/change/plan.js';
import { ownLinesDisagree } from '../../src/change/replay.js';
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
  blocksWhole: fc.boolean(),
});

describe('audit and plan on mutated real configurations', () => {
  it('never throw, and a plan keeps its own proof', () => {
    fc.assert(
      fc.property(mutation, ({ seed, ops, scope, blocksWhole }) => {
        const lines = [...SEEDS[seed]!];
        // Moving, dropping or repeating sub-commands only keeps every block whole: a configuration an
        // ASA could hold, where a plan must keep its proof. Anything else only has to not throw.
        for (const op of ops) {
          let i = op.at % lines.length;
          let j = op.to % lines.length;
          if (blocksWhole) {
            if (op.kind === 'indent' || op.kind === 'dedent') continue;
            // Sub-commands with no sub-mode of their own under them (a ` webvpn` moved would take its lines along).
            const sub = lines.flatMap((l, k) => (/^ [^ ]/.test(l) && !/^ {2}/.test(lines[k + 1] ?? '') ? [k] : []));
            if (sub.length < 2) continue;
            i = sub[op.at % sub.length]!;
            // A swap stays between blocks of one kind (a policy's attributes with another's), so no
            // line lands where the ASA would not take it.
            const kind = blockKind(lines, i);
            const same = sub.filter((k) => blockKind(lines, k) === kind);
            j = same[op.to % same.length]!;
          }
          if (op.kind === 'delete' && lines.length > 1) lines.splice(i, 1);
          else if (op.kind === 'duplicate') lines.splice(i, 0, lines[i]!);
          else if (op.kind === 'indent') lines[i] = ` ${lines[i]!}`;
          else if (op.kind === 'dedent') lines[i] = lines[i]!.trimStart();
          else [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        }
        for (const before of snapshotParsed(parseConfigText(lines.join('\n'), 'mutated.cfg'), OPTIONS)) {
          if (!before.target.summary.complete) continue;
          const plan = planDevice(before, OPTIONS, { scope });
          // Otherwise a plan may fail its proof, and the CLI then withholds it.
          if (!blocksWhole || plan.script === '') continue;
          // Whole blocks can still hold what no ASA holds (an alias swapped onto a profile beside the
          // one that has it): the CLI then withholds the plan and names the configuration's own line.
          // Only a configuration whose own lines replay cleanly owes the plan its proof.
          if (
            plan.problems.length + plan.introduced.length + (scope === 'narrow' ? plan.collateral.length : 0) > 0 &&
            ownLinesDisagree(before, OPTIONS) !== null
          )
            continue;
          expect(plan.problems).toEqual([]);
          expect(plan.introduced).toEqual([]);
          if (scope === 'narrow') expect(plan.collateral).toEqual([]);
        }
      }),
      // A fixed seed keeps CI repeatable; FUZZ_SEED and FUZZ_RUNS explore further.
      { numRuns: Number(process.env.FUZZ_RUNS ?? 120), seed: Number(process.env.FUZZ_SEED ?? 20261130) },
    );
  });
});

/** The kind of block a sub-command sits in: its header without the object's name (`group-policy attributes`). */
function blockKind(lines: readonly string[], at: number): string {
  let k = at;
  while (k > 0 && /^ /.test(lines[k]!)) k--;
  const words = lines[k]!.trim().split(/\s+/);
  return [words[0], ...words.slice(2)].join(' ');
}
