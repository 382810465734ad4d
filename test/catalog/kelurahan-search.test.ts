import { describe, expect, it } from '@jest/globals';
import type { KelurahanEntry } from '../../src/catalog/catalog.js';
import { areaTokens, createKelurahanIndex } from '../../src/catalog/kelurahan-search.js';

const entry = (code: string, name: string, district: string, city: string): KelurahanEntry => ({
  code,
  name,
  district,
  districtCode: code.slice(0, 8),
  city,
});

/** Two namesakes in different kota: only the kota tells them apart. */
const index = createKelurahanIndex([
  entry('32.01.01.1001', 'Sukamaju', 'Cibinong', 'Kabupaten Bogor'),
  entry('32.71.01.1001', 'Sukamaju', 'Bogor Tengah', 'Kota Bogor'),
  entry('32.71.01.1002', 'Sukamulya', 'Bogor Tengah', 'Kota Bogor'),
]);

describe('areaTokens', () => {
  it('should lower-case, strip accents and punctuation, expand and drop noise', () => {
    expect(areaTokens('Kel. Tj. Priok (Jakut)')).toEqual(['tanjung', 'priok', 'jakarta', 'utara']);
    expect(areaTokens('Désa  Pd-Labu')).toEqual(['pondok', 'labu']);
    expect(areaTokens('')).toEqual([]);
  });
});

describe('createKelurahanIndex', () => {
  it('should get by code and know its size', () => {
    expect(index.size).toBe(3);
    expect(index.get(' 32.71.01.1002 ')?.name).toBe('Sukamulya');
    expect(index.get('32.71.01.9999')).toBeUndefined();
  });

  it('should return both namesakes, and narrow by kecamatan', () => {
    expect(index.search('sukamaju').map((e) => e.code)).toEqual(['32.01.01.1001', '32.71.01.1001']);
    expect(index.search('sukamaju cibinong').map((e) => e.code)).toEqual(['32.01.01.1001']);
    expect(index.search('sukamaju bogor tengah').map((e) => e.code)).toEqual(['32.71.01.1001']);
  });

  it('should prefer prefix matches over typo matches', () => {
    expect(index.search('sukam').map((e) => e.name)).toEqual(['Sukamaju', 'Sukamaju', 'Sukamulya']);
    expect(index.search('sukamulia').map((e) => e.name)).toEqual(['Sukamulya']);
  });

  it('should mark exact, prefix and whole-word matches narrowed by area words as strong', () => {
    const weak = (text: string): boolean[] => index.match(text).map((m) => m.weak);
    expect(weak('sukamulya')).toEqual([false]);
    expect(weak('sukam')).toEqual([false, false, false]);
    expect(weak('sukamaju cibinong')).toEqual([false]);
    expect(weak('kel. sukamaju, kec. bogor tengah')).toEqual([false]);
  });

  it('should mark typo matches and matches leaving a stray word as weak', () => {
    expect(index.match('sukamulia')).toEqual([{ entry: index.get('32.71.01.1002'), weak: true }]);
    expect(index.match('sukamulya santoso')).toEqual([{ entry: index.get('32.71.01.1002'), weak: true }]);
  });

  it('should return nothing from an empty index', () => {
    expect(createKelurahanIndex([]).search('gambir')).toEqual([]);
  });
});
