import { describe, expect, it } from '@jest/globals';
import type { Message } from 'grammy/types';
import { UpdateNotProcessedError } from '../../../src/adapters/telegram/errors.js';
import type { HandleInbound } from '../../../src/app/inbound.js';
import { TOKEN, captureApi, fakeFetch, testChannel, scriptedInbound, updates } from './helpers.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer\n%%EOF\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

function setup(handle: HandleInbound, files: Record<string, Buffer | Error> = {}) {
  const downloads = fakeFetch(files);
  const channel = testChannel({
    apiRoot: 'http://bot-api.test',
    handleInbound: handle,
    uploadMaxBytes: 1_000_000,
    downloadTimeoutMs: 2000,
    fetch: downloads.fn,
    webhook: { secretToken: 'rahasia-webhook' },
  });
  const api = captureApi(channel.bot);
  return { channel, bot: channel.bot, api, downloads };
}

describe('createTelegramChannel', () => {
  describe('messages', () => {
    it('should hand a text to the use case with the update id as idempotency key and send the reply', async () => {
      const script = scriptedInbound(() => [{ kind: 'text', text: 'Halo Siti!' }]);
      const { bot, api } = setup(script.handle);
      await bot.handleUpdate(updates.text(5, 'mau bikin KTP'));
      expect(script.received).toHaveLength(1);
      const msg = script.received[0]!;
      expect(msg).toMatchObject({
        channel: 'telegram',
        chatId: '777',
        messageId: '5',
        lang: 'id',
        sender: { name: 'Siti Aminah' },
        content: { kind: 'text', text: 'mau bikin KTP' },
      });
      expect(msg.at.getTime()).toBe(1_760_000_000_000);
      expect(api.sent()).toHaveLength(1);
      expect(api.sent()[0]!.payload).toMatchObject({
        chat_id: '777',
        text: 'Halo Siti!',
        parse_mode: 'HTML',
      });
      expect(api.of('sendChatAction')[0]!.payload).toMatchObject({ chat_id: 777, action: 'typing' });
    });

    it('should take the language from language_code', async () => {
      const script = scriptedInbound(() => []);
      const { bot } = setup(script.handle);
      await bot.handleUpdate(updates.text(6, 'hello', { language_code: 'en-GB' }));
      expect(script.received[0]!.lang).toBe('en');
    });

    it('should turn the commands into command inputs, with or without the bot name', async () => {
      const script = scriptedInbound(() => []);
      const { bot } = setup(script.handle);
      const texts = [
        '/start',
        '/menu',
        '/status',
        '/petugas@loket_test_bot',
        '/batal',
        '/bahasa',
        '/help',
        '/bantuan',
      ];
      for (const [i, t] of texts.entries()) await bot.handleUpdate(updates.text(10 + i, t));
      expect(script.received.map((m) => m.content)).toEqual(
        ['start', 'menu', 'status', 'officer', 'cancel', 'language', 'help', 'help'].map((command) => ({
          kind: 'command',
          command,
        })),
      );
    });

    it('should send an unknown command to the engine as text', async () => {
      const script = scriptedInbound(() => []);
      const { bot } = setup(script.handle);
      await bot.handleUpdate(updates.text(20, '/lapor'));
      expect(script.received[0]!.content).toEqual({ kind: 'text', text: '/lapor' });
    });

    it('should ignore group chats', async () => {
      const script = scriptedInbound(() => [{ kind: 'text', text: 'x' }]);
      const { bot, api } = setup(script.handle);
      await bot.handleUpdate(updates.group(21, 'halo'));
      expect(script.received).toHaveLength(0);
      expect(api.sent()).toHaveLength(0);
    });

    it('should answer a sticker politely without the engine', async () => {
      const script = scriptedInbound(() => []);
      const { bot, api } = setup(script.handle);
      await bot.handleUpdate(updates.sticker(22));
      expect(script.received).toHaveLength(0);
      expect(api.texts()[0]).toContain('hanya bisa membaca teks, foto, dan dokumen');
    });
  });

  describe('replies', () => {
    it('should send a menu as an inline keyboard, one button per row, and as numbered text', async () => {
      const script = scriptedInbound(() => [
        {
          kind: 'menu',
          text: 'Layanan apa yang Anda perlukan?',
          options: [
            { value: 'ktp', label: 'KTP elektronik' },
            { value: 'kk', label: 'Kartu Keluarga' },
          ],
        },
      ]);
      const { bot, api } = setup(script.handle);
      await bot.handleUpdate(updates.text(30, 'halo'));
      const p = api.sent()[0]!.payload;
      expect(p.text).toBe('Layanan apa yang Anda perlukan?\n1. KTP elektronik\n2. Kartu Keluarga');
      expect(p.reply_markup).toEqual({
        inline_keyboard: [
          [{ text: 'KTP elektronik', callback_data: 'c:ktp' }],
          [{ text: 'Kartu Keluarga', callback_data: 'c:kk' }],
        ],
      });
    });

    it('should escape HTML in every text', async () => {
      const script = scriptedInbound(() => [{ kind: 'text', text: 'Alamat: Jl. <Mawar> & Melati' }]);
      const { bot, api } = setup(script.handle);
      await bot.handleUpdate(updates.text(31, 'x'));
      expect(api.texts()).toEqual(['Alamat: Jl. &lt;Mawar&gt; &amp; Melati']);
    });

    it('should split a long reply at line boundaries under 4096 characters, keyboard on the last piece', async () => {
      const lines = Array.from({ length: 300 }, (_, i) => `Baris ${i}: persyaratan & keterangan lengkap`);
      const script = scriptedInbound(() => [
        { kind: 'menu', text: lines.join('\n'), options: [{ value: 'ya', label: 'Ya' }] },
      ]);
      const { bot, api } = setup(script.handle);
      await bot.handleUpdate(updates.text(32, 'x'));
      const sent = api.sent();
      expect(sent.length).toBeGreaterThan(2);
      for (const s of sent) expect(String(s.payload.text).length).toBeLessThanOrEqual(4096);
      const joined = api.texts().join('\n').replace(/&amp;/g, '&');
      expect(joined).toBe([...lines, '1. Ya'].join('\n'));
      expect(sent.slice(0, -1).every((s) => s.payload.reply_markup === undefined)).toBe(true);
      expect(sent[sent.length - 1]!.payload.reply_markup).toBeDefined();
    });
  });

  describe('inline keyboard presses', () => {
    const menu = {
      message_id: 55,
      date: 0,
      chat: { id: 777, type: 'private', first_name: 'Siti' },
      text: 'Pilih layanan\n1. KTP\n2. KK',
      reply_markup: {
        inline_keyboard: [[{ text: 'KTP', callback_data: 'c:ktp' }], [{ text: 'KK', callback_data: 'c:kk' }]],
      },
    } as unknown as Message;

    it('should send a press as a choice, answer the query and mark the chosen option', async () => {
      const script = scriptedInbound(() => [{ kind: 'text', text: 'Baik, KK.' }]);
      const { bot, api } = setup(script.handle);
      await bot.handleUpdate(updates.callback(40, 'c:kk', menu));
      expect(script.received[0]).toMatchObject({
        chatId: '777',
        messageId: '40',
        content: { kind: 'choice', value: 'kk' },
      });
      expect(api.of('answerCallbackQuery')).toHaveLength(1);
      expect(api.of('answerCallbackQuery')[0]!.payload).toMatchObject({ callback_query_id: 'cb40' });
      expect(api.of('editMessageText')[0]!.payload).toMatchObject({
        chat_id: 777,
        message_id: 55,
        text: 'Pilih layanan\n1. KTP\n2. KK\n\n✅ KK',
      });
      expect(api.texts()).toEqual(['Baik, KK.']);
    });

    it('should send a stale button as a choice too, so the engine can answer it', async () => {
      const script = scriptedInbound(() => [{ kind: 'text', text: 'Pilihan itu sudah tidak berlaku.' }]);
      const { bot, api } = setup(script.handle);
      await bot.handleUpdate(updates.callback(41, 'c:old-step-option'));
      expect(script.received[0]!.content).toEqual({ kind: 'choice', value: 'old-step-option' });
      expect(api.of('answerCallbackQuery')).toHaveLength(1);
      expect(api.texts()).toEqual(['Pilihan itu sudah tidak berlaku.']);
    });

    it.each([
      ['without our prefix', 'ktp'],
      ['empty', 'c:'],
      ['with control characters', 'c:\u0000x'],
      ['absent (a game button)', undefined],
    ])('should refuse callback data %s politely without the engine', async (_label, data) => {
      const script = scriptedInbound(() => []);
      const { bot, api } = setup(script.handle);
      await bot.handleUpdate(updates.callback(42, data));
      expect(script.received).toHaveLength(0);
      const answers = api.of('answerCallbackQuery');
      expect(answers).toHaveLength(1);
      expect(String(answers[0]!.payload.text)).toContain('tombol ini sudah tidak berlaku');
    });

    it('should still handle the choice when answering the query fails (a retried, old query)', async () => {
      const script = scriptedInbound(() => []);
      const downloads = fakeFetch({});
      const channel = testChannel({ handleInbound: script.handle, fetch: downloads.fn });
      captureApi(channel.bot, {
        answerCallbackQuery: () => ({
          ok: false,
          error_code: 400,
          description: 'Bad Request: query is too old',
        }),
      });
      await channel.bot.handleUpdate(updates.callback(43, 'c:ktp'));
      expect(script.received[0]!.content).toEqual({ kind: 'choice', value: 'ktp' });
    });
  });

  describe('files', () => {
    it('should hand over the largest photo size with its bytes fetched through getFile and the file URL', async () => {
      const script = scriptedInbound(() => [{ kind: 'text', text: 'Foto KTP diterima (1 dari 2)' }]);
      const { bot, api, downloads } = setup(script.handle, { 'files/big': JPEG });
      await bot.handleUpdate(updates.photo(50, 'ktp saya'));
      const c = script.received[0]!.content;
      expect(c.kind).toBe('file');
      if (c.kind !== 'file') return;
      expect(c.file).toMatchObject({ filename: 'foto-b.jpg', announcedSize: 120_000, caption: 'ktp saya' });
      expect(api.of('getFile')[0]!.payload).toEqual({ file_id: 'big' });
      expect(downloads.urls).toEqual([`http://bot-api.test/file/bot${TOKEN}/files/big`]);
      expect(script.bytes[0]!.equals(JPEG)).toBe(true);
      expect(api.texts()).toEqual(['Foto KTP diterima (1 dari 2)']);
    });

    it('should hand over a PDF document with its name and bytes', async () => {
      const script = scriptedInbound(() => []);
      const { bot } = setup(script.handle, { 'files/doc1': PDF });
      await bot.handleUpdate(updates.document(51, 'akta kelahiran.pdf', PDF.length));
      const c = script.received[0]!.content;
      if (c.kind !== 'file') throw new Error('expected a file');
      expect(c.file.filename).toBe('akta kelahiran.pdf');
      expect(c.file.announcedSize).toBe(PDF.length);
      expect(script.bytes[0]!.equals(PDF)).toBe(true);
    });

    it('should refuse a file whose announced size is over the limit without downloading it', async () => {
      const script = scriptedInbound(() => [], 1000);
      const { bot, api, downloads } = setup(script.handle, { 'files/doc1': PDF });
      await bot.handleUpdate(updates.document(52, 'besar.pdf', 5_000_000));
      expect(api.of('getFile')).toHaveLength(0);
      expect(downloads.urls).toHaveLength(0);
      expect(api.texts()).toEqual(['File terlalu besar.']);
    });

    it('should stop reading a download past the limit and say TOO_BIG', async () => {
      let error: unknown;
      const handle: HandleInbound = async (msg) => {
        if (msg.content.kind === 'file') await msg.content.file.fetch(100).catch((e: unknown) => (error = e));
        return { status: 'processed', replies: [] };
      };
      const { bot } = setup(handle, { 'files/doc1': Buffer.alloc(5000, 1) });
      // The size Telegram announced was a lie (or absent): the bytes decide.
      await bot.handleUpdate(updates.document(53, 'x.pdf', 50));
      expect((error as { code?: string }).code).toBe('TOO_BIG');
    });

    it('should not mark a failed download processed, and tell the citizen it is retried without sending it again', async () => {
      const script = scriptedInbound(() => [{ kind: 'text', text: 'diterima' }]);
      const { bot, api } = setup(script.handle, { 'files/doc1': new Error('socket hang up') });
      const err = await bot.handleUpdate(updates.document(54, 'akta.pdf', 500)).catch((e: unknown) => e);
      const cause = (err as { error?: unknown }).error;
      expect(cause).toBeInstanceOf(UpdateNotProcessedError);
      expect((cause as UpdateNotProcessedError).reason).toBe('failed');
      expect(api.texts()).toEqual([
        'Maaf, file Anda belum berhasil kami terima dari Telegram. Tidak perlu mengirim ulang: kami mencobanya lagi secara otomatis dan segera membalas.',
      ]);
      // A redelivery of the same update does not repeat the apology.
      await bot.handleUpdate(updates.document(54, 'akta.pdf', 500)).catch(() => undefined);
      expect(api.texts()).toHaveLength(1);
    });

    it('should give up a download that stalls or a getFile that hangs after the time-out', async () => {
      const causes: unknown[] = [];
      const handle: HandleInbound = async (msg) => {
        if (msg.content.kind === 'file')
          await msg.content.file.fetch(1000).catch((e: unknown) => causes.push(e));
        return { status: 'processed', replies: [] };
      };
      // The file server accepts the request and then never sends a byte.
      const stalled = (_url: string, init: { signal: AbortSignal }) =>
        new Promise<Response>((_, reject) => {
          init.signal.addEventListener('abort', () => reject(new Error('aborted')));
        });
      const channel = testChannel({
        apiRoot: 'http://bot-api.test',
        handleInbound: handle,
        uploadMaxBytes: 1_000_000,
        downloadTimeoutMs: 200,
        fetch: stalled,
      });
      let hangGetFile = false;
      const api = captureApi(channel.bot, {
        getFile: (p) =>
          hangGetFile
            ? (new Promise(() => undefined) as never)
            : { ok: true, result: { file_id: p.file_id, file_unique_id: 'u', file_path: 'files/x' } },
      });
      const t0 = Date.now();
      await channel.bot.handleUpdate(updates.document(56, 'akta.pdf', 500));
      hangGetFile = true;
      await channel.bot.handleUpdate(updates.document(57, 'akta.pdf', 500));
      expect(Date.now() - t0).toBeLessThan(3000);
      expect(causes.map((e) => (e as Error).message)).toEqual(['download timed out', 'getFile failed']);
      expect(api.of('getFile')).toHaveLength(2);
    });

    it('should treat an HTTP error from the file server as a failed download', async () => {
      const script = scriptedInbound(() => []);
      const { bot } = setup(script.handle, {});
      const err = await bot
        .handleUpdate(updates.document(55, 'akta.pdf', 500, 'missing'))
        .catch((e: unknown) => e);
      expect((err as { error?: unknown }).error).toBeInstanceOf(UpdateNotProcessedError);
    });
  });

  describe('unprocessed updates', () => {
    it('should throw for a busy result and send nothing', async () => {
      const script = scriptedInbound(() => ({ status: 'busy', replies: [] }));
      const { bot, api } = setup(script.handle);
      const err = await bot.handleUpdate(updates.text(60, 'halo')).catch((e: unknown) => e);
      expect(((err as { error?: unknown }).error as UpdateNotProcessedError).reason).toBe('busy');
      expect(api.sent()).toHaveLength(0);
    });

    it('should send nothing for a duplicate', async () => {
      const script = scriptedInbound(() => ({ status: 'duplicate', replies: [] }));
      const { bot, api } = setup(script.handle);
      await bot.handleUpdate(updates.text(61, 'halo'));
      expect(api.sent()).toHaveLength(0);
    });
  });

  describe('registerCommands', () => {
    it('should register the commands in Indonesian by default and in English', async () => {
      const { channel, api } = setup(scriptedInbound(() => []).handle);
      await channel.registerCommands();
      const calls = api.of('setMyCommands');
      expect(calls).toHaveLength(2);
      expect(calls[0]!.payload.language_code).toBeUndefined();
      expect(calls[0]!.payload.commands).toContainEqual({
        command: 'petugas',
        description: 'Bicara dengan petugas',
      });
      expect(calls[1]!.payload).toMatchObject({ language_code: 'en' });
      expect(calls[1]!.payload.commands).toContainEqual({
        command: 'petugas',
        description: 'Talk to an officer',
      });
    });
  });
});
