import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { noticeAgencyOverdue } from '../../../src/app/officer/notice-agency-overdue.js';
import type { Agency, AgencyStep } from '../../../src/domain/agency.js';
import { newApplication, sequentialNumbers } from '../../adapters/mongo/fixtures.js';
import { openRepositoriesWithLeases, useTestDatabase } from '../../support/db.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('notice_agency_overdue');
const NOW = new Date('2027-06-01T03:00:00Z');
const DAY = 86_400_000;
const agencies = new Map<string, Agency>([
  [
    'dinas_pupr',
    {
      id: 'dinas_pupr',
      name: 'Dinas Cipta Karya, Tata Ruang dan Pertanahan',
      shortName: 'Dinas Cipta Karya',
    },
  ],
]);

let repos: MongoRepositories;
const numbers = sequentialNumbers(8600);

beforeAll(async () => {
  ({ repos } = await openRepositoriesWithLeases(db.conn()));
});

const deps = (now = NOW) => ({
  applications: repos.applications,
  events: repos.events,
  outbox: repos.outbox,
  documents: repos.documents,
  conversations: repos.conversations,
  catalog: { agencies },
  now: () => now,
});

function step(dueInDays: number, extra: Partial<AgencyStep> = {}): AgencyStep {
  return {
    agencyId: 'dinas_pupr',
    forwardedAt: new Date(NOW.getTime() - 10 * DAY),
    forwardedBy: 'o1',
    slaDays: 5,
    slaDueAt: new Date(NOW.getTime() + dueInDays * DAY),
    note: 'Mohon pemeriksaan teknis',
    ...extra,
  };
}

async function outboxRows(key: string): Promise<Array<{ text: string }>> {
  const rows = await db
    .conn()
    .collection<{ _id: string; reply: string }>('outbox')
    .find({ _id: key })
    .toArray();
  return rows.map((r) => JSON.parse(testCipher.open(r.reply)) as { text: string });
}

describe('the agency SLA check', () => {
  it('should tell the citizen once, honestly and with the way to complain, and alert the office by an audit event', async () => {
    const base = newApplication();
    const late = await repos.applications.create(
      newApplication({
        status: 'IN_REVIEW',
        slaDueAt: new Date(NOW.getTime() + 20 * DAY),
        applicant: { ...base.applicant, contact: { channel: 'whatsapp', chatId: '6281200000009' } },
        agencySteps: [step(-2)],
      }),
      numbers,
    );
    const notYet = await repos.applications.create(
      newApplication({ status: 'IN_REVIEW', agencySteps: [step(1)] }),
      numbers,
    );
    const answered = await repos.applications.create(
      newApplication({
        status: 'IN_REVIEW',
        agencySteps: [step(-2, { answeredAt: NOW, outcome: 'done', answeredBy: 'o1' })],
      }),
      numbers,
    );

    expect(await noticeAgencyOverdue(deps())).toBe(1);
    const rows = await outboxRows(`agency-overdue:${late.id}:0`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.text).toContain('menunggu di Dinas Cipta Karya lebih lama dari 5 hari kerjanya');
    expect(rows[0]!.text).toContain('pengaduan');
    const events = (await repos.events.listForApplication(late.id)).filter(
      (e) => e.type === 'application.agency_overdue',
    );
    expect(events).toEqual([
      expect.objectContaining({
        officeId: late.officeId,
        data: expect.objectContaining({ agencyId: 'dinas_pupr' }),
      }),
    ]);
    expect((await repos.applications.findById(late.id))?.agencySteps?.[0]?.overdueNoticeAt).toEqual(NOW);
    // The mark is not a versioned write: an officer's open page stays current.
    expect((await repos.applications.findById(late.id))?.version).toBe(late.version);

    // A later run tells nobody again.
    expect(await noticeAgencyOverdue(deps(new Date(NOW.getTime() + DAY)))).toBe(0);
    expect(await outboxRows(`agency-overdue:${late.id}:0`)).toHaveLength(1);
    for (const other of [notYet, answered]) {
      expect((await repos.events.listForApplication(other.id)).map((e) => e.type)).not.toContain(
        'application.agency_overdue',
      );
    }
  });

  it('should go through every waiting application a batch at a time, however many there are', async () => {
    const late = [];
    for (let i = 0; i < 5; i++)
      late.push(
        await repos.applications.create(
          newApplication({ status: 'IN_REVIEW', agencySteps: [step(-1)] }),
          numbers,
        ),
      );
    await repos.applications.create(newApplication({ status: 'IN_REVIEW', agencySteps: [step(3)] }), numbers);
    const pages: number[] = [];
    const applications = new Proxy(repos.applications, {
      get(target, prop, receiver) {
        if (prop !== 'list') return Reflect.get(target, prop, receiver) as unknown;
        return async (...args: Parameters<typeof target.list>) => {
          const page = await target.list(...args);
          pages.push(page.items.length);
          return page;
        };
      },
    });
    expect(await noticeAgencyOverdue({ ...deps(), applications, batchSize: 2 })).toBe(5);
    // Never more than a batch in memory, and more than one batch read.
    expect(Math.max(...pages)).toBe(2);
    expect(pages.length).toBeGreaterThan(2);
    for (const app of late)
      expect((await repos.applications.findById(app.id))?.agencySteps?.[0]?.overdueNoticeAt).toEqual(NOW);
  });
});
