import { describe, expect, it } from '@jest/globals';
import { maskDigits } from '../../src/dialogue/handoff.js';
import { Chat, NIK, startKtp, upload } from './fixture.js';

function inHandoff(): Chat {
  const chat = new Chat();
  chat.command('start');
  chat.say('petugas');
  expect(chat.effectsOf('open_handoff')).toMatchObject([{ reason: 'asked', priority: false }]);
  return chat;
}

describe('handoff', () => {
  it('should tell the queue position and that the office is closed until its next opening', () => {
    const chat = inHandoff();
    chat.event({
      kind: 'handoff_opened',
      position: 3,
      officeOpenNow: false,
      nextOpening: '2025-01-20T01:00:00.000Z',
    });
    expect(chat.text).toContain('antrean nomor 3');
    expect(chat.text).toMatch(/Senin, 20 Januari 2025/);
    chat.event({ kind: 'handoff_opened', position: 1, officeOpenNow: true });
    expect(chat.text).toContain('Kantor sedang buka');
  });

  it('should say honestly that no officer is available, in counter hours with nobody at the counter', () => {
    const chat = inHandoff();
    chat.event({ kind: 'handoff_opened', position: 1, officeOpenNow: true, availableOfficers: 0 });
    expect(chat.text).toContain('belum ada petugas yang siap melayani');
    expect(chat.text).not.toContain('segera membalas');
    chat.event({ kind: 'handoff_opened', position: 1, officeOpenNow: true, availableOfficers: 2 });
    expect(chat.text).toContain('petugas akan segera membalas');
    chat.event({ kind: 'handoff_opened', position: 1, officeOpenNow: false, availableOfficers: 0 });
    expect(chat.text).toContain('Kantor sedang tutup');
    const en = inHandoff();
    en.say('english');
    en.event({ kind: 'handoff_opened', position: 1, officeOpenNow: true, availableOfficers: 0 });
    expect(en.text).toContain('no officer is available right now');
  });

  it('should apologise after a long wait, keep the citizen queued and say when someone will answer', () => {
    const chat = inHandoff();
    chat.event({ kind: 'handoff_waiting', position: 2, waitedMinutes: 12, officeOpenNow: true });
    expect(chat.text).toContain('sudah menunggu 12 menit');
    expect(chat.text).toContain('antrean nomor 2');
    expect(chat.text).toContain('sampai pukul 15.00 WIB');
    expect(chat.text).toContain('tidak perlu mengirim ulang');
    chat.event({
      kind: 'handoff_waiting',
      position: 1,
      waitedMinutes: 600,
      officeOpenNow: false,
      nextOpening: '2025-01-20T01:00:00.000Z',
    });
    expect(chat.text).toMatch(/Senin, 20 Januari 2025/);
    chat.say('batal');
    chat.event({ kind: 'handoff_waiting', position: 1, waitedMinutes: 30, officeOpenNow: true });
    expect(chat.last.replies).toEqual([]);
  });

  it('should relay citizen texts and files to the officer without replying', () => {
    const chat = inHandoff();
    chat.say('Halo pak, KTP saya belum jadi');
    expect(chat.last.replies).toEqual([]);
    expect(chat.last.effects).toEqual([{ kind: 'relay_to_officer', text: 'Halo pak, KTP saya belum jadi' }]);
    const file = upload();
    chat.send(file);
    expect(chat.last.replies).toEqual([]);
    expect(chat.last.effects).toEqual([{ kind: 'relay_to_officer', file }]);
  });

  it('should tell the citizen when a file was refused (not stored), and the officer still hears of it', () => {
    const chat = inHandoff();
    const refused = upload({ documentId: '', contentType: 'application/x-msdownload', filename: 'a.exe' });
    chat.send(refused);
    expect(chat.last.effects).toEqual([{ kind: 'relay_to_officer', file: refused }]);
    expect(chat.text).toMatch(/tidak bisa diteruskan ke petugas/);
  });

  it('should pass officer messages on with the officer name', () => {
    const chat = inHandoff();
    chat.event({ kind: 'officer_joined', officerName: 'Rina' });
    expect(chat.text).toContain('Rina');
    chat.event({ kind: 'officer_message', officerName: 'Rina', text: 'Sudah saya cek, besok jadi.' });
    expect(chat.text).toBe('👤 *Rina*: Sudah saya cek, besok jadi.');
  });

  it('should cancel the handoff on "batal" and go back to the bot', () => {
    const chat = inHandoff();
    chat.say('batal');
    expect(chat.last.effects).toEqual([{ kind: 'cancel_handoff' }]);
    expect(chat.state.mode).toBe('bot');
    expect(chat.last.replies.at(-1)?.kind).toBe('menu');
  });

  it('should come back to the open step when the officer closes', () => {
    const chat = new Chat();
    startKtp(chat);
    chat.say('baru');
    chat.say('petugas');
    chat.say('saya bingung');
    expect(chat.at_).toBe('nama');
    expect(chat.state.flow?.draft.answers).toEqual({ jenis: 'baru' });
    chat.event({ kind: 'handoff_closed', byOfficer: true });
    expect(chat.state.mode).toBe('bot');
    expect(chat.text).toContain('Siapa nama lengkap Anda');
  });

  it('should not open a second handoff while one is open', () => {
    const chat = inHandoff();
    chat.command('officer');
    expect(chat.last.effects).toEqual([]);
    expect(chat.text).toContain('sudah dalam antrean');
  });

  it('should keep the NIK out of the conversation handed to the officer', () => {
    const text = `nik saya ${NIK} kok ditolak, tolong sambungkan ke petugas`;
    const chat = new Chat({ nlu: { [text]: { intent: 'talk_to_officer', confidence: 0.9 } } });
    startKtp(chat);
    chat.say('baru');
    chat.say('Budi');
    chat.say(text);
    const [open] = chat.effectsOf('open_handoff');
    const said = JSON.stringify(open?.history);
    expect(said).toContain('************0001 kok ditolak');
    expect(said).not.toContain(NIK);
  });
});

describe('maskDigits', () => {
  it('should hide long digit runs but the last four', () => {
    expect(maskDigits(`nik ${NIK} ok 12`)).toBe('nik ************0001 ok 12');
  });
});
