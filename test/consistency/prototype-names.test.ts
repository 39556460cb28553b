// Names from a configuration are data, never keys into a JavaScript object's prototype: a sub-command,
// a profile or a value spelled `valueOf`, `__proto__` or `constructor` is read like any other word.
// (A what-if fuzz run found `username X attributes` / ` valueOf` crashing the model: the handler
// table looked the word up through Object.prototype.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planDevice } from '../../src/change/plan.js';
import { reanalyse, snapshotParsed } from '../../src/change/snapshot.js';
import { whatIf } from '../../src/change/what-if.js';
import { renderUndo } from '../../src/model/merge.js';
import { parseConfigText } from '../../src/parse/parse.js';
import { apply, OPTIONS, settingValues } from '../change/change-kit.js';
import { fixture } from '../helpers.js';

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'valueOf', 'toString', 'hasOwnProperty', 'isPrototypeOf'];
const demo = readFileSync(fixture('demo/demo-headend.cfg'), 'utf8');

/** The demo with `name` as a sub-command of every kind of block, as a value, and as the name of a profile, policy and alias. */
function withName(name: string): string {
  const lines = demo.split('\n').flatMap((l) => {
    if (l === 'group-policy GP-SPLIT attributes') return [l, ` ${name}`, ` vpn-tunnel-protocol ${name}`];
    if (l === 'username alice attributes' || l === 'webvpn' || /^tunnel-group MOBILE-SPLIT (general|webvpn)-attributes$/.test(l)) return [l, ` ${name}`];
    if (l === ': end')
      return [
        `group-policy ${name} internal`,
        `group-policy ${name} attributes`,
        ' split-tunnel-policy tunnelspecified',
        ' split-tunnel-network-list value ST-CORP',
        ' split-dns value corp.example.com',
        ` tunnel-group ${name} type remote-access`.trim(),
        `tunnel-group ${name} general-attributes`,
        ` default-group-policy ${name}`,
        `tunnel-group ${name} webvpn-attributes`,
        ` group-alias ${name} enable`,
        l,
      ];
    return [l];
  });
  return lines.join('\n');
}

describe('names spelled like Object members', () => {
  for (const name of PROTOTYPE_NAMES) {
    it(`reads, audits and plans a configuration that says ${name}`, () => {
      const [before] = snapshotParsed(parseConfigText(withName(name), `${name}.cfg`), OPTIONS);
      expect(before).toBeDefined();
      // The profile and its own policy are read like any other.
      expect(before!.profiles.get(name)?.settings.get('split-dns')?.value).toBe('value corp.example.com');
      expect(before!.profiles.get(name)?.settings.get('group-policy')?.value).toBe(name);
      // The value is an unknown protocol, not a method taken for one.
      expect(before!.analysed.model.problems.some((p) => p.message.includes(`unknown tunnel protocol \`${name}\``))).toBe(true);
      const plan = planDevice(before!, OPTIONS, { scope: 'narrow' });
      expect(plan.problems).toEqual([]);
      expect(plan.introduced).toEqual([]);
    });

    it(`applies and undoes a change script that says ${name}`, () => {
      const parsed = parseConfigText(demo, 'demo.cfg');
      const before = snapshotParsed(parsed, OPTIONS)[0]!;
      const script = `username DfltGrpPolicy attributes\n ${name}\n  tunnel-group ${name} general-attributes\ngroup-policy GP-SPLIT attributes\n ${name}`;
      expect(() => whatIf([before], script, OPTIONS)).not.toThrow();
      const merged = apply(parsed, 0, script);
      const back = apply(parseConfigText(merged.text, parsed.source), 0, renderUndo(merged.undo));
      expect(settingValues(reanalyse(before, back.text, OPTIONS))).toEqual(settingValues(before));
    });
  }
});
