import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pingDatabase } from '../../src/adapters/mongo/connection.js';
import { createTelegramChannel, type TelegramChannel } from '../../src/adapters/telegram/channel.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import { createLoket, start, type Loket, type Running } from '../../src/main.js';
import { serverEnv } from '../support/db.js';
import { FakeBotApi } from '../../scripts/support/fake-bot-api.js';
import { FerretDbProcess, TOKEN, waitUntil } from '../../scripts/support/processes.js';
import { FakeChat } from '../../scripts/support/fake-chat.js';

const logger = createLogger('silent');
const SECRET = 'rahasia-webhook-1234567890';
const RETRY = /belum berhasil kami proses/;
/** Short waits between retries, so an outage outlasts many of them in a short test. */
const RETRY_DELAYS_MS = [20, 50];

/**
 * A database outage longer than any retry budget loses nothing on Telegram: polling never
 * confirms an update it could not handle while the database is away, however many times it
 * was tried, and the webhook answers 503 every time, so Telegram keeps it. Nothing is parked as
 * poison: a failure while the database is away is the outage's, not the update's.
 */
describe('Telegram during a database outage', () => {
  let dir: string;
  let db: FerretDbProcess;
  const api = new FakeBotApi(TOKEN);
  const hookApi = new FakeBotApi(TOKEN);
  let loket: Loket;
  let telegram: TelegramChannel;
  let webhook: Running;
  /** How many times the use case was handed each message id (a try, whatever its outcome). */
  const tries = new Map<string, number>();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'loket-fault-tg-'));
    db = await FerretDbProcess.start(dir);
    loket = await createLoket(
      loadConfig(serverEnv('tg_outage', { MONGODB_URI: db.uri('tg_outage') })),
      logger,
    );
    telegram = createTelegramChannel({
      token: TOKEN,
      apiRoot: await api.listen(),
      handleInbound: (msg) => {
        tries.set(msg.messageId, (tries.get(msg.messageId) ?? 0) + 1);
        return loket.handleInbound(msg);
      },
      logger,
      uploadMaxBytes: 1_000_000,
      downloadTimeoutMs: 5000,
      perChatMinTimeMs: 0,
      polling: { retryDelaysMs: RETRY_DELAYS_MS, pollTimeoutSeconds: 1, idleWaitMs: 20 },
      poison: {
        databaseHealthy: () => pingDatabase(loket.conn, 500),
        deadLetters: loket.repos.deadLetters,
        attempts: loket.repos.inboundAttempts,
        maxAttempts: 2,
      },
    });
    loket.senders.set('telegram', telegram.sender);
    await telegram.start();
    webhook = await start(
      loadConfig(
        serverEnv('tg_outage_hook', {
          MONGODB_URI: db.uri('tg_outage_hook'),
          TELEGRAM_BOT_TOKEN: TOKEN,
          TELEGRAM_API_ROOT: await hookApi.listen(),
          TELEGRAM_WEBHOOK_URL: 'https://loket.example.go.id/webhooks/telegram',
          TELEGRAM_WEBHOOK_SECRET: SECRET,
          // One failure with the database healthy parks an update: an outage must never count.
          TELEGRAM_POISON_ATTEMPTS: '1',
        }),
      ),
      logger,
    );
  }, 60_000);

  afterAll(async () => {
    db?.resume();
    await telegram?.stop();
    await loket?.stop();
    await webhook?.stop();
    await api.close();
    await hookApi.close();
    await db?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('should retry an update for as long as the database is away and answer it once it is back', async () => {
    const chat = new FakeChat(api, 8201);
    const start = chat.say('/start');
    await chat.reply(/Layanan apa/, 0);
    // The reply goes out before the turn has finished with the database: killing it earlier
    // would fail /start itself, and polling would retry that update instead of the one below.
    await waitUntil('/start to be confirmed', () => api.confirmedOffset > start);
    await db.kill();
    const since = chat.replies().length;
    const id = chat.say('gmn cara bikin ktp');
    await chat.reply(RETRY, since, 60_000);
    // Tried more often than the delays allow retries (the old code gave up after the last one).
    const wanted = RETRY_DELAYS_MS.length + 3;
    await waitUntil(
      () => `${wanted} tries of the update (got ${tries.get(String(id)) ?? 0})`,
      () => (tries.get(String(id)) ?? 0) >= wanted,
      120_000,
    );
    expect(api.confirmedOffset).toBeLessThanOrEqual(id);

    await db.restart();
    await chat.reply(/Syarat KTP-el/, since, 60_000);
    await waitUntil('the update to be confirmed', () => api.confirmedOffset > id);
    const answers = chat
      .replies()
      .slice(since)
      .filter((t) => !RETRY.test(t));
    expect(answers.filter((t) => /Syarat KTP-el/.test(t))).toHaveLength(1);
    expect(answers.some((t) => /tidak dapat kami proses/.test(t))).toBe(false);
    expect((await loket.repos.deadLetters.list({ limit: 10 })).total).toBe(0);
  }, 240_000);

  it('should answer the webhook 503 while the database is away, however often Telegram retries', async () => {
    const chat = new FakeChat(hookApi, 8202);
    const post = async (update: object): Promise<number> => {
      const res = await fetch(`http://127.0.0.1:${webhook.port}/webhooks/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(update),
      });
      await res.arrayBuffer();
      return res.status;
    };
    expect(await post(chat.textUpdate(1, '/start'))).toBe(200);
    const update = chat.textUpdate(2, 'gmn cara bikin ktp');
    await db.kill();
    try {
      for (let i = 0; i < 3; i++) expect(await post(update)).toBe(503);
    } finally {
      await db.restart();
    }
    await waitUntil('the webhook to answer 200', async () => (await post(update)) === 200, 60_000, 500);
    expect(chat.replies().filter((t) => /Syarat KTP-el/.test(t))).toHaveLength(1);
    expect(chat.replies().some((t) => /tidak dapat kami proses/.test(t))).toBe(false);
    expect((await webhook.loket.repos.deadLetters.list({ limit: 10 })).total).toBe(0);
  }, 180_000);
});
