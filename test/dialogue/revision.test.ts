import { describe, expect, it } from '@jest/globals';
import { Chat, NIK, upload } from './fixture.js';

describe('revisions', () => {
  it('should say what to fix, ask exactly that step with its validation, and save the answer', () => {
    const chat = new Chat();
    chat.event({
      kind: 'revision_requested',
      trackingNumber: 'PTSP-2501-7KQ3M',
      serviceId: 'ktp',
      stepId: 'nik',
      note: 'NIK tidak cocok dengan KK',
    });
    expect(chat.text).toContain('NIK tidak cocok dengan KK');
    expect(chat.text).toContain('Berapa NIK Anda');
    chat.say('123');
    expect(chat.text).toContain('NIK harus 16 angka');
    expect(chat.last.effects).toEqual([]);
    chat.say(NIK);
    expect(chat.last.effects).toEqual([
      { kind: 'save_revision', trackingNumber: 'PTSP-2501-7KQ3M', stepId: 'nik', value: NIK },
    ]);
    expect(chat.state.revision).toBeUndefined();
    chat.event({ kind: 'revision_saved', trackingNumber: 'PTSP-2501-7KQ3M' });
    expect(chat.text).toContain('sudah tersimpan');
  });

  it('should take a document for a document revision', () => {
    const chat = new Chat();
    chat.event({
      kind: 'revision_requested',
      trackingNumber: 'T-1',
      serviceId: 'ktp',
      stepId: 'foto_ktp',
      note: 'Foto buram',
    });
    expect(chat.last.replies.at(-1)?.kind).toBe('document_request');
    const file = upload();
    chat.send(file);
    expect(chat.last.effects).toEqual([
      { kind: 'save_revision', trackingNumber: 'T-1', stepId: 'foto_ktp', file },
    ]);
  });

  it('should still tell the note when the step is unknown to the catalog', () => {
    const chat = new Chat();
    chat.event({
      kind: 'revision_requested',
      trackingNumber: 'T-1',
      serviceId: 'ktp',
      stepId: 'gone',
      note: 'Hubungi kami',
    });
    expect(chat.text).toContain('Hubungi kami');
    expect(chat.state.revision).toBeUndefined();
  });
});
