import { describe, expect, it } from '@jest/globals';
import type { KelurahanEntry } from '../../src/catalog/catalog.js';
import { createKelurahanIndex } from '../../src/catalog/kelurahan-search.js';
import { Chat, fixtureCatalog, KELURAHAN, NIK, startKtp } from './fixture.js';

/** A ktp chat at its kelurahan question. */
function atKelurahan(chat = new Chat()): Chat {
  startKtp(chat);
  for (const answer of ['baru', 'Budi Santoso', NIK, '17 agustus 1990', '081234567890']) chat.say(answer);
  expect(chat.at_).toBe('kelurahan');
  return chat;
}

const answer = (chat: Chat): unknown => chat.state.flow?.draft.answers['kelurahan'];

describe('kelurahan step', () => {
  it('should take an exact name at once', () => {
    const chat = atKelurahan();
    chat.say('Setia Budi');
    expect(answer(chat)).toBe('31.74.02.1001');
    expect(chat.text).toContain('Kelurahan: Setia Budi, Kec. Setiabudi, Jakarta Selatan.');
  });

  it('should ask about a weak match instead of taking it, and take it on "ya"', () => {
    const chat = atKelurahan();
    chat.say('Budi Santoso');
    expect(answer(chat)).toBeUndefined();
    expect(chat.at_).toBe('kelurahan');
    expect(chat.text).toBe('Maksud Anda Kelurahan Setia Budi, Kec. Setiabudi, Jakarta Selatan?');
    expect(chat.options).toEqual(['kel:31.74.02.1001', 'kel-again']);
    chat.say('ya');
    expect(answer(chat)).toBe('31.74.02.1001');
    expect(chat.at_).toBe('sudah_menikah');
  });

  it('should ask for the name again, with its kecamatan, on "bukan"', () => {
    const chat = atKelurahan();
    chat.say('Budi Santoso');
    chat.say('bukan');
    expect(answer(chat)).toBeUndefined();
    expect(chat.at_).toBe('kelurahan');
    expect(chat.text).toContain('ketik lagi nama kelurahan');
    expect(chat.text).toContain('kecamatannya');
    expect(chat.state.misunderstood).toBe(0);
    chat.say('gambir');
    expect(answer(chat)).toBe('31.71.01.1001');
  });

  it('should read the guess by number or pressed, and a new name instead of an answer', () => {
    const byNumber = atKelurahan();
    byNumber.say('Budi Santoso');
    byNumber.say('1');
    expect(answer(byNumber)).toBe('31.74.02.1001');
    const refused = atKelurahan();
    refused.say('Budi Santoso');
    refused.say('2');
    expect(refused.text).toContain('ketik lagi');
    const pressed = atKelurahan();
    pressed.say('Budi Santoso');
    pressed.press('kel-again');
    expect(pressed.text).toContain('ketik lagi');
    pressed.say('Budi Santoso');
    pressed.press('kel:31.74.02.1001');
    expect(answer(pressed)).toBe('31.74.02.1001');
    const retyped = atKelurahan();
    retyped.say('Budi Santoso');
    retyped.say('kebon melati');
    expect(answer(retyped)).toBe('31.71.07.1004');
  });

  it('should confirm a typo match too', () => {
    const chat = atKelurahan();
    chat.say('gambri');
    expect(chat.text).toContain('Maksud Anda Kelurahan Gambir, Kec. Gambir, Jakarta Pusat?');
    chat.say('iya');
    expect(answer(chat)).toBe('31.71.01.1001');
  });

  it('should always ask which one when several villages share the name, showing kecamatan and kota', () => {
    const chat = atKelurahan();
    chat.say('Sukamaju');
    expect(answer(chat)).toBeUndefined();
    expect(chat.options).toEqual(['kel:32.01.01.1001', 'kel:32.76.01.1001']);
    const menu = chat.last.replies.at(-1);
    expect(menu?.kind === 'menu' && menu.options.map((o) => o.label)).toEqual([
      'Sukamaju, Kec. Cibinong, Kabupaten Bogor',
      'Sukamaju, Kec. Cilodong, Kota Depok',
    ]);
    chat.say('2');
    expect(answer(chat)).toBe('32.76.01.1001');
  });

  it('should take the namesake the kecamatan names', () => {
    const chat = atKelurahan();
    chat.say('sukamaju cilodong');
    expect(answer(chat)).toBe('32.76.01.1001');
  });

  it('should show the guess in English too', () => {
    const chat = atKelurahan();
    chat.state = { ...chat.state, lang: 'en' };
    chat.say('Budi Santoso');
    expect(chat.text).toBe('Did you mean Kelurahan Setia Budi, Setiabudi district, Jakarta Selatan?');
    chat.say('no');
    expect(chat.text).toContain('type the name of your kelurahan or village (desa) again');
  });

  it('should list the first namesakes and ask for the kecamatan when more share the name', () => {
    const namesakes: KelurahanEntry[] = Array.from({ length: 7 }, (_, i) => ({
      code: `32.01.${String(i + 10)}.2001`,
      name: 'Sukamaju',
      district: `Kecamatan ${String(i + 1)}`,
      districtCode: `32.01.${String(i + 10)}`,
      city: 'Kabupaten Bogor',
    }));
    const catalog = { ...fixtureCatalog(), kelurahan: createKelurahanIndex([...KELURAHAN, ...namesakes]) };
    const chat = atKelurahan(new Chat({ catalog }));
    chat.say('sukamaju');
    expect(chat.options).toHaveLength(5);
    expect(chat.text).toContain('tulis namanya bersama kecamatannya');
    const few = atKelurahan();
    few.say('sukamaju');
    expect(few.text).toContain('Ada beberapa kelurahan/desa yang cocok');
  });
});
