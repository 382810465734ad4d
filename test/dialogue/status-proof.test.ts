import { describe, expect, it } from '@jest/globals';
import { Chat } from './fixture.js';

const NUMBER = 'PTSP-2501-7KQ3M';

/** A chat that typed someone else's number and was told it exists. */
function asked(lang: 'id' | 'en' = 'id'): Chat {
  const chat = new Chat({ lang });
  chat.event({ kind: 'status_needs_proof', trackingNumber: NUMBER });
  return chat;
}

describe('status of an application this chat did not file', () => {
  it('should say only "found" and ask for the birth date or NIK digits, with the menu and an officer as ways out', () => {
    const chat = asked();
    expect(chat.text).toContain(`Permohonan ${NUMBER} ditemukan`);
    expect(chat.text).toContain('tanggal lahir pemohon');
    expect(chat.text).toContain('4 digit terakhir NIK');
    expect(chat.text).not.toContain('Status:');
    expect(chat.options).toEqual(['menu', 'officer']);
  });

  it('should ask in English in an English chat', () => {
    const chat = asked('en');
    expect(chat.text).toContain(`Application ${NUMBER} was found`);
    expect(chat.text).toContain('last 4 digits');
  });

  it('should send a typed date or 4 digits to the lookup as the proof', () => {
    const byDate = asked();
    byDate.say('7-8-1990');
    expect(byDate.last.effects).toEqual([
      { kind: 'lookup_status', trackingNumber: NUMBER, proof: { kind: 'birth_date', date: '1990-08-07' } },
    ]);
    const byDigits = asked();
    byDigits.say('0003');
    expect(byDigits.last.effects).toEqual([
      { kind: 'lookup_status', trackingNumber: NUMBER, proof: { kind: 'nik_last4', digits: '0003' } },
    ]);
  });

  it('should show the status the lookup returns after a right answer', () => {
    const chat = asked();
    chat.say('0003');
    chat.event({
      kind: 'status_found',
      applications: [
        {
          trackingNumber: NUMBER,
          serviceId: 'ktp',
          status: 'IN_REVIEW',
          lastChangeAt: '2025-01-10T02:00:00.000Z',
          dueAt: '2025-01-30T09:00:00.000Z',
          late: false,
        },
      ],
    });
    expect(chat.text).toContain('Sedang diperiksa petugas');
  });

  it('should say how many tries are left after a wrong answer and ask again', () => {
    const chat = asked();
    chat.say('0004');
    chat.event({ kind: 'status_proof_wrong', trackingNumber: NUMBER, remaining: 2 });
    expect(chat.text).toContain('Sisa 2 kali percobaan');
    expect(chat.text).toContain('tanggal lahir pemohon');
    chat.say('0005');
    expect(chat.last.effects).toMatchObject([{ kind: 'lookup_status', proof: { digits: '0005' } }]);
  });

  it('should explain the limit in Indonesian, point to an officer, and stop asking', () => {
    const chat = asked();
    chat.say('0004');
    chat.event({ kind: 'status_proof_limited', retryMinutes: 15 });
    expect(chat.text).toContain('Terlalu banyak jawaban yang salah');
    expect(chat.text).toContain('15 menit');
    expect(chat.text).toContain('*petugas*');
    chat.say('0003');
    expect(chat.last.effects).not.toContainEqual(expect.objectContaining({ proof: expect.anything() }));
  });

  it('should ask again for an answer that is neither a date nor 4 digits, without a lookup', () => {
    const chat = asked();
    chat.say('31-02-1990');
    expect(chat.last.effects).toEqual([]);
    expect(chat.text).toContain('bukan tanggal atau 4 angka');
    chat.say('17-08-1990');
    expect(chat.last.effects).toMatchObject([{ proof: { kind: 'birth_date', date: '1990-08-17' } }]);
  });

  it('should drop the question on "batal" or a menu choice, and open a handoff for the officer option', () => {
    const cancelled = asked();
    cancelled.say('batal');
    cancelled.say('0003');
    expect(cancelled.last.effects).not.toContainEqual(expect.objectContaining({ kind: 'lookup_status' }));
    const officer = asked();
    officer.say('2');
    expect(officer.last.effects).toMatchObject([{ kind: 'open_handoff', reason: 'asked' }]);
    expect(officer.state.statusProof).toBeUndefined();
  });
});
