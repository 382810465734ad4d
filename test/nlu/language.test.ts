import { describe, expect, it } from '@jest/globals';
import { readHeldout } from '../../bench/nlu-heldout.js';
import { countLanguageWords, detectLanguage } from '../../src/nlu/language.js';

describe('detectLanguage', () => {
  it('should read English sentences as English', () => {
    expect(detectLanguage('what are the requirements for an id card')).toBe('en');
    expect(detectLanguage('I want to apply for a birth certificate')).toBe('en');
    expect(detectLanguage('how long does it take?')).toBe('en');
    expect(detectLanguage('thank you')).toBe('en');
    expect(detectLanguage('good morning')).toBe('en');
  });

  it('should read Indonesian, slang and regional messages as Indonesian', () => {
    expect(detectLanguage('syarat bikin ktp apa aja')).toBe('id');
    expect(detectLanguage('gmn cr urus akte')).toBe('id');
    expect(detectLanguage('kulo badhe damel kk')).toBe('id');
    expect(detectLanguage('abdi bade ngadamel akta')).toBe('id');
    expect(detectLanguage('aye mau bikin ktp nih')).toBe('id');
    expect(detectLanguage('pengajuan pindah saya sudah sampai mana')).toBe('id');
    expect(detectLanguage('makasih ya kak')).toBe('id');
  });

  it('should never read a code-switched Indonesian message as English', () => {
    expect(detectLanguage('mau apply KTP')).not.toBe('en');
    expect(detectLanguage('mau apply KTP buat anak saya')).toBe('id');
    expect(detectLanguage('cost nya brp kak')).toBe('id');
  });

  it('should call bare numbers, codes and short answers neutral', () => {
    for (const text of [
      '2',
      'ok',
      'oke',
      'ya',
      'yes',
      'no',
      '3171010101900001',
      'PTSP-2611-ABCD7',
      'ktp',
      'Budi Santoso',
      '',
      '🙏',
    ])
      expect(detectLanguage(text)).toBe('neutral');
  });

  it('should call one lone marker word neutral', () => {
    expect(detectLanguage('batal')).toBe('neutral');
    expect(detectLanguage('please')).toBe('neutral');
  });

  it('should keep names, addresses and villages neutral, so a data answer never switches', () => {
    for (const text of [
      'Jl. DI Panjaitan No. 5 RT 3 RW 4',
      'Kelurahan Kebon Jeruk Kecamatan Kembangan',
      'Kampung Baru Jl Melati',
      'Anak Agung Gede Putra',
      'Perumahan Griya Indah Blok C2',
    ])
      expect(detectLanguage(text)).toBe('neutral');
  });

  it('should count marker words of both languages', () => {
    expect(countLanguageWords('how to bikin kk')).toEqual({ id: 1, en: 2, words: 4 });
  });

  it('should never read an Indonesian message of the held-out set as English', async () => {
    const rows = await readHeldout();
    const id = rows.filter((r) => r.lang === 'id');
    expect(id.filter((r) => detectLanguage(r.text) === 'en').map((r) => r.text)).toEqual([]);
    const en = rows.filter((r) => r.lang === 'en');
    expect(en.filter((r) => detectLanguage(r.text) === 'en').length / en.length).toBeGreaterThanOrEqual(0.9);
  });
});
