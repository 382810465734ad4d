import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/config/logger.js';
import { start, type Running } from '../src/main.js';
import { startWorker, type RunningWorker } from '../src/worker.js';
import { FakeBotApi } from '../scripts/support/fake-bot-api.js';
import { serverEnv } from './support/db.js';

const TOKEN = '123456:TEST-token-for-loket-tests';
const CITIZEN = { id: 778, is_bot: false, first_name: 'Rudi', language_code: 'id' };
const CHAT = { id: 778, type: 'private', first_name: 'Rudi' };
const logger = createLogger('silent');
const RECEIVING = ['getUpdates', 'deleteWebhook', 'setWebhook', 'setMyCommands'];

describe('npm run worker with the server in TELEGRAM_MODE=worker', () => {
  const api = new FakeBotApi(TOKEN);
  let server: Running;
  let worker: RunningWorker | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    const apiRoot = await api.listen();
    env = serverEnv('tg_worker', {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      TELEGRAM_MODE: 'worker',
      OUTBOX_INTERVAL_MS: '100',
    });
    server = await start(loadConfig(env), logger);
  });
  afterAll(async () => {
    await worker?.stop();
    await server.conn.dropDatabase().catch(() => undefined);
    await server.stop();
    await api.close();
  });

  it('should start the server without polling the bot, yet able to send', async () => {
    await new Promise((r) => setTimeout(r, 300));
    expect(api.calls.filter((c) => RECEIVING.includes(c.method))).toEqual([]);
    expect(server.senders.has('telegram')).toBe(true);
    const res = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(res.status).toBe(200);
  });

  it('should let the worker poll and answer the citizen', async () => {
    worker = await startWorker(loadConfig(env), logger);
    expect(worker.telegram).toBeDefined();
    expect(worker.deliversNotifications).toBe(true);
    expect(api.calls.filter((c) => c.method === 'setMyCommands')).toHaveLength(2);
    api.push({
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: CHAT,
        from: CITIZEN,
        text: '/start',
      },
    });
    await api.waitFor(() => api.sent.find((m) => String(m.text).includes('Layanan apa')), 15000);
    expect(await server.loket.repos.conversations.read('telegram', '778')).toBeDefined();
  });

  it('should deliver an outbox notification exactly once with both processes running the notifier', async () => {
    await server.loket.repos.outbox.enqueue([
      {
        key: 'test:worker:1',
        channel: 'telegram',
        chatId: '778',
        reply: { kind: 'text', text: 'Permohonan PTSP-2611-TEST1 sedang diperiksa.' },
        createdAt: new Date(),
      },
    ]);
    await api.waitFor(() => api.sent.find((m) => String(m.text).includes('PTSP-2611-TEST1')), 10000);
    await new Promise((r) => setTimeout(r, 500));
    expect(api.sent.filter((m) => String(m.text).includes('PTSP-2611-TEST1'))).toHaveLength(1);
  });
});

describe('npm run worker next to a WhatsApp server', () => {
  it('should leave the notifications to the server, which owns the WhatsApp sender', async () => {
    const api = new FakeBotApi(TOKEN);
    const env = serverEnv('tg_worker_wa', {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: await api.listen(),
      WHATSAPP_ENABLED: 'true',
      OUTBOX_INTERVAL_MS: '100',
    });
    const worker = await startWorker(loadConfig(env), logger);
    try {
      expect(worker.deliversNotifications).toBe(false);
      const item = { id: 'test:worker:wa' };
      await worker.loket.repos.outbox.enqueue([
        {
          key: 'test:worker:wa',
          channel: 'whatsapp',
          chatId: '6281200001111@s.whatsapp.net',
          reply: { kind: 'text', text: 'Permohonan Anda sedang diperiksa.' },
          createdAt: new Date(),
        },
      ]);
      await new Promise((r) => setTimeout(r, 500));
      expect((await worker.loket.repos.outbox.get(item.id))?.status).toBe('pending');
    } finally {
      await worker.loket.conn.dropDatabase().catch(() => undefined);
      await worker.stop();
      await api.close();
    }
  });
});

describe('the TELEGRAM_MODE switch', () => {
  it('should refuse a webhook with TELEGRAM_MODE=worker, naming the variable', () => {
    expect(() =>
      loadConfig({
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_MODE: 'worker',
        TELEGRAM_WEBHOOK_URL: 'https://loket.example.go.id/webhooks/telegram',
        TELEGRAM_WEBHOOK_SECRET: 'rahasia-webhook-1234567890',
      }),
    ).toThrow(/TELEGRAM_MODE/);
    expect(() => loadConfig({ TELEGRAM_MODE: 'keduanya' })).toThrow(ConfigError);
    expect(loadConfig({}).TELEGRAM_MODE).toBe('server');
  });

  it('should refuse an http webhook URL (Telegram only calls https)', () => {
    expect(() =>
      loadConfig({
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_WEBHOOK_URL: 'http://loket.example.go.id/webhooks/telegram',
        TELEGRAM_WEBHOOK_SECRET: 'rahasia-webhook-1234567890',
      }),
    ).toThrow(/TELEGRAM_WEBHOOK_URL: expected an https/);
  });

  it('should not start a worker configured for a webhook', async () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_URL: 'https://loket.example.go.id/webhooks/telegram',
      TELEGRAM_WEBHOOK_SECRET: 'rahasia-webhook-1234567890',
    });
    await expect(startWorker(config, logger)).rejects.toThrow(/worker only polls/);
  });
});
