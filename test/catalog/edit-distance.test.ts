import { describe, expect, it } from '@jest/globals';
import { editDistance } from '../../src/catalog/edit-distance.js';

describe('editDistance', () => {
  it('should count insertions, deletions and substitutions', () => {
    expect(editDistance('cideng', 'cideng')).toBe(0);
    expect(editDistance('tanjng', 'tanjung')).toBe(1);
    expect(editDistance('cidang', 'cideng')).toBe(1);
    expect(editDistance('kebon', 'kebun jeruk')).toBe(7);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
  });

  it('should count a swap of neighbours as one edit', () => {
    expect(editDistance('cidneg', 'cideng')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
  });
});

describe('editDistance with a maximum', () => {
  it('should agree with the full distance up to the maximum and cap it beyond', () => {
    const words = [
      'cideng',
      'cidneg',
      'gambir',
      'tanjung',
      'tanjng',
      'kebonjeruk',
      'kebunjeruk',
      'ab',
      'ba',
      '',
    ];
    for (const a of words) {
      for (const b of words) {
        const full = editDistance(a, b);
        for (const max of [0, 1, 2]) expect(editDistance(a, b, max)).toBe(full <= max ? full : max + 1);
      }
    }
  });
});
