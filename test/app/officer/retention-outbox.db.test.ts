import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { testCipher } from '../../support/cipher.js';
import { createMongoRetentionStore } from '../../../src/adapters/mongo/mongo-retention-store.js';
import { purgeOutbox, type OutboxRetentionDeps } from '../../../src/app/officer/retention-outbox.js';
import type { LeaseRepository } from '../../../src/ports/lease.js';
import { openRepositoriesWithLeases, useTestDatabase } from '../../support/db.js';

const db = useTestDatabase('retention_outbox');
const NOW = new Date('2027-06-01T03:00:00Z');
const DAY = 86_400_000;

let repos: MongoRepositories;
let leases: LeaseRepository;

beforeAll(async () => {
  ({ repos, leases } = await openRepositoriesWithLeases(db.conn()));
});

function deps(overrides: Partial<OutboxRetentionDeps> = {}): OutboxRetentionDeps {
  return {
    retention: createMongoRetentionStore(db.conn(), testCipher),
    leases,
    outboxDays: 30,
    holder: 'test-a',
    now: () => NOW,
    ...overrides,
  };
}

/** A row recorded `daysAgo` days before NOW and brought to `status` then. */
async function row(
  key: string,
  daysAgo: number,
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'unreachable',
) {
  const at = new Date(NOW.getTime() - daysAgo * DAY);
  await repos.outbox.enqueue([
    {
      key,
      channel: 'whatsapp',
      chatId: '6281234500001',
      reply: { kind: 'text', text: 'Halo' },
      createdAt: at,
    },
  ]);
  if (status === 'pending') return;
  await repos.outbox.markSending(key, at);
  if (status === 'sent') await repos.outbox.markSent(key, at);
  if (status === 'failed') await repos.outbox.markFailed(key, 'gave up');
  if (status === 'unreachable') await repos.outbox.markUnreachable(key, 'blocked');
}

describe('outbox retention (OUTBOX_DAYS after a row was sent or given up)', () => {
  it('should delete old sent, failed and unreachable rows in batches, and never a row still to be sent', async () => {
    await row('old-sent-1', 40, 'sent');
    await row('old-sent-2', 31, 'sent');
    await row('old-failed', 45, 'failed');
    await row('old-unreachable', 35, 'unreachable');
    await row('old-pending', 400, 'pending');
    await row('old-sending', 400, 'sending');
    await row('new-sent', 29, 'sent');
    await row('new-failed', 2, 'failed');

    // A batch of 1: the run goes on batch after batch.
    expect(await purgeOutbox(deps({ batchSize: 1 }))).toEqual({ ran: true, deleted: 4, deadLetters: 0 });
    const left = await db.conn().collection('outbox').find({}).project({ _id: 1 }).toArray();
    expect(left.map((r) => String(r._id)).sort()).toEqual([
      'new-failed',
      'new-sent',
      'old-pending',
      'old-sending',
    ]);

    expect(await purgeOutbox(deps())).toEqual({ ran: true, deleted: 0, deadLetters: 0 });
    // Much later, the settled rows go too; the pending ones still never do.
    const later = new Date(NOW.getTime() + 365 * DAY);
    expect(await purgeOutbox(deps({ now: () => later }))).toEqual({ ran: true, deleted: 2, deadLetters: 0 });
    expect(await repos.outbox.get('old-pending')).toMatchObject({ status: 'pending' });
    expect(await repos.outbox.get('old-sending')).toMatchObject({ status: 'sending' });
  });

  it('should delete messages parked as dead letters OUTBOX_DAYS ago', async () => {
    for (const [messageId, daysAgo] of [
      ['u-old', 31],
      ['u-new', 5],
    ] as const)
      await repos.deadLetters.park({
        channel: 'whatsapp',
        messageId,
        chatId: '6281234500001',
        kind: 'text',
        error: 'boom',
        attempts: 3,
        parkedAt: new Date(NOW.getTime() - daysAgo * DAY),
      });
    expect(await purgeOutbox(deps())).toEqual({ ran: true, deleted: 0, deadLetters: 1 });
    const left = await repos.deadLetters.list({ limit: 10 });
    expect(left.items.map((l) => l.messageId)).toEqual(['u-new']);
  });

  it('should skip the run while another process holds its lease', async () => {
    const at = new Date(NOW.getTime() + 400 * DAY);
    expect((await leases.acquire('job:outbox-retention', 'test-b', 60_000, at)).acquired).toBe(true);
    expect(await purgeOutbox(deps({ now: () => at }))).toEqual({ ran: false, deleted: 0, deadLetters: 0 });
    await leases.release('job:outbox-retention', 'test-b', at);
  });
});
