import { describe, expect, it } from '@jest/globals';
import { keywordCommand } from '../../src/dialogue/keywords.js';
import { Chat, startKtp } from './fixture.js';

describe('the data-subject phrases', () => {
  it.each([
    ['data saya', 'my_data'],
    ['Data pribadi saya', 'my_data'],
    ['apa data saya?', 'my_data'],
    ['lihat data saya', 'my_data'],
    ['dats saya', 'my_data'],
    ['my data', 'my_data'],
    ['hapus data saya', 'delete_my_data'],
    ['hapus dta saya', 'delete_my_data'],
    ['Delete my data', 'delete_my_data'],
  ])('should read %s as %s', (text, command) => {
    expect(keywordCommand(text)).toBe(command);
  });

  it.each(['nama saya', 'data', 'saya', 'data saya sudah benar', 'hapus'])(
    'should leave %s alone',
    (text) => {
      expect(keywordCommand(text)).toBeUndefined();
    },
  );
});

describe('"data saya" and "hapus data saya" in the engine', () => {
  it('should ask for the data from anywhere, in a flow too, and resume the step after the answer', () => {
    const chat = new Chat();
    startKtp(chat);
    const at = chat.at_;
    chat.say('data saya');
    expect(chat.last.effects).toEqual([{ kind: 'show_my_data' }]);
    expect(chat.at_).toBe(at);
  });

  it('should never take the confirmation\'s "ya" as the answer to the open step', () => {
    const chat = new Chat();
    startKtp(chat);
    const at = chat.at_;
    chat.say('hapus data saya');
    expect(chat.options).toEqual(['confirm:delete_my_data:yes', 'confirm:delete_my_data:no']);
    expect(chat.last.effects).toEqual([]);
    chat.say('ya');
    expect(chat.last.effects).toEqual([{ kind: 'request_deletion' }]);
    expect(chat.at_).toBe(at);
    expect(chat.state.confirming).toBeUndefined();
  });

  it('should drop the question on anything but yes or no, and handle that message as usual', () => {
    const chat = new Chat();
    chat.command('start');
    chat.say('hapus data saya');
    chat.say('menu');
    expect(chat.last.effects).toEqual([]);
    expect(chat.state.confirming).toBeUndefined();
    expect(chat.text).not.toContain('tidak dihapus');
    chat.say('ya');
    expect(chat.last.effects).not.toContainEqual({ kind: 'request_deletion' });
  });

  it('should ask in an officer conversation too, and take the "ya" as the answer, not a message to relay', () => {
    const chat = new Chat();
    chat.command('start');
    chat.say('petugas');
    chat.say('hapus data saya');
    expect(chat.state.confirming).toEqual({ action: 'delete_my_data', service: null });
    chat.say('ya');
    expect(chat.last.effects).toEqual([{ kind: 'request_deletion' }]);
    expect(chat.state.confirming).toBeUndefined();
  });

  it("should keep one question open: a press of an earlier question's option answers no later one", () => {
    const chat = new Chat({ nlu: { 'udahan dulu deh': { intent: 'cancel', confidence: 0.8 } } });
    startKtp(chat);
    chat.say('hapus data saya');
    chat.say('udahan dulu deh');
    expect(chat.state.confirming).toEqual({ action: 'cancel', service: null });
    chat.press('confirm:delete_my_data:yes');
    expect(chat.last.effects).toEqual([]);
    expect(chat.state.flow).toBeDefined();
    expect(chat.state.confirming).toBeUndefined();
  });

  it('should forget the draft on approval but keep the language', () => {
    const chat = new Chat({ lang: 'en' });
    startKtp(chat);
    chat.event({ kind: 'deletion_decided', approved: true, kept: ['PTSP-2501-7KQ3M'] });
    expect(chat.state.flow).toBeUndefined();
    expect(chat.state.consent).toBeNull();
    expect(chat.state.lang).toBe('en');
    expect(chat.text).toContain('was *approved*');
    expect(chat.text).toContain('PTSP-2501-7KQ3M');
  });
});
