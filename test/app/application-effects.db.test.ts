import { beforeAll, describe, expect, it } from '@jest/globals';
import { Types } from 'mongoose';
import type { MongoRepositories } from '../../src/adapters/mongo/repositories.js';
import {
  EFFECT_GRACE_MS,
  reconcileEffects,
  type ReconcileEffectsDeps,
} from '../../src/app/application-effects.js';
import { changeApplicationStatus, type ChangeStatusDeps } from '../../src/app/officer/change-status.js';
import type { ApplicationRepository } from '../../src/ports/application-repository.js';
import type { EventLog } from '../../src/ports/event-log.js';
import type { LeaseRepository } from '../../src/ports/lease.js';
import type { Outbox } from '../../src/ports/outbox.js';
import { newApplication, sequentialNumbers } from '../adapters/mongo/fixtures.js';
import { openRepositoriesWithLeases, useTestDatabase } from '../support/db.js';
import { budi, recordingPush } from './officer/support.js';

const db = useTestDatabase('application_effects');
const NOW = new Date('2027-03-04T03:00:00.000Z');
const LATER = new Date(NOW.getTime() + EFFECT_GRACE_MS + 1_000);
let repos: MongoRepositories;
let leases: LeaseRepository;
const numbers = sequentialNumbers(7300);

beforeAll(async () => {
  ({ repos, leases } = await openRepositoriesWithLeases(db.conn()));
});

/** The process "dies" at this port call: it throws, and nothing after it in the use case runs. */
function crashAt<T extends object, K extends keyof T>(port: T, method: K): T {
  return Object.assign(Object.create(port) as T, {
    [method]: () => Promise.reject(new Error(`crash at ${String(method)}`)),
  });
}

function statusDeps(over: {
  events?: EventLog;
  outbox?: Outbox;
  applications?: ApplicationRepository;
}): ChangeStatusDeps {
  return { ...repos, ...over, push: recordingPush(), now: () => NOW };
}

function reconcilerDeps(now: Date): ReconcileEffectsDeps {
  return { ...repos, leases, holder: 'test-reconciler', now: () => now };
}

async function auditEvents(applicationId: string) {
  return (await repos.events.listForApplication(applicationId)).filter(
    (e) => e.type === 'application.status_changed',
  );
}

async function outboxRows(key: string) {
  return db.conn().collection<{ _id: string }>('outbox').find({ _id: key }).toArray();
}

async function pendingOf(applicationId: string): Promise<unknown> {
  const row = await db
    .conn()
    .collection('applications')
    .findOne({ _id: new Types.ObjectId(applicationId) });
  return row?.pendingEffects;
}

describe('status change follow-ups after a crash', () => {
  it.each([
    ['before the audit event', { events: 'appendOnce' }],
    ['after the audit event, before the notice', { outbox: 'enqueue' }],
    ['after the notice, before the follow-up is cleared', { applications: 'completeEffect' }],
  ] as const)('should log one audit event and one notice when the process dies %s', async (_when, at) => {
    const app = await repos.applications.create(newApplication(), numbers);
    const over =
      'events' in at
        ? { events: crashAt(repos.events, at.events) }
        : 'outbox' in at
          ? { outbox: crashAt(repos.outbox, at.outbox) }
          : { applications: crashAt(repos.applications, at.applications) };
    const res = await changeApplicationStatus(statusDeps(over), budi, {
      applicationId: app.id,
      to: 'IN_REVIEW',
    });
    // The status is saved, with what it still owes; the officer's copy stays current.
    expect(res.application).toMatchObject({ status: 'IN_REVIEW', version: 2 });
    expect(await pendingOf(app.id)).toHaveLength(1);

    // A writer may still be finishing: within the grace the reconciler leaves it alone.
    expect(await reconcileEffects(reconcilerDeps(NOW))).toEqual({ ran: true, completed: 0, failed: 0 });
    expect((await reconcileEffects(reconcilerDeps(LATER))).completed).toBeGreaterThanOrEqual(1);

    const key = `status:${app.id}:2`;
    expect(await auditEvents(app.id)).toHaveLength(1);
    expect(await auditEvents(app.id)).toEqual([
      expect.objectContaining({
        before: { status: 'SUBMITTED', version: 1 },
        after: { status: 'IN_REVIEW', version: 2 },
      }),
    ]);
    expect(await outboxRows(key)).toEqual([
      expect.objectContaining({ channel: 'telegram', chatId: '5550001' }),
    ]);
    expect(await pendingOf(app.id)).toBeUndefined();
    expect((await repos.applications.findById(app.id))?.version).toBe(2);

    // Once done, done: another run adds nothing.
    expect(await reconcileEffects(reconcilerDeps(LATER))).toEqual({ ran: true, completed: 0, failed: 0 });
    expect(await auditEvents(app.id)).toHaveLength(1);
    expect(await outboxRows(key)).toHaveLength(1);
  });

  it('should leave nothing behind when the status change completes', async () => {
    const app = await repos.applications.create(newApplication(), numbers);
    await changeApplicationStatus(statusDeps({}), budi, { applicationId: app.id, to: 'IN_REVIEW' });
    expect(await pendingOf(app.id)).toBeUndefined();
    const found = await repos.applications.listPendingEffects(LATER, 100);
    expect(found.filter((p) => p.applicationId === app.id)).toEqual([]);
    expect(await auditEvents(app.id)).toHaveLength(1);
  });

  it('should go on with the other applications when one follow-up keeps failing', async () => {
    const dying = { events: crashAt(repos.events, 'appendOnce') };
    const stuck = await repos.applications.create(newApplication(), numbers);
    const fine = await repos.applications.create(newApplication(), numbers);
    for (const app of [stuck, fine])
      await changeApplicationStatus(statusDeps(dying), budi, { applicationId: app.id, to: 'IN_REVIEW' });
    const failingForStuck = Object.assign(Object.create(repos.events) as EventLog, {
      appendOnce: (key: string, event: Parameters<EventLog['appendOnce']>[1]) =>
        event.applicationId === stuck.id
          ? Promise.reject(new Error('refused'))
          : repos.events.appendOnce(key, event),
    });
    const r = await reconcileEffects({ ...reconcilerDeps(LATER), events: failingForStuck });
    expect(r).toEqual({ ran: true, completed: 1, failed: 1 });
    expect(await auditEvents(fine.id)).toHaveLength(1);
    expect(await auditEvents(stuck.id)).toHaveLength(0);
    expect(await reconcileEffects(reconcilerDeps(LATER))).toEqual({ ran: true, completed: 1, failed: 0 });
    expect(await auditEvents(stuck.id)).toHaveLength(1);
  });

  it('should log a keyed event once however often it is appended', async () => {
    const event = { type: 'test.once', actor: { kind: 'system' as const, id: 't' }, at: NOW };
    const [a, b] = await Promise.all([
      repos.events.appendOnce('once:1', event),
      repos.events.appendOnce('once:1', event),
    ]);
    expect(a.id).toBe(b.id);
    expect((await repos.events.search({ type: 'test.once' }, { limit: 10 })).total).toBe(1);
  });

  it('should run in one process at a time', async () => {
    await leases.acquire('job:application-effects', 'other-process', 60_000, LATER);
    expect(await reconcileEffects(reconcilerDeps(LATER))).toEqual({ ran: false, completed: 0, failed: 0 });
    await leases.release('job:application-effects', 'other-process', LATER);
  });
});
