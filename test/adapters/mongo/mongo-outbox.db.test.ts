import { beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { useTestDatabase } from '../../support/db.js';

const db = useTestDatabase('outbox');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn());
  await repos.ensureIndexes();
});

// claimDue takes every due row, so each test starts from an empty outbox.
beforeEach(async () => {
  await db.conn().collection('outbox').deleteMany({});
});

const t0 = new Date('2025-03-03T03:00:00.000Z');
const message = (key: string, createdAt = t0) => ({
  key,
  channel: 'telegram' as const,
  chatId: '5550001',
  payload: { text: `Status permohonan ${key}: DISETUJUI` },
  createdAt,
});

describe('MongoOutbox', () => {
  it('should enqueue one row per idempotency key', async () => {
    const first = await repos.outbox.enqueue(message('k1'));
    const again = await repos.outbox.enqueue({ ...message('k1'), payload: { text: 'lain' } });
    expect(first.created).toBe(true);
    expect(again).toEqual({ item: first.item, created: false });
    expect(first.item).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: t0 });
  });

  it('should claim due rows once, leave future ones, and take over a lapsed lease', async () => {
    const base = new Date('2030-01-01T00:00:00Z');
    const at = (ms: number) => new Date(base.getTime() + ms);
    const due = await repos.outbox.enqueue(message('due', at(0)));
    await repos.outbox.enqueue({ ...message('future', at(0)), nextAttemptAt: at(3_600_000) });

    const claimed = await repos.outbox.claimDue('w1', at(1000), 30_000, 10);
    expect(claimed.map((c) => c.key)).toEqual(['due']);
    const mine = claimed[0];
    expect(mine).toMatchObject({ status: 'sending', workerId: 'w1', attempts: 1, leaseUntil: at(31_000) });
    expect(await repos.outbox.get(due.item.id)).toEqual(mine);

    // Leased: nobody else gets it until the lease lapses, then one worker takes it over.
    expect(await repos.outbox.claimDue('w2', at(2000), 30_000, 10)).toEqual([]);
    const takeover = await repos.outbox.claimDue('w2', at(40_000), 30_000, 10);
    expect(takeover).toEqual([expect.objectContaining({ key: 'due', workerId: 'w2', attempts: 2 })]);
  });

  it('should claim only rows of the channels asked for and leave the others untouched', async () => {
    const base = new Date('2030-06-01T00:00:00Z');
    const tg = await repos.outbox.enqueue(message('ch-tg', base));
    const wa = await repos.outbox.enqueue({ ...message('ch-wa', base), channel: 'whatsapp' });
    const now = new Date(base.getTime() + 1000);

    expect(await repos.outbox.claimDue('w', now, 30_000, 10, [])).toEqual([]);
    const claimed = await repos.outbox.claimDue('w', now, 30_000, 10, ['telegram', 'terminal']);
    expect(claimed.map((c) => c.id)).toEqual([tg.item.id]);
    expect(await repos.outbox.get(wa.item.id)).toEqual(wa.item);

    const later = await repos.outbox.claimDue('w', now, 30_000, 10, ['whatsapp']);
    expect(later).toEqual([expect.objectContaining({ id: wa.item.id, status: 'sending', attempts: 1 })]);
  });

  it('should never hand one row to two workers claiming at once', async () => {
    const base = new Date('2031-01-01T00:00:00Z');
    const keys = Array.from({ length: 12 }, (_, i) => `burst-${i}`);
    for (const k of keys) await repos.outbox.enqueue(message(k, base));
    const now = new Date(base.getTime() + 1000);
    const [a, b] = await Promise.all([
      repos.outbox.claimDue('worker-a', now, 60_000, 8),
      repos.outbox.claimDue('worker-b', now, 60_000, 8),
    ]);
    const ids = [...a, ...b].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(12);
    for (const c of [...a, ...b]) {
      const stored = await repos.outbox.get(c.id);
      expect(stored?.workerId).toBe(c.workerId);
      expect(stored?.attempts).toBe(1);
    }
  });

  it('should record sent, retry, failed and unreachable, and keep sent rows sent', async () => {
    const base = new Date('2032-01-01T00:00:00Z');
    const at = (ms: number) => new Date(base.getTime() + ms);
    const ids: Record<string, string> = {};
    for (const k of ['s', 'r', 'f', 'u'])
      ids[k] = (await repos.outbox.enqueue(message(`end-${k}`, at(0)))).item.id;
    await repos.outbox.claimDue('w', at(1), 30_000, 10);

    await repos.outbox.markSent(ids.s!);
    await repos.outbox.markRetry(ids.r!, 'ETIMEDOUT', at(60_000));
    await repos.outbox.markFailed(ids.f!, 'x'.repeat(2000));
    await repos.outbox.markUnreachable(ids.u!, '403: bot was blocked by the user');

    expect(await repos.outbox.get(ids.s!)).toMatchObject({ status: 'sent' });
    expect(await repos.outbox.get(ids.s!)).not.toHaveProperty('leaseUntil');
    const retry = await repos.outbox.get(ids.r!);
    expect(retry).toMatchObject({ status: 'pending', lastError: 'ETIMEDOUT', nextAttemptAt: at(60_000) });
    expect(retry).not.toHaveProperty('workerId');
    expect((await repos.outbox.get(ids.f!))?.lastError).toHaveLength(500);
    expect(await repos.outbox.get(ids.u!)).toMatchObject({ status: 'unreachable' });

    // A late failure report for a row already sent changes nothing.
    await repos.outbox.markRetry(ids.s!, 'late', at(1));
    expect(await repos.outbox.get(ids.s!)).toMatchObject({ status: 'sent' });
    // Only the retried row comes back, and only when due.
    expect((await repos.outbox.claimDue('w', at(30_000), 30_000, 10)).map((c) => c.id)).not.toContain(ids.r);
    const again = await repos.outbox.claimDue('w', at(61_000), 30_000, 10);
    expect(again.map((c) => c.id)).toEqual([ids.r]);
  });
});
