import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TelegramChannel } from '../../../src/adapters/telegram/channel.js';
import { FakeBotApi } from '../../../scripts/support/fake-bot-api.js';
import { TOKEN, testChannel } from './helpers.js';

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
    const send = channel.sender.sendFile!.bind(channel.sender);
    const pdf = fixture('surat.pdf');
    expect(
      await send('555', {
        bytes: pdf,
        filename: 'formulir kosong.pdf',
        contentType: 'application/pdf',
        caption: 'Isi ya',
      }),
    ).toMatchObject({ ok: true });
    const png = fixture('foto-kk.png');
    expect(await send('555', { bytes: png, filename: 'contoh.png', contentType: 'image/png' })).toMatchObject(
      {
        ok: true,
      },
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
  });
});
