import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { testCipher } from '../../support/cipher.js';
import { useTestDatabase } from '../../support/db.js';

const db = useTestDatabase('deletion_requests');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

const at = (hour: number) => new Date(Date.UTC(2026, 10, 23, hour));
const request = (chatId: string, hour: number) => ({
  channel: 'telegram' as const,
  chatId,
  createdAt: at(hour),
  dueAt: at(hour + 72),
});

describe('MongoDeletionRequests', () => {
  it('should keep one pending request per chat, even for two at once', async () => {
    const [a, b] = await Promise.all([
      repos.deletionRequests.open(request('901', 1)),
      repos.deletionRequests.open(request('901', 1)),
    ]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.request.id).toBe(b.request.id);
    expect(await repos.deletionRequests.findPendingByChat('telegram', '901')).toMatchObject({
      status: 'pending',
      dueAt: at(73),
    });
  });

  it('should decide a request once, then let the chat ask again', async () => {
    const { request: first } = await repos.deletionRequests.open(request('902', 2));
    const decision = { status: 'refused' as const, at: at(5), by: 'spv', reason: 'masih diproses' };
    const [one, two] = await Promise.all([
      repos.deletionRequests.decide(first.id, decision),
      repos.deletionRequests.decide(first.id, { ...decision, status: 'approved' }),
    ]);
    expect([one, two].filter(Boolean)).toHaveLength(1);
    expect(await repos.deletionRequests.findPendingByChat('telegram', '902')).toBeUndefined();
    expect(await repos.deletionRequests.decide('not-an-id', decision)).toBeUndefined();
    const again = await repos.deletionRequests.open(request('902', 6));
    expect(again.created).toBe(true);
  });

  it('should list pending first by deadline, and sum up what waits', async () => {
    await repos.deletionRequests.open(request('903', 0));
    const list = await repos.deletionRequests.list(10);
    const statuses = list.map((r) => r.status);
    expect(statuses.slice(0, 3)).toEqual(['pending', 'pending', 'pending']);
    expect(statuses.at(-1)).not.toBe('pending');
    const pending = list.filter((r) => r.status === 'pending').map((r) => r.dueAt.getTime());
    expect(pending).toEqual([...pending].sort((x, y) => x - y));
    expect(await repos.deletionRequests.pendingSummary()).toEqual({ count: 3, nearestDueAt: at(72) });
  });

  it('should keep the chat id and the reason sealed at rest, and read them back plain', async () => {
    const phone = '6281234567000@s.whatsapp.net';
    const { request: r } = await repos.deletionRequests.open({ ...request(phone, 7), channel: 'whatsapp' });
    await repos.deletionRequests.decide(r.id, {
      status: 'refused',
      at: at(8),
      by: 'spv',
      reason: `nomor ${phone}`,
    });
    const raw = JSON.stringify(await db.conn().collection('deletion_requests').find({}).toArray());
    expect(raw).not.toContain('6281234567000');
    expect(await repos.deletionRequests.get(r.id)).toMatchObject({ chatId: phone, reason: `nomor ${phone}` });
  });
});
