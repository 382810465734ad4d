import { describe, expect, it } from '@jest/globals';
import { ti } from '../../../src/adapters/http/intake-i18n.js';
import { wordsOf } from '../../../src/adapters/http/words.js';

const say = wordsOf({
  greet: { id: 'Halo {name}, nomor {n}', en: 'Hello {name}, number {n}' },
  plain: { id: 'Tanpa {isian}', en: 'No {blank}' },
} as const);

describe('wordsOf', () => {
  it('answers in the language asked, Indonesian or English', () => {
    expect(say('id', 'plain')).toBe('Tanpa {isian}');
    expect(say('en', 'plain')).toBe('No {blank}');
  });

  it('fills every named placeholder, numbers included', () => {
    expect(say('id', 'greet', { name: 'Sari', n: 7 })).toBe('Halo Sari, nomor 7');
  });

  it('leaves a placeholder without a value as written', () => {
    expect(say('en', 'greet', { name: 'Sari' })).toBe('Hello Sari, number {n}');
  });

  it('serves a real table through the same lookup', () => {
    expect(ti('id', 'maxSize', { mb: 5 })).toBe('maks. 5 MB');
    expect(ti('en', 'maxSize')).toBe('max. {mb} MB');
  });
});
