import { describe, expect, it } from '@jest/globals';
import { Chat, NIK, startKtp } from './fixture.js';

/** A ktp chat at the given step, answering the earlier ones with valid values. */
function ktpAt(step: string, jenis = 'baru'): Chat {
  const chat = new Chat();
  startKtp(chat);
  const answers: Array<[string, string]> = [
    ['jenis', jenis],
    ['nama', 'Budi Santoso'],
    ['nik', NIK],
    ['tanggal_lahir', '17 agustus 1990'],
    ['telepon', '081234567890'],
    ['kelurahan', 'gambir'],
  ];
  for (const [id, value] of answers) {
    if (chat.at_ === step) break;
    expect(chat.at_).toBe(id);
    chat.say(value);
  }
  expect(chat.at_).toBe(step);
  return chat;
}

describe('flow runner', () => {
  describe('choice steps', () => {
    it('should take the option by number, by label, or pressed, and show options as a menu', () => {
      const chat = new Chat();
      startKtp(chat);
      expect(chat.options).toEqual(['baru', 'hilang', 'rusak']);
      chat.say('ktp hilang');
      expect(chat.state.flow?.draft.answers['jenis']).toBe('hilang');
      const byNumber = new Chat();
      startKtp(byNumber);
      byNumber.say('3');
      expect(byNumber.state.flow?.draft.answers['jenis']).toBe('rusak');
      const pressed = new Chat();
      startKtp(pressed);
      pressed.press('baru');
      expect(pressed.state.flow?.draft.answers['jenis']).toBe('baru');
    });

    it('should refuse a number outside the options and ask again', () => {
      const chat = new Chat();
      startKtp(chat);
      chat.say('7');
      expect(chat.text).toContain('nomor 1 sampai 3');
      expect(chat.at_).toBe('jenis');
      expect(chat.options).toEqual(['baru', 'hilang', 'rusak']);
    });
  });

  describe('text steps', () => {
    it('should apply rejections as data and ask the same step again', () => {
      const chat = ktpAt('nama');
      chat.say('Bo');
      expect(chat.text).toContain('Nama terlalu pendek.');
      expect(chat.text).toContain('Siapa nama lengkap Anda');
      expect(chat.at_).toBe('nama');
    });

    it('should refuse text longer than max_length', () => {
      const chat = ktpAt('nama');
      chat.say('x'.repeat(41));
      expect(chat.text).toContain('maksimal 40 huruf');
    });
  });

  describe('nik steps', () => {
    it('should explain the reason a NIK is refused', () => {
      const chat = ktpAt('nik');
      chat.say('12345');
      expect(chat.text).toContain('NIK harus 16 angka');
      chat.say('3174091708900000');
      expect(chat.text).toContain('tidak boleh 0000');
      chat.say(NIK);
      expect(chat.at_).toBe('tanggal_lahir');
    });
  });

  describe('date steps', () => {
    it('should refuse unreadable and impossible dates', () => {
      const chat = ktpAt('tanggal_lahir');
      chat.say('kemarin');
      expect(chat.text).toContain('17 Agustus 1990 atau 17-08-1990');
      chat.say('30 februari 1990');
      expect(chat.text).toContain('tidak ada di kalender');
    });

    it('should check rejections in order against the input time', () => {
      const chat = ktpAt('tanggal_lahir');
      chat.say('1 januari 2030');
      expect(chat.text).toContain('tidak boleh di masa depan');
      chat.say('16 januari 2008');
      expect(chat.text).toContain('17 tahun ke atas');
      chat.say('15 januari 2008');
      expect(chat.at_).toBe('telepon');
    });
  });

  describe('phone steps', () => {
    it('should store the number as +62 and refuse what is not a mobile number', () => {
      const chat = ktpAt('telepon');
      chat.say('12345');
      expect(chat.text).toContain('Nomor HP belum sesuai');
      chat.say('+62 812-3456-7890');
      expect(chat.state.flow?.draft.answers['telepon']).toBe('+6281234567890');
    });
  });

  describe('kelurahan steps', () => {
    it('should take a single match directly and say which it took', () => {
      const chat = ktpAt('kelurahan');
      chat.say('tj barat');
      expect(chat.state.flow?.draft.answers['kelurahan']).toBe('31.74.09.1003');
      expect(chat.text).toContain('Tanjung Barat, Kec. Jagakarsa');
    });

    it('should offer several matches as a numbered menu and take the number', () => {
      const chat = ktpAt('kelurahan');
      chat.say('kebon');
      expect(chat.options).toEqual(['kel:31.73.05.1001', 'kel:31.71.07.1003', 'kel:31.71.07.1004']);
      chat.say('3');
      expect(chat.state.flow?.draft.answers['kelurahan']).toBe('31.71.07.1004');
    });

    it('should take a pressed kelurahan', () => {
      const chat = ktpAt('kelurahan');
      chat.say('kebon');
      chat.press('kel:31.73.05.1001');
      expect(chat.state.flow?.draft.answers['kelurahan']).toBe('31.73.05.1001');
    });

    it('should ask again with a hint when nothing matches', () => {
      const chat = ktpAt('kelurahan');
      chat.say('atlantis');
      expect(chat.text).toContain('tidak ditemukan');
      expect(chat.text).toContain('tanpa alamat jalan');
      expect(chat.at_).toBe('kelurahan');
    });
  });

  describe('when conditions', () => {
    it('should skip the lost-card letter and damaged-card photo for a new KTP', () => {
      const chat = ktpAt('kelurahan', 'baru');
      chat.say('gambir');
      expect(chat.at_).toBe('sudah_menikah');
    });

    it('should ask for the police letter only for a lost KTP', () => {
      const chat = ktpAt('kelurahan', 'hilang');
      chat.say('gambir');
      expect(chat.at_).toBe('surat_kehilangan');
      expect(chat.last.replies.at(-1)).toMatchObject({
        kind: 'document_request',
        accept: ['image/jpeg', 'application/pdf'],
        maxBytes: 1_000_000,
      });
    });

    it('should support not: conditions', () => {
      const chat = new Chat();
      chat.command('start');
      chat.press('service:sktm');
      chat.press('apply:sktm');
      chat.say('ya');
      for (const a of ['Siti', NIK, 'sekolah', '3']) chat.say(a);
      expect(chat.at_).toBe('kelurahan');
      const other = new Chat();
      other.command('start');
      other.press('service:sktm');
      other.press('apply:sktm');
      other.say('ya');
      for (const a of ['Siti', NIK, 'rumah sakit', '3']) other.say(a);
      expect(other.at_).toBe('alasan');
    });
  });

  describe('number steps', () => {
    it('should refuse words and values a rejection forbids', () => {
      const chat = new Chat();
      chat.command('start');
      chat.press('service:sktm');
      chat.press('apply:sktm');
      chat.say('ya');
      for (const a of ['Siti', NIK, 'sekolah']) chat.say(a);
      chat.say('banyak');
      expect(chat.text).toContain('angka bulat');
      chat.say('25');
      expect(chat.text).toContain('Jumlah tanggungan terlalu besar.');
      chat.say('4');
      expect(chat.state.flow?.draft.answers['tanggungan']).toBe(4);
    });
  });

  describe('yes/no and optional steps', () => {
    it('should read loose yes/no words and refuse anything else', () => {
      const chat = ktpAt('kelurahan');
      chat.say('gambir');
      chat.say('mungkin');
      expect(chat.text).toContain('*ya* atau *tidak*');
      chat.say('iya');
      expect(chat.state.flow?.draft.answers['sudah_menikah']).toBe(true);
    });

    it('should offer "lewati" on optional steps and store the skip as null', () => {
      const chat = ktpAt('kelurahan');
      chat.say('gambir');
      chat.say('gak');
      expect(chat.text).toContain('ketik *lewati*');
      chat.say('lewati');
      expect(chat.state.flow?.draft.answers['catatan']).toBeNull();
      expect(chat.at_).toBe('summary');
    });

    it('should not let a required step be skipped', () => {
      const chat = ktpAt('nik');
      chat.say('lewati');
      expect(chat.at_).toBe('nik');
      expect(chat.state.flow?.draft.answers).not.toHaveProperty('nik');
    });
  });
});
