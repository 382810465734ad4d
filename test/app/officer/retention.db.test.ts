import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { createMongoRetentionStore } from '../../../src/adapters/mongo/mongo-retention-store.js';
import {
  ERASED_NAME,
  RETENTION_LEASE,
  runRetention,
  type RetentionDeps,
} from '../../../src/app/officer/retention.js';
import type { Flow } from '../../../src/catalog/flow-schema.js';
import type { Application, ApplicationStatus } from '../../../src/domain/application.js';
import type { LeaseRepository } from '../../../src/ports/lease.js';
import { intakeSettings } from '../../adapters/http/intake-support.js';
import { sequentialNumbers } from '../../adapters/mongo/fixtures.js';
import {
  ERASURE_NIK as NIK,
  expectApplicationErased,
  finishedApplication,
  noteInAudit,
} from '../../support/application-erasure.js';
import { openRepositoriesWithLeases, useTestDatabase } from '../../support/db.js';

const db = useTestDatabase('retention');
const NOW = new Date('2027-06-01T03:00:00Z');
const DAY = 86_400_000;
const flows: ReadonlyMap<string, Flow> = (await intakeSettings()).catalog.flows;

let repos: MongoRepositories;
let leases: LeaseRepository;
const numbers = sequentialNumbers(7000);

beforeAll(async () => {
  ({ repos, leases } = await openRepositoriesWithLeases(db.conn()));
});

function deps(overrides: Partial<RetentionDeps> = {}): RetentionDeps {
  return {
    applications: repos.applications,
    retention: createMongoRetentionStore(db.conn(), repos.cipher),
    documents: repos.documents,
    events: repos.events,
    leases,
    flows,
    retentionDays: 365,
    holder: 'test-a',
    now: () => NOW,
    ...overrides,
  };
}

const finished = (status: ApplicationStatus, daysAgo: number): Promise<Application> =>
  finishedApplication(repos, numbers, NOW, status, daysAgo);

describe('retention (RETENTION_DAYS after a final status)', () => {
  it('should erase documents and personal data of old final applications only, with an audit event each', async () => {
    const completed = await finished('COMPLETED', 400);
    const rejected = await finished('REJECTED', 366);
    const recent = await finished('CANCELLED', 300);
    const open = await finished('IN_REVIEW', 500);
    // The officers' notes in the audit log, as changing a status and forwarding write them.
    for (const app of [completed, recent]) await noteInAudit(repos, app);

    const report = await runRetention(deps());
    expect(report).toEqual({ ran: true, erased: 2, documentsDeleted: 2, skipped: 0 });

    for (const app of [completed, rejected])
      await expectApplicationErased(repos, app, {
        actor: { kind: 'system', id: 'retention' },
        at: NOW,
        why: { retentionDays: 365, finishedAt: expect.any(String) },
      });
    const kept = await repos.events.listForApplication(recent.id);
    expect(kept.find((e) => e.type === 'application.status_changed')?.after).toMatchObject({
      note: 'Siti: NIK salah',
    });
    const erasedChange = (await repos.events.listForApplication(completed.id)).find(
      (e) => e.type === 'application.status_changed',
    );
    expect(erasedChange?.after).toEqual({
      status: 'NEEDS_REVISION',
      version: 2,
      revision: { stepId: 'nik' },
    });
    expect((await repos.applications.findById(rejected.id))?.rejectionReason).toBe('Berkas tidak lengkap');

    for (const app of [recent, open]) {
      const after = await repos.applications.findById(app.id);
      expect(after?.applicant.nik).toBe(NIK);
      expect(after?.erasedAt).toBeUndefined();
      expect(await repos.documents.get(app.documents[0]?.id ?? '')).toBeDefined();
    }

    // Nothing left: a second run erases nothing and writes no event.
    expect(await runRetention(deps())).toEqual({ ran: true, erased: 0, documentsDeleted: 0, skipped: 0 });
    // 70 days later the cancelled one is due.
    const later = await runRetention(deps({ now: () => new Date(NOW.getTime() + 70 * DAY) }));
    expect(later.erased).toBe(1);
    expect((await repos.applications.findById(recent.id))?.applicant.name).toBe(ERASED_NAME);
  });

  it('should honour a longer RETENTION_DAYS', async () => {
    const app = await finished('COMPLETED', 400);
    expect((await runRetention(deps({ retentionDays: 500 }))).erased).toBe(0);
    expect((await repos.applications.findById(app.id))?.erasedAt).toBeUndefined();
    expect((await runRetention(deps({ retentionDays: 399 }))).erased).toBe(1);
  });

  it('should not run while another process holds the lease, and two at once erase each application once', async () => {
    const a = await finished('COMPLETED', 400);
    const held = await leases.acquire(RETENTION_LEASE, 'other-process', 60_000, NOW);
    expect(held.acquired).toBe(true);
    expect(await runRetention(deps())).toEqual({ ran: false, erased: 0, documentsDeleted: 0, skipped: 0 });
    expect((await repos.applications.findById(a.id))?.erasedAt).toBeUndefined();
    await leases.release(RETENTION_LEASE, 'other-process', NOW);

    const b = await finished('REJECTED', 400);
    const [r1, r2] = await Promise.all([
      runRetention(deps({ holder: 'proc-1' })),
      runRetention(deps({ holder: 'proc-2' })),
    ]);
    expect(r1.erased + r2.erased).toBe(2);
    for (const app of [a, b]) {
      const events = await repos.events.listForApplication(app.id);
      expect(events.filter((e) => e.type === 'application.personal_data_erased')).toHaveLength(1);
    }
  });

  it('should delete no file when the erasure cannot be saved', async () => {
    const app = await finished('COMPLETED', 400);
    // An officer's change (or a database failure) beats the erasure to the record.
    const losing = Object.assign(Object.create(repos.applications) as typeof repos.applications, {
      save: () => Promise.reject(new Error('database down')),
    });
    await expect(runRetention(deps({ applications: losing }))).rejects.toThrow('database down');
    expect(await repos.documents.get(app.documents[0]?.id ?? '')).toBeDefined();
    expect((await repos.applications.findById(app.id))?.documents).toHaveLength(1);
    expect((await runRetention(deps())).erased).toBeGreaterThanOrEqual(1);
    expect(await repos.documents.get(app.documents[0]?.id ?? '')).toBeUndefined();
  });
});
