import { beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { backoffMs, deliverNotifications } from '../../../src/app/officer/deliver-notifications.js';
import type { ChannelSender, SendResult } from '../../../src/ports/channel-sender.js';
import type { Reply } from '../../../src/dialogue/types.js';
import { useTestDatabase } from '../../support/db.js';

const db = useTestDatabase('deliver_notifications');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn());
  await repos.ensureIndexes();
});

beforeEach(async () => {
  await db.conn().collection('outbox').deleteMany({});
});

const t0 = new Date('2025-03-04T03:00:00.000Z');

/** A sender (Telegram unless told) that answers from a script and records what it sent. */
function sender(
  answers: Array<SendResult | Error> = [],
  channel: ChannelSender['channel'] = 'telegram',
): ChannelSender & { sent: Array<{ chatId: string; replies: Reply[] }> } {
  const sent: Array<{ chatId: string; replies: Reply[] }> = [];
  return {
    channel,
    sent,
    async send(chatId, replies) {
      await Promise.resolve();
      const next = answers.shift() ?? { ok: true };
      if (next instanceof Error) throw next;
      sent.push({ chatId, replies });
      return next;
    },
  };
}

async function enqueue(key: string, channel: 'telegram' | 'whatsapp' = 'telegram') {
  return (
    await repos.outbox.enqueue({
      key,
      channel,
      chatId: '5550001',
      payload: { text: `Pembaruan ${key}` },
      createdAt: t0,
    })
  ).item;
}

describe('deliverNotifications', () => {
  it('should send a due row once and mark it sent', async () => {
    const row = await enqueue('a');
    const s = sender();
    const deps = { outbox: repos.outbox, senders: [s], workerId: 'w1', now: () => t0 };
    expect(await deliverNotifications(deps)).toEqual({ sent: 1, retried: 0, failed: 0, unreachable: 0 });
    expect(await deliverNotifications(deps)).toEqual({ sent: 0, retried: 0, failed: 0, unreachable: 0 });
    expect(s.sent).toEqual([{ chatId: '5550001', replies: [{ kind: 'text', text: 'Pembaruan a' }] }]);
    expect((await repos.outbox.get(row.id))?.status).toBe('sent');
  });

  it('should retry with exponential back-off, then mark failed after the last attempt', async () => {
    const row = await enqueue('b');
    const s = sender(
      Array.from({ length: 3 }, () => ({ ok: false as const, reason: 'retry' as const, error: '429' })),
    );
    let now = t0;
    const deps = {
      outbox: repos.outbox,
      senders: [s],
      workerId: 'w1',
      now: () => now,
      maxAttempts: 3,
      baseBackoffMs: 1000,
    };
    expect((await deliverNotifications(deps)).retried).toBe(1);
    expect((await repos.outbox.get(row.id))?.nextAttemptAt).toEqual(new Date(t0.getTime() + 1000));
    now = new Date(t0.getTime() + 1000);
    expect((await deliverNotifications(deps)).retried).toBe(1);
    expect((await repos.outbox.get(row.id))?.nextAttemptAt).toEqual(new Date(now.getTime() + 2000));
    now = new Date(now.getTime() + 1999);
    expect(await deliverNotifications(deps)).toEqual({ sent: 0, retried: 0, failed: 0, unreachable: 0 });
    now = new Date(now.getTime() + 1);
    expect((await deliverNotifications(deps)).failed).toBe(1);
    expect(await repos.outbox.get(row.id)).toMatchObject({ status: 'failed', attempts: 3, lastError: '429' });
  });

  it('should mark unreachable chats and channels without a sender, and retry a thrown send', async () => {
    const blocked = await enqueue('c');
    const noSender = await enqueue('d', 'whatsapp');
    const s = sender([{ ok: false, reason: 'unreachable', error: 'bot blocked' }]);
    const deps = { outbox: repos.outbox, senders: [s], workerId: 'w1', now: () => t0 };
    expect(await deliverNotifications(deps)).toEqual({ sent: 0, retried: 0, failed: 0, unreachable: 2 });
    expect((await repos.outbox.get(blocked.id))?.status).toBe('unreachable');
    expect((await repos.outbox.get(noSender.id))?.lastError).toMatch(/no sender/);
    const thrown = await enqueue('e');
    await deliverNotifications({ ...deps, senders: [sender([new Error('socket hang up')])] });
    expect(await repos.outbox.get(thrown.id)).toMatchObject({
      status: 'pending',
      lastError: 'socket hang up',
    });
  });

  it('should leave rows of a channel that is not ready here pending and untouched for a ready worker', async () => {
    const tg = await enqueue('g1');
    const wa = await enqueue('g2', 'whatsapp');
    const telegram = sender();
    // A second server: it has a WhatsApp sender, but the number is connected in another process.
    const standby = { ...sender([], 'whatsapp'), ready: () => false };
    const report = await deliverNotifications({
      outbox: repos.outbox,
      senders: [telegram, standby],
      workerId: 'standby',
      now: () => t0,
    });
    expect(report).toEqual({ sent: 1, retried: 0, failed: 0, unreachable: 0 });
    expect(telegram.sent).toHaveLength(1);
    expect(standby.sent).toEqual([]);
    expect((await repos.outbox.get(tg.id))?.status).toBe('sent');
    expect(await repos.outbox.get(wa.id)).toEqual(wa);

    const holder = { ...sender([], 'whatsapp'), ready: () => true };
    const later = new Date(t0.getTime() + 1000);
    const sent = await deliverNotifications({
      outbox: repos.outbox,
      senders: [sender(), holder],
      workerId: 'holder',
      now: () => later,
    });
    expect(sent).toEqual({ sent: 1, retried: 0, failed: 0, unreachable: 0 });
    expect(holder.sent).toEqual([{ chatId: '5550001', replies: [{ kind: 'text', text: 'Pembaruan g2' }] }]);
    expect(await repos.outbox.get(wa.id)).toMatchObject({ status: 'sent', attempts: 1, workerId: 'holder' });
  });

  it('should never send a row twice when several workers run at once', async () => {
    for (const k of ['f1', 'f2', 'f3', 'f4', 'f5', 'f6']) await enqueue(k);
    const s = sender();
    const workers = ['w1', 'w2', 'w3'].map((workerId) =>
      deliverNotifications({ outbox: repos.outbox, senders: [s], workerId, now: () => t0, batchSize: 6 }),
    );
    const reports = await Promise.all(workers);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(6);
    expect(s.sent.map((x) => (x.replies[0] as { text: string }).text).sort()).toEqual(
      ['f1', 'f2', 'f3', 'f4', 'f5', 'f6'].map((k) => `Pembaruan ${k}`),
    );
  });
});

describe('backoffMs', () => {
  it('should double per attempt and stop at the cap', () => {
    expect([1, 2, 3, 4, 10].map((a) => backoffMs(a, 1000, 5000))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});
