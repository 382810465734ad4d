import { afterEach, describe, expect, it } from '@jest/globals';
import { proto } from '@whiskeysockets/baileys';
import type { WhatsAppChannel, WhatsAppChannelOptions } from '../../../src/adapters/whatsapp/channel.js';
import { MediaDownloadError } from '../../../src/adapters/whatsapp/download.js';
import type { HandleInbound, HandleResult, InboundMessage } from '../../../src/app/inbound.js';
import type { Reply } from '../../../src/dialogue/types.js';
import { CITIZEN_JID, fakeSocketChannel, incoming, waitFor } from './helpers.js';

const MENU: Reply = {
  kind: 'menu',
  text: 'Layanan apa yang Anda perlukan?',
  options: [
    { value: 'svc:ktp', label: 'KTP-el' },
    { value: 'svc:kk', label: 'Kartu Keluarga' },
  ],
};

function recorder(
  answer: (m: InboundMessage) => Promise<HandleResult> | HandleResult = () => ({
    status: 'processed',
    replies: [{ kind: 'text', text: 'Baik.' }],
  }),
) {
  const received: InboundMessage[] = [];
  const handle: HandleInbound = async (m) => {
    received.push(m);
    return answer(m);
  };
  return { handle, received };
}

describe('WhatsApp channel (fake socket with a real Baileys event emitter)', () => {
  let channel: WhatsAppChannel | undefined;
  afterEach(async () => {
    await channel?.stop();
    channel = undefined;
  });

  async function open(handle: HandleInbound, extra: Partial<WhatsAppChannelOptions> = {}) {
    const made = fakeSocketChannel({ handleInbound: handle, retryDelaysMs: [], ...extra });
    channel = made.channel;
    const { sockets } = made;
    await channel.start();
    const sock = sockets.last();
    sock.open();
    return { sock, sockets, channel };
  }

  describe('inbound', () => {
    it('should pass a private text to the use case, mark it read, show typing, and answer with a numbered menu', async () => {
      const r = recorder(() => ({ status: 'processed', replies: [MENU] }));
      const { sock } = await open(r.handle);
      const m = incoming({ conversation: '  halo  ' }, { id: 'MSG-1', pushName: 'Siti Aminah' });
      sock.deliver(m);
      await waitFor(() => sock.sent.length === 1);
      expect(r.received).toHaveLength(1);
      expect(r.received[0]).toMatchObject({
        channel: 'whatsapp',
        chatId: CITIZEN_JID,
        messageId: 'MSG-1',
        sender: { name: 'Siti Aminah', phone: '6281234567890' },
        content: { kind: 'text', text: 'halo' },
      });
      expect(sock.sent[0]).toEqual({
        jid: CITIZEN_JID,
        text: 'Layanan apa yang Anda perlukan?\n\n*1.* KTP-el\n*2.* Kartu Keluarga',
      });
      expect(sock.reads.map((k) => k.id)).toEqual(['MSG-1']);
      expect(sock.presence.map((p) => p.type)).toEqual(['composing', 'paused']);
    });

    it('should read a typed number, a quoted reply and button, list and interactive replies as text', async () => {
      const r = recorder();
      const { sock } = await open(r.handle);
      sock.deliver(
        incoming({ conversation: '2' }),
        incoming({ extendedTextMessage: { text: '1', contextInfo: { stanzaId: 'OUT1' } } }),
        incoming({
          buttonsResponseMessage: { selectedButtonId: 'svc:kk', selectedDisplayText: 'Kartu Keluarga' },
        }),
        incoming({ listResponseMessage: { singleSelectReply: { selectedRowId: 'svc:ktp' } } }),
        incoming({
          interactiveResponseMessage: { nativeFlowResponseMessage: { paramsJson: '{"id":"svc:kk"}' } },
        }),
        incoming({ interactiveResponseMessage: { nativeFlowResponseMessage: { paramsJson: '{not json' } } }),
      );
      await channel!.idle();
      expect(r.received.map((m) => m.content)).toEqual([
        { kind: 'text', text: '2' },
        { kind: 'text', text: '1' },
        { kind: 'text', text: 'Kartu Keluarga' },
        { kind: 'text', text: 'svc:ktp' },
        { kind: 'text', text: 'svc:kk' },
      ]);
    });

    it('should turn an image and a document with caption into files announced with their size', async () => {
      const r = recorder();
      const { sock } = await open(r.handle);
      sock.deliver(
        incoming({
          imageMessage: { mimetype: 'image/jpeg', fileLength: 2048, caption: 'KK saya', url: 'http://x' },
        }),
        incoming({
          documentWithCaptionMessage: {
            message: {
              documentMessage: {
                fileName: '../../etc/akta kelahiran.pdf',
                mimetype: 'application/pdf',
                fileLength: 4096,
                caption: 'akta anak',
              },
            },
          },
        }),
      );
      await channel!.idle();
      const files = r.received.map((m) => (m.content.kind === 'file' ? m.content.file : undefined));
      expect(files[0]).toMatchObject({ filename: 'foto.jpg', announcedSize: 2048, caption: 'KK saya' });
      expect(files[1]).toMatchObject({
        filename: 'akta kelahiran.pdf',
        announcedSize: 4096,
        caption: 'akta anak',
      });
      expect(typeof files[1]?.fetch).toBe('function');
    });

    it('should ignore groups, status broadcasts, channels, our own messages and history appends', async () => {
      const r = recorder();
      const { sock } = await open(r.handle);
      sock.deliver(
        incoming({ conversation: 'halo grup' }, { jid: '120363025246125486@g.us' }),
        incoming({ conversation: 'status' }, { jid: 'status@broadcast' }),
        incoming({ conversation: 'kanal' }, { jid: '120363144038483540@newsletter' }),
        incoming({ conversation: 'dari kami' }, { fromMe: true }),
      );
      const history = incoming({ conversation: 'lama' });
      history.messageTimestamp = Math.floor(Date.now() / 1000) - 2 * 24 * 3600;
      sock.deliverOffline(history);
      sock.deliver(incoming({ conversation: 'halo' }, { jid: '123456789012345@lid' }));
      await channel!.idle();
      expect(r.received.map((m) => [m.chatId, m.content])).toEqual([
        ['123456789012345@lid', { kind: 'text', text: 'halo' }],
      ]);
      expect(r.received[0]!.sender?.phone).toBeUndefined();
    });

    it('should count messages that failed to decrypt without answering them', async () => {
      const r = recorder();
      const { sock, channel: ch } = await open(r.handle);
      for (let i = 0; i < 3; i++) {
        const m = incoming({});
        m.messageStubType = proto.WebMessageInfo.StubType.CIPHERTEXT;
        m.messageStubParameters = ['Bad MAC'];
        sock.deliver(m);
      }
      await ch.idle();
      expect(ch.session.status().badMacCount).toBe(3);
      expect(r.received).toHaveLength(0);
      expect(sock.sent).toHaveLength(0);
    });

    it('should answer stickers with a polite request to type', async () => {
      const r = recorder();
      const { sock } = await open(r.handle);
      sock.deliver(incoming({ stickerMessage: { mimetype: 'image/webp' } }));
      await channel!.idle();
      expect(r.received).toHaveLength(0);
      expect(sock.texts()).toEqual([expect.stringContaining('hanya bisa membaca teks, foto, dan dokumen')]);
    });

    it('should hand a voice note to the use case as a voice file, for the engine to answer', async () => {
      const r = recorder();
      const { sock } = await open(r.handle);
      sock.deliver(incoming({ audioMessage: { seconds: 3, ptt: true, fileLength: 4000 } }));
      await channel!.idle();
      expect(r.received).toHaveLength(1);
      expect(r.received[0]?.content).toMatchObject({
        kind: 'file',
        file: { filename: 'pesan-suara.ogg', announcedSize: 4000, voice: true },
      });
    });

    it('should stop one number flooding: one polite notice, then silence until the window passes', async () => {
      const r = recorder();
      const { sock } = await open(r.handle, { chatRateLimit: { limit: 3, windowMs: 60_000 } });
      for (let i = 0; i < 8; i++) sock.deliver(incoming({ conversation: `pesan ${i}` }));
      sock.deliver(incoming({ conversation: 'orang lain' }, { jid: '6289999999999@s.whatsapp.net' }));
      await channel!.idle();
      expect(r.received.filter((m) => m.chatId === CITIZEN_JID)).toHaveLength(3);
      const notices = sock.sent.filter((s) => s.text.includes('terlalu banyak'));
      expect(notices).toHaveLength(1);
      expect(r.received.some((m) => m.chatId === '6289999999999@s.whatsapp.net')).toBe(true);
    });

    it("should say its own texts in the conversation's language: English once the citizen switched", async () => {
      const ENGLISH_JID = '6281111111111@s.whatsapp.net';
      const read: string[] = [];
      const conversations = {
        read: (channel: string, chatId: string) => {
          read.push(`${channel}:${chatId}`);
          if (chatId === 'broken@s.whatsapp.net') return Promise.reject(new Error('database down'));
          return Promise.resolve(
            chatId === ENGLISH_JID
              ? {
                  version: 3,
                  handled: [],
                  state: { lang: 'en' as const, consent: true, mode: 'bot' as const, misunderstood: 0 },
                }
              : undefined,
          );
        },
      };
      const r = recorder(() => {
        throw new MediaDownloadError('media download failed');
      });
      const { sock } = await open(r.handle, { conversations, chatRateLimit: { limit: 1, windowMs: 60_000 } });
      const sticker = { stickerMessage: { mimetype: 'image/webp' } };
      sock.deliver(incoming(sticker, { jid: ENGLISH_JID }), incoming(sticker, { jid: ENGLISH_JID }));
      sock.deliver(incoming(sticker), incoming(sticker));
      sock.deliver(incoming(sticker, { jid: 'broken@s.whatsapp.net' }));
      await channel!.idle();
      const to = (jid: string) => sock.sent.filter((m) => m.jid === jid).map((m) => m.text);
      expect(to(ENGLISH_JID)).toEqual([
        'Sorry, I can only read text, photos and documents. Please type your message.',
        expect.stringContaining('Sorry, you sent too many messages in a short time.'),
      ]);
      expect(to(CITIZEN_JID)).toEqual([
        'Maaf, saya hanya bisa membaca teks, foto, dan dokumen. Silakan ketik pesan Anda.',
        expect.stringContaining('Mohon maaf, pesan Anda terlalu banyak dalam waktu singkat.'),
      ]);
      // The language could not be read: Indonesian, rather than no answer.
      expect(to('broken@s.whatsapp.net')).toEqual([expect.stringContaining('Maaf, saya hanya bisa membaca')]);
      expect(read).toContain(`whatsapp:${ENGLISH_JID}`);

      await channel!.stop();
      const again = await open(r.handle, { conversations, retryDelaysMs: [] });
      again.sock.deliver(
        incoming({ documentMessage: { fileName: 'a.pdf', fileLength: 10 } }, { jid: ENGLISH_JID }),
      );
      await channel!.idle();
      expect(again.sock.texts()).toEqual([
        'Sorry, we could not receive your file from WhatsApp. Please try sending it again.',
      ]);
    });

    it('should try a failed message again and ask the citizen to resend only when every attempt failed', async () => {
      let calls = 0;
      const r = recorder(() => {
        calls++;
        if (calls === 1) throw new MediaDownloadError('media download failed');
        return { status: 'processed', replies: [{ kind: 'text', text: 'Dokumen diterima.' }] };
      });
      const { sock } = await open(r.handle, { retryDelaysMs: [5] });
      sock.deliver(incoming({ conversation: 'x' }));
      await channel!.idle();
      expect(sock.texts()).toEqual(['Dokumen diterima.']);

      const failing = recorder(() => {
        throw new MediaDownloadError('media download failed');
      });
      await channel!.stop();
      const again = await open(failing.handle, { retryDelaysMs: [5] });
      again.sock.deliver(incoming({ documentMessage: { fileName: 'a.pdf', fileLength: 10 } }));
      await channel!.idle();
      expect(failing.received).toHaveLength(2);
      expect(again.sock.texts()).toEqual([
        expect.stringContaining('belum berhasil kami terima dari WhatsApp'),
      ]);
    });
  });

  describe('sender (the channel-sender port)', () => {
    it('should be ready only while open, answer retry while disconnected and deliver in order, long texts split, once open', async () => {
      const made = fakeSocketChannel({ handleInbound: recorder().handle });
      channel = made.channel;
      const { sockets } = made;
      await channel.start();
      expect(channel.sender.ready?.()).toBe(false);
      const before = await channel.sender.send(CITIZEN_JID, [{ kind: 'text', text: 'Status: SELESAI' }]);
      expect(before).toMatchObject({ ok: false, reason: 'retry' });
      sockets.last().open();
      expect(channel.sender.ready?.()).toBe(true);
      const long = Array.from({ length: 300 }, (_, i) => `Baris ${i} dengan teks yang cukup panjang.`).join(
        '\n',
      );
      const sent = await channel.sender.send('6281234567890', [
        { kind: 'text', text: 'Permohonan *PTSP-2611-ABCD7* selesai.' },
        { kind: 'text', text: long },
      ]);
      expect(sent).toEqual({ ok: true });
      const s = sockets.last().sent;
      expect(s[0]).toEqual({ jid: CITIZEN_JID, text: 'Permohonan *PTSP-2611-ABCD7* selesai.' });
      expect(s.length).toBeGreaterThan(3);
      expect(s.every((m) => m.text.length <= 4000)).toBe(true);
      expect(
        s
          .slice(1)
          .map((m) => m.text)
          .join('\n'),
      ).toBe(long);
    });

    it('should pace sends so the number never bursts', async () => {
      // The queue's clock is the test's: it moves only when the queue pauses, by the pause.
      let now = 1_000_000;
      const pauses: number[] = [];
      const texts: string[][] = [];
      const { sock, channel: ch } = await open(recorder().handle, {
        sendIntervalMs: 40,
        sendJitterMs: 0,
        sendClock: {
          now: () => now,
          sleep: (ms) => {
            pauses.push(ms);
            texts.push(sock.texts());
            now += ms;
            return Promise.resolve();
          },
        },
      });
      await ch.sender.send(CITIZEN_JID, [
        { kind: 'text', text: 'satu' },
        { kind: 'text', text: 'dua' },
        { kind: 'text', text: 'tiga' },
      ]);
      expect(sock.texts()).toEqual(['satu', 'dua', 'tiga']);
      // The first goes at once; each next one waits the whole gap after the one before it.
      expect(pauses).toEqual([40, 40]);
      expect(texts).toEqual([['satu'], ['satu', 'dua']]);
    });
  });
});
