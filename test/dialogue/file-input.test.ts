import { describe, expect, it } from '@jest/globals';
import { formatBytes } from '../../src/dialogue/file-input.js';
import { Chat, NIK, startKtp, upload } from './fixture.js';

function atPhotoStep(): Chat {
  const chat = new Chat();
  startKtp(chat);
  for (const a of ['rusak', 'Budi Santoso', NIK, '17-08-1990', '081234567890', 'gambir']) chat.say(a);
  expect(chat.at_).toBe('foto_ktp');
  return chat;
}

describe('handleFile', () => {
  it('should count files and move on at max_files', () => {
    const chat = atPhotoStep();
    chat.send(upload());
    expect(chat.text).toContain('Foto KTP diterima (1 dari 2)');
    expect(chat.at_).toBe('foto_ktp');
    chat.send(upload());
    expect(chat.text).toContain('Foto KTP diterima (2 dari 2)');
    expect(chat.at_).toBe('sudah_menikah');
    expect(chat.state.flow?.draft.documents['foto_ktp']).toHaveLength(2);
  });

  it('should move on at "selesai" once min_files arrived, not before', () => {
    const chat = atPhotoStep();
    chat.say('selesai');
    expect(chat.text).toContain('minimal 1');
    expect(chat.at_).toBe('foto_ktp');
    chat.send(upload());
    chat.say('lanjut');
    expect(chat.at_).toBe('sudah_menikah');
  });

  it('should refuse a wrong file type, say why, and discard it', () => {
    const chat = atPhotoStep();
    const pdf = upload({ contentType: 'application/pdf' });
    chat.send(pdf);
    expect(chat.text).toContain('JPG, PNG');
    expect(chat.last.effects).toEqual([{ kind: 'discard_document', documentId: pdf.documentId }]);
    expect(chat.state.flow?.draft.documents['foto_ktp']).toBeUndefined();
  });

  it('should refuse a file over the step limit, or the configured limit when the step sets none', () => {
    const chat = atPhotoStep();
    const big = upload({ size: 6_000_000 });
    chat.send(big);
    expect(chat.text).toContain('maksimal 4,8 MB');
    expect(chat.effectsOf('discard_document')).toEqual([
      { kind: 'discard_document', documentId: big.documentId },
    ]);
  });

  it('should discard a file nobody asked for and show where the citizen is', () => {
    const chat = new Chat();
    chat.command('start');
    const stray = upload();
    chat.send(stray);
    expect(chat.effectsOf('discard_document')).toHaveLength(1);
    expect(chat.text).toContain('tidak sedang meminta berkas');
    expect(chat.last.replies.at(-1)?.kind).toBe('menu');
  });

  it('should let an optional document step be skipped', () => {
    const chat = new Chat();
    chat.command('start');
    chat.press('service:sktm');
    chat.press('apply:sktm');
    chat.say('ya');
    for (const a of ['Siti', NIK, 'sekolah', '3', 'gambir']) chat.say(a);
    expect(chat.at_).toBe('pengantar');
    chat.say('lewati');
    expect(chat.at_).toBe('summary');
    expect(chat.text).toContain('(dilewati)');
  });
});

describe('formatBytes', () => {
  it('should write sizes as people read them', () => {
    expect(formatBytes(5 * 1024 * 1024, 'id')).toBe('5 MB');
    expect(formatBytes(2.5 * 1024 * 1024, 'id')).toBe('2,5 MB');
    expect(formatBytes(2.5 * 1024 * 1024, 'en')).toBe('2.5 MB');
    expect(formatBytes(500 * 1024, 'en')).toBe('500 KB');
  });
});
