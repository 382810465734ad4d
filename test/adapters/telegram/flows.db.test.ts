import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { changeApplicationStatus } from '../../../src/app/officer/change-status.js';
import { claimHandoff } from '../../../src/app/officer/claim-handoff.js';
import { closeHandoff } from '../../../src/app/officer/close-handoff.js';
import type { OfficerActor } from '../../../src/app/officer/officer-actor.js';
import { replyHandoff } from '../../../src/app/officer/reply-handoff.js';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/config/logger.js';
import { createLoket, type Loket } from '../../../src/main.js';
import { TOKEN } from './helpers.js';
import { FILES_DIR, TelegramCitizen, telegramHarness, type TelegramHarness } from './telegram-citizen.js';

// A Monday morning in Jakarta: the office is open, so an officer request is answered "segera".
const START = new Date('2026-11-23T02:00:00Z');
const TRACKING = /PTSP-\d{4}-[0-9A-Z]{5}/;
const MAX_BYTES = 100_000;
/** Chats whose citizen blocked the bot: sendMessage answers 403 as the Bot API does. */
const blocked = new Set<number>();
let fakeMessageId = 50_000;

const fixture = (name: string) => readFile(path.join(FILES_DIR, name));

describe('Telegram flows through grammY with the real engine and database', () => {
  let loket: Loket;
  let h: TelegramHarness;
  let officer: OfficerActor;
  const tick = () => {
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
  };

  beforeAll(async () => {
    const db = `t_tg_flows_${randomBytes(4).toString('hex')}`;
    loket = await createLoket(
      loadConfig({
        MONGODB_URI: `${process.env.MONGODB_URI}${db}`,
        LOG_LEVEL: 'silent',
        UPLOAD_MAX_BYTES: String(MAX_BYTES),
      }),
      createLogger('silent'),
      // One clock for the conversation, the notices and the outbound lanes' leases.
      { runtime: { now: () => h.clock.now } },
    );
    h = telegramHarness(loket, {
      start: START,
      override: {
        sendMessage: (p) =>
          blocked.has(Number(p.chat_id))
            ? { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' }
            : {
                ok: true,
                result: {
                  message_id: fakeMessageId++,
                  date: 0,
                  chat: { id: Number(p.chat_id), type: 'private' },
                  text: p.text,
                },
              },
      },
    });
  });
  afterAll(async () => {
    await loket.conn.dropDatabase().catch(() => undefined);
    await loket.stop();
  });

  /** Runs one outbound pass (the Telegram sender is registered), as the worker does. */
  const deliver = () => loket.outbound.pass();

  describe('a whole application (akta kelahiran) with a PDF and photos', () => {
    const citizen = () => new TelegramCitizen(h, 1001);
    let c: TelegramCitizen;
    let tracking = '';

    it('should go from /start to a tracking number with buttons, typed answers and files', async () => {
      c = citizen();
      const start = await c.command('start');
      expect(start.said).toContain('Layanan apa');
      expect(c.buttons().length).toBeGreaterThan(3);
      tick();
      // A choice typed as words works while the keyboard is shown.
      let t = await c.type('mau urus akta kelahiran');
      expect(t.said).toContain('UU 27/2022');
      tick();
      t = await c.press('setuju');
      expect(t.as).toBe('press');
      expect(t.said).toContain('nama lengkap Anda sebagai pelapor');
      const steps: Array<[string, string]> = [
        ['Dewi Lestari', 'NIK'],
        ['3171035203950006', 'Nomor HP'],
        ['085711223344', 'kelurahan'],
        ['kemayoran', 'nama lengkap anak'],
        ['Raka Pratama', 'jenis kelamin anak'],
      ];
      for (const [say, expected] of steps) {
        tick();
        expect((await c.type(say)).said).toContain(expected);
      }
      tick();
      // A choice typed as its number works too.
      expect(c.buttonFor('1')?.text).toBe('Laki-laki');
      expect((await c.type('1')).said).toContain('tanggal lahir anak');
      tick();
      expect((await c.type('2 november 2026')).said).toContain('lahir');
      tick();
      expect((await c.type('Jakarta Pusat')).said).toContain('surat keterangan lahir');
      tick();
      expect((await c.answer('ada')).said).toContain('kirim foto surat keterangan lahir');
      tick();
      const getFiles = h.api.of('getFile').length;
      t = await c.document(await fixture('surat.pdf'), 'surat-lahir.pdf', 'application/pdf');
      expect(t.said).toContain('Surat keterangan lahir diterima');
      expect(h.api.of('getFile')).toHaveLength(getFiles + 1);
      expect(h.downloads.at(-1)).toMatch(new RegExp(`^http://bot-api.test/file/bot${TOKEN}/files/doc-1001-`));
      tick();
      expect((await c.answer('1')).said).toContain('foto buku nikah');
      const photo = await fixture('foto-ktp.jpg');
      tick();
      expect((await c.photo(photo)).said).toContain('Buku nikah orang tua diterima');
      // The largest size of the photo is downloaded, not the thumbnail.
      expect(h.downloads.at(-1)).not.toContain('thumb');
      tick();
      expect((await c.document(await fixture('foto-kk.png'), 'kk.png', 'image/png')).said).toContain(
        'Foto Kartu Keluarga diterima',
      );
      tick();
      expect((await c.photo(photo)).said).toContain('KTP-el orang tua diterima (1 dari 2)');
      tick();
      t = await c.photo(photo);
      expect(t.said).toContain('KTP-el orang tua diterima (2 dari 2)');
      expect(t.said).toContain('************0006');
      expect(t.said).not.toContain('3171035203950006');
      tick();
      t = await c.press('kirim');
      const m = TRACKING.exec(t.said);
      expect(m).not.toBeNull();
      tracking = m![0];
      expect(t.said).toContain('Nomor pelacakan');
      // The pressed menu shows the choice and loses its keyboard.
      const edit = h.api.of('editMessageText').at(-1)!;
      expect(String(edit.payload.text)).toContain('✅');
      expect(edit.payload.reply_markup).toBeUndefined();
      // Every message went out as HTML with "typing" shown first.
      expect(h.api.sent().every((s) => s.payload.parse_mode === 'HTML')).toBe(true);
      expect(h.api.of('sendChatAction').filter((s) => s.payload.chat_id === 1001).length).toBeGreaterThan(10);

      const app = await loket.repos.applications.findByTrackingNumber(tracking);
      expect(app?.serviceId).toBeDefined();
      expect(app?.applicant.contact).toEqual({ channel: 'telegram', chatId: '1001' });
      expect(app?.documents.map((d) => d.contentType).sort()).toEqual([
        'application/pdf',
        'image/jpeg',
        'image/jpeg',
        'image/jpeg',
        'image/png',
      ]);
      officer = {
        id: '65f0000000000000000000b1',
        username: 'budi',
        displayName: 'Budi Santoso',
        role: 'officer',
        officeId: app!.officeId,
      };
    });

    it('should answer a press on a stale keyboard politely and change nothing', async () => {
      const before = await loket.repos.conversations.read('telegram', '1001');
      const answered = h.api.of('answerCallbackQuery').length;
      // The service menu from /start, long gone: the engine says the menu has changed.
      tick();
      const t = await c.pressData('c:svc:ktp');
      expect(h.api.of('answerCallbackQuery')).toHaveLength(answered + 1);
      expect(t.said).toContain('sudah tidak berlaku');
      // Data we never made (an old bot version, a forged update): an alert, the engine untouched.
      tick();
      const forged = await c.pressData('hapus-semua');
      expect(forged.messages).toHaveLength(0);
      const alert = h.api.of('answerCallbackQuery').at(-1)!;
      expect(alert.payload).toMatchObject({ show_alert: true });
      expect(String(alert.payload.text)).toContain('tombol ini sudah tidak berlaku');
      const after = await loket.repos.conversations.read('telegram', '1001');
      expect(after?.state.flow).toEqual(before?.state.flow);
    });

    it('should tell the citizen of a status change through the outbox and the Telegram sender', async () => {
      const app = (await loket.repos.applications.findByTrackingNumber(tracking))!;
      tick();
      await changeApplicationStatus({ ...loket.repos, push: loket.push, now: () => h.clock.now }, officer, {
        applicationId: app.id,
        to: 'IN_REVIEW',
      });
      const sentBefore = h.api.sent().length;
      const report = await deliver();
      expect(report).toMatchObject({ sent: 1, unreachable: 0 });
      const notice = h.api.sent().slice(sentBefore);
      expect(notice).toHaveLength(1);
      expect(notice[0]!.payload.chat_id).toBe('1001');
      expect(String(notice[0]!.payload.text)).toContain(tracking);
      // Delivered once: the next pass has nothing to send.
      expect(await deliver()).toMatchObject({ sent: 0 });
    });

    it('should mark a citizen who blocked the bot unreachable and not retry', async () => {
      const app = (await loket.repos.applications.findByTrackingNumber(tracking))!;
      blocked.add(1001);
      tick();
      await changeApplicationStatus({ ...loket.repos, push: loket.push, now: () => h.clock.now }, officer, {
        applicationId: app.id,
        to: 'APPROVED',
      });
      const tries = h.api.sent().length;
      expect(await deliver()).toMatchObject({ sent: 0, unreachable: 1, retried: 0 });
      expect(h.api.sent()).toHaveLength(tries + 1);
      // Far in the future: still nothing is tried again.
      h.clock.now = new Date(h.clock.now.getTime() + 7 * 24 * 3600_000);
      expect(await deliver()).toMatchObject({ sent: 0, unreachable: 0, retried: 0, failed: 0 });
      expect(h.api.sent()).toHaveLength(tries + 1);
      blocked.delete(1001);
    });
  });

  describe('files the bot refuses', () => {
    let c: TelegramCitizen;
    beforeAll(async () => {
      c = new TelegramCitizen(h, 1002);
      const answers = [
        'mau urus surat domisili tempat tinggal',
        'ya',
        '1',
        'Joko Widodo',
        '3171060101700015',
        '081200001111',
        'menteng',
        'Jl. Teuku Umar No. 3 RT 01/RW 05, Menteng',
        'lewati',
      ];
      for (const a of answers) {
        tick();
        await c.answer(a);
      }
    });

    it('should refuse an oversized file from its announced size without downloading it', async () => {
      const calls = h.api.of('getFile').length;
      const downloads = h.downloads.length;
      tick();
      const big = Buffer.alloc(10, 0xff);
      const t = await c.document(big, 'ktp-besar.jpg', 'image/jpeg', 6 * 1024 * 1024);
      expect(t.said).toMatch(/terlalu besar/i);
      expect(h.api.of('getFile')).toHaveLength(calls);
      expect(h.downloads).toHaveLength(downloads);
    });

    it('should refuse a file bigger than it said once the download passes the limit', async () => {
      tick();
      const jpegHead = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
      const t = await c.document(
        Buffer.concat([jpegHead, Buffer.alloc(MAX_BYTES + 10)]),
        'ktp.jpg',
        'image/jpeg',
        50_000,
      );
      expect(t.said).toMatch(/terlalu besar/i);
    });

    it('should refuse an empty file, a cut-off photo and a PDF with a script, saying what is accepted, storing nothing', async () => {
      const files = loket.conn.db!.collection('documents.files');
      const before = await files.countDocuments();
      const photo = await fixture('foto-ktp.jpg');
      const scripted = Buffer.from(
        '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
      );
      const cases: Array<[Buffer, string, string, RegExp]> = [
        [Buffer.alloc(0), 'kosong.jpg', 'image/jpeg', /kosong/],
        [photo.subarray(0, photo.length - 30), 'terpotong.jpg', 'image/jpeg', /rusak atau terpotong/],
        [scripted, 'surat.pdf', 'application/pdf', /berisi skrip/],
      ];
      for (const [bytes, name, mime, why] of cases) {
        tick();
        const t = await c.document(bytes, name, mime);
        expect([name, t.said]).toEqual([name, expect.stringMatching(why)]);
        expect(t.said).toMatch(/JPG|PDF/);
        expect(t.said).not.toContain('diterima (');
      }
      expect(await files.countDocuments()).toBe(before);
      const state = await loket.repos.conversations.read('telegram', '1002');
      expect(JSON.stringify(state)).not.toMatch(/kosong\.jpg|terpotong\.jpg/);
    });

    it('should refuse a program renamed .jpg, store nothing, and accept a real photo next', async () => {
      tick();
      const bytes = await fixture('program-asli.jpg');
      const t = await c.document(bytes, 'program-asli.jpg', 'image/jpeg');
      expect(t.said).toContain('tidak diterima');
      expect(t.said).toContain('PDF');
      expect(t.said).not.toContain('Foto KTP-el diterima');
      const state = await loket.repos.conversations.read('telegram', '1002');
      expect(JSON.stringify(state)).not.toContain('program-asli');
      tick();
      expect((await c.photo(await fixture('foto-ktp.jpg'))).said).toContain('Foto KTP-el diterima');
    });
  });

  describe('updates delivered twice or failing', () => {
    it('should answer an update id seen before as a duplicate, without a second reply', async () => {
      const c = new TelegramCitizen(h, 1003);
      tick();
      const id = h.nextUpdateId();
      const update = {
        update_id: id,
        message: {
          message_id: 1,
          date: Math.floor(h.clock.now.getTime() / 1000),
          chat: { id: 1003, type: 'private' as const, first_name: 'Warga' },
          from: { id: 1003, is_bot: false, first_name: 'Warga', language_code: 'id' },
          text: 'halo',
        },
      };
      expect((await c.send(update, 'text')).said).toContain('Loket');
      expect((await c.send(update, 'text')).messages).toHaveLength(0);
    });

    it('should leave an update whose file could not be downloaded unprocessed, then take it on redelivery', async () => {
      const c = new TelegramCitizen(h, 1004);
      for (const a of ['mau urus surat domisili tempat tinggal', 'ya', '1', 'Rina', '3171060101700015']) {
        tick();
        await c.answer(a);
      }
      for (const a of ['081200002222', 'menteng', 'Jl. Teuku Umar No. 5', 'lewati']) {
        tick();
        await c.answer(a);
      }
      tick();
      const bytes = await fixture('foto-ktp.jpg');
      const id = h.nextUpdateId();
      const update = {
        update_id: id,
        message: {
          message_id: 2,
          date: Math.floor(h.clock.now.getTime() / 1000),
          chat: { id: 1004, type: 'private' as const, first_name: 'Warga' },
          from: { id: 1004, is_bot: false, first_name: 'Warga', language_code: 'id' },
          photo: [
            { file_id: 'late-photo', file_unique_id: 'lp', width: 800, height: 600, file_size: bytes.length },
          ],
        },
      };
      // The file server does not have it yet (404): not processed, the citizen told once.
      await expect(c.send(update, 'photo')).rejects.toThrow(/not processed/);
      expect(h.api.texts().at(-1)).toContain('file Anda belum berhasil kami terima');
      h.files.set('late-photo', bytes);
      const retried = await c.send(update, 'photo');
      expect(retried.said).toContain('Foto KTP-el diterima');
    });
  });

  describe('talking to an officer', () => {
    it('should relay /petugas, the officer and the citizen both ways, and hand back to the bot', async () => {
      const c = new TelegramCitizen(h, 1005);
      tick();
      let t = await c.command('officer');
      expect(t.said).toContain('hubungkan Anda dengan petugas');
      const ticket = await loket.repos.handoffs.findOpenByChat('telegram', '1005');
      expect(ticket?.status).toBe('waiting');
      const deps = { ...loket.repos, push: loket.push, now: () => h.clock.now };
      const gambir: OfficerActor = {
        id: '65f0000000000000000000c9',
        username: 'ani',
        displayName: 'Ani Rahma',
        role: 'officer',
        officeId: ticket!.officeId ?? '31',
      };

      let sent = h.api.sent().length;
      tick();
      expect((await claimHandoff(deps, gambir, ticket!.id)).notified).toBe(true);
      expect(h.api.texts().slice(sent).join('\n')).toContain('Ani Rahma (petugas) sudah bergabung');

      sent = h.api.sent().length;
      tick();
      expect(
        (await replyHandoff(deps, gambir, ticket!.id, 'Selamat pagi, ada yang bisa dibantu? <3')).notified,
      ).toBe(true);
      const relayed = h.api.sent().slice(sent);
      expect(relayed.map((s) => s.payload.chat_id)).toEqual(['1005']);
      expect(String(relayed[0]!.payload.text)).toBe(
        '👤 <b>Ani Rahma</b>: Selamat pagi, ada yang bisa dibantu? &lt;3',
      );

      tick();
      await c.type('Pak, syarat akta kelahiran apa saja?');
      const transcript = (await loket.repos.handoffs.get(ticket!.id))!.transcript;
      expect(transcript.map((m) => [m.from, m.text])).toContainEqual([
        'citizen',
        'Pak, syarat akta kelahiran apa saja?',
      ]);

      sent = h.api.sent().length;
      tick();
      await closeHandoff(deps, gambir, ticket!.id, 'answered');
      expect(h.api.texts().slice(sent).join('\n')).toContain('Percakapan dengan petugas sudah selesai');
      tick();
      t = await c.type('syarat akta kelahiran apa');
      expect(t.said).toContain('Syarat Akta Kelahiran');
    });

    it('should ask the citizen to rate the officer after the close, and store the answer without the chat', async () => {
      const c = new TelegramCitizen(h, 1006);
      tick();
      await c.command('officer');
      const ticket = await loket.repos.handoffs.findOpenByChat('telegram', '1006');
      const stored = await loket.repos.officers.create({
        username: 'rina-survei',
        displayName: 'Rina',
        role: 'officer',
        officeId: '31.71.01.1001',
        passwordHash: 'x',
        active: true,
        failedLogins: 0,
      });
      const rina: OfficerActor = { ...stored };
      const deps = { ...loket.repos, push: loket.push, now: () => h.clock.now };
      tick();
      await claimHandoff(deps, rina, ticket!.id);
      const sent = h.api.sent().length;
      tick();
      await closeHandoff(deps, rina, ticket!.id, 'answered');
      const asked = h.api.texts().slice(sent).join('\n');
      expect(asked).toContain('Balas dengan angka 1–4');
      tick();
      let t = await c.type('4');
      expect(t.said).toContain('Ada saran atau komentar');
      tick();
      t = await c.type('Cepat sekali, terima kasih');
      expect(t.said).toContain('Terima kasih, masukan Anda');
      const answers = await loket.repos.satisfaction.listWindow(
        { from: new Date(0), to: new Date(h.clock.now.getTime() + 1) },
        10,
      );
      expect(answers.find((a) => a.ticketId === ticket!.id)).toMatchObject({
        officerId: stored.id,
        officeId: '31.71.01.1001',
        score: 4,
        comment: 'Cepat sekali, terima kasih',
      });
    });
  });
});
