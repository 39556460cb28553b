import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from '../../src/common/edit-distance.js';

describe('edit distance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('spilt', 'split')).toBe(1);
    expect(editDistance('inlcude', 'include')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('names the one nearest candidate within reach, and none on a tie or when too far', () => {
    expect(nearest('profile', ['rules', 'profiles', 'files'])).toBe('profiles');
    expect(nearest('fils', ['files', 'fills'])).toBeNull();
    expect(nearest('zzz', ['rules', 'profiles'])).toBeNull();
    expect(nearest('reasn', ['rule', 'reason', 'until'], 1)).toBe('reason');
    // Case is ignored; a short word gets one edit per three characters.
    expect(nearest('mobile-ful', ['MOBILE-FULL', 'MOBILE-SPLIT'])).toBe('MOBILE-FULL');
    expect(nearest('ST', ['GP', 'TG'])).toBeNull();
    expect(nearest('fil', ['files'])).toBeNull();
  });
});
