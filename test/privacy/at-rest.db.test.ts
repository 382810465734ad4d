import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import { createOfficer } from '../../src/app/officer/create-officer.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import { start, type Running } from '../../src/main.js';
import { Client, PASSWORD } from '../adapters/http/http-fixture.js';
import { TOKEN } from '../adapters/telegram/helpers.js';
import { serverEnv } from '../support/db.js';
import { FakeBotApi } from '../../scripts/support/fake-bot-api.js';
import { scanRawCollections } from '../support/raw-scan.js';

/**
 * Issue 22, encryption at rest: a citizen applies for a KTP through the whole server (Telegram on
 * the fake Bot API), an officer takes it into review in the console, and then every raw document
 * of every collection is searched for the NIK and the phone number in plain text. The data still
 * reads back plain through the repositories, and is still found by chat and by NIK.
 */
const NIK = '3171014708900003';
const KK = '3171010101900002';
const PHONE_TYPED = '0812 3456 7890';
const PHONE = '+6281234567890';
const NAME = 'Siti Rahmawati';
const CHAT = 5201;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/files/${name}`, import.meta.url));

/** `png` with a text chunk before its end, as a phone's photo carries a caption in its metadata. */
function withText(png: Buffer, text: string): Buffer {
  const body = Buffer.concat([Buffer.from('tEXt'), Buffer.from(`Comment\u0000${text}`, 'latin1')]);
  const chunk = Buffer.alloc(body.length + 8);
  chunk.writeUInt32BE(body.length - 4, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), body.length + 4);
  const iend = png.length - 12;
  return Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)]);
}
/** The photo of the KK the citizen sends: the NIK and the KK number are inside its bytes. */
const KK_PHOTO = withText(fixture('foto-kk.png'), `NIK ${NIK} KK ${KK}`);

describe('personal data at rest', () => {
  const api = new FakeBotApi(TOKEN);
  let running: Running;
  let update = 1;

  /** The citizen writes `input`; resolves with what the bot answered once it matches `expected`. */
  async function say(input: string | { photo: Buffer }, expected: RegExp): Promise<string> {
    const before = api.sent.length;
    const from = { id: CHAT, is_bot: false, first_name: 'Siti', language_code: 'id' };
    const body =
      typeof input === 'string'
        ? { text: input }
        : (api.addFile(`photo-${update}`, input.photo),
          {
            photo: [
              {
                file_id: `photo-${update}`,
                file_unique_id: `photo-${update}-u`,
                width: 1,
                height: 1,
                file_size: input.photo.length,
              },
            ],
          });
    api.push({
      message: {
        message_id: update++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: CHAT, type: 'private', first_name: 'Siti' },
        from,
        ...body,
      },
    });
    const replies = () =>
      api.sent
        .slice(before)
        .filter((m) => String(m.chat_id) === String(CHAT))
        .map((m) => String(m.text))
        .join('\n');
    try {
      return await api.waitFor(() => expected.test(replies()) && replies(), 15_000);
    } catch {
      throw new Error(`after ${JSON.stringify(input)} expected ${expected}, the bot said:\n${replies()}`);
    }
  }

  beforeAll(async () => {
    const apiRoot = await api.listen();
    const env = serverEnv('at_rest', { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot });
    running = await start(loadConfig(env), createLogger('silent'));
  }, 120_000);
  afterAll(async () => {
    await running?.conn.dropDatabase().catch(() => undefined);
    await running?.stop();
    await api.close();
  });

  it('should keep the NIK and the phone number out of every stored document, and still read and find them', async () => {
    await say('halo', /KTP-el/);
    await say('mau bikin ktp', /UU 27\/2022.*setuju/s);
    await say('ya', /KTP apa/);
    await say('baru', /nama lengkap/);
    await say(NAME, /NIK/);
    await say(NIK, /Nomor HP/);
    await say(PHONE_TYPED, /kelurahan/i);
    await say('gambir', /Kartu Keluarga/);
    await say(KK, /menikah/);
    await say('tidak', /tanggal lahir/);
    await say('7 agustus 1990', /foto Kartu Keluarga/);
    const summary = await say({ photo: KK_PHOTO }, /Kirim permohonan/);
    expect(summary).toContain(NAME);
    const done = await say('1', /Nomor pelacakan/);
    const tracking = /PTSP-\d{4}-[A-Z0-9]+/.exec(done)?.[0] ?? '';
    const { repos } = running.loket;
    const app = await repos.applications.findByTrackingNumber(tracking);
    expect(app?.applicant).toMatchObject({ name: NAME, nik: NIK, phone: PHONE });

    // The officer takes it into review in the console; the citizen is told.
    await createOfficer(
      { ...repos, now: () => new Date() },
      { username: 'rina', displayName: 'Rina', password: PASSWORD, role: 'officer', officeId: app!.officeId },
      { kind: 'system', id: 'test' },
    );
    const c = new Client(`http://127.0.0.1:${running.port}`);
    expect((await c.login('rina')).status).toBe(303);
    const changed = await c.form(`/console/applications/${app!.id}/status`, {
      to: 'IN_REVIEW',
      version: String(app!.version),
    });
    expect(changed.status).toBe(303);
    await say('status', /diperiksa|IN_REVIEW|Diperiksa/);

    // What a stolen backup shows: no NIK, KK number or phone number in any form, in any collection.
    const needles = [NIK, PHONE, PHONE.slice(1), PHONE_TYPED.replace(/ /g, ''), KK];
    const hits = await scanRawCollections(running.conn, needles);
    expect(hits).toEqual([]);
    // The scan does see plain text: the tracking number is stored plain.
    expect(await scanRawCollections(running.conn, [tracking])).toContainEqual({
      collection: 'applications',
      id: app!.id,
    });
    const collections = new Set(
      (await running.conn.db!.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name),
    );
    for (const sealed of ['applications', 'conversations', 'outbox'])
      expect(collections.has(sealed)).toBe(true);

    // Through the repositories it is all plain again, and found by chat and by NIK.
    const read = await repos.applications.findById(app!.id);
    expect(read?.status).toBe('IN_REVIEW');
    expect(read?.answers).toMatchObject({ no_kk: KK });
    const mine = await repos.applications.listByContact({ channel: 'telegram', chatId: String(CHAT) });
    expect(mine.map((a) => a.trackingNumber)).toEqual([tracking]);
    const byNik = await repos.applications.list({ text: NIK }, { limit: 5 });
    expect(byNik.items.map((a) => a.trackingNumber)).toEqual([tracking]);
    const byPhone = await repos.applications.list({ text: PHONE_TYPED }, { limit: 5 });
    expect(byPhone.items.map((a) => a.trackingNumber)).toEqual([tracking]);
    const chat = await repos.conversations.read('telegram', String(CHAT));
    expect(JSON.stringify(chat?.state)).toContain(tracking);

    // The photo is sealed at rest (the scan above read its chunks), and the officer's download
    // gives the exact bytes the citizen sent, with their own length.
    expect(KK_PHOTO.includes(NIK)).toBe(true);
    const docId = read!.documents[0]!.id;
    const download = await c.fetch(`/api/applications/${app!.id}/documents/${docId}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-length')).toBe(String(KK_PHOTO.length));
    expect(Buffer.from(await download.arrayBuffer()).equals(KK_PHOTO)).toBe(true);

    // A chunk changed at rest: the download fails, and no byte of the photo is served.
    const chunks = running.conn.collection('documents.chunks');
    const row = await running.conn
      .collection('documents.files')
      .findOne({ _id: new mongoose.Types.ObjectId(docId) });
    const chunk = await chunks.findOne({ files_id: row?.metadata.chunks, n: 0 });
    const data = chunk!.data as mongoose.mongo.Binary;
    const bytes = Buffer.from(data.read(0, data.length()));
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    await chunks.updateOne({ _id: chunk!._id }, { $set: { data: new mongoose.mongo.Binary(bytes) } });
    const refused = await c.fetch(`/api/applications/${app!.id}/documents/${docId}`);
    expect(refused.status).toBe(500);
    expect(refused.headers.get('content-type')).not.toBe('image/png');
    const answer = Buffer.from(await refused.arrayBuffer());
    expect(answer.includes(KK_PHOTO.subarray(0, 8))).toBe(false);
    // The officer learns the file is damaged and that retrying will not help.
    expect(JSON.parse(answer.toString('utf8'))).toMatchObject({
      error: { code: 'document_damaged', message: expect.stringMatching(/rusak atau diubah/) },
    });
  }, 120_000);
});
