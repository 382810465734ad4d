import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTelegramChannel, type TelegramChannel } from '../../../src/adapters/telegram/channel.js';
import type { HandleInbound, InboundMessage } from '../../../src/app/inbound.js';
import type { Reply } from '../../../src/dialogue/types.js';
import { FakeBotApi } from '../../../scripts/support/fake-bot-api.js';
import { TOKEN, sendingReplies, silentLogger } from './helpers.js';

const PDF = Buffer.from('%PDF-1.4\n% akta kelahiran\n%%EOF\n');
const CITIZEN = { id: 555, is_bot: false, first_name: 'Budi', language_code: 'id' };
const CHAT = { id: 555, type: 'private', first_name: 'Budi' };

/**
 * A scripted stand-in for the use case (idempotent per message id, like the real one): a
 * KTP application from menu to tracking number.
 */
function scriptedKtpFlow() {
  const seen = new Set<string>();
  const received: InboundMessage[] = [];
  let step = 'idle';
  const handle: HandleInbound = async (msg) => {
    if (seen.has(msg.messageId)) return { status: 'duplicate', replies: [] };
    const c = msg.content;
    let replies: Reply[];
    if (c.kind === 'command' && c.command === 'start') {
      step = 'service';
      replies = [
        {
          kind: 'menu',
          text: 'Selamat datang di Loket. Layanan apa yang Anda perlukan?',
          options: [
            { value: 'svc:ktp', label: 'KTP elektronik' },
            { value: 'svc:kk', label: 'Kartu Keluarga' },
          ],
        },
      ];
    } else if (step === 'service' && c.kind === 'choice' && c.value === 'svc:ktp') {
      step = 'name';
      replies = [{ kind: 'text', text: 'Siapa nama lengkap Anda?' }];
    } else if (step === 'name' && c.kind === 'text') {
      step = 'doc';
      replies = [
        {
          kind: 'document_request',
          text: 'Kirim akta kelahiran (PDF).',
          accept: ['application/pdf'],
          maxBytes: 1000,
        },
      ];
    } else if (step === 'doc' && c.kind === 'file') {
      // Throws on a failed download: the claim is released and the message is not done.
      const bytes = await c.file.fetch(1000);
      if (!bytes.equals(PDF)) throw new Error('wrong bytes');
      step = 'confirm';
      replies = [
        { kind: 'text', text: 'Akta kelahiran diterima (1 dari 1).' },
        { kind: 'menu', text: 'Kirim permohonan?', options: [{ value: 'ya', label: 'Ya, kirim' }] },
      ];
    } else if (step === 'confirm' && c.kind === 'choice' && c.value === 'ya') {
      step = 'done';
      replies = [{ kind: 'text', text: 'Permohonan terkirim. Nomor pelacakan: KTP-250101-0001-K' }];
    } else {
      replies = [{ kind: 'text', text: 'Maaf, saya belum mengerti.' }];
    }
    seen.add(msg.messageId);
    received.push(msg);
    return { status: 'processed', replies };
  };
  return { handle, received };
}

describe('Telegram channel end to end (fake Bot API over HTTP, long polling)', () => {
  const api = new FakeBotApi(TOKEN);
  const flow = scriptedKtpFlow();
  let channel: TelegramChannel;

  beforeAll(async () => {
    const apiRoot = await api.listen();
    channel = createTelegramChannel({
      token: TOKEN,
      apiRoot,
      handleInbound: sendingReplies(flow.handle, () => channel),
      logger: silentLogger,
      uploadMaxBytes: 1000,
      downloadTimeoutMs: 2000,
      perChatMinTimeMs: 5,
      polling: { retryDelaysMs: [100, 200], pollTimeoutSeconds: 1, idleWaitMs: 20 },
    });
    await channel.registerCommands();
    await channel.start();
  });

  afterAll(async () => {
    await channel.stop();
    await api.close();
  });

  const lastKeyboard = () => {
    const withKeyboard = api.sent.filter((m) => m.reply_markup);
    const m = withKeyboard[withKeyboard.length - 1];
    return m
      ? {
          message: m,
          rows: (m.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] })
            .inline_keyboard,
        }
      : undefined;
  };
  const waitForText = (part: string) =>
    api.waitFor(() => api.sent.find((m) => String(m.text).includes(part)));
  const press = (data: string, menuText: string) =>
    api.push({
      callback_query: {
        id: `q${data}`,
        from: CITIZEN,
        chat_instance: 'ci',
        data,
        message: { message_id: 1, date: 0, chat: CHAT, text: menuText },
      },
    });
  const say = (text: string, extra: Record<string, unknown> = {}) =>
    api.push({
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: CHAT,
        from: CITIZEN,
        text,
        ...extra,
      },
    });

  it('should take a citizen from /start to a tracking number, retrying a failed download', async () => {
    say('/start', { entities: [{ type: 'bot_command', offset: 0, length: 6 }] });
    await waitForText('Layanan apa');
    const menu = lastKeyboard()!;
    expect(menu.rows.map((r) => r[0]!.callback_data)).toEqual(['c:svc:ktp', 'c:svc:kk']);

    press(menu.rows[0]![0]!.callback_data, String(menu.message.text));
    await waitForText('nama lengkap');
    expect(api.calls.some((c) => c.method === 'answerCallbackQuery')).toBe(true);

    say('Budi Santoso');
    await waitForText('akta kelahiran (PDF)');

    api.addFile('akta-1', PDF);
    api.failNext('download', { error_code: 502, description: 'Bad Gateway' });
    const docUpdate = api.push({
      message: {
        message_id: 9,
        date: Math.floor(Date.now() / 1000),
        chat: CHAT,
        from: CITIZEN,
        document: {
          file_id: 'akta-1',
          file_unique_id: 'akta-1',
          file_name: 'akta.pdf',
          file_size: PDF.length,
        },
      },
    });
    await waitForText('Tidak perlu mengirim ulang');
    // Not confirmed while unprocessed; fetched again and handled on the retry.
    await waitForText('diterima (1 dari 1)');
    expect(api.calls.filter((c) => c.method === 'download')).toHaveLength(2);
    expect(flow.received.filter((m) => m.messageId === String(docUpdate))).toHaveLength(1);

    press('c:ya', 'Kirim permohonan?');
    const done = await waitForText('Nomor pelacakan');
    expect(done.text).toBe('Permohonan terkirim. Nomor pelacakan: KTP-250101-0001-K');

    expect(flow.received.map((m) => m.content.kind)).toEqual(['command', 'choice', 'text', 'file', 'choice']);
    expect(api.calls.filter((c) => c.method === 'setMyCommands')).toHaveLength(2);
    expect(api.calls.some((c) => c.method === 'sendChatAction')).toBe(true);
    // Every update handled is confirmed to Telegram.
    await api.waitFor(() => api.confirmedOffset === docUpdate + 2);
  });
});
