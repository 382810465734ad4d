import { describe, expect, it } from '@jest/globals';
import { conditionHolds } from '../../src/catalog/condition.js';

describe('conditionHolds', () => {
  it('should hold without a condition', () => {
    expect(conditionHolds(undefined, {})).toBe(true);
  });

  it('should need every listed step to have one of its values', () => {
    const when = { jenis: ['hilang', 'rusak'], sudah_menikah: [false] };
    expect(conditionHolds(when, { jenis: 'rusak', sudah_menikah: false })).toBe(true);
    expect(conditionHolds(when, { jenis: 'rusak', sudah_menikah: true })).toBe(false);
    expect(conditionHolds(when, { jenis: 'baru', sudah_menikah: false })).toBe(false);
  });

  it('should treat an unanswered or skipped step as matching nothing', () => {
    expect(conditionHolds({ jenis: ['baru'] }, {})).toBe(false);
    expect(conditionHolds({ jenis: ['baru'] }, { jenis: null })).toBe(false);
    expect(conditionHolds({ not: { jenis: ['baru'] } }, {})).toBe(true);
  });

  it('should invert with not:', () => {
    expect(conditionHolds({ not: { jenis: ['baru'] } }, { jenis: 'baru' })).toBe(false);
    expect(conditionHolds({ not: { jenis: ['baru'] } }, { jenis: 'hilang' })).toBe(true);
  });
});
