import { describe, expect, it } from '@jest/globals';
import { flattenLocale, placeholders } from '../../src/catalog/flatten-locale.js';

describe('flattenLocale', () => {
  it('should turn nested maps into dot keys and keep lists', () => {
    const { messages, problems } = flattenLocale(
      { ktp: { name: 'KTP-el', requirements: ['a', 'b'], jenis: { options: { baru: 'Baru' } } } },
      'f.yaml',
    );
    expect(problems).toEqual([]);
    expect(messages).toEqual({
      'ktp.name': 'KTP-el',
      'ktp.requirements': ['a', 'b'],
      'ktp.jenis.options.baru': 'Baru',
    });
  });

  it('should report leaves that are not text', () => {
    const { messages, problems } = flattenLocale({ a: { b: 3, c: null, d: ['x', 1] } }, 'f.yaml');
    expect(messages).toEqual({});
    expect(problems.map((p) => p.path)).toEqual(['a.b', 'a.c', 'a.d']);
  });

  it('should accept an empty file and refuse a top-level list', () => {
    expect(flattenLocale(null, 'f.yaml')).toEqual({ messages: {}, problems: [] });
    expect(flattenLocale(['x'], 'f.yaml').problems).toEqual([
      expect.objectContaining({ path: '(top level)' }),
    ]);
  });
});

describe('placeholders', () => {
  it('should list the names in braces of a text or a list', () => {
    expect(placeholders('Halo {name}, nomor {tracking_number}')).toEqual(
      new Set(['name', 'tracking_number']),
    );
    expect(placeholders(['{a}', 'b {c}'])).toEqual(new Set(['a', 'c']));
    expect(placeholders('tanpa')).toEqual(new Set());
  });
});
