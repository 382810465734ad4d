import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import {
  noticeOverdue,
  overdueNotice,
  SLA_CHECK_LEASE,
  type OverdueDeps,
} from '../../../src/app/officer/notice-overdue.js';
import type { Application, ApplicationStatus } from '../../../src/domain/application.js';
import type { LeaseRepository } from '../../../src/ports/lease.js';
import { reconcileEffects } from '../../../src/app/application-effects.js';
import { newApplication, sequentialNumbers } from '../../adapters/mongo/fixtures.js';
import { openRepositoriesWithLeases, useTestDatabase } from '../../support/db.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('notice_overdue');
const NOW = new Date('2027-06-01T03:00:00Z');
const DAY = 86_400_000;

let repos: MongoRepositories;
let leases: LeaseRepository;
const numbers = sequentialNumbers(8100);

beforeAll(async () => {
  ({ repos, leases } = await openRepositoriesWithLeases(db.conn()));
});

function deps(overrides: Partial<OverdueDeps> = {}): OverdueDeps {
  return {
    applications: repos.applications,
    events: repos.events,
    outbox: repos.outbox,
    documents: repos.documents,
    conversations: repos.conversations,
    leases,
    holder: 'test-a',
    now: () => NOW,
    ...overrides,
  };
}

/** An application due `dueInDays` from NOW (negative: already past), on chat `chatId` (none: walk-in). */
function filed(status: ApplicationStatus, dueInDays: number, chatId?: string): Promise<Application> {
  const base = newApplication();
  return repos.applications.create(
    newApplication({
      status,
      slaDueAt: new Date(NOW.getTime() + dueInDays * DAY),
      applicant: chatId
        ? { ...base.applicant, contact: { channel: 'whatsapp', chatId } }
        : { name: base.applicant.name, nik: base.applicant.nik },
    }),
    numbers,
  );
}

async function outboxRows(key: string): Promise<Array<{ chatId: string; payload: { text: string } }>> {
  const rows = await db
    .conn()
    .collection<{ _id: string; reply: string }>('outbox')
    .find({ _id: key })
    .toArray();
  return rows.map((r) => ({
    ...r,
    payload: JSON.parse(testCipher.open(r.reply)) as { text: string },
  })) as never;
}

async function overdueEvents(applicationId: string) {
  return (await repos.events.listForApplication(applicationId)).filter(
    (e) => e.type === 'application.overdue',
  );
}

