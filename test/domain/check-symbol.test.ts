import { describe, expect, it } from '@jest/globals';
import { MAX_PAYLOAD, checkValue, repairValue } from '../../src/domain/check-symbol.js';

describe('checkValue', () => {
  it('should be zero for an all-zero payload and differ when one value changes', () => {
    expect(checkValue([0, 0, 0, 0])).toBe(0);
    expect(checkValue([0, 0, 1, 0])).not.toBe(0);
  });

  it('should change for every single substitution at every position', () => {
    const base = [3, 17, 0, 31, 8, 9, 22, 5];
    const check = checkValue(base);
    for (let i = 0; i < base.length; i++) {
      for (let v = 0; v < 32; v++) {
        if (v === base[i]) continue;
        const changed = base.map((x, k) => (k === i ? v : x));
        expect(checkValue(changed)).not.toBe(check);
      }
    }
  });

  it('should change for every swap of two different neighbours', () => {
    for (let a = 0; a < 32; a++) {
      for (let b = 0; b < 32; b++) {
        if (a === b) continue;
        expect(checkValue([7, a, b, 1])).not.toBe(checkValue([7, b, a, 1]));
      }
    }
  });

  it('should reject values outside 0..31 and over-long payloads', () => {
    expect(() => checkValue([32])).toThrow(RangeError);
    expect(() => checkValue([-1])).toThrow(RangeError);
    expect(() => checkValue(new Array<number>(MAX_PAYLOAD + 1).fill(0))).toThrow(RangeError);
  });
});

describe('repairValue', () => {
  it('should recover any one position of a valid number, the check included', () => {
    const payload = [3, 17, 0, 31, 8, 9, 22, 5];
    const whole = [...payload, checkValue(payload)];
    for (let i = 0; i < whole.length; i++) {
      const blanked = whole.map((v, k) => (k === i ? 0 : v));
      expect(repairValue(blanked, i)).toBe(whole[i]);
    }
  });

  it('should refuse a position outside the number', () => {
    expect(() => repairValue([1, 2, 3], 3)).toThrow(RangeError);
    expect(() => repairValue([1, 2, 3], -1)).toThrow(RangeError);
  });
});
