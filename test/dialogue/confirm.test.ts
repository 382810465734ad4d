import { describe, expect, it } from '@jest/globals';
import { ACT_AT } from '../../src/dialogue/confirm.js';
import { Chat, startKtp } from './fixture.js';

/** At the NIK step of a KTP application with the type and the name answered. */
function atNik(chat: Chat): void {
  startKtp(chat);
  chat.say('baru');
  chat.say('Budi Santoso');
}

describe('confirming before destructive or escalating steps', () => {
  it('should ask before an unsure cancel mid-flow, and "tidak" asks the same step again', () => {
    const chat = new Chat({ nlu: { 'udahan dulu deh': { intent: 'cancel', confidence: 0.8 } } });
    atNik(chat);
    chat.say('udahan dulu deh');
    expect(chat.text).toContain('Maksud Anda membatalkan permohonan ini?');
    expect(chat.last.replies.at(-1)).toMatchObject({
      kind: 'menu',
      options: [{ label: 'Ya, batalkan' }, { label: 'Tidak, lanjutkan' }],
    });
    expect(chat.state.flow?.draft.answers['nama']).toBe('Budi Santoso');
    chat.say('tidak');
    expect(chat.text).toContain('Baik, kita lanjutkan.');
    expect(chat.text).toContain('Berapa NIK Anda');
    expect(chat.at_).toBe('nik');
    expect(chat.state.confirming).toBeUndefined();
    expect(chat.last.effects).toEqual([]);
  });

  it('should cancel on "ya" (or 1) to the question', () => {
    const chat = new Chat({ nlu: { 'udahan dulu deh': { intent: 'cancel', confidence: 0.8 } } });
    atNik(chat);
    chat.say('udahan dulu deh');
    chat.say('1');
    expect(chat.state.flow).toBeUndefined();
    expect(chat.text).toContain('permohonan dibatalkan');
  });

  it('should act at once on a sure reading and on the typed commands', () => {
    const sure = new Chat({ nlu: { 'gak jadi deh': { intent: 'cancel', confidence: ACT_AT.cancel } } });
    atNik(sure);
    sure.say('gak jadi deh');
    expect(sure.state.flow).toBeUndefined();
    for (const typed of ['batal', '/batal', 'BATAL']) {
      const chat = new Chat({ nlu: { [typed.toLowerCase()]: { intent: 'cancel', confidence: 0.51 } } });
      atNik(chat);
      chat.say(typed);
      expect(chat.state.flow).toBeUndefined();
      expect(chat.state.confirming).toBeUndefined();
    }
    const officer = new Chat();
    atNik(officer);
    officer.say('petugas');
    expect(officer.effectsOf('open_handoff')).toHaveLength(1);
  });

  it('should not ask before an unsure cancel when nothing is in progress', () => {
    const chat = new Chat({ nlu: { 'udahan dulu deh': { intent: 'cancel', confidence: 0.8 } } });
    chat.command('start');
    chat.say('udahan dulu deh');
    expect(chat.text).toContain('Tidak ada permohonan yang sedang diisi');
  });

  it('should ask before a vaguely worded complaint, even with nothing in progress', () => {
    const chat = new Chat({ nlu: { 'saya kecewa': { intent: 'complaint', confidence: 0.6 } } });
    chat.command('start');
    chat.say('saya kecewa');
    expect(chat.text).toContain('Maksud Anda menyampaikan pengaduan?');
    expect(chat.effectsOf('open_handoff')).toEqual([]);
    chat.say('ya');
    expect(chat.effectsOf('open_handoff')).toMatchObject([{ reason: 'complaint', priority: true }]);
  });

  it('should ask before an unsure complaint in a free-text step instead of taking it as the answer', () => {
    const chat = new Chat({ nlu: { 'pelayanan kok gini': { intent: 'complaint', confidence: 0.75 } } });
    startKtp(chat);
    chat.say('baru');
    chat.say('pelayanan kok gini');
    expect(chat.text).toContain('Maksud Anda menyampaikan pengaduan?');
    expect(chat.state.flow?.draft.answers['nama']).toBeUndefined();
    chat.say('bukan');
    expect(chat.at_).toBe('nama');
  });

  it('should ask before an unsure officer request mid-flow; any other message drops the question', () => {
    const chat = new Chat({ nlu: { 'bisa dibantu orang': { intent: 'talk_to_officer', confidence: 0.7 } } });
    atNik(chat);
    chat.say('bisa dibantu orang');
    expect(chat.text).toContain('Maksud Anda ingin bicara dengan petugas?');
    chat.say('3174091708900001');
    expect(chat.state.confirming).toBeUndefined();
    expect(chat.state.flow?.draft.answers['nik']).toBe('3174091708900001');
    expect(chat.effectsOf('open_handoff')).toEqual([]);
  });

  it('should ask in English in an English conversation', () => {
    const chat = new Chat({ lang: 'en', nlu: { 'i give up': { intent: 'cancel', confidence: 0.7 } } });
    atNik(chat);
    chat.say('i give up');
    expect(chat.text).toContain('Do you mean to cancel this application?');
    expect(chat.last.replies.at(-1)).toMatchObject({
      options: [{ label: 'Yes, cancel it' }, { label: 'No, continue' }],
    });
    chat.press('confirm:cancel:no');
    expect(chat.text).toContain('let us continue');
    expect(chat.at_).toBe('nik');
  });

  it('should ask before an unsure complaint with an officer, relaying the message meanwhile', () => {
    const chat = new Chat({
      nlu: { 'kok lama banget sih': { intent: 'complaint', confidence: 0.75 } },
    });
    chat.command('start');
    chat.say('petugas');
    chat.say('kok lama banget sih');
    expect(chat.text).toContain('Maksud Anda menyampaikan pengaduan?');
    expect(chat.effectsOf('relay_to_officer')).toEqual([
      { kind: 'relay_to_officer', text: 'kok lama banget sih' },
    ]);
    expect(chat.effectsOf('open_handoff')).toEqual([]);
    chat.say('ya');
    expect(chat.effectsOf('open_handoff')).toMatchObject([{ reason: 'complaint', priority: true }]);
  });
});
