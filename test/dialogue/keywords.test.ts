import { describe, expect, it } from '@jest/globals';
import { isDone, isSkip, keywordCommand, parseYesNo } from '../../src/dialogue/keywords.js';

describe('keywordCommand', () => {
  it.each([
    ['batal', 'cancel'],
    ['/batal', 'cancel'],
    ['Menu', 'menu'],
    ['english please', 'lang_en'],
    ['Bahasa Indonesia', 'lang_id'],
    ['/bahasa', 'lang_toggle'],
    ['petugas', 'officer'],
    ['bantuan', 'help'],
  ])('should read %s as %s', (text, command) => {
    expect(keywordCommand(text)).toBe(command);
  });

  it('should only match whole messages', () => {
    expect(keywordCommand('saya batal nikah')).toBeUndefined();
  });
});

describe('parseYesNo', () => {
  it.each(['ya', 'iya', 'Y', 'yes', 'betul', 'iya betul'])('should read %s as yes', (t) =>
    expect(parseYesNo(t)).toBe(true),
  );
  it.each(['tidak', 'gak', 'no', 'n', 'nggak deh'])('should read %s as no', (t) =>
    expect(parseYesNo(t)).toBe(false),
  );
  it('should leave other text undecided', () => expect(parseYesNo('mungkin')).toBeUndefined());
});

describe('isSkip and isDone', () => {
  it('should know the skip and done words', () => {
    expect(isSkip('lewati')).toBe(true);
    expect(isSkip('-')).toBe(true);
    expect(isSkip('Budi')).toBe(false);
    expect(isDone('selesai')).toBe(true);
    expect(isDone('lanjut')).toBe(true);
    expect(isDone('foto')).toBe(false);
  });
});
