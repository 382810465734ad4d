import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import type { ConversationState } from '../../../src/dialogue/types.js';
import type { Channel } from '../../../src/domain/application.js';
import { useTestDatabase } from '../../support/db.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('inbound');
let repos: MongoRepositories;
const t0 = new Date('2025-03-03T03:00:00.000Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

/** The chat of a message in these tests: one chat per message. */
const chatOf = (messageId: string): string => `chat-${messageId}`;

/** What handling a message leaves behind: its turn's conversation version (in its chat) names it. */
async function handled(channel: Channel, messageId: string): Promise<void> {
  const state: ConversationState = { lang: 'id', consent: null, mode: 'bot', misunderstood: 0 };
  await repos.conversations.write(channel, chatOf(messageId), state, null, messageId);
}

describe('MongoInboundLog', () => {
  describe('.claim', () => {
    it('should claim a new message, answer busy while leased and done once its turn saved the conversation', async () => {
      expect(await repos.inbound.claim('telegram', 'm1', 30_000, t0, chatOf('m1'))).toBe('claimed');
      expect(await repos.inbound.claim('telegram', 'm1', 30_000, later(1000), chatOf('m1'))).toBe('busy');
      // Another channel's message with the same id is another message.
      expect(await repos.inbound.claim('whatsapp', 'm1', 30_000, t0, chatOf('m1'))).toBe('claimed');
      await handled('telegram', 'm1');
      expect(await repos.inbound.claim('telegram', 'm1', 30_000, later(60_000), chatOf('m1'))).toBe('done');
    });

    it('should give exactly one of 10 concurrent claims of one message', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, () => repos.inbound.claim('telegram', 'm2', 30_000, t0, chatOf('m2'))),
      );
      expect(results.filter((r) => r === 'claimed')).toHaveLength(1);
      expect(results.filter((r) => r === 'busy')).toHaveLength(9);
    });

    it('should let exactly one taker take over a lapsed lease', async () => {
      expect(await repos.inbound.claim('telegram', 'm3', 1000, t0, chatOf('m3'))).toBe('claimed');
      // The first claimer "crashed"; its lease lapsed at t0 + 1 s. Five processes retry at once.
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          repos.inbound.claim('telegram', 'm3', 30_000, later(5000), chatOf('m3')),
        ),
      );
      expect(results.filter((r) => r === 'claimed')).toHaveLength(1);
      expect(results.filter((r) => r === 'busy')).toHaveLength(4);
      // The new lease holds.
      expect(await repos.inbound.claim('telegram', 'm3', 30_000, later(6000), chatOf('m3'))).toBe('busy');
    });
  });

  describe('.release', () => {
    it('should let a retry claim again at once after a failed attempt', async () => {
      expect(await repos.inbound.claim('whatsapp', 'm4', 30_000, t0, chatOf('m4'))).toBe('claimed');
      await repos.inbound.release('whatsapp', 'm4');
      expect(await repos.inbound.claim('whatsapp', 'm4', 30_000, later(10), chatOf('m4'))).toBe('claimed');
    });

    it('should release only the claim it names, never one taken over since', async () => {
      expect(await repos.inbound.claim('telegram', 'm6', 1000, t0, chatOf('m6'))).toBe('claimed');
      // The first claim lapsed and another process took the message over at t0 + 5 s.
      expect(await repos.inbound.claim('telegram', 'm6', 30_000, later(5000), chatOf('m6'))).toBe('claimed');
      await repos.inbound.release('telegram', 'm6', t0);
      expect(await repos.inbound.claim('telegram', 'm6', 30_000, later(6000), chatOf('m6'))).toBe('busy');
      await repos.inbound.release('telegram', 'm6', later(5000));
      expect(await repos.inbound.claim('telegram', 'm6', 30_000, later(7000), chatOf('m6'))).toBe('claimed');
    });

    it('should not forget a handled message, even after its lease lapsed or a late release', async () => {
      await repos.inbound.claim('whatsapp', 'm5', 1000, t0, chatOf('m5'));
      await handled('whatsapp', 'm5');
      // A redelivery long after the lease: done, not taken over and handled again.
      expect(await repos.inbound.claim('whatsapp', 'm5', 30_000, later(60_000), chatOf('m5'))).toBe('done');
      await repos.inbound.release('whatsapp', 'm5');
      expect(await repos.inbound.claim('whatsapp', 'm5', 30_000, later(61_000), chatOf('m5'))).toBe('done');
    });
  });

  describe('.purgeCompletedBefore', () => {
    it('should delete old completed and abandoned ids and keep recent and live ones', async () => {
      const old = new Date('2025-01-01T00:00:00.000Z');
      const cutoff = new Date('2025-02-01T00:00:00.000Z');
      await repos.inbound.claim('terminal', 'old-done', 1000, old, chatOf('old-done'));
      await handled('terminal', 'old-done');
      await repos.inbound.claim('terminal', 'old-abandoned', 1000, old, chatOf('old-abandoned'));
      await repos.inbound.claim('terminal', 'new-done', 1000, later(0), chatOf('new-done'));
      await handled('terminal', 'new-done');
      await repos.inbound.claim('terminal', 'live', 1000, later(0), chatOf('live'));

      expect(await repos.inbound.purgeCompletedBefore(cutoff)).toBe(2);
      // Purged ids are new again; kept ones still answer as before.
      expect(await repos.inbound.claim('terminal', 'old-done', 1000, later(10), chatOf('old-done'))).toBe(
        'claimed',
      );
      expect(
        await repos.inbound.claim('terminal', 'old-abandoned', 1000, later(10), chatOf('old-abandoned')),
      ).toBe('claimed');
      expect(await repos.inbound.claim('terminal', 'new-done', 1000, later(10), chatOf('new-done'))).toBe(
        'done',
      );
      expect(await repos.inbound.claim('terminal', 'live', 1000, later(10), chatOf('live'))).toBe('busy');
    });
  });
});
