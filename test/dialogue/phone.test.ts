import { describe, expect, it } from '@jest/globals';
import { normalizePhone } from '../../src/dialogue/phone.js';

describe('normalizePhone', () => {
  it.each(['081234567890', '0812-3456-7890', '+62 812 3456 7890', '6281234567890', '(0812) 3456.7890'])(
    'should normalise %s to +62',
    (typed) => {
      expect(normalizePhone(typed)).toBe('+6281234567890');
    },
  );

  it.each(['12345', '0211234567', '+1 555 123 4567', '08abc', '08123'])('should refuse %s', (typed) => {
    expect(normalizePhone(typed)).toBeUndefined();
  });
});
