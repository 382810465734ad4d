import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { formatPlain } from '../../../src/adapters/terminal/format.js';
import type { InboundMessage } from '../../../src/app/inbound.js';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/config/logger.js';
import { approveDeletion, refuseDeletion } from '../../../src/app/officer/deletion-requests.js';
import type { OfficerActor } from '../../../src/app/officer/officer-actor.js';
import { createLoket, type Loket } from '../../../src/main.js';
import { pseudonymousCitizens } from '../../../src/app/citizen-actor.js';
import type { OutgoingFile } from '../../../src/ports/channel-sender.js';
import { newApplication, sequentialNumbers } from '../../adapters/mongo/fixtures.js';
import { scanRawCollections } from '../../support/raw-scan.js';

/**
 * "data saya" and "hapus data saya" through the real inbound path (database, NLU, engine,
 * effects) on the terminal channel, whose sender here keeps the files it is given (and notes each
 * among the texts, in the order the chat gets them).
 */
const START = new Date('2026-11-23T02:00:00Z');
let loket: Loket;
const files = new Map<string, OutgoingFile[]>();
/** What the outbound path delivered to each chat, as text. */
const delivered = new Map<string, string[]>();
let n = 0;

beforeAll(async () => {
  const db = `t_privacy_chat_${randomBytes(4).toString('hex')}`;
  loket = await createLoket(
    loadConfig({
      MONGODB_URI: `${process.env.MONGODB_URI}${db}`,
      LOG_LEVEL: 'silent',
      RETENTION_DAYS: '180',
    }),
    createLogger('silent'),
  );
  loket.senders.set('terminal', {
    channel: 'terminal',
    send: (chatId, replies) => {
      delivered.set(chatId, [...(delivered.get(chatId) ?? []), ...replies.map(formatPlain)]);
      return Promise.resolve({ ok: true });
    },
    sendFile: (chatId, file) => {
      files.set(chatId, [...(files.get(chatId) ?? []), file]);
      delivered.set(chatId, [...(delivered.get(chatId) ?? []), `📎 ${file.filename}`]);
      return Promise.resolve({ ok: true });
    },
  });
});
afterAll(async () => {
  await loket.conn.dropDatabase().catch(() => undefined);
  await loket.stop();
});

/** One message of `user`, a minute after the last; the bot's replies as the terminal shows them. */
async function say(user: string, text: string, lang?: 'id' | 'en'): Promise<string> {
  n++;
  const msg: InboundMessage = {
    channel: 'terminal',
    chatId: user,
    messageId: `${user}-${n}`,
    at: new Date(START.getTime() + n * 60_000),
    content: { kind: 'text', text },
    ...(lang ? { lang } : {}),
  };
  const result = await loket.handleInbound(msg);
  expect(result.status).toBe('processed');
  return result.replies.map(formatPlain).join('\n\n');
}

/** An application of `user`'s chat, stored as submitted at the counter would be. */
async function applicationOf(user: string, status: 'SUBMITTED' | 'COMPLETED', first: number) {
  return loket.repos.applications.create(
    newApplication({
      status,
      applicant: {
        name: 'Siti Rahmawati',
        nik: '3171014708900003',
        phone: '081234567890',
        contact: { channel: 'terminal', chatId: user },
      },
    }),
    sequentialNumbers(first),
  );
}

/** Into the KTP flow up to the NIK question. */
async function toNikStep(user: string): Promise<void> {
  await say(user, 'mau bikin ktp baru');
  await say(user, 'ya');
  await say(user, 'baru');
  expect(await say(user, 'Rina Marlina')).toContain('NIK');
}

/** The audit id of a terminal citizen: the pseudonym, as Loket writes it. */
const citizenId = (user: string): string =>
  pseudonymousCitizens(loket.repos.cipher)({ channel: 'terminal', chatId: user });

