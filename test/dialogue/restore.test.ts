import { describe, expect, it } from '@jest/globals';
import { Chat, startKtp, upload } from './fixture.js';

function minutesLater(chat: Chat, minutes: number): void {
  chat.at = new Date(Date.parse(chat.at) + minutes * 60_000).toISOString();
}

/** At the NIK step of a KTP application with the type and the name answered. */
function atNik(chat: Chat): void {
  startKtp(chat);
  chat.say('baru');
  chat.say('Budi Santoso');
}

describe('restoring a cancelled draft', () => {
  it('should offer the restore in the cancel reply and bring the draft back where it stood', () => {
    const chat = new Chat();
    atNik(chat);
    chat.say('batal');
    expect(chat.text).toContain('Kembalikan isian tadi');
    expect(chat.last.replies.at(-1)).toMatchObject({ kind: 'menu' });
    expect(chat.options.at(-1)).toBe('restore');
    minutesLater(chat, 3);
    chat.say('batal tadi salah');
    expect(chat.text).toContain('isian KTP-el Anda dikembalikan');
    expect(chat.text).toContain('Berapa NIK Anda');
    expect(chat.state.flow?.draft.answers).toMatchObject({ jenis: 'baru', nama: 'Budi Santoso' });
    expect(chat.state.undo).toBeUndefined();
    chat.say('3174091708900001');
    expect(chat.state.flow?.draft.answers['nik']).toBe('3174091708900001');
  });

  it.each(['tadi salah', 'kembalikan', 'undo', 'Kembalikan isian tadi'])(
    'should restore on "%s"',
    (typed) => {
      const chat = new Chat();
      atNik(chat);
      chat.say('batal');
      chat.say(typed);
      expect(chat.at_).toBe('nik');
    },
  );

  it('should restore from the menu option, pressed or typed as its number', () => {
    const pressed = new Chat();
    atNik(pressed);
    pressed.say('batal');
    pressed.press('restore');
    expect(pressed.at_).toBe('nik');
    const typed = new Chat();
    atNik(typed);
    typed.say('batal');
    typed.say(String(typed.options.length));
    expect(typed.at_).toBe('nik');
  });

  it('should keep the uploads of the cancelled draft in the restored draft', () => {
    const chat = new Chat();
    atNik(chat);
    const state = chat.state;
    const file = upload();
    chat.state = {
      ...state,
      flow: { ...state.flow!, draft: { ...state.flow!.draft, documents: { foto_ktp: [file] } } },
    };
    chat.say('batal');
    expect(chat.effectsOf('discard_document')).toEqual([
      { kind: 'discard_document', documentId: file.documentId },
    ]);
    expect(chat.state.undo?.flow.draft.documents['foto_ktp']).toEqual([file]);
    chat.say('undo');
    expect(chat.state.flow?.draft.documents['foto_ktp']).toEqual([file]);
  });

  it('should say it is too late after ten minutes, and forget the draft', () => {
    const chat = new Chat();
    atNik(chat);
    chat.say('batal');
    minutesLater(chat, 11);
    chat.say('batal tadi salah');
    expect(chat.text).toContain('hanya bisa dikembalikan dalam 10 menit');
    expect(chat.state.flow).toBeUndefined();
    expect(chat.state.undo).toBeUndefined();
  });

  it('should let go of a kept draft on the first turn past the window', () => {
    const chat = new Chat({ nlu: { halo: { intent: 'greeting', confidence: 0.95 } } });
    atNik(chat);
    chat.say('batal');
    minutesLater(chat, 4);
    chat.say('halo');
    expect(chat.state.undo).toBeDefined();
    minutesLater(chat, 7);
    chat.say('halo');
    expect(chat.state.undo).toBeUndefined();
  });

  it('should set aside a draft begun since, rather than lose it', () => {
    const chat = new Chat();
    atNik(chat);
    chat.say('batal');
    chat.press('service:sktm');
    chat.press('apply:sktm');
    expect(chat.state.flow?.draft.serviceId).toBe('sktm');
    chat.say('kembalikan');
    expect(chat.state.flow?.draft.serviceId).toBe('ktp');
    expect(chat.state.undo?.flow.draft.serviceId).toBe('sktm');
  });

  it('should tell of no restore when nothing was set aside', () => {
    const chat = new Chat();
    chat.command('start');
    chat.say('batal');
    expect(chat.text).toContain('Tidak ada permohonan yang sedang diisi');
    expect(chat.options).not.toContain('restore');
  });

  it('should restore in English', () => {
    const chat = new Chat({ lang: 'en' });
    atNik(chat);
    chat.say('cancel');
    expect(chat.text).toContain('Restore what I entered');
    chat.say('undo');
    expect(chat.text).toContain('application is back');
    expect(chat.at_).toBe('nik');
  });
});

describe('a set-aside draft and the rest of the conversation', () => {
  it('should be forgotten when a deletion request is approved', () => {
    const chat = new Chat();
    atNik(chat);
    chat.say('batal');
    expect(chat.state.undo).toBeDefined();
    chat.event({ kind: 'deletion_decided', approved: true, kept: [] });
    expect(chat.state.undo).toBeUndefined();
  });

  it('should not overwrite an application being submitted', () => {
    const chat = new Chat();
    atNik(chat);
    chat.say('batal');
    const undo = chat.state.undo;
    chat.state = {
      ...chat.state,
      flow: { draft: { serviceId: 'sktm', answers: {}, documents: {} }, at: { phase: 'confirm' } },
    };
    chat.say('kembalikan');
    expect(chat.state.flow?.draft.serviceId).toBe('sktm');
    expect(chat.state.undo).toEqual(undo);
  });
});
