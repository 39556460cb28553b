// Names the tool makes for new policies, profiles and aliases: unused on the device, within the length
// the ASA takes.
import { describe, expect, it } from 'vitest';
import { safeName } from '../../src/engine/names.js';
import { unusedName } from '../../src/engine/remedy.js';
import { analyseText, wrapConfig } from '../helpers.js';

describe('unusedName', () => {
  it('cuts a long name to 64 characters, keeps the suffix of a taken one inside them, and drops a dangling separator', () => {
    const long = `GP-${'Mobile-Workforce-'.repeat(4)}2026`;
    expect(long.length).toBeGreaterThan(64);
    const cut = long.slice(0, 64).replace(/-+$/, '');
    const model = analyseText(wrapConfig(`group-policy ${cut.toUpperCase()} internal\ntunnel-group Short type remote-access`)).model;
    // The cut name is taken (names compare without case), so the next one is cut shorter to fit `-2`.
    const name = unusedName(model, long);
    expect(name).toBe(`${long.slice(0, 62).replace(/-+$/, '')}-2`);
    expect(name.length).toBeLessThanOrEqual(64);
    expect(unusedName(model, long, [name])).toMatch(/-3$/);
    // Short names are as they were.
    expect(unusedName(model, 'short')).toBe('short-2');
    expect(unusedName(model, 'Phones')).toBe('Phones');
  });
});

describe('safeName', () => {
  it('keeps the letter of an accented one, and turns what breaks clients into a hyphen', () => {
    expect(safeName('Ventes-Été')).toBe('Ventes-Ete');
    expect(safeName('Équipe Vente')).toBe('Equipe-Vente');
    expect(safeName('Lab&Partners')).toBe('Lab-Partners');
    expect(safeName('日本')).toBe('MOBILE');
  });
});
