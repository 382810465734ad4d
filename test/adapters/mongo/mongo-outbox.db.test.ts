import { beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import type { Reply } from '../../../src/dialogue/types.js';
import type { NewOutboxItem } from '../../../src/ports/outbox.js';
import { useTestDatabase } from '../../support/db.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('outbox');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

beforeEach(async () => {
  await db.conn().collection('outbox').deleteMany({});
});

const t0 = new Date('2025-03-03T03:00:00.000Z');
const message = (
  key: string,
  createdAt = t0,
  chatId = '5550001',
  reply: Reply = { kind: 'menu', text: `Status ${key}`, options: [{ value: 'menu', label: 'Menu' }] },
): NewOutboxItem => ({ key, channel: 'telegram', chatId, reply, createdAt });

describe('MongoOutbox', () => {
  it('should record one row per key, the first recording kept as it was', async () => {
    expect(await repos.outbox.enqueue([message('status:a:2'), message('status:a:3')])).toBe(2);
    expect(
      await repos.outbox.enqueue([message('status:a:2', t0, '5550001', { kind: 'text', text: 'lain' })]),
    ).toBe(0);
    const row = await repos.outbox.get('status:a:2');
    expect(row).toMatchObject({ id: 'status:a:2', key: 'status:a:2', status: 'pending', attempts: 0 });
    expect(row?.reply).toEqual(message('status:a:2').reply);
  });

  it('should seal the reply at rest and keep no digits of the message in a delivery error', async () => {
    await repos.outbox.enqueue([
      message('seal:1', t0, '5550001', { kind: 'text', text: 'Halo Siti, NIK 3171014708900003 tercatat' }),
    ]);
    const stored = await db
      .conn()
      .collection('outbox')
      .findOne({ _id: 'seal:1' as never });
    expect(String(stored?.reply)).toMatch(/^enc1\./);
    expect(JSON.stringify(stored)).not.toMatch(/Siti|3171014708900003/);
    expect((await repos.outbox.get('seal:1'))?.reply).toEqual({
      kind: 'text',
      text: 'Halo Siti, NIK 3171014708900003 tercatat',
    });
    await repos.outbox.markRetry('seal:1', 'refused "NIK 3171 0147 0890 0003" (HTTP 400)\nat send()', t0);
    expect((await repos.outbox.get('seal:1'))?.lastError).toBe('refused "NIK …" (HTTP 400)');
  });

  it('should keep a file row naming its file, sealed, and no bytes', async () => {
    const file = { kind: 'document' as const, documentId: 'dokumen-rahasia', filename: 'KK Siti Rahma.png' };
    await repos.outbox.enqueue([
      { key: 'file:1', channel: 'telegram', chatId: '5550001', file, createdAt: t0 },
      {
        key: 'file:2',
        channel: 'telegram',
        chatId: '5550001',
        file: { kind: 'export', lang: 'en' },
        createdAt: t0,
      },
    ]);
    const stored = await db
      .conn()
      .collection('outbox')
      .findOne({ _id: 'file:1' as never });
    expect(String(stored?.reply)).toMatch(/^enc1\./);
    expect(JSON.stringify(stored)).not.toMatch(/Siti|rahasia/);
    expect(await repos.outbox.get('file:1')).toMatchObject({ file, status: 'pending' });
    expect((await repos.outbox.get('file:1'))?.reply).toBeUndefined();
    expect((await repos.outbox.get('file:2'))?.file).toEqual({ kind: 'export', lang: 'en' });
  });

  it('should record the new rows of a batch when some keys were recorded before', async () => {
    await repos.outbox.enqueue([message('k:1')]);
    expect(await repos.outbox.enqueue([message('k:1'), message('k:2'), message('k:3')])).toBe(2);
    expect(await repos.outbox.get('k:3')).toBeDefined();
  });

  it("should list a chat's open rows in order, and only due chats as lanes", async () => {
    await repos.outbox.enqueue([
      { ...message('b', t0), order: 3 },
      { ...message('a', t0), order: 1 },
      { ...message('c', t0), order: 2 },
      message('later', new Date(t0.getTime() + 60_000), '999'),
    ]);
    await repos.outbox.markSent('c', t0);
    const lane = await repos.outbox.listLane({ channel: 'telegram', chatId: '5550001' }, 10);
    expect(lane.map((r) => r.id)).toEqual(['a', 'b']);
    // A new row is due at once, even one recorded by a clock ahead of this one.
    expect(await repos.outbox.dueLanes(t0, 10)).toHaveLength(2);
    expect(await repos.outbox.dueLanes(t0, 10, ['whatsapp'])).toEqual([]);
  });

  it('should count attempts, and never change a row once it is final', async () => {
    await repos.outbox.enqueue([message('x')]);
    await repos.outbox.markSending('x', new Date(t0.getTime() + 60_000));
    expect(await repos.outbox.get('x')).toMatchObject({ status: 'sending', attempts: 1 });
    // A sending row whose attempt lapsed is due again (its process died mid-send).
    expect(await repos.outbox.dueLanes(t0, 10)).toEqual([]);
    expect(await repos.outbox.dueLanes(new Date(t0.getTime() + 60_000), 10)).toHaveLength(1);
    await repos.outbox.markRetry('x', 'timeout', t0);
    expect(await repos.outbox.get('x')).toMatchObject({ status: 'pending', lastError: 'timeout' });
    await repos.outbox.markSent('x', t0);
    await repos.outbox.markFailed('x', 'late report');
    expect(await repos.outbox.get('x')).toMatchObject({ status: 'sent', sentAt: t0 });
  });

  describe('.listUndelivered', () => {
    it('should list failed and unreachable rows newest first, narrowed by a literal key prefix', async () => {
      await repos.outbox.enqueue([
        message('status:a:1', new Date(t0.getTime() + 1000)),
        message('status:a:2', new Date(t0.getTime() + 2000)),
        message('status:ab:1', new Date(t0.getTime() + 3000)),
        message('status:a:3', new Date(t0.getTime() + 4000)),
      ]);
      await repos.outbox.markFailed('status:a:1', 'timeout');
      await repos.outbox.markUnreachable('status:a:2', 'blocked');
      await repos.outbox.markUnreachable('status:ab:1', 'blocked');
      const all = await repos.outbox.listUndelivered({}, { limit: 10 });
      expect(all.items.map((r) => r.id)).toEqual(['status:ab:1', 'status:a:2', 'status:a:1']);
      const one = await repos.outbox.listUndelivered({ keyPrefix: 'status:a:' }, { limit: 10 });
      expect(one.items.map((r) => r.id)).toEqual(['status:a:2', 'status:a:1']);
      const failed = await repos.outbox.listUndelivered({ statuses: ['failed'] }, { limit: 10 });
      expect(failed.total).toBe(1);
    });
  });
});
