import { describe, expect, it } from '@jest/globals';
import { normalizeTokens } from '../../src/nlu/normalize.js';
import { createServiceMatcher } from '../../src/nlu/service-match.js';

const matcher = createServiceMatcher({
  ktp: ['ktp', 'e-ktp', 'ktp el', 'kartu tanda penduduk'],
  kk: ['kartu keluarga', 'kk', 'pecah kk'],
  akta_kelahiran: ['akta kelahiran', 'akte lahir', 'akte'],
  akta_kematian: ['akta kematian', 'surat kematian'],
  domisili: ['domisili', 'surat keterangan domisili'],
  pindah: ['pindah', 'pindah domisili'],
});
const serviceOf = (text: string): string | null => matcher.match(normalizeTokens(text)).service;

describe('createServiceMatcher', () => {
  it('should find a service from slang keywords', () => {
    expect(serviceOf('sy mw urus akte')).toBe('akta_kelahiran');
    expect(serviceOf('e-ktp sy ilang')).toBe('ktp');
    expect(serviceOf('bikin kk')).toBe('kk');
  });

  it('should prefer the longest keyword', () => {
    expect(serviceOf('akte kematian bapak')).toBe('akta_kematian');
    expect(serviceOf('mau pindah domisili')).toBe('pindah');
  });

  it('should tolerate a typo in a long word but not in a short one', () => {
    expect(serviceOf('akta kelahran anak')).toBe('akta_kelahiran');
    expect(serviceOf('surat keterangn domisli')).toBe('domisili');
    expect(serviceOf('kartu klg')).toBeNull();
    expect(serviceOf('ktb')).toBeNull();
  });

  it('should not read "kk" as an address for the card', () => {
    expect(serviceOf('kk mau tanya')).toBeNull();
  });

  it('should report two services named equally as ambiguous', () => {
    expect(matcher.match(normalizeTokens('ktp el dan pindah'))).toEqual({
      service: null,
      ambiguous: ['ktp', 'pindah'],
    });
  });
});
