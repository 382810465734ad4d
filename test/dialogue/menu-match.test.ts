import { describe, expect, it } from '@jest/globals';
import { matchMenu } from '../../src/dialogue/menu-match.js';

const options = [
  { value: 'service:ktp', label: 'KTP-el' },
  { value: 'service:kk', label: 'Kartu Keluarga' },
  { value: 'service:akta_kelahiran', label: 'Akta Kelahiran' },
  { value: 'service:akta_kematian', label: 'Akta Kematian' },
];

describe('matchMenu', () => {
  it('should take a number, also written loosely', () => {
    expect(matchMenu(options, '2', { loose: false })).toEqual({ kind: 'match', option: options[1] });
    expect(matchMenu(options, 'no. 3', { loose: false })).toEqual({ kind: 'match', option: options[2] });
  });

  it('should report a number the menu does not have', () => {
    expect(matchMenu(options, '9', { loose: true })).toEqual({ kind: 'out_of_range' });
    expect(matchMenu(options, '0', { loose: true })).toEqual({ kind: 'out_of_range' });
  });

  it('should take the exact label in any case', () => {
    expect(matchMenu(options, 'kartu keluarga', { loose: false })).toEqual({
      kind: 'match',
      option: options[1],
    });
    expect(matchMenu(options, 'ktp el', { loose: false })).toEqual({ kind: 'match', option: options[0] });
  });

  it('should take a loose part of a label only when loose and unambiguous', () => {
    expect(matchMenu(options, 'kelahiran', { loose: true })).toEqual({ kind: 'match', option: options[2] });
    expect(matchMenu(options, 'kelahiran', { loose: false })).toEqual({ kind: 'none' });
    expect(matchMenu(options, 'akta', { loose: true })).toEqual({ kind: 'none' });
  });

  it('should not read a long sentence as a menu pick', () => {
    expect(matchMenu(options, 'petugas minta uang waktu saya urus ktp kemarin', { loose: true })).toEqual({
      kind: 'none',
    });
  });

  it('should not let a plain word tie with an option that negates it', () => {
    const proof = [
      { value: 'surat', label: 'Ada surat keterangan lahir' },
      { value: 'sptjm', label: 'Tidak ada, saya pakai SPTJM' },
    ];
    expect(matchMenu(proof, 'ada', { loose: true })).toEqual({ kind: 'match', option: proof[0] });
    expect(matchMenu(proof, 'tidak ada', { loose: true })).toEqual({ kind: 'match', option: proof[1] });
    expect(matchMenu(proof, 'gak ada', { loose: true })).toEqual({ kind: 'match', option: proof[1] });
  });
});
