import { describe, expect, it } from '@jest/globals';
import { Chat, startKtp } from './fixture.js';

describe('switchLanguage', () => {
  it('should switch mid-flow and ask the same step again in English', () => {
    const chat = new Chat();
    startKtp(chat);
    chat.say('baru');
    chat.say('english please');
    expect(chat.state.lang).toBe('en');
    expect(chat.at_).toBe('nama');
    expect(chat.text).toContain('continue in English');
    expect(chat.text).toContain('What is your full name');
    chat.say('x');
    expect(chat.text).toContain('The name is too short.');
  });

  it('should switch back with "bahasa indonesia" and toggle with the channel command', () => {
    const chat = new Chat({ lang: 'en' });
    chat.say('bahasa indonesia');
    expect(chat.state.lang).toBe('id');
    expect(chat.text).toContain('Bahasa Indonesia');
    chat.command('language');
    expect(chat.state.lang).toBe('en');
    expect(chat.text).toContain('Which service do you need?');
  });
});