describe('"data saya" in chat', () => {
  it('should summarise the chat, mask the NIK, send the export file, and keep the place in the flow', async () => {
    const user = 'warga-data';
    const app = await applicationOf(user, 'SUBMITTED', 100);
    await toNikStep(user);

    const said = await say(user, 'data saya');
    expect(said).toContain('Data Anda di Loket');
    expect(said).toContain(app.trackingNumber);
    expect(said).toContain('************0003');
    expect(said).not.toContain('3171014708900003');
    expect(said).toContain(
      'Permohonan yang sedang diisi: KTP-el (Kartu Tanda Penduduk), 2 jawaban, 0 berkas',
    );
    expect(said).toContain('180 hari');
    expect(said).toContain('30 hari');
    expect(said).toContain('hapus data saya');
    expect(said).toMatch(/data-saya-2026-11-23\.json/);
    // The place is kept: the NIK question comes again, and an answer to it goes on.
    expect(said.slice(said.indexOf('ketik *hapus data saya*'))).toContain('Berapa NIK Anda?');
    expect(await say(user, '3171010101900001')).toContain('Nomor HP');

    const [file] = files.get(user) ?? [];
    expect(file?.filename).toBe('data-saya-2026-11-23.json');
    expect(file?.contentType).toBe('application/json');
    const json = JSON.parse(file!.bytes.toString('utf8')) as {
      permohonan: unknown[];
      drafPermohonan: unknown;
    };
    expect(json.permohonan[0]).toMatchObject({
      nomorPelacakan: app.trackingNumber,
      pemohon: { nik: '3171014708900003' },
      berkas: [{ nama: 'laporan.pdf' }],
    });
    expect(json.drafPermohonan).toMatchObject({ layanan: 'ktp', jawaban: { nama: 'Rina Marlina' } });
    expect(file!.bytes.toString('utf8')).toContain('\n  "keterangan"');

    // Through the outbound path: recorded before the answer, sent ahead of it, in the chat's lane.
    const heardNow = delivered.get(user) ?? [];
    const fileAt = heardNow.indexOf('📎 data-saya-2026-11-23.json');
    expect(fileAt).toBeGreaterThanOrEqual(0);
    expect(heardNow.findIndex((l) => l.includes('Data Anda di Loket'))).toBeGreaterThan(fileAt);
    const rows = await loket.conn
      .collection('outbox')
      .find({ _id: { $regex: `^export:terminal:${user}:` } as never })
      .toArray();
    expect(rows.map((r) => String(r.status))).toEqual(['sent']);
    // The row names the export; the citizen's data is made again at send time, never kept there.
    const hits = await scanRawCollections(loket.conn, ['3171014708900003', 'Rina Marlina']);
    expect(hits.filter((h) => h.collection === 'outbox')).toEqual([]);

    const events = await loket.repos.events.search({ type: 'privacy.data_exported' }, { limit: 10 });
    expect(events.items).toHaveLength(1);
    expect(events.items[0]!.data).toMatchObject({ fileRecorded: true });
    // A pseudonym, never the chat id.
    expect(events.items[0]!.actor).toEqual({ kind: 'citizen', id: citizenId(user) });
    expect(JSON.stringify(events.items[0])).not.toContain('3171014708900003');
    expect(JSON.stringify(events.items[0])).not.toContain('Rina');
  });

  it('should understand a slip and other phrasings, and answer in English to an English citizen', async () => {
    expect(await say('warga-typo', 'dats saya')).toContain('Data Anda di Loket');
    expect(await say('warga-typo', 'lihat data saya')).toContain('Belum ada permohonan dari chat ini');
    const en = await say('warga-en', 'my data', 'en');
    expect(en).toContain('Your data at Loket');
    expect(en).toContain('delete my data');
    expect(files.get('warga-en')).toHaveLength(1);
    // Made in the language the citizen asked in.
    expect(files.get('warga-en')![0]!.bytes.toString('utf8')).toContain('A copy of the data Loket holds');
  });
});

