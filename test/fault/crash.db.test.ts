import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openConnection, type DbConnection } from '../../src/adapters/mongo/connection.js';
import { createMongoRepositories, type MongoRepositories } from '../../src/adapters/mongo/repositories.js';
import { serverEnv } from '../support/db.js';
import { FakeBotApi } from '../../scripts/support/fake-bot-api.js';
import { LoketProcess, TOKEN, waitUntil } from '../../scripts/support/processes.js';
import { FILES_DIR, FakeChat } from '../../scripts/support/fake-chat.js';
import { messageState } from './support.js';
import { testCipher } from '../support/cipher.js';

const NIK = '3171060101700015';
const TRACKING = /PTSP-\d{4}-[0-9A-Z]{5}/;
const CHAT_ID = 6001;

/**
 * SIGKILL of a whole server process (`node --import tsx src/main.ts`) in the middle of a
 * citizen's application, then a new process on the same database: the citizen goes on where
 * they were, and nothing (document, application, tracking number) happens twice.
 */
describe('a server process killed mid-conversation', () => {
  const api = new FakeBotApi(TOKEN);
  const chat = new FakeChat(api, CHAT_ID);
  const processes: LoketProcess[] = [];
  let env: Record<string, string>;
  let conn: DbConnection;
  let repos: MongoRepositories;
  let server: LoketProcess;

  const startServer = async () => {
    server = LoketProcess.spawn(env);
    processes.push(server);
    await server.ready();
  };
  const count = (collection: string, filter: Record<string, unknown> = {}) =>
    conn.collection(collection).countDocuments(filter);
  /** SIGKILL, then lift the fake's holds once it saw the dead process's requests hang up. */
  const killServer = async () => {
    await server.kill();
    await waitUntil('the killed process to hang up', () => api.parkedRequests === 0);
    api.releaseHolds();
  };
  const step = async () => (await repos.conversations.read('telegram', String(CHAT_ID)))?.state.flow?.at;
  const inboundState = (updateId: number) => messageState(conn, 'telegram', String(updateId));

  beforeAll(async () => {
    env = serverEnv('fault_crash', {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: await api.listen(),
      // A claim of a killed process lapses after 5 s (the default 60 s would only slow the test).
      INBOUND_LEASE_MS: '5000',
      TELEGRAM_DOWNLOAD_TIMEOUT_MS: '4000',
      WHATSAPP_DOWNLOAD_TIMEOUT_MS: '4000',
    });
    conn = await openConnection(env.MONGODB_URI!);
    repos = createMongoRepositories(conn, testCipher);
    await startServer();
  }, 90_000);

  afterAll(async () => {
    for (const p of processes) await p.stop();
    await conn?.dropDatabase().catch(() => undefined);
    await conn?.close();
    await api.close();
  });

  it('should keep the step, the document and the update once when killed right after an upload', async () => {
    await chat.turn('mau urus surat domisili tempat tinggal', /setuju/i);
    await chat.turn('ya', /Surat domisili untuk apa/);
    await chat.turn('1', /nama lengkap/);
    await chat.turn('Rina Marlina', /NIK/);
    await chat.turn(NIK, /Nomor HP/);
    await chat.turn('081200002222', /kelurahan/i);
    await chat.turn('menteng', /alamat/i);
    await chat.turn('Jl. Teuku Umar No. 5', /untuk apa/i);
    await chat.turn('lewati', /foto KTP-el/);

    // The process may handle the photo but never tell Telegram so: it dies first.
    api.holdConfirmationsFrom(api.lastUpdateId + 1);
    const since = chat.replies().length;
    const upload = chat.photo(await readFile(path.join(FILES_DIR, 'foto-ktp.jpg')));
    await chat.reply(/foto Kartu Keluarga/, since);
    await waitUntil('the confirmation of the photo to be attempted', () =>
      api.calls.some((c) => c.method === 'getUpdates' && Number(c.params.offset) > upload),
    );
    await killServer();
    expect(api.confirmedOffset).toBeLessThanOrEqual(upload);
    expect(await inboundState(upload)).toBe('done');
    expect(await count('documents.files')).toBe(1);

    // A new process gets the unconfirmed photo again: a duplicate, stored and answered once.
    const afterCrash = chat.replies().length;
    const handedOut = api.delivered.length;
    await startServer();
    await waitUntil('the new process to confirm the photo', () => api.confirmedOffset > upload);
    expect(api.delivered.slice(handedOut)).toContain(upload);
    expect(api.calls.filter((c) => c.method === 'download')).toHaveLength(1);
    expect(chat.replies().slice(afterCrash)).toEqual([]);
    expect(await count('documents.files')).toBe(1);
    expect(await step()).toEqual({ step: 'foto_kk' });

    // The citizen goes on at the step after the photo.
    const kk = chat.replies().length;
    chat.photo(await readFile(path.join(FILES_DIR, 'foto-kk.png')));
    await chat.reply(/pengantar RT\/RW/, kk);
    expect(chat.replies().slice(kk).join('\n')).toMatch(/Kartu Keluarga diterima/);
    expect(await count('documents.files')).toBe(2);
  }, 120_000);

  it('should handle a message once when its process was killed while handling it', async () => {
    // The letter's download hangs: the process has claimed the update and is inside the turn.
    api.holdDownloads();
    const since = chat.replies().length;
    const letter = chat.document(
      await readFile(path.join(FILES_DIR, 'surat.pdf')),
      'pengantar.pdf',
      'application/pdf',
    );
    await waitUntil('the letter download to start', () => api.heldDownloads.length === 1);
    expect(await inboundState(letter)).toBe('processing');
    await killServer();
    const handedOut = api.delivered.length;
    expect(await count('documents.files')).toBe(2);
    expect(await step()).toEqual({ step: 'pengantar_rt_rw' });

    // The new process is told "busy" until the killed one's claim lapses, then takes it over.
    await startServer();
    const summary = await chat.reply(/Ringkasan/, since, 60_000);
    expect(summary).not.toContain(NIK);
    expect(await inboundState(letter)).toBe('done');
    expect(api.delivered.slice(handedOut)).toContain(letter);
    expect(await count('documents.files')).toBe(3);

    const submit = chat.replies().length;
    const kirim = chat.say('kirim');
    const receipt = await chat.reply(/Nomor pelacakan/, submit);
    const tracking = TRACKING.exec(receipt)![0];

    // Telegram delivers "kirim" once more: still one application.
    api.redeliver(chat.textUpdate(kirim, 'kirim'));
    await waitUntil('the redelivered "kirim" to be confirmed', () => api.confirmedOffset > kirim);

    expect(await count('applications')).toBe(1);
    const app = await repos.applications.findByTrackingNumber(tracking);
    expect(app?.applicant.contact).toEqual({ channel: 'telegram', chatId: String(CHAT_ID) });
    expect(app?.documents).toHaveLength(3);
    expect(new Set(app?.documents.map((d) => d.id)).size).toBe(3);
    expect(await count('documents.files')).toBe(3);
    expect(chat.replies().filter((t) => t.includes(tracking))).toHaveLength(1);
  }, 120_000);

  it('should never have logged the NIK or the bot token in any of the processes', () => {
    expect(processes.length).toBe(3);
    for (const p of processes) {
      expect(p.log).toContain('Loket siap');
      expect(p.log).not.toContain(NIK);
      expect(p.log).not.toContain(TOKEN);
    }
  });
});