describe('the SLA check', () => {
  it('should record and tell each citizen once about an application past its due date, and leave the rest alone', async () => {
    const late = await filed('IN_REVIEW', -3, '6281200000001');
    const lateWalkIn = await filed('SUBMITTED', -1);
    const notYet = await filed('IN_REVIEW', 2, '6281200000002');
    const readyLate = await filed('READY_FOR_PICKUP', -5, '6281200000003');
    const doneLate = await filed('COMPLETED', -5, '6281200000004');

    const first = await noticeOverdue(deps());
    expect(first).toEqual({ ran: true, noticed: 2, citizensTold: 1 });

    const [event] = await overdueEvents(late.id);
    expect(event).toMatchObject({
      actor: { kind: 'system', id: 'sla-check' },
      trackingNumber: late.trackingNumber,
      officeId: late.officeId,
      data: { status: 'IN_REVIEW', daysLate: 3 },
    });
    expect(await overdueEvents(lateWalkIn.id)).toHaveLength(1);
    for (const app of [notYet, readyLate, doneLate]) expect(await overdueEvents(app.id)).toHaveLength(0);

    const rows = await outboxRows(`overdue:${late.id}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.chatId).toBe('6281200000001');
    expect(rows[0]?.payload.text).toContain(late.trackingNumber);
    expect(rows[0]?.payload.text).toContain('29 Mei 2027');
    expect((await repos.applications.findById(late.id))?.overdueNoticeAt).toEqual(NOW);

    // The next runs find nothing new: nobody hears it twice.
    expect(await noticeOverdue(deps({ now: () => new Date(NOW.getTime() + DAY) }))).toEqual({
      ran: true,
      noticed: 0,
      citizensTold: 0,
    });
    expect(await overdueEvents(late.id)).toHaveLength(1);
    expect(await outboxRows(`overdue:${late.id}`)).toHaveLength(1);
  });

  it('should apologise in English to a citizen who switched their chat to English', async () => {
    await repos.conversations.write(
      'whatsapp',
      '6281200000077',
      { lang: 'en', consent: true, mode: 'bot', misunderstood: 0 },
      null,
    );
    const app = await filed('IN_REVIEW', -1, '6281200000077');
    await noticeOverdue(deps());
    const [row] = await outboxRows(`overdue:${app.id}`);
    expect(row?.payload.text).toContain(`We are sorry: application ${app.trackingNumber} was not finished`);
    expect(row?.payload.text).toContain('31 May 2027');
    expect(row?.payload.text).toContain('"officer"');
  });

  it('should keep the mark when an officer saves a copy read before it, without making that copy stale', async () => {
    const app = await filed('SUBMITTED', -2, '6281200000005');
    await noticeOverdue(deps());
    const saved = await repos.applications.save({ ...app, status: 'IN_REVIEW' }, app.version);
    expect(saved.version).toBe(app.version + 1);
    const reread = await repos.applications.findById(app.id);
    expect(reread?.status).toBe('IN_REVIEW');
    expect(reread?.overdueNoticeAt).toEqual(NOW);
    expect((await noticeOverdue(deps())).noticed).toBe(0);
  });

  it('should not run while another process holds the lease, and two processes at once report each application once', async () => {
    const app = await filed('IN_REVIEW', -4, '6281200000006');
    await leases.acquire(SLA_CHECK_LEASE, 'other-process', 60_000, NOW);
    expect(await noticeOverdue(deps())).toEqual({ ran: false, noticed: 0, citizensTold: 0 });
    expect(await overdueEvents(app.id)).toHaveLength(0);
    await leases.release(SLA_CHECK_LEASE, 'other-process', NOW);

    const both = await Promise.all([noticeOverdue(deps()), noticeOverdue(deps({ holder: 'test-b' }))]);
    expect(both.reduce((n, r) => n + r.noticed, 0)).toBe(1);
    expect(await overdueEvents(app.id)).toHaveLength(1);
    expect(await outboxRows(`overdue:${app.id}`)).toHaveLength(1);
  });

  it('should log and tell once when the process dies right after marking an application', async () => {
    const app = await filed('IN_REVIEW', -2, '6281200000088');
    const dying = Object.assign(Object.create(repos.events) as typeof repos.events, {
      appendOnce: () => Promise.reject(new Error('crash')),
    });
    await noticeOverdue(deps({ events: dying }));
    expect(await overdueEvents(app.id)).toHaveLength(0);
    expect(await outboxRows(`overdue:${app.id}`)).toHaveLength(0);
    // Marked, so the check never finds it again; the reconciler completes what the mark carries.
    expect((await noticeOverdue(deps())).noticed).toBe(0);
    const later = new Date(NOW.getTime() + 60_000);
    const reconcile = () => reconcileEffects({ ...deps(), holder: 'test-r', now: () => later });
    expect((await reconcile()).completed).toBeGreaterThanOrEqual(1);
    expect((await reconcile()).completed).toBe(0);
    expect(await overdueEvents(app.id)).toHaveLength(1);
    expect(await outboxRows(`overdue:${app.id}`)).toHaveLength(1);
  });

  it('should go through more overdue applications than one batch in one run', async () => {
    const apps = await Promise.all(
      Array.from({ length: 7 }, (_, i) => filed('SUBMITTED', -1, `62812000001${i}`)),
    );
    const r = await noticeOverdue(deps({ batchSize: 3 }));
    expect(r.noticed).toBe(7);
    for (const a of apps) expect(await outboxRows(`overdue:${a.id}`)).toHaveLength(1);
  });

  it('should say in Indonesian which application, its due date and how to reach an officer', () => {
    const text = overdueNotice({
      ...newApplication(),
      id: 'x',
      trackingNumber: 'PTSP-2705-00042',
      version: 1,
      slaDueAt: new Date('2027-05-10T10:00:00Z'),
    });
    expect(text).toContain('Mohon maaf, permohonan PTSP-2705-00042');
    expect(text).toContain('10 Mei 2027');
    expect(text).toContain('"petugas"');
  });
});
