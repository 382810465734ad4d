import { describe, expect, it } from '@jest/globals';
import { Chat, startKtp } from './fixture.js';

/** A KTP application answered up to the name, then handed to an officer. */
function midApplicationWithOfficer(lang?: 'en'): Chat {
  const chat = new Chat();
  if (lang) chat.say('english');
  startKtp(chat);
  chat.say('baru');
  chat.say('petugas');
  chat.event({ kind: 'officer_joined', officerName: 'Rina' });
  expect(chat.state.mode).toBe('handoff');
  return chat;
}

describe('handed back to the bot', () => {
  it('should leave handoff mode, keep the draft and ask the open step again', () => {
    const chat = midApplicationWithOfficer();
    chat.event({ kind: 'handed_back', officerName: 'Rina' });
    expect(chat.state.mode).toBe('bot');
    expect(chat.state.flow?.draft.answers).toEqual({ jenis: 'baru' });
    expect(chat.at_).toBe('nama');
    expect(chat.text).toContain('Rina (petugas) mengembalikan Anda ke asisten otomatis');
    expect(chat.text).toContain('Siapa nama lengkap Anda');
    expect(chat.last.effects).toEqual([]);
  });

  it('should let the citizen carry on with the application afterwards', () => {
    const chat = midApplicationWithOfficer();
    chat.event({ kind: 'handed_back', officerName: 'Rina' });
    chat.say('Siti Aminah');
    expect(chat.state.flow?.draft.answers).toMatchObject({ jenis: 'baru', nama: 'Siti Aminah' });
    expect(chat.at_).not.toBe('nama');
  });

  it('should show the menu when nothing was in progress', () => {
    const chat = new Chat();
    chat.command('start');
    chat.say('petugas');
    chat.event({ kind: 'handed_back', officerName: 'Rina' });
    expect(chat.state.mode).toBe('bot');
    expect(chat.state.flow).toBeUndefined();
    expect(chat.last.replies.at(-1)?.kind).toBe('menu');
  });

  it('should tell an English-speaking citizen in English', () => {
    const chat = midApplicationWithOfficer('en');
    chat.event({ kind: 'handed_back', officerName: 'Rina' });
    expect(chat.text).toContain('Rina (officer) has handed you back to the automatic assistant');
  });
});
