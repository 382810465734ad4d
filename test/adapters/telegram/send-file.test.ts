import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TelegramChannel } from '../../../src/adapters/telegram/channel.js';
import { makeSendFileToChat } from '../../../src/app/officer/send-file-to-chat.js';
import { FakeBotApi } from '../../../scripts/support/fake-bot-api.js';
import { TOKEN, silentLogger, testChannel } from './helpers.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/files/${name}`, import.meta.url));

let fake: FakeBotApi;
let channel: TelegramChannel;

beforeAll(async () => {
  fake = new FakeBotApi(TOKEN);
  const apiRoot = await fake.listen();
  channel = testChannel({ apiRoot, uploadMaxBytes: 100_000, perChatMinTimeMs: 0 });
});

afterAll(async () => {
  await fake.close();
});

describe("an officer's file on Telegram", () => {
  it('should reach the citizen as a document with its name, and a photo as a photo', async () => {
    const send = makeSendFileToChat(new Map([['telegram', channel.sender]]), silentLogger);
    const pdf = fixture('surat.pdf');
    await send(
      { channel: 'telegram', chatId: '555' },
      { bytes: pdf, filename: 'formulir kosong.pdf', contentType: 'application/pdf', caption: 'Isi ya' },
    );
    const png = fixture('foto-kk.png');
    await send(
      { channel: 'telegram', chatId: '555' },
      { bytes: png, filename: 'contoh.png', contentType: 'image/png' },
    );
    expect(fake.filesSent()).toEqual([
      {
        method: 'sendDocument',
        chatId: '555',
        file: { filename: 'formulir kosong.pdf', bytes: pdf },
        caption: 'Isi ya',
      },
      { method: 'sendPhoto', chatId: '555', file: { filename: 'contoh.png', bytes: png } },
    ]);
  });

  it('should report a citizen who blocked the bot as not delivered', async () => {
    fake.failNext('sendDocument', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    const result = await channel.sender.sendFile?.('556', {
      bytes: fixture('surat.pdf'),
      filename: 'a.pdf',
      contentType: 'application/pdf',
    });
    expect(result).toMatchObject({ ok: false, reason: 'unreachable' });
    const send = makeSendFileToChat(new Map(), silentLogger);
    await expect(
      send(
        { channel: 'telegram', chatId: '1' },
        { bytes: Buffer.from('x'), filename: 'a', contentType: 'x' },
      ),
    ).rejects.toThrow(/no file sender/);
  });
});
