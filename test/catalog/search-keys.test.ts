import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { allowedEdits, near } from '../../src/catalog/kelurahan-search.js';
import { KeySet } from '../../src/catalog/search-keys.js';

/** The national search's rule for a typed word naming a key (as `matchesKey` states it). */
function accepts(word: string, key: string): boolean {
  if (key === word || (word.length >= 3 && key.startsWith(word))) return true;
  if (near(word, key, allowedEdits(Math.max(word.length, key.length)))) return true;
  return word.length >= 5 && near(word, key, allowedEdits(word.length), word.length);
}

/** Every key the rule accepts, except a slip in the first letter (other than a swap of the first two). */
function scanned(keys: readonly string[], word: string): string[] {
  const reachable = (key: string): boolean =>
    key === word || (word.length >= 3 && (key[0] === word[0] || (key[0] === word[1] && key[1] === word[0])));
  return keys.filter((key) => reachable(key) && accepts(word, key)).sort();
}

describe('KeySet.matching', () => {
  it('should find exactly the keys a test of every key with the same first letters finds', () => {
    // Few letters and many repeats, so keys a letter or two apart, of every length, are common:
    // the letter masks and counts that keep edit distances off most keys must never drop a match.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'k', 'e', 'n'), minLength: 1, maxLength: 22 });
    fc.assert(
      fc.property(fc.uniqueArray(text, { minLength: 1, maxLength: 60 }), text, (keys, word) => {
        const set = new KeySet(keys.map((key) => [key]));
        const ids = set.matching(word, accepts);
        const found = set.villages(ids);
        expect([...found].map((v) => keys[v]!).sort()).toEqual(scanned(keys, word));
      }),
      { numRuns: 1500 },
    );
  });

  it('should find a key with a slip past the eighth letter, and a key begun with one', () => {
    const keys = ['lubuklinggau', 'lubuklinggauselatan', 'selatan', 'selatanii', 'tabapingin'];
    const set = new KeySet(keys.map((key) => [key]));
    const named = (word: string): string[] =>
      [...set.villages(set.matching(word, accepts))].map((v) => keys[v]!).sort();
    expect(named('lubuklingau')).toEqual(['lubuklinggau', 'lubuklinggauselatan']);
    expect(named('tabapnigin')).toEqual(['tabapingin']);
    expect(named('selatain')).toEqual(['selatan', 'selatanii']);
  });
});
