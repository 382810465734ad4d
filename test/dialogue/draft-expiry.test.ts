import { describe, expect, it } from '@jest/globals';
import { Chat, startKtp, upload } from './fixture.js';

const LATER = '2025-02-11T03:00:00.000Z';

/** A ktp chat at `nama`, with the draft touched at the fixture's time. */
function atNama(lang: 'id' | 'en' = 'id'): Chat {
  const chat = new Chat({ lang });
  startKtp(chat);
  chat.press('baru');
  expect(chat.at_).toBe('nama');
  return chat;
}

describe('draft expiry in the dialogue', () => {
  it("should date the draft at the citizen's every message, not at an event", () => {
    const chat = atNama();
    expect(chat.state.flow?.touchedAt).toBe(chat.at);
    chat.at = LATER;
    chat.event({ kind: 'officer_joined', officerName: 'Budi' });
    expect(chat.state.flow?.touchedAt).not.toBe(LATER);
  });

  it('should remind once in Indonesian, and go on with the draft where it stood on "lanjut"', () => {
    const chat = atNama();
    chat.at = LATER;
    chat.event({ kind: 'draft_expiring', days: 3 });
    expect(chat.text).toBe(
      '⏳ Pengajuan KTP-el Anda belum selesai dan akan dihapus dalam 3 hari. Ketik *lanjut* untuk meneruskan, atau *batal*.',
    );
    expect(chat.state.flow?.remindedAt).toBe(LATER);
    // A second reminder says nothing.
    chat.event({ kind: 'draft_expiring', days: 3 });
    expect(chat.last.replies).toEqual([]);

    chat.say('lanjut');
    expect(chat.text).toContain('kita lanjutkan pengajuan');
    expect(chat.at_).toBe('nama');
    expect(chat.state.flow?.draft.answers).not.toHaveProperty('nama');
    expect(chat.state.flow?.remindedAt).toBeUndefined();
    expect(chat.state.flow?.touchedAt).toBe(LATER);
    // "lanjut" without a reminder is an answer like any other.
    chat.say('Budi Santoso');
    expect(chat.state.flow?.draft.answers.nama).toBe('Budi Santoso');
  });

  it('should cancel the draft on "batal" after the reminder', () => {
    const chat = atNama();
    chat.event({ kind: 'draft_expiring', days: 3 });
    chat.say('batal');
    expect(chat.state.flow).toBeUndefined();
    expect(chat.text).toContain('permohonan dibatalkan');
  });

  it('should remind in English for an English chat, and go on on "continue"', () => {
    const chat = atNama('en');
    chat.event({ kind: 'draft_expiring', days: 3 });
    expect(chat.text).toContain('will be deleted in 3 days. Type *continue* to go on, or *cancel*.');
    chat.say('continue');
    expect(chat.at_).toBe('nama');
    expect(chat.state.flow?.remindedAt).toBeUndefined();
  });

  it('should remove a reminded draft, let go of its files, and say how to start again', () => {
    const chat = new Chat();
    startKtp(chat);
    chat.press('hilang');
    chat.say('Budi Santoso');
    const file = upload();
    chat.state = {
      ...chat.state,
      flow: {
        ...chat.state.flow!,
        draft: { ...chat.state.flow!.draft, documents: { surat_kehilangan: [file] } },
      },
    };
    // Not reminded yet: nothing goes.
    chat.event({ kind: 'draft_expired', days: 30 });
    expect(chat.state.flow).toBeDefined();
    chat.event({ kind: 'draft_expiring', days: 3 });
    chat.event({ kind: 'draft_expired', days: 30 });
    expect(chat.state.flow).toBeUndefined();
    expect(chat.last.effects).toEqual([{ kind: 'discard_document', documentId: file.documentId }]);
    expect(chat.text).toContain('sudah dihapus');
    expect(chat.text).toContain('30 hari');
    expect(chat.text).toContain('ketik *menu*');
    chat.event({ kind: 'draft_expired', days: 30 });
    expect(chat.last.replies).toEqual([]);
  });

  it('should leave the draft alone while an officer has the conversation', () => {
    const chat = atNama();
    chat.state = { ...chat.state, mode: 'handoff' };
    chat.event({ kind: 'draft_expiring', days: 3 });
    expect(chat.last.replies).toEqual([]);
    expect(chat.state.flow?.remindedAt).toBeUndefined();
  });
});
