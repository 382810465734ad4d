import { describe, expect, it } from '@jest/globals';
import { Chat, NIK, startKtp, upload } from './fixture.js';

function atSummary(jenis = 'baru'): Chat {
  const chat = new Chat();
  startKtp(chat);
  for (const a of [jenis, 'Budi Santoso', NIK, '17-08-1990', '081234567890', 'gambir']) chat.say(a);
  if (jenis === 'rusak') {
    chat.send(upload());
    chat.say('selesai');
  }
  chat.say('ya');
  chat.say('Tolong cepat');
  expect(chat.at_).toBe('summary');
  return chat;
}

/** The fixture pbg flow (nama, luas) up to its summary, in the given language. */
function pbgSummary(luas: string, lang: 'id' | 'en' = 'id'): Chat {
  const chat = new Chat({ lang });
  chat.command('start');
  chat.press('service:pbg');
  chat.press('apply:pbg');
  chat.press('consent:yes');
  chat.say('Bambang Sutrisno');
  chat.say(luas);
  expect(chat.at_).toBe('summary');
  return chat;
}

describe('summary', () => {
  it('should show numbers as the citizen reads them, with thousands and decimal marks per language', () => {
    expect(pbgSummary('72,5').text).toContain(': 72,5');
    expect(pbgSummary('1500').text).toContain(': 1.500');
    expect(pbgSummary('72.5', 'en').text).toContain(': 72.5');
    expect(pbgSummary('1500', 'en').text).toContain(': 1,500');
  });

  it('should list every answer with its label, the NIK masked', () => {
    const chat = atSummary();
    expect(chat.text).toContain('Jenis: KTP baru');
    expect(chat.text).toContain('NIK: ************0001');
    expect(chat.text).not.toContain(NIK);
    expect(chat.text).toContain('Tanggal lahir: 17 Agustus 1990');
    expect(chat.text).toContain('Kelurahan: Gambir, Kec. Gambir, Jakarta Pusat');
    expect(chat.options[0]).toBe('confirm');
    expect(chat.options).toContain('edit:nik');
  });

  it('should change one answer and come back to the summary', () => {
    const chat = atSummary();
    chat.press('edit:nama');
    expect(chat.at_).toBe('nama');
    expect(chat.state.flow?.returnToSummary).toBe(true);
    chat.say('Budi Santosa');
    expect(chat.at_).toBe('summary');
    expect(chat.text).toContain('Nama: Budi Santosa');
  });

  it('should ask a step that a changed answer newly requires, and drop one it no longer does', () => {
    const chat = atSummary('rusak');
    chat.press('edit:jenis');
    chat.say('hilang');
    expect(chat.at_).toBe('surat_kehilangan');
    const dropped = chat.effectsOf('discard_document');
    expect(dropped).toHaveLength(1);
    expect(chat.state.flow?.draft.documents['foto_ktp']).toBeUndefined();
    chat.send(upload());
    expect(chat.at_).toBe('summary');
  });

  it('should take "ya" or the number 1 as confirm and emit the submission', () => {
    const chat = atSummary();
    chat.say('1');
    expect(chat.effectsOf('submit_application')).toHaveLength(1);
    expect(chat.at_).toBe('confirm');
    const other = atSummary();
    other.say('ya, benar');
    expect(other.effectsOf('submit_application')).toHaveLength(1);
  });

  it('should keep the draft after a failed submission so confirming can be retried', () => {
    const chat = atSummary();
    chat.press('confirm');
    chat.event({ kind: 'submit_failed' });
    expect(chat.text).toContain('belum terkirim');
    expect(chat.at_).toBe('summary');
    chat.press('confirm');
    expect(chat.effectsOf('submit_application')[0]?.draft.answers['nama']).toBe('Budi Santoso');
  });

  it('should refuse an edit of a step pressed on an old summary once submitted', () => {
    const chat = atSummary();
    chat.press('confirm');
    chat.press('edit:nama');
    expect(chat.at_).toBe('confirm');
    expect(chat.text).toContain('sedang dikirim');
  });
});
