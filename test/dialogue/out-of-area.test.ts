import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Catalog } from '../../src/catalog/catalog.js';
import { loadAreas } from '../../src/catalog/areas.js';
import { Chat, fixtureCatalog, NIK, startKtp } from './fixture.js';

/** A Kabupaten Bogor deployment (LOKET_AREAS=32.01) with the national list for places elsewhere. */
let bogor: Catalog;

beforeAll(async () => {
  bogor = { ...fixtureCatalog(), kelurahan: (await loadAreas({ areas: ['32.01'] })).kelurahan };
});

function atKelurahan(lang: 'id' | 'en' = 'id'): Chat {
  const chat = new Chat({ catalog: bogor });
  startKtp(chat);
  if (lang === 'en') chat.state = { ...chat.state, lang };
  for (const answer of ['baru', 'Budi Santoso', NIK, '17 agustus 1990', '081234567890']) chat.say(answer);
  expect(chat.at_).toBe('kelurahan');
  return chat;
}

const answer = (chat: Chat): unknown => chat.state.flow?.draft.answers['kelurahan'];

describe('a village outside the served area', () => {
  it('should say which area is served and which office to go to, and stay at the question', () => {
    const chat = atKelurahan();
    chat.say('Cipinang Muara');
    expect(answer(chat)).toBeUndefined();
    expect(chat.at_).toBe('kelurahan');
    expect(chat.text).toContain('Loket ini melayani Kabupaten Bogor.');
    expect(chat.text).toContain('Cipinang Muara, Kec. Jatinegara, Jakarta Timur berada di luar wilayah itu');
    expect(chat.text).toContain('silakan ajukan ke kantor Kelurahan Cipinang Muara');
    expect(chat.text).toContain('*petugas*');
    // They live in Bogor after all: the question goes on.
    chat.say('pakansari');
    expect(answer(chat)).toBe('32.01.01.1007');
  });

  it('should name a place known nationally but not in the area, in English too', () => {
    const chat = atKelurahan('en');
    chat.say('kebon kelapa gambir');
    expect(chat.at_).toBe('kelurahan');
    expect(chat.text).toContain('This Loket serves Kabupaten Bogor.');
    expect(chat.text).toContain('Kebon Kelapa, Gambir district, Jakarta Pusat is outside it');
    expect(chat.text).toContain('apply at the office of Kelurahan Kebon Kelapa');
  });

  it('should leave the menu and the officer reachable', () => {
    const chat = atKelurahan();
    chat.say('Cipinang Muara');
    chat.say('menu');
    expect(chat.state.flow).toBeUndefined();
  });

  it('should still take a village of the area, and never send a citizen away for a typo of one', () => {
    const chat = atKelurahan();
    chat.say('pakansri');
    expect(chat.text).toContain('Maksud Anda Kelurahan Pakansari');
  });
});

describe('desa wording', () => {
  it('should call a chosen desa "Desa" in the echo and the summary', () => {
    const chat = atKelurahan();
    chat.say('cibinong');
    expect(chat.text).toContain('Ada beberapa kelurahan/desa yang cocok');
    chat.press('kel:32.01.11.2008');
    expect(answer(chat)).toBe('32.01.11.2008');
    expect(chat.text).toContain('Desa: Cibinong, Kec. Gunungsindur, Kabupaten Bogor.');
  });

  it('should ask about a weak guess of a desa as a desa', () => {
    const chat = atKelurahan();
    chat.say('cibeuteng muara');
    expect(chat.text).toMatch(/^Maksud Anda Desa Cibeuteung Muara, Kec\. Ciseeng, Kabupaten Bogor\?/);
  });
});
