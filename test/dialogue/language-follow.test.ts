import { beforeAll, describe, expect, it } from '@jest/globals';
import { loadIntentData } from '../../src/nlu/intent-data.js';
import { createNlu } from '../../src/nlu/nlu.js';
import type { Nlu } from '../../src/nlu/nlu.js';
import { Chat, startKtp } from './fixture.js';

/** Transcripts with the real NLU: replies follow the language the citizen writes in. */
describe('followLanguage', () => {
  let nlu: Nlu;
  beforeAll(async () => {
    nlu = createNlu({ intents: await loadIntentData('intents') });
  });
  const chat = (lang?: 'id' | 'en'): Chat => {
    const c = new Chat(lang ? { lang } : {});
    c.nlu = (text) => nlu.understand(text);
    return c;
  };

  it('should switch to English on one long English message and answer it in English', () => {
    const c = chat();
    c.command('start');
    c.say('what are the requirements for an id card');
    expect(c.state.lang).toBe('en');
    expect(c.text).toContain('All right, I will continue in English.');
  });

  it('should switch to English only on the second short English message in a row', () => {
    const c = chat();
    c.command('start');
    c.say('how much is it');
    expect(c.state.lang).toBe('id');
    c.say('is it free');
    expect(c.state.lang).toBe('en');
    expect(c.text).toContain('continue in English');
  });

  it('should not count English messages with an Indonesian one between them', () => {
    const c = chat();
    c.command('start');
    c.say('how much is it');
    c.say('berapa lama prosesnya');
    c.say('is it free');
    expect(c.state.lang).toBe('id');
  });

  it('should switch back to Indonesian on one clear Indonesian message', () => {
    const c = chat('en');
    c.command('start');
    c.say('syarat bikin ktp apa aja');
    expect(c.state.lang).toBe('id');
    expect(c.text).toContain('Baik, saya lanjutkan dalam Bahasa Indonesia.');
  });

  it('should keep the language through neutral messages mid-flow: a menu number, a name, a NIK', () => {
    const c = chat('en');
    startKtp(c);
    c.say('1');
    expect(c.at_).toBe('nama');
    c.say('Anak Agung Gede Putra');
    expect(c.at_).toBe('nik');
    c.say('3171010101900001');
    expect(c.state.lang).toBe('en');
    expect(c.text).not.toContain('Bahasa Indonesia');
  });

  it('should switch mid-flow and ask the open step again in the new language', () => {
    const c = chat();
    startKtp(c);
    expect(c.at_).toBe('jenis');
    c.say('sorry i do not understand these options');
    expect(c.state.lang).toBe('en');
    expect(c.text).toContain('continue in English');
    expect(c.text).toContain('Which kind of KTP application?');
    expect(c.at_).toBe('jenis');
  });
});
