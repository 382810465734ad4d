import { describe, expect, it } from '@jest/globals';
import {
  compact,
  escapeRegex,
  inBatches,
  isDuplicateKeyError,
  pageBounds,
  toObjectId,
} from '../../../src/adapters/mongo/mongo-utils.js';

describe('isDuplicateKeyError', () => {
  it('should recognise MongoDB code 11000 and FerretDB unique failures on update', () => {
    expect(isDuplicateKeyError({ code: 11000, message: 'E11000 duplicate key' })).toBe(true);
    expect(
      isDuplicateKeyError({
        code: 1,
        message: "constraint failed: UNIQUE constraint failed: index 'x' (2067)",
      }),
    ).toBe(true);
  });

  it('should not mistake other errors for duplicates', () => {
    expect(isDuplicateKeyError({ code: 1, message: 'something else' })).toBe(false);
    expect(isDuplicateKeyError(new Error('E11000'))).toBe(false);
    expect(isDuplicateKeyError(null)).toBe(false);
  });
});

describe('toObjectId', () => {
  it('should accept 24 hex characters only', () => {
    expect(toObjectId('65F000000000000000000001')?.toHexString()).toBe('65f000000000000000000001');
    expect(toObjectId('abc')).toBeUndefined();
    // 12 arbitrary characters would be a valid ObjectId to the driver; not to us.
    expect(toObjectId('aaaaaaaaaaaa')).toBeUndefined();
  });
});

describe('compact', () => {
  it('should drop undefined values and keep null, false and 0', () => {
    expect(compact({ a: undefined, b: null, c: false, d: 0 })).toEqual({ b: null, c: false, d: 0 });
    expect(Object.keys(compact({ a: undefined, b: 1 }))).toEqual(['b']);
  });
});

describe('escapeRegex', () => {
  it('should make every metacharacter literal', () => {
    const text = 'PTSP-2503-(A.B)*?+[x]{2}|^$\\';
    expect(new RegExp(escapeRegex(text)).test(text)).toBe(true);
    expect(new RegExp(escapeRegex('.*')).test('abc')).toBe(false);
  });
});

describe('pageBounds', () => {
  it('should cap the limit to 1..200 and the offset to 0 or more', () => {
    expect(pageBounds({ limit: 1000, offset: -5 })).toEqual({ limit: 200, skip: 0 });
    expect(pageBounds({ limit: 0 })).toEqual({ limit: 1, skip: 0 });
    expect(pageBounds({ limit: 20.7, offset: 40 })).toEqual({ limit: 20, skip: 40 });
  });
});

describe('inBatches', () => {
  it('should write 150 items as three batches of 50, in order', async () => {
    const batches: number[][] = [];
    const items = Array.from({ length: 150 }, (_, i) => i);
    await inBatches(items, (b) => {
      batches.push(b);
      return Promise.resolve();
    });
    expect(batches.map((b) => b.length)).toEqual([50, 50, 50]);
    expect(batches.flat()).toEqual(items);
  });

  it('should send the remainder as a last short batch and nothing for no items', async () => {
    const sizes: number[] = [];
    await inBatches(Array.from({ length: 51 }), (b) => {
      sizes.push(b.length);
      return Promise.resolve();
    });
    expect(sizes).toEqual([50, 1]);
    await inBatches([], () => {
      sizes.push(-1);
      return Promise.resolve();
    });
    expect(sizes).toEqual([50, 1]);
  });
});
