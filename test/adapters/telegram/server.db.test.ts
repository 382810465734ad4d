import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/config/logger.js';
import { start, type Running } from '../../../src/main.js';
import { FakeBotApi } from '../../../scripts/support/fake-bot-api.js';
import { TOKEN } from './helpers.js';
import { serverEnv } from '../../support/db.js';

const CITIZEN = { id: 777, is_bot: false, first_name: 'Siti', language_code: 'id' };
const CHAT = { id: 777, type: 'private', first_name: 'Siti' };
const SECRET = 'rahasia-webhook-1234567890';

describe('Loket server with Telegram (fake Bot API over HTTP)', () => {
  describe('long polling', () => {
    const api = new FakeBotApi(TOKEN);
    let running: Running;
    beforeAll(async () => {
      const apiRoot = await api.listen();
      const config = loadConfig(
        serverEnv('tg_polling', { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot }),
      );
      running = await start(config, createLogger('silent'));
    });
    afterAll(async () => {
      await running.conn.dropDatabase().catch(() => undefined);
      await running.stop();
      await api.close();
    });

    const say = (text: string) =>
      api.push({
        message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: CHAT, from: CITIZEN, text },
      });

    it('should register the commands and answer /start with the service menu as inline buttons', async () => {
      expect(api.calls.filter((c) => c.method === 'setMyCommands').length).toBeGreaterThanOrEqual(2);
      say('/start');
      const menu = await api.waitFor(
        () => api.sent.find((m) => String(m.text).includes('Layanan apa')),
        15000,
      );
      const rows = (menu.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] })
        .inline_keyboard;
      expect(rows.map((r) => r[0]!.text)).toContain('KTP-el (Kartu Tanda Penduduk)');
      const ktp = rows.find((r) => r[0]!.text.startsWith('KTP-el'))![0]!;
      api.push({
        callback_query: {
          id: 'q1',
          from: CITIZEN,
          chat_instance: 'ci',
          data: ktp.callback_data,
          message: { message_id: 1, date: 0, chat: CHAT, text: String(menu.text) },
        },
      });
      await api.waitFor(() => api.sent.find((m) => String(m.text).includes('Syarat KTP-el')), 15000);
      expect(api.calls.some((c) => c.method === 'answerCallbackQuery')).toBe(true);
    });
  });

  describe('webhook', () => {
    let running: Running;
    beforeAll(async () => {
      const api = new FakeBotApi(TOKEN);
      const apiRoot = await api.listen();
      running = await start(
        loadConfig(
          serverEnv('tg_webhook', {
            TELEGRAM_BOT_TOKEN: TOKEN,
            TELEGRAM_API_ROOT: apiRoot,
            TELEGRAM_WEBHOOK_URL: 'https://loket.example.go.id/webhooks/telegram',
            TELEGRAM_WEBHOOK_SECRET: SECRET,
          }),
        ),
        createLogger('silent'),
      );
      expect(api.calls.some((c) => c.method === 'setWebhook')).toBe(true);
      running.server.once('close', () => void api.close());
    });
    afterAll(async () => {
      await running.conn.dropDatabase().catch(() => undefined);
      await running.stop();
    });

    const post = (headers: Record<string, string>) =>
      fetch(`http://127.0.0.1:${running.port}/webhooks/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({
          update_id: 9001,
          message: { message_id: 5, date: 0, chat: CHAT, from: CITIZEN, text: 'halo' },
        }),
      });

    it('should refuse an update without the secret token and change nothing', async () => {
      expect((await post({})).status).toBe(401);
      expect((await post({ 'x-telegram-bot-api-secret-token': 'salah' })).status).toBe(401);
      expect(await running.loket.repos.conversations.read('telegram', '777')).toBeUndefined();
    });

    it('should process an update with the secret token', async () => {
      expect((await post({ 'x-telegram-bot-api-secret-token': SECRET })).status).toBe(200);
      expect(await running.loket.repos.conversations.read('telegram', '777')).toBeDefined();
    });
  });
});
