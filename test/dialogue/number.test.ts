import { describe, expect, it } from '@jest/globals';
import { parseNumber } from '../../src/dialogue/number.js';

describe('parseNumber', () => {
  it.each([
    ['3', true, 3],
    ['1.500.000', true, 1_500_000],
    ['50rb', true, 50_000],
    ['2 juta', true, 2_000_000],
    ['120 m2', true, 120],
    ['2,5', false, 2.5],
    ['Rp 10.000', true, 10_000],
  ])('should read %s', (typed, integer, value) => {
    expect(parseNumber(typed, integer)).toBe(value);
  });

  it('should refuse words, fractions for whole numbers, and mixtures', () => {
    expect(parseNumber('tiga', true)).toBeUndefined();
    expect(parseNumber('2,5', true)).toBeUndefined();
    expect(parseNumber('3 atau 4', true)).toBeUndefined();
  });
});
