import { describe, expect, it } from '@jest/globals';
import { analyse, collapseRepeats, normalize, normalizeTokens } from '../../src/nlu/normalize.js';

describe('normalize', () => {
  it('should map chat slang to standard words', () => {
    expect(normalize('gmn cara bikin ktp')).toBe('bagaimana cara buat ktp');
    expect(normalize('sy mw urus akte')).toBe('saya mau urus akta');
    expect(normalize('udh blm brp knp tdk')).toBe('sudah belum berapa kenapa tidak');
    expect(normalize('gw pengen ngurus')).toBe('saya mau urus');
    expect(normalize('dmn kpn tgl yg dgn utk sm org')).toBe(
      'dimana kapan tanggal yang dengan untuk sama orang',
    );
    expect(normalize('ktp sy ilang dll')).toBe('ktp saya hilang dan lain lain');
  });

  it('should lower-case and drop punctuation and emoji', () => {
    expect(normalize('Halo!!! Gimana, KTP?? 🙏😊')).toBe('halo bagaimana ktp');
  });

  it('should keep "buat" as it is, since it means both make and for', () => {
    expect(normalize('buat ktp buat anak')).toBe('buat ktp buat anak');
  });

  it('should read "kk" as Kartu Keluarga next to document words', () => {
    expect(normalize('bikin kk')).toBe('buat kartu keluarga');
    expect(normalize('kk sy ilang')).toBe('kartu keluarga saya hilang');
    expect(normalize('no kk')).toBe('nomor kartu keluarga');
    expect(normalize('syarat pecah kk')).toBe('syarat pecah kartu keluarga');
    expect(normalize('ktp dan kk')).toBe('ktp dan kartu keluarga');
    expect(normalize('kknya rusak')).toBe('kartu keluarga nya rusak');
  });

  it('should drop "kk" used as a form of address', () => {
    expect(normalize('kk mau tanya')).toBe('mau tanya');
    expect(normalize('makasih kk')).toBe('terima kasih');
    expect(normalize('halo kk')).toBe('halo');
  });

  it('should read a capitalised KK in a lower-case message as the card', () => {
    expect(normalize('mau tanya KK')).toBe('mau tanya kartu keluarga');
    expect(normalize('MAU TANYA KK')).toBe('mau tanya');
  });

  it('should turn numbers and codes into placeholders', () => {
    expect(normalizeTokens('petugas minta 200rb')).toEqual(['petugas', 'minta', '<uang>']);
    expect(normalizeTokens('rp 50.000')).toEqual(['<uang>']);
    expect(normalizeTokens('100 ribu')).toEqual(['<uang>', 'ribu']);
    expect(normalizeTokens('cek PTSP-2611-ABCD7')).toEqual(['cek', '<resi>']);
    expect(normalizeTokens('nik 3171 0101 0190 0001')).toEqual(['nik', '<nik>']);
    expect(normalizeTokens('lahir 17-08-1990')).toEqual(['lahir', '<tanggal>']);
    expect(normalizeTokens('anak 3')).toEqual(['anak', '<angka>']);
  });

  it('should expand chat reduplication', () => {
    expect(normalize('anak2 sy')).toBe('anak-anak saya');
  });

  it('should stem with Sastrawi while keeping intent-bearing words', () => {
    const a = analyse('bagaimana cara membuat persyaratannya apa mau berapa lama');
    expect(a.stems).toEqual(['bagaimana', 'cara', 'buat', 'syarat', 'apa', 'mau', 'berapa', 'lama']);
    expect(a.tokens).toHaveLength(a.stems.length);
  });
});

describe('regional and English words', () => {
  it('should map Javanese, Sundanese and Betawi words to the standard ones', () => {
    expect(normalize('kulo badhe damel kk')).toBe('saya mau buat kartu keluarga');
    expect(normalize('abdi bade ngadamel akta')).toBe('saya mau buat akta');
    expect(normalize('aye mau bikin ktp nih')).toBe('saya mau buat ktp nih');
    expect(normalize('ktp ilang kudu piye')).toBe('ktp hilang harus bagaimana');
  });

  it('should split the regional forms of "-nya" off known words only', () => {
    expect(normalize('kantornye di mane')).toBe('kantor nya di mana');
    expect(normalize('kantorna')).toBe('kantor nya');
    expect(normalize('bayare pira')).toBe('bayar nya berapa');
    expect(normalize('sore pake')).toBe('sore pakai');
  });

  it('should keep "matur nuwun" a thank-you', () => {
    expect(normalize('matur nuwun')).toBe('matur nuwun');
  });

  it('should stem English inflections the Indonesian stemmer leaves alone', () => {
    expect(analyse('requirements documents applying needed families').stems).toEqual([
      'requirement',
      'document',
      'apply',
      'need',
      'family',
    ]);
    expect(analyse('petugas berkas kelas pusing').stems).toEqual(['tugas', 'berkas', 'kelas', 'pusing']);
  });
});

describe('collapseRepeats', () => {
  it('should shorten stretched words', () => {
    expect(collapseRepeats('bangeeet')).toBe('banget');
    expect(collapseRepeats('tidakkk')).toBe('tidak');
    expect(collapseRepeats('halooo')).toBe('halo');
    expect(collapseRepeats('pagii')).toBe('pagi');
  });

  it('should keep legitimate double letters', () => {
    expect(collapseRepeats('kk')).toBe('kk');
    expect(collapseRepeats('saat')).toBe('saat');
    expect(collapseRepeats('tidak')).toBe('tidak');
    expect(collapseRepeats('maaaf')).toBe('maaf');
    expect(collapseRepeats('sktt')).toBe('sktt');
  });
});