describe('"hapus data saya" in chat', () => {
  it('should confirm first, store one request, explain applications in progress, and keep the place', async () => {
    const user = 'warga-hapus';
    const open = await applicationOf(user, 'SUBMITTED', 200);
    await applicationOf(user, 'COMPLETED', 201);
    await toNikStep(user);

    const asked = await say(user, 'hapus data saya');
    expect(asked).toContain('dihapus');
    expect(asked).toContain('1. Ya, hapus data saya');
    expect(asked).toContain('2. Tidak');
    expect(await loket.repos.deletionRequests.findPendingByChat('terminal', user)).toBeUndefined();

    // "ya" answers the question, not the open NIK step underneath.
    const done = await say(user, 'ya');
    expect(done).toContain('sudah kami terima');
    expect(done).toContain('3×24 jam');
    expect(done).toContain('Kamis, 26 November 2026');
    expect(done).toContain(open.trackingNumber);
    expect(done).toContain('diperlukan untuk menyelesaikannya');
    expect(done.slice(done.indexOf('diperlukan untuk menyelesaikannya'))).toContain('Berapa NIK Anda?');
    const stored = await loket.repos.deletionRequests.findPendingByChat('terminal', user);
    expect(stored?.dueAt.getTime()).toBe(stored!.createdAt.getTime() + 72 * 3_600_000);

    await say(user, 'hapus data saya');
    expect(await say(user, '1')).toContain('sudah ada dan sedang diproses');
    expect((await loket.repos.deletionRequests.list(10)).filter((r) => r.chatId === user)).toHaveLength(1);
    const events = await loket.repos.events.search(
      { type: 'privacy.deletion_requested', actorId: citizenId(user) },
      { limit: 10 },
    );
    expect(events.items).toHaveLength(1);
    // "data saya" now names the pending request's deadline.
    expect(await say(user, 'data saya')).toContain('Permintaan hapus data Anda sedang diproses');
  });

  it('should store nothing on "tidak"', async () => {
    await say('warga-ragu', 'hapus data saya');
    expect(await say('warga-ragu', 'tidak')).toContain('data Anda tidak dihapus');
    expect(await loket.repos.deletionRequests.findPendingByChat('terminal', 'warga-ragu')).toBeUndefined();
  });
});

const SUPERVISOR: OfficerActor = {
  id: 'spv-1',
  username: 'sari',
  displayName: 'Sari',
  role: 'supervisor',
  officeId: '31.71',
};

/** The console's use cases on this Loket: the decision goes to the citizen by the real push. */
function deciding() {
  return { ...loket.repos, push: loket.push, catalog: loket.catalog, now: () => new Date() };
}

/** What the outbound path delivered to `user` after the chat's own turns. */
function heardAfter(user: string, from: number): string {
  return (delivered.get(user) ?? []).slice(from).join('\n');
}

describe('the decision reaches the chat', () => {
  it('should forget the draft on approval and queue the notice naming what is kept', async () => {
    const user = 'warga-setuju';
    const open = await applicationOf(user, 'SUBMITTED', 300);
    await toNikStep(user);
    await say(user, 'hapus data saya');
    await say(user, 'ya');
    const request = await loket.repos.deletionRequests.findPendingByChat('terminal', user);
    await loket.outbound.flush({ channel: 'terminal', chatId: user });
    const before = delivered.get(user)?.length ?? 0;

    const { notified } = await approveDeletion(deciding(), SUPERVISOR, request!.id);
    expect(notified).toBe(true);
    const state = (await loket.repos.conversations.read('terminal', user))?.state;
    expect(state?.flow).toBeUndefined();
    expect(state?.recent ?? []).not.toContainEqual(expect.objectContaining({ text: 'Rina Marlina' }));
    const texts = heardAfter(user, before);
    expect(texts).toContain('sudah *disetujui*');
    expect(texts).toContain(open.trackingNumber);
  });

  it('should tell an English citizen the refusal and its reason', async () => {
    const user = 'warga-tolak';
    await say(user, 'delete my data', 'en');
    expect(await say(user, 'yes', 'en')).toContain('We have received your request');
    const request = await loket.repos.deletionRequests.findPendingByChat('terminal', user);
    await loket.outbound.flush({ channel: 'terminal', chatId: user });
    const before = delivered.get(user)?.length ?? 0;
    const { notified } = await refuseDeletion(
      deciding(),
      SUPERVISOR,
      request!.id,
      'Masih ada pengaduan terbuka.',
    );
    expect(notified).toBe(true);
    const texts = heardAfter(user, before);
    expect(texts).toContain('was *refused*');
    expect(texts).toContain('Masih ada pengaduan terbuka.');
  });
});
