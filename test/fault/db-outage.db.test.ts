import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import { start, type Running } from '../../src/main.js';
import { serverEnv } from '../support/db.js';
import { FakeBotApi } from '../../scripts/support/fake-bot-api.js';
import { FerretDbProcess, TOKEN, waitUntil } from '../../scripts/support/processes.js';
import { FILES_DIR, FakeChat } from '../../scripts/support/fake-chat.js';
import { messageState } from './support.js';

const logger = createLogger('silent');
const SECRET = 'rahasia-webhook-1234567890';
const RETRY = /belum berhasil kami proses/;

/**
 * The server's own FerretDB is killed (every connection drops) or frozen (SIGSTOP: connections
 * stay open, nothing answers) under a running server: /readyz says 503, nothing a citizen sent
 * is confirmed to Telegram or lost, and once the database is back every message is handled
 * exactly once, in order, without restarting the server.
 */
describe('the database going away under a running server', () => {
  let dir: string;
  let db: FerretDbProcess;
  const api = new FakeBotApi(TOKEN);
  const hookApi = new FakeBotApi(TOKEN);
  let polling: Running;
  let webhook: Running;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'loket-fault-db-'));
    db = await FerretDbProcess.start(dir);
    polling = await start(
      loadConfig(
        serverEnv('fault_outage', {
          MONGODB_URI: db.uri('outage_polling'),
          TELEGRAM_BOT_TOKEN: TOKEN,
          TELEGRAM_API_ROOT: await api.listen(),
        }),
      ),
      logger,
    );
    webhook = await start(
      loadConfig(
        serverEnv('fault_outage', {
          MONGODB_URI: db.uri('outage_webhook'),
          TELEGRAM_BOT_TOKEN: TOKEN,
          TELEGRAM_API_ROOT: await hookApi.listen(),
          TELEGRAM_WEBHOOK_URL: 'https://loket.example.go.id/webhooks/telegram',
          TELEGRAM_WEBHOOK_SECRET: SECRET,
        }),
      ),
      logger,
    );
  }, 60_000);

  afterAll(async () => {
    db?.resume();
    for (const s of [polling, webhook]) await s?.stop();
    await api.close();
    await hookApi.close();
    await db?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const ready = async (s: Running) => (await fetch(`http://127.0.0.1:${s.port}/readyz`)).status;
  const inboundStatus = (s: Running, updateId: number) => messageState(s.conn, 'telegram', String(updateId));
  const conversation = async (s: Running, chatId: number) =>
    s.loket.repos.conversations.read('telegram', String(chatId));

  describe('long polling', () => {
    const chat = new FakeChat(api, 8001);

    it('should answer while the database is up', async () => {
      expect(await ready(polling)).toBe(200);
      await chat.turn('/start', /Layanan apa/);
    });

    it('should say 503, confirm nothing and lose nothing while the database is killed, then catch up in order', async () => {
      await db.kill();
      await waitUntil('/readyz to answer 503', async () => (await ready(polling)) === 503);

      const since = chat.replies().length;
      const said = ['gmn cara bikin ktp', '1', 'ya', 'baru'];
      const ids = said.map((text) => chat.say(text));
      // The first message was tried and failed (the citizen is told once); none is confirmed.
      await chat.reply(RETRY, since, 60_000);
      expect(api.delivered).toContain(ids[0]);
      expect(api.confirmedOffset).toBeLessThanOrEqual(ids[0]!);
      expect(await ready(polling)).toBe(503);

      await db.restart();
      await waitUntil('/readyz to answer 200 again', async () => (await ready(polling)) === 200, 60_000);
      await chat.reply(/nama lengkap/, since, 90_000);
      await waitUntil('every message to be confirmed', () => api.confirmedOffset > ids.at(-1)!);

      // Each answer once, in the order of the messages.
      const answers = chat
        .replies()
        .slice(since)
        .filter((t) => !RETRY.test(t));
      const expected = [/Syarat KTP-el/, /Apakah Anda setuju/, /KTP apa/, /nama lengkap/];
      const positions = expected.map((p) => {
        const hits = answers.flatMap((t, i) => (p.test(t) ? [i] : []));
        expect(hits).toHaveLength(1);
        return hits[0]!;
      });
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      for (const id of ids) expect(await inboundStatus(polling, id)).toBe('done');
      const c = await conversation(polling, 8001);
      expect(c?.version).toBe(1 + said.length);
      expect(c?.state.flow?.at).toEqual({ step: 'nama' });
    }, 180_000);

    it('should say 503 while the database is frozen and handle what came meanwhile once it thaws', async () => {
      const before = (await conversation(polling, 8001))?.version ?? 0;
      db.pause();
      try {
        await waitUntil('/readyz to answer 503', async () => (await ready(polling)) === 503, 30_000);
        const since = chat.replies().length;
        const id = chat.say('Budi Santoso');
        await waitUntil('the message to be fetched', () => api.delivered.includes(id));
        expect(api.confirmedOffset).toBeLessThanOrEqual(id);
        db.resume();
        await chat.reply(/NIK/, since, 60_000);
        await waitUntil('the message to be confirmed', () => api.confirmedOffset > id);
        expect(
          chat
            .replies()
            .slice(since)
            .filter((t) => /NIK/.test(t)),
        ).toHaveLength(1);
        expect((await conversation(polling, 8001))?.version).toBe(before + 1);
        expect(await ready(polling)).toBe(200);
      } finally {
        db.resume();
      }
    }, 120_000);

    it('should handle a photo once when the database died in the middle of its turn', async () => {
      await chat.turn('3171010101900001', /Nomor HP/);
      await chat.turn('0812 3456 7890', /kelurahan/i);
      await chat.turn('gambir', /Kartu Keluarga/);
      await chat.turn('3171010101900002', /menikah/);
      await chat.turn('ya', /foto Kartu Keluarga/);

      // The photo's download hangs while the database is killed: the claim is made, the turn
      // fails, and releasing the claim fails too (nothing answers).
      api.holdDownloads();
      const since = chat.replies().length;
      const id = chat.photo(await readFile(path.join(FILES_DIR, 'foto-ktp.jpg')));
      await waitUntil('the photo download to start', () => api.heldDownloads.length === 1);
      expect(await inboundStatus(polling, id)).toBe('processing');
      await db.kill();
      api.releaseHolds();
      await chat.reply(RETRY, since, 60_000);

      await db.restart();
      // Taken again as soon as the database is back, not after the claim's 60 s lease.
      await waitUntil(
        'the photo to be handled',
        async () => (await inboundStatus(polling, id)) === 'done',
        40_000,
      );
      await waitUntil('the photo to be confirmed', () => api.confirmedOffset > id);
      const answers = chat
        .replies()
        .slice(since)
        .filter((t) => !RETRY.test(t));
      expect(answers).toHaveLength(1);
      expect(await polling.conn.collection('documents.files').countDocuments()).toBe(1);
    }, 120_000);
  });

  describe('webhook', () => {
    const chat = new FakeChat(hookApi, 8101);
    const post = async (update: object): Promise<number> => {
      const res = await fetch(`http://127.0.0.1:${webhook.port}/webhooks/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(update),
      });
      await res.arrayBuffer();
      return res.status;
    };

    it('should answer 5xx for an update it could not process, so Telegram retries, and 200 once it did', async () => {
      expect(await post(chat.textUpdate(1, '/start'))).toBe(200);
      const update = chat.textUpdate(2, 'gmn cara bikin ktp');
      await db.kill();
      try {
        await waitUntil('/readyz to answer 503', async () => (await ready(webhook)) === 503);
        expect(await post(update)).toBeGreaterThanOrEqual(500);
      } finally {
        await db.restart();
      }
      // Telegram retries until it gets 200.
      await waitUntil('the webhook to answer 200', async () => (await post(update)) === 200, 60_000, 500);
      expect(await post(update)).toBe(200);
      expect(chat.replies().filter((t) => /Syarat KTP-el/.test(t))).toHaveLength(1);
      expect((await conversation(webhook, 8101))?.version).toBe(2);
      expect(await ready(webhook)).toBe(200);
    }, 120_000);
  });
});
