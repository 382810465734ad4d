import { describe, expect, it } from '@jest/globals';
import { RECENT_KEPT } from '../../src/dialogue/recent.js';
import { Chat, NIK, startKtp, upload } from './fixture.js';

describe('the recent conversation ring', () => {
  it('should keep both sides in words: a pressed button as its label, never its value', () => {
    const chat = new Chat();
    chat.command('start');
    chat.press('service:ktp');
    const recent = chat.state.recent ?? [];
    expect(recent.map((l) => l.from)).toEqual(['citizen', 'bot', 'citizen', 'bot']);
    expect(recent[0]?.text).toBe('/start');
    expect(recent[2]?.text).not.toContain('service:');
    expect(recent[2]?.text).toMatch(/KTP/i);
  });

  it('should keep at most RECENT_KEPT lines, mask long digit runs and clip long texts', () => {
    const chat = new Chat();
    startKtp(chat);
    chat.say('baru');
    chat.say(`nama saya ${NIK} ${'panjang '.repeat(80)}`);
    for (let i = 0; i < 15; i++) chat.say(`pesan ${i}`);
    const recent = chat.state.recent ?? [];
    expect(recent).toHaveLength(RECENT_KEPT);
    expect(JSON.stringify(chat.state)).not.toContain(NIK);
    expect(Math.max(...recent.map((l) => l.text.length))).toBeLessThanOrEqual(300);
    expect(recent.at(-2)).toMatchObject({ from: 'citizen', text: 'pesan 14' });
  });

  it('should hand the ring to the officer with the message that asked for one, and stop recording in the handoff', () => {
    const chat = new Chat();
    chat.command('start');
    chat.say('petugas');
    const [open] = chat.effectsOf('open_handoff');
    expect(open?.history.at(-1)).toMatchObject({ from: 'citizen', text: 'petugas' });
    const kept = chat.state.recent?.length;
    chat.say('halo, ada orang?');
    chat.send(upload());
    expect(chat.state.recent?.length).toBe(kept);
  });

  it('should drop a damaged stored ring rather than trust it', () => {
    const chat = new Chat();
    chat.state = { ...chat.state, recent: 'rusak' as never };
    chat.command('start');
    expect(chat.state.recent?.[0]).toMatchObject({ from: 'citizen', text: '/start' });
  });
});
