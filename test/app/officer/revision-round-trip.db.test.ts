import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pseudonymousCitizens } from '../../../src/app/citizen-actor.js';
import { changeApplicationStatus } from '../../../src/app/officer/change-status.js';
import type { InboundMessage } from '../../../src/app/inbound.js';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/config/logger.js';
import type { Application } from '../../../src/domain/application.js';
import type { Reply } from '../../../src/dialogue/types.js';
import { createLoket, type Loket } from '../../../src/main.js';
import { sari } from './support.js';

// A Monday morning in Jakarta; every message and officer action is one minute later.
let clock = new Date('2026-11-23T02:00:00Z').getTime();
const tick = () => new Date((clock += 60_000));

let loket: Loket;
const sent: Array<{ chatId: string; text: string }> = [];
let seq = 0;

beforeAll(async () => {
  const db = `t_revision_${randomBytes(4).toString('hex')}`;
  loket = await createLoket(
    loadConfig({ MONGODB_URI: `${process.env.MONGODB_URI}${db}`, LOG_LEVEL: 'silent' }),
    createLogger('silent'),
  );
  loket.senders.set('telegram', {
    channel: 'telegram',
    send: (chatId: string, replies: Reply[]) => {
      for (const r of replies) sent.push({ chatId, text: r.text });
      return Promise.resolve({ ok: true });
    },
  });
});
afterAll(async () => {
  await loket.conn.dropDatabase().catch(() => undefined);
  await loket.stop();
});

function file(name: string): Buffer {
  return readFileSync(new URL(`../../fixtures/files/${name}`, import.meta.url));
}

/** One citizen message through the real inbound path; the replies' text joined. */
async function citizen(chatId: string, content: string | { file: string }): Promise<string> {
  const msg: InboundMessage = {
    channel: 'telegram',
    chatId,
    messageId: `m${++seq}`,
    at: tick(),
    content:
      typeof content === 'string'
        ? { kind: 'text', text: content }
        : {
            kind: 'file',
            file: { filename: content.file, fetch: () => Promise.resolve(file(content.file)) },
          },
  };
  const r = await loket.handleInbound(msg);
  return r.replies.map((x) => x.text).join('\n');
}

/** Files a "KTP hilang" application by chat, as in test/app/transcripts/ktp-hilang.yaml. */
async function fileByChat(chatId: string): Promise<Application> {
  for (const turn of [
    'ktp saya hilang mau bikin lagi',
    'setuju',
    'hilang',
    'Siti Rahmawati',
    '3171 0155 0592 0003',
    '081298765432',
    'kebon kelapa',
    '3171010101900002',
  ])
    await citizen(chatId, turn);
  await citizen(chatId, { file: 'surat.pdf' });
  await citizen(chatId, { file: 'foto-kk.png' });
  const done = await citizen(chatId, 'kirim');
  const tracking = /PTSP-\d{4}-[0-9A-Z]{5}/.exec(done)?.[0];
  if (!tracking) throw new Error(`not submitted: ${done}`);
  const app = await loket.repos.applications.findByTrackingNumber(tracking);
  if (!app) throw new Error('application not stored');
  return app;
}

function officerDeps() {
  return { ...loket.repos, push: loket.push, now: tick };
}

/** The officer takes the application into review, then asks for one step to be fixed. */
async function askToFix(app: Application, stepId: string, note: string): Promise<Application> {
  await changeApplicationStatus(officerDeps(), sari, { applicationId: app.id, to: 'IN_REVIEW' });
  const r = await changeApplicationStatus(officerDeps(), sari, {
    applicationId: app.id,
    to: 'NEEDS_REVISION',
    revision: { stepId, note },
  });
  expect(r.notified).toBe(true);
  return r.application;
}

describe('NEEDS_REVISION round trip (officer -> bot -> citizen -> IN_REVIEW)', () => {
  it('should ask for exactly the named answer, check it with the flow rules, and change only it', async () => {
    const before = await fileByChat('4201');
    await askToFix(before, 'no_kk', 'Nomor KK tidak terbaca, mohon tulis ulang.');
    const pushed = sent
      .filter((s) => s.chatId === '4201')
      .map((s) => s.text)
      .join('\n');
    expect(pushed).toContain(before.trackingNumber);
    expect(pushed).toContain('Nomor KK');
    expect(pushed).toContain('Nomor KK tidak terbaca, mohon tulis ulang.');

    // The flow's own rule still applies: a bad number is refused and nothing changes.
    expect(await citizen('4201', '12345')).toContain('harus 16 angka');
    expect((await loket.repos.applications.findById(before.id))?.status).toBe('NEEDS_REVISION');

    expect(await citizen('4201', '3171010101900009')).toContain('sudah tersimpan');
    const after = await loket.repos.applications.findById(before.id);
    expect(after?.status).toBe('IN_REVIEW');
    expect(after?.revision).toBeUndefined();
    expect(after?.answers).toEqual({ ...before.answers, no_kk: '3171010101900009' });
    expect(after?.documents).toEqual(before.documents);
    expect(after?.applicant).toEqual(before.applicant);
    expect(after?.statusHistory.at(-1)).toMatchObject({
      from: 'NEEDS_REVISION',
      to: 'IN_REVIEW',
      by: {
        kind: 'citizen',
        id: pseudonymousCitizens(loket.repos.cipher)({ channel: 'telegram', chatId: '4201' }),
      },
    });
    const events = (await loket.repos.events.listForApplication(before.id)).map((e) => e.type);
    expect(events.at(-1)).toBe('application.revised');

    // The conversation is back to normal: a later message is not taken as another fix.
    expect(await citizen('4201', '3171010101900001')).not.toContain('sudah tersimpan');
    expect((await loket.repos.applications.findById(before.id))?.answers.no_kk).toBe('3171010101900009');
  }, 60_000);

  it('should replace only the named document and delete the old file', async () => {
    const before = await fileByChat('4202');
    const oldKk = before.documents.find((d) => d.stepId === 'foto_kk');
    const report = before.documents.find((d) => d.stepId === 'surat_kehilangan');
    await askToFix(before, 'foto_kk', 'Foto KK buram.');
    expect(await citizen('4202', { file: 'foto-ktp.jpg' })).toContain('sudah tersimpan');
    const after = await loket.repos.applications.findById(before.id);
    expect(after?.status).toBe('IN_REVIEW');
    expect(after?.answers).toEqual(before.answers);
    const newKk = after?.documents.find((d) => d.stepId === 'foto_kk');
    expect(newKk?.contentType).toBe('image/jpeg');
    expect(newKk?.id).not.toBe(oldKk?.id);
    expect(after?.documents.find((d) => d.stepId === 'surat_kehilangan')).toEqual(report);
    expect(await loket.repos.documents.get(oldKk?.id ?? '')).toBeUndefined();
    expect((await loket.repos.documents.get(newKk?.id ?? ''))?.meta.applicationId).toBe(before.id);
  }, 60_000);

  it('should carry a fixed name into the applicant the officers see', async () => {
    const before = await fileByChat('4203');
    await askToFix(before, 'nama', 'Nama tidak sesuai KTP.');
    await citizen('4203', 'Siti Rahmawati Putri');
    const after = await loket.repos.applications.findById(before.id);
    expect(after?.status).toBe('IN_REVIEW');
    expect(after?.answers.nama).toBe('Siti Rahmawati Putri');
    expect(after?.applicant.name).toBe('Siti Rahmawati Putri');
    expect(after?.applicant.nik).toBe(before.applicant.nik);
  }, 60_000);
});
