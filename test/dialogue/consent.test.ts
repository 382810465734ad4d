import { describe, expect, it } from '@jest/globals';
import { Chat, startKtp } from './fixture.js';

describe('consent', () => {
  it('should explain what is collected, why and for how long before the first personal question', () => {
    const chat = new Chat();
    chat.command('start');
    chat.press('service:ktp');
    chat.press('apply:ktp');
    expect(chat.at_).toBe('consent');
    expect(chat.text).toContain('NIK');
    expect(chat.text).toContain('UU 27/2022');
    expect(chat.options).toEqual(['consent:yes', 'consent:no']);
    expect(chat.state.flow?.draft.answers).toEqual({});
  });

  it('should start no flow when refused, and still answer questions', () => {
    const chat = new Chat({
      nlu: { 'berapa biaya ktp': { intent: 'ask_cost', service: 'ktp', confidence: 0.9 } },
    });
    chat.command('start');
    chat.press('service:ktp');
    chat.press('apply:ktp');
    chat.say('tidak');
    expect(chat.last.effects).toEqual([{ kind: 'record_consent', given: false }]);
    expect(chat.state.consent).toBe(false);
    expect(chat.state.flow).toBeUndefined();
    expect(chat.text).toContain('tidak ada data pribadi yang kami simpan');
    chat.say('berapa biaya ktp');
    expect(chat.text).toContain('*GRATIS*');
    expect(chat.state.flow).toBeUndefined();
  });

  it('should ask once per conversation', () => {
    const chat = new Chat();
    startKtp(chat);
    chat.say('batal');
    chat.press('service:sktm');
    chat.press('apply:sktm');
    expect(chat.at_).toBe('nama');
    expect(chat.last.effects).toEqual([]);
  });
});
