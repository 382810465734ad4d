import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { changeApplicationStatus, type ChangeStatusDeps } from '../../../src/app/officer/change-status.js';
import { OfficerActionError } from '../../../src/app/officer/errors.js';
import { newApplication, sequentialNumbers } from '../../adapters/mongo/fixtures.js';
import { useTestDatabase } from '../../support/db.js';
import { at, budi, joko, recordingPush, sari } from './support.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('change_status');
let repos: MongoRepositories;
const numbers = sequentialNumbers(100);

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

function deps(push = recordingPush()): ChangeStatusDeps & { push: ReturnType<typeof recordingPush> } {
  return { ...repos, push, now: at('2025-03-04T03:00:00.000Z') };
}

/** The outbox row with this key, read straight from the collection. */
async function outboxRow(key: string) {
  const row = await db.conn().collection<{ _id: string; reply: string }>('outbox').findOne({ _id: key });
  return row && { ...row, payload: JSON.parse(testCipher.open(row.reply)) as { text: string } };
}

async function seeded(overrides = {}) {
  return repos.applications.create(newApplication(overrides), numbers);
}

describe('changeApplicationStatus', () => {
  it('should move along an allowed transition, audit it and enqueue an Indonesian notice', async () => {
    const app = await seeded();
    const d = deps();
    const res = await changeApplicationStatus(d, budi, {
      applicationId: app.id,
      to: 'IN_REVIEW',
      note: 'Berkas lengkap',
    });
    expect(res.application).toMatchObject({ status: 'IN_REVIEW', version: 2 });
    expect(res.application.statusHistory.at(-1)).toMatchObject({
      from: 'SUBMITTED',
      to: 'IN_REVIEW',
      by: { kind: 'officer', id: budi.id },
    });
    const events = await repos.events.listForApplication(app.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'application.status_changed',
      before: { status: 'SUBMITTED', version: 1 },
      after: { status: 'IN_REVIEW', version: 2, note: 'Berkas lengkap' },
    });
    const item = await outboxRow(`status:${app.id}:2`);
    expect(item).toMatchObject({ channel: 'telegram', chatId: '5550001', status: 'pending' });
    const text = String(item?.payload.text);
    expect(text).toContain(app.trackingNumber);
    expect(text).toContain('Sedang diperiksa petugas');
    expect(text).toContain('Catatan petugas: Berkas lengkap');
    expect(d.push.calls).toEqual([]);
  });

  it('should write the notice in English for a citizen who switched their chat to English', async () => {
    const contact = { channel: 'whatsapp' as const, chatId: '6281299990001' };
    await repos.conversations.write(
      contact.channel,
      contact.chatId,
      { lang: 'en', consent: true, mode: 'bot', misunderstood: 0 },
      null,
    );
    const base = newApplication();
    const app = await seeded({ applicant: { ...base.applicant, contact } });
    await changeApplicationStatus(deps(), budi, {
      applicationId: app.id,
      to: 'IN_REVIEW',
      note: 'Berkas lengkap',
    });
    const text = String((await outboxRow(`status:${app.id}:2`))?.payload.text);
    expect(text).toBe(
      [
        `Update on application ${app.trackingNumber}:`,
        'Status: Being checked by an officer.',
        "Officer's note: Berkas lengkap",
        'You need not do anything; we will tell you when something changes.',
      ].join('\n'),
    );
  });

  it('should ask for a revision of one named step and push revision_requested', async () => {
    const app = await seeded({ status: 'IN_REVIEW' });
    const d = deps();
    const res = await changeApplicationStatus(d, sari, {
      applicationId: app.id,
      to: 'NEEDS_REVISION',
      revision: { stepId: 'surat_kehilangan', note: 'Foto buram, kirim ulang' },
    });
    expect(res).toMatchObject({ notified: true, application: { revision: { stepId: 'surat_kehilangan' } } });
    expect(d.push.calls).toEqual([
      {
        address: { channel: 'telegram', chatId: '5550001' },
        event: {
          kind: 'revision_requested',
          trackingNumber: app.trackingNumber,
          serviceId: 'ktp',
          stepId: 'surat_kehilangan',
          note: 'Foto buram, kirim ulang',
        },
      },
    ]);
    const row = await outboxRow(`status:${app.id}:2`);
    expect(String(row?.payload.text)).toContain('Yang perlu diperbaiki: Foto buram, kirim ulang');
  });

  it('should refuse a revision of a step the application does not have, with a field error', async () => {
    const app = await seeded({ status: 'IN_REVIEW' });
    const err = await changeApplicationStatus(deps(), budi, {
      applicationId: app.id,
      to: 'NEEDS_REVISION',
      revision: { stepId: 'tidak_ada', note: 'x' },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfficerActionError);
    expect(err).toMatchObject({ code: 'invalid', fields: { 'revision.stepId': expect.any(String) } });
  });

  it('should refuse a rejection without a reason as invalid input', async () => {
    const app = await seeded({ status: 'IN_REVIEW' });
    await expect(
      changeApplicationStatus(deps(), budi, { applicationId: app.id, to: 'REJECTED' }),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: { reason: expect.any(String) },
    });
  });

  it('should refuse a transition the lifecycle does not allow, and CANCELLED by an officer', async () => {
    const app = await seeded();
    await expect(
      changeApplicationStatus(deps(), budi, { applicationId: app.id, to: 'APPROVED' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      changeApplicationStatus(deps(), budi, { applicationId: app.id, to: 'CANCELLED' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await repos.applications.findById(app.id))?.status).toBe('SUBMITTED');
    expect(await repos.events.listForApplication(app.id)).toEqual([]);
  });

  it('should refuse an officer of another office, and a stale version', async () => {
    const app = await seeded();
    await expect(
      changeApplicationStatus(deps(), joko, { applicationId: app.id, to: 'IN_REVIEW' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      changeApplicationStatus(deps(), budi, { applicationId: app.id, to: 'IN_REVIEW', expectedVersion: 7 }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      changeApplicationStatus(deps(), budi, { applicationId: '65f00000000000000000dead', to: 'IN_REVIEW' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('should let exactly one of two simultaneous changes win', async () => {
    const app = await seeded({ status: 'IN_REVIEW' });
    const results = await Promise.allSettled([
      changeApplicationStatus(deps(), budi, { applicationId: app.id, to: 'APPROVED' }),
      changeApplicationStatus(deps(), sari, {
        applicationId: app.id,
        to: 'REJECTED',
        reason: 'Data tidak sesuai',
      }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await repos.events.listForApplication(app.id)).toHaveLength(1);
  });

  it('should still save and enqueue when the push fails', async () => {
    const app = await seeded({ status: 'IN_REVIEW' });
    const res = await changeApplicationStatus(deps(recordingPush(true)), budi, {
      applicationId: app.id,
      to: 'NEEDS_REVISION',
      revision: { stepId: 'jenis', note: 'Pilih jenis yang benar' },
    });
    expect(res.notified).toBe(false);
    expect((await repos.applications.findById(app.id))?.status).toBe('NEEDS_REVISION');
  });

  it('should write no outbox row for a walk-in without a chat', async () => {
    const base = newApplication();
    const app = await seeded({ applicant: { name: base.applicant.name, nik: base.applicant.nik } });
    await changeApplicationStatus(deps(), budi, { applicationId: app.id, to: 'IN_REVIEW' });
    expect(await outboxRow(`status:${app.id}:2`)).toBeNull();
    expect((await repos.applications.findById(app.id))?.status).toBe('IN_REVIEW');
  });
});
