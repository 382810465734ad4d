import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { useTestDatabase } from '../../support/db.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('dead_letters');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

const at = (minute: number) => new Date(Date.UTC(2025, 2, 1, 3, minute));

describe('MongoDeadLetterStore', () => {
  it('should park a message once, keep the first record on a second parking, and list newest first', async () => {
    const first = await repos.deadLetters.park({
      channel: 'telegram',
      messageId: '101',
      chatId: '777',
      kind: 'text',
      error: 'TypeError: boom',
      attempts: 5,
      parkedAt: at(1),
    });
    expect(first).toEqual({
      channel: 'telegram',
      messageId: '101',
      chatId: '777',
      kind: 'text',
      error: 'TypeError: boom',
      attempts: 5,
      parkedAt: at(1),
    });
    await repos.deadLetters.markNotified('telegram', '101', at(2));
    const again = await repos.deadLetters.park({
      channel: 'telegram',
      messageId: '101',
      kind: 'text',
      error: 'TypeError: boom again',
      attempts: 5,
      parkedAt: at(9),
    });
    expect(again.error).toBe('TypeError: boom');
    expect(again.notifiedAt).toEqual(at(2));

    await repos.deadLetters.park({
      channel: 'telegram',
      messageId: '102',
      kind: 'photo',
      error: 'x'.repeat(5000),
      attempts: 5,
      parkedAt: at(3),
    });
    const page = await repos.deadLetters.list({ limit: 10 });
    expect(page.total).toBe(2);
    expect(page.items.map((l) => l.messageId)).toEqual(['102', '101']);
    // Cut short: an error message must not carry a whole payload.
    expect(page.items[0]!.error.length).toBeLessThanOrEqual(300);
  });
});
