import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { encryptedStream, type WAMessage } from '@whiskeysockets/baileys';
import { readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { changeApplicationStatus } from '../../../src/app/officer/change-status.js';
import { claimHandoff } from '../../../src/app/officer/claim-handoff.js';
import { createOfficer } from '../../../src/app/officer/create-officer.js';
import type { OfficerActor } from '../../../src/app/officer/officer-actor.js';
import { replyHandoff } from '../../../src/app/officer/reply-handoff.js';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/config/logger.js';
import { start, type Running } from '../../../src/main.js';
import { serverEnv } from '../../support/db.js';
import { Client } from '../http/http-fixture.js';
import { CITIZEN_JID, fakeSockets, incoming, waitFor, type FakeSocket } from './helpers.js';

const FILES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'files');
const PASSWORD = 'kata-sandi-uji-123';
const MAX_UPLOAD = 1024 * 1024;

/**
 * The whole server (`start` from src/main.ts: real database, catalog, NLU, engine, outbox
 * worker, console) with WhatsApp on and a fake socket in place of Baileys' makeWASocket.
 */
describe('Loket server with WhatsApp (fake socket, real engine and database)', () => {
  const sockets = fakeSockets();
  let running: Running;
  let sock: FakeSocket;
  let media: Server;
  let mediaBase = '';
  const mediaHits: string[] = [];
  const served = new Map<string, Buffer>();
  let photo: Buffer;
  let encPath = '';
  let photoKeys: Awaited<ReturnType<typeof encryptedStream>>;
  let admin: OfficerActor;
  let tracking = '';

  beforeAll(async () => {
    photo = await readFile(path.join(FILES, 'foto-kk.png'));
    photoKeys = await encryptedStream(photo, 'image');
    encPath = photoKeys.encFilePath;
    served.set('/m/foto-kk.enc', await readFile(encPath));
    media = createServer((req, res) => {
      mediaHits.push(req.url ?? '');
      const body = served.get(req.url ?? '');
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200).end(body);
    });
    await new Promise<void>((resolve) => media.listen(0, '127.0.0.1', () => resolve()));
    const a = media.address();
    mediaBase = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;

    const config = loadConfig(
      serverEnv('wa_server', {
        WHATSAPP_ENABLED: 'true',
        WHATSAPP_SEND_INTERVAL_MS: '0',
        WHATSAPP_CHAT_RATE_LIMIT: '200',
        OUTBOX_INTERVAL_MS: '200',
        UPLOAD_MAX_BYTES: String(MAX_UPLOAD),
      }),
    );
    running = await start(config, createLogger('silent'), { whatsappSocketFactory: sockets.factory });
    sock = sockets.last();
    sock.open();
    const o = await createOfficer(
      { ...running.loket.repos, now: () => new Date() },
      { username: 'admin', displayName: 'Admin Loket', password: PASSWORD, role: 'admin', officeId: '31.71' },
      { kind: 'system', id: 'test' },
    );
    admin = {
      id: o.id,
      username: o.username,
      displayName: o.displayName,
      role: o.role,
      officeId: o.officeId,
    };
  }, 60_000);

  afterAll(async () => {
    await running?.conn.dropDatabase().catch(() => undefined);
    await running?.stop();
    media?.closeAllConnections();
    await new Promise<void>((resolve) => (media ? media.close(() => resolve()) : resolve()));
    if (encPath) await rm(encPath, { force: true });
  });

  /** Sends one citizen message and returns everything the bot answered to it. */
  async function send(m: WAMessage): Promise<string> {
    const before = sock.sent.length;
    sock.deliver(m);
    await running.whatsapp!.idle();
    return sock.sent
      .slice(before)
      .map((s) => s.text)
      .join('\n---\n');
  }
  const say = (text: string, id?: string) => send(incoming({ conversation: text }, id ? { id } : {}));

  it('should register the WhatsApp sender and be open', () => {
    expect(running.senders.get('whatsapp')).toBe(running.whatsapp!.sender);
    expect(running.whatsapp!.session.status()).toMatchObject({ state: 'open', leaseOurs: true });
  });

  it('should take a citizen from greeting to tracking number, with a photo, a refused oversized file and a duplicate', async () => {
    expect(await say('halo')).toContain('Loket');
    expect(await say('gmn cara bikin ktp')).toContain('Syarat KTP-el');
    expect(await say('1')).toMatch(/setuju/i);
    expect(await say('ya')).toMatch(/KTP apa/i);
    expect(await say('baru')).toMatch(/nama lengkap/i);
    expect(await say('Budi Santoso')).toContain('NIK');
    expect(await say('3171010101900001')).toMatch(/Nomor HP/i);
    expect(await say('0812 3456 7890')).toMatch(/kelurahan/i);
    expect(await say('gambir')).toContain('Gambir');
    expect(await say('3171010101900002')).toMatch(/menikah/i);
    expect(await say('tidak')).toMatch(/tanggal lahir/i);
    expect(await say('17 agustus 1995')).toMatch(/foto Kartu Keluarga/i);

    // Announced bigger than the limit: refused with a message, never downloaded.
    const big = await send(
      incoming({
        documentMessage: {
          url: `${mediaBase}/m/big.enc`,
          mediaKey: photoKeys.mediaKey,
          fileName: 'kk-besar.pdf',
          mimetype: 'application/pdf',
          fileLength: MAX_UPLOAD + 1,
        },
      }),
    );
    expect(big).toContain('terlalu besar');
    expect(mediaHits).toEqual([]);

    const photoReply = await send(
      incoming({
        imageMessage: {
          url: `${mediaBase}/m/foto-kk.enc`,
          mediaKey: photoKeys.mediaKey,
          mimetype: 'image/png',
          fileLength: photoKeys.fileLength,
          fileSha256: photoKeys.fileSha256,
          fileEncSha256: photoKeys.fileEncSha256,
        },
      }),
    );
    expect(mediaHits).toEqual(['/m/foto-kk.enc']);
    expect(photoReply).toMatch(/diterima/i);
    expect(photoReply).toContain('Ringkasan');
    expect(photoReply).not.toContain('3171010101900001');

    const submitted = await say('1', 'SUBMIT-1');
    expect(submitted).toContain('Nomor pelacakan');
    tracking = /PTSP-\d{4}-[0-9A-Z]{5}/.exec(submitted)![0];

    // WhatsApp redelivers the same message: handled once, nothing said twice.
    expect(await say('1', 'SUBMIT-1')).toBe('');

    const app = await running.loket.repos.applications.findByTrackingNumber(tracking);
    expect(app?.applicant.contact).toEqual({ channel: 'whatsapp', chatId: CITIZEN_JID });
    const docs = app!.documents;
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ contentType: 'image/png', size: photo.length });
    expect(sock.reads.length).toBeGreaterThan(10);
    expect(sock.presence.some((p) => p.type === 'composing' && p.jid === CITIZEN_JID)).toBe(true);
  }, 60_000);

  it('should push a status change to the citizen on WhatsApp through the outbox', async () => {
    const app = await running.loket.repos.applications.findByTrackingNumber(tracking);
    const before = sock.sent.length;
    await changeApplicationStatus(
      { ...running.loket.repos, push: running.loket.push, now: () => new Date() },
      admin,
      { applicationId: app!.id, to: 'IN_REVIEW' },
    );
    const notice = await waitFor(
      () => sock.sent.slice(before).find((s) => s.text.includes(tracking)),
      15_000,
    );
    expect(notice.jid).toBe(CITIZEN_JID);
  }, 30_000);

  it('should carry a handoff both ways: citizen asks for an officer, officer replies, citizen answers', async () => {
    expect(await say('petugas')).toMatch(/petugas|antre/i);
    const ticket = await running.loket.repos.handoffs.findOpenByChat('whatsapp', CITIZEN_JID);
    expect(ticket).toBeDefined();
    const deps = { ...running.loket.repos, push: running.loket.push, now: () => new Date() };
    await claimHandoff(deps, admin, ticket!.id);
    await waitFor(() => sock.texts().some((t) => t.includes('Admin Loket')));
    const r = await replyHandoff(deps, admin, ticket!.id, 'Selamat siang, ada yang bisa saya bantu?');
    expect(r.notified).toBe(true);
    expect(sock.texts().some((t) => t.includes('Selamat siang, ada yang bisa saya bantu?'))).toBe(true);
    await say('Saya mau tanya syarat KK');
    const after = await running.loket.repos.handoffs.get(ticket!.id);
    expect(after!.transcript.map((m) => [m.from, m.text])).toEqual(
      expect.arrayContaining([
        ['officer', 'Selamat siang, ada yang bisa saya bantu?'],
        ['citizen', 'Saya mau tanya syarat KK'],
      ]),
    );
  }, 30_000);

  it("should answer what it cannot read in the conversation's language, English after the switch", async () => {
    const jid = '6285500001111@s.whatsapp.net';
    const sticker = () => send(incoming({ stickerMessage: { mimetype: 'image/webp' } }, { jid }));
    expect(await sticker()).toContain('Maaf, saya hanya bisa membaca teks');
    expect(await send(incoming({ conversation: 'english' }, { jid }))).toMatch(/English/i);
    expect(await sticker()).toBe(
      'Sorry, I can only read text, photos and documents. Please type your message.',
    );
  });

  it('should show the session health to admins only', async () => {
    const c = new Client(`http://127.0.0.1:${running.port}`);
    expect((await c.login('admin', PASSWORD)).status).toBe(303);
    const { res, html } = await c.page('/console/whatsapp');
    expect(res.status).toBe(200);
    expect(html).toContain('data-state="open"');
    expect(html).toContain('(proses ini)');
    const json = (await (await c.fetch('/console/whatsapp/status.json')).json()) as { state: string };
    expect(json.state).toBe('open');
  });
});
