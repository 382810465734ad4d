import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { useTestDatabase } from '../../support/db.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('inbound_attempts');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

const at = (minute: number) => new Date(Date.UTC(2025, 2, 1, 3, minute));

describe('MongoInboundAttempts', () => {
  it('should count the tries per channel and message, take back excused ones, and forget a handled one', async () => {
    const log = repos.inboundAttempts;
    expect(await log.begin('telegram', '500', at(1))).toBe(1);
    expect(await log.begin('telegram', '500', at(2))).toBe(2);
    // Same id on another channel: its own count.
    expect(await log.begin('whatsapp', '500', at(2))).toBe(1);
    await log.excuse('telegram', '500');
    expect(await log.begin('telegram', '500', at(3))).toBe(2);
    // A take-back owed from a try whose excuse could not be written: folded into the next try.
    expect(await log.begin('telegram', '500', at(4), 1)).toBe(2);
    await log.forget('telegram', '500');
    expect(await log.begin('telegram', '500', at(5))).toBe(1);
  });

  it('should never take back below zero, and purge rows last tried before a date', async () => {
    const log = repos.inboundAttempts;
    expect(await log.begin('telegram', '600', at(1))).toBe(1);
    await log.excuse('telegram', '600');
    await log.excuse('telegram', '600');
    expect(await log.begin('telegram', '600', at(1))).toBe(1);
    expect(await log.begin('telegram', '601', at(30))).toBe(1);
    expect(await log.purgeBefore(at(10))).toBeGreaterThanOrEqual(1);
    // 600 is gone (a first try again), 601 is kept (its second try).
    expect(await log.begin('telegram', '601', at(31))).toBe(2);
    expect(await log.begin('telegram', '600', at(31))).toBe(1);
  });

  it('should keep no message id in plain text (a WhatsApp message id encodes the number)', async () => {
    const wamid = 'wamid.HBgNNjI4MTIwMDAwNzAwNxUCABIYFjNFQjA=';
    await repos.inboundAttempts.begin('wa_cloud', wamid, at(1));
    const raw = await db.conn().collection('inbound_attempts').find({}).toArray();
    expect(JSON.stringify(raw)).not.toContain(wamid);
    expect(JSON.stringify(raw)).not.toContain('"600"');
  });
});
