import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { useTestDatabase } from '../../support/db.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('dashboard_reads');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

describe('MongoEventLog', () => {
  describe('.listWindow', () => {
    it('should return the newest events of the window first, at most max, filtered', async () => {
      const at = (m: number) => new Date(Date.parse('2025-03-03T00:00:00Z') + m * 60_000);
      for (let i = 0; i < 6; i++) {
        await repos.events.append({
          type: i % 2 ? 'handoff.claimed' : 'application.submitted',
          actor: { kind: 'officer', id: 'o1' },
          at: at(i),
          data: { i },
        });
      }
      const all = await repos.events.listWindow({ type: 'application.submitted' }, 10);
      expect(all.map((e) => e.data?.i)).toEqual([4, 2, 0]);
      const window = await repos.events.listWindow(
        { type: ['application.submitted', 'handoff.claimed'], from: at(1), to: at(5) },
        3,
      );
      expect(window.map((e) => e.data?.i)).toEqual([4, 3, 2]);
    });
  });
});

describe('MongoOutbox', () => {
  describe('.listUndelivered', () => {
    it('should list failed and unreachable rows newest first, by status and literal key prefix', async () => {
      const add = async (key: string, minute: number) => {
        await repos.outbox.enqueue([
          {
            key,
            channel: 'telegram',
            chatId: '1',
            reply: { kind: 'text', text: key },
            createdAt: new Date(Date.parse('2025-03-03T00:00:00Z') + minute * 60_000),
          },
        ]);
        return key;
      };
      await repos.outbox.markFailed(await add('status:a:1', 1), 'timeout');
      await repos.outbox.markUnreachable(await add('status:a:2', 2), 'blocked');
      await repos.outbox.markUnreachable(await add('status:ab:1', 3), 'blocked');
      await add('status:a:3', 4); // still pending: not listed
      await repos.outbox.markSent(await add('status:a:4', 5), new Date());
      await repos.outbox.markUnreachable(await add('status.a:9', 6), 'blocked');

      const all = await repos.outbox.listUndelivered({}, { limit: 10 });
      expect(all.items.map((i) => i.key)).toEqual(['status.a:9', 'status:ab:1', 'status:a:2', 'status:a:1']);
      expect(all.total).toBe(4);
      const mine = await repos.outbox.listUndelivered({ keyPrefix: 'status:a:' }, { limit: 10 });
      expect(mine.items.map((i) => [i.key, i.status])).toEqual([
        ['status:a:2', 'unreachable'],
        ['status:a:1', 'failed'],
      ]);
      // A "." in the prefix is literal, not a regex wildcard.
      const dotted = await repos.outbox.listUndelivered({ keyPrefix: 'status.' }, { limit: 10 });
      expect(dotted.items.map((i) => i.key)).toEqual(['status.a:9']);
      const failed = await repos.outbox.listUndelivered({ statuses: ['failed'] }, { limit: 1, offset: 0 });
      expect(failed).toMatchObject({ total: 1, items: [{ key: 'status:a:1', lastError: 'timeout' }] });
    });
  });
});
