import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
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

/** The textbook full-matrix optimal string alignment distance, to check the banded one against. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

describe('editDistance against the full matrix', () => {
  it('should give the full distance, or max + 1 beyond max, for any two strings and any max', () => {
    // Few letters, so near strings, swaps and long shared runs are common; calls interleave with
    // different lengths, as the reused rows must not carry anything from one call to the next.
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'k', 'e'), maxLength: 24 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 6 }), (a, b, max) => {
        const full = reference(a, b);
        expect(editDistance(a, b)).toBe(full);
        expect(editDistance(a, b, max)).toBe(full <= max ? full : max + 1);
        expect(editDistance(b, a, max)).toBe(full <= max ? full : max + 1);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('editDistance against the start of a word', () => {
  it('should read only the first bLength letters of b, as if it were cut there', () => {
    for (const [a, b, n] of [
      ['cibinon', 'cibinong', 7],
      ['cibniong', 'cibinongbarat', 8],
      ['tanjung', 'tanjungbarat', 7],
      ['kebon', 'kebonjeruk', 3],
      ['menteng', 'mentengatas', 20],
    ] as const) {
      expect(editDistance(a, b, 2, n)).toBe(editDistance(a, b.slice(0, n), 2));
    }
  });
});
