import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MongoConversationStore } from '../../../src/adapters/mongo/mongo-conversation-store.js';
import { SUPERSEDED_KEPT_MS } from '../../../src/ports/conversation-store.js';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import type { ConversationState } from '../../../src/dialogue/types.js';
import { ConcurrencyError } from '../../../src/ports/errors.js';
import { useTestDatabase } from '../../support/db.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('conversations');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

/** A sweep's clock once the versions written now have been superseded long enough to go. */
const later = () => new Date(Date.now() + SUPERSEDED_KEPT_MS + 1000);

function state(overrides: Partial<ConversationState> = {}): ConversationState {
  return { lang: 'id', consent: null, mode: 'bot', misunderstood: 0, ...overrides };
}

describe('MongoConversationStore', () => {
  it('should answer undefined for a chat never seen', async () => {
    expect(await repos.conversations.read('telegram', 'nobody')).toBeUndefined();
  });

  it('should create at version 1, then bump the version per write', async () => {
    expect(await repos.conversations.write('telegram', 'c1', state(), null)).toBe(1);
    expect(await repos.conversations.write('telegram', 'c1', state({ consent: true }), 1)).toBe(2);
    expect(await repos.conversations.read('telegram', 'c1')).toMatchObject({
      state: state({ consent: true }),
      version: 2,
      handled: [],
    });
    // Same chat id on another channel is another conversation.
    expect(await repos.conversations.read('whatsapp', 'c1')).toBeUndefined();
  });

  it('should keep keys and text FerretDB cannot store as fields (dots, $, NUL)', async () => {
    const tricky = state({
      flow: {
        draft: {
          serviceId: 'ktp',
          answers: { alamat: 'Jl. Kenanga No.5 \u0000 $set', 'a.b': 'dotted', $where: 'dollar' },
          documents: {},
        },
        at: { step: 'alamat' },
      },
      menu: { id: 'm', options: [{ value: 'x.y', label: '$1 juta' }] },
    });
    await repos.conversations.write('whatsapp', 'tricky', tricky, null);
    expect((await repos.conversations.read('whatsapp', 'tricky'))?.state).toEqual(tricky);
  });

  it('should refuse a write from a stale version with ConcurrencyError', async () => {
    await repos.conversations.write('telegram', 'c2', state(), null);
    await repos.conversations.write('telegram', 'c2', state({ lang: 'en' }), 1);
    const stale = repos.conversations.write('telegram', 'c2', state({ misunderstood: 1 }), 1);
    await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await repos.conversations.read('telegram', 'c2')).toMatchObject({
      state: state({ lang: 'en' }),
      version: 2,
      handled: [],
    });
  });

  it('should let exactly one of two concurrent creates win', async () => {
    const results = await Promise.allSettled([
      repos.conversations.write('telegram', 'c3', state({ lang: 'id' }), null),
      repos.conversations.write('telegram', 'c3', state({ lang: 'en' }), null),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected');
    expect(lost?.status === 'rejected' && lost.reason).toBeInstanceOf(ConcurrencyError);
  });

  it('should let exactly one of several concurrent writes of one version win', async () => {
    await repos.conversations.write('terminal', 'c4', state(), null);
    const results = await Promise.allSettled(
      [1, 2, 3, 4, 5].map((m) => repos.conversations.write('terminal', 'c4', state({ misunderstood: m }), 1)),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const stored = await repos.conversations.read('terminal', 'c4');
    expect(stored?.version).toBe(2);
    expect(stored?.state.misunderstood).toBeGreaterThan(0);
  });

  it('should answer a claim of a message whose turn was saved (its claim still processing) as done, by its chat', async () => {
    const t = new Date(0);
    expect(await repos.inbound.claim('whatsapp', 'saved-1', 1000, t, 'r1')).toBe('claimed');
    expect(await repos.inbound.claim('whatsapp', 'saved-1', 1000, new Date(10), 'r1')).toBe('busy');
    await repos.conversations.write('whatsapp', 'r1', state(), null, 'saved-1', ['saved-1']);
    // Looked for in another chat's versions, it is not there: still busy.
    expect(await repos.inbound.claim('whatsapp', 'saved-1', 1000, new Date(15), 'r2')).toBe('busy');
    expect(await repos.inbound.claim('whatsapp', 'saved-1', 1000, new Date(20), 'r1')).toBe('done');
  });

  it('should keep one version per chat after the sweep, and its messages still count as handled', async () => {
    const t = new Date(0);
    // msg-1 and msg-2 were claimed by the inbound log; the pushed event was not.
    await repos.inbound.claim('telegram', 'msg-1', 1000, t, 's1');
    await repos.inbound.claim('telegram', 'msg-2', 1000, t, 's1');
    await repos.conversations.write('telegram', 's1', state(), null, 'msg-1');
    await repos.conversations.write('telegram', 's1', state({ consent: true }), 1, 'msg-2');
    await repos.conversations.write('telegram', 's1', state({ lang: 'en' }), 2, 'push:1');
    await repos.conversations.write('telegram', 's2', state(), null, 'msg-4');
    // Earlier tests of this file wrote versions too: at least the two superseded ones here go.
    expect(await repos.sweepConversations(later())).toBeGreaterThanOrEqual(2);
    const rows = await db
      .conn()
      .collection<{ chatId: string; version: number }>('conversations')
      .find({ chatId: { $in: ['s1', 's2'] } })
      .toArray();
    expect(rows.map((r): [string, number] => [r.chatId, r.version]).sort()).toEqual([
      ['s1', 3],
      ['s2', 1],
    ]);
    expect(await repos.conversations.read('telegram', 's1')).toMatchObject({
      state: state({ lang: 'en' }),
      version: 3,
      handled: [],
    });
    // Their versions are gone, but a redelivery of the messages is still a duplicate.
    const redelivered = new Date(60_000);
    expect(await repos.inbound.claim('telegram', 'msg-1', 1000, redelivered, 's1')).toBe('done');
    expect(await repos.inbound.claim('telegram', 'msg-2', 1000, redelivered, 's1')).toBe('done');
    // Sweeping again changes nothing; the next write goes on from the kept version.
    expect(await repos.sweepConversations(later())).toBe(0);
    expect(await repos.conversations.write('telegram', 's1', state(), 3, 'msg-5')).toBe(4);
  });

  it('should keep the handled message ids given with a version, stored as one JSON string', async () => {
    await repos.conversations.write('whatsapp', 'h1', state(), null, 'wa-1', ['wa-0', 'wa-1']);
    expect((await repos.conversations.read('whatsapp', 'h1'))?.handled).toEqual(['wa-0', 'wa-1']);
    const stored = await db.conn().collection('conversations').findOne({ chatId: 'h1' });
    expect(stored).toMatchObject({ _id: 'whatsapp:h1:1', handled: '["wa-0","wa-1"]' });
  });

  it('should seal the state and what the turn said, and read them back plain', async () => {
    const draft = state({ lang: 'en' });
    const said = {
      replies: [{ kind: 'text' as const, text: 'NIK 3171014708900003 diterima, Siti' }],
      at: new Date(0),
    };
    await repos.conversations.write('telegram', 'sealed-1', draft, null, 'sm-1', [], said);
    const stored = await db.conn().collection('conversations').findOne({ chatId: 'sealed-1' });
    expect(String(stored?.state)).toMatch(/^enc1\./);
    expect(String(stored?.outbound)).toMatch(/^enc1\./);
    expect(JSON.stringify(stored)).not.toContain('3171014708900003');
    const read = await repos.conversations.read('telegram', 'sealed-1');
    expect(read).toMatchObject({ state: draft, outbound: said });
    const listed = await repos.conversations.listOutbound(new Date(Date.now() - 60_000), 100);
    expect(listed.find((o) => o.messageId === 'sm-1')?.outbound).toEqual(said);
  });

  it('should index the versions by (channel, chatId, version), and drafts by their last touch: every index costs each insert', async () => {
    const indexes = await db.conn().collection('conversations').indexes();
    expect(indexes.map((i) => i.name).sort()).toEqual([
      '_id_',
      'channel_1_chatId_1_version_1',
      'draftTouchedAt_1',
    ]);
  });

  describe('with two processes on one database (each store remembers the versions it saw)', () => {
    it('should let a write from a version another process superseded fail, and read the newer one next', async () => {
      const other = createMongoRepositories(db.conn(), testCipher).conversations;
      await repos.conversations.write('telegram', 'p1', state(), null, 'm1', ['m1']);
      expect((await other.read('telegram', 'p1'))?.version).toBe(1);
      await other.write('telegram', 'p1', state({ lang: 'en' }), 1, 'm2', ['m1', 'm2']);

      // `read` queries: the latest, for readers that do not write. This store now knows version 2.
      expect((await repos.conversations.read('telegram', 'p1'))?.version).toBe(2);
      await other.write('telegram', 'p1', state({ lang: 'en' }), 2, 'm2b', ['m1', 'm2']);
      // A turn's read is the version this store last saw, by _id; a turn saved from it collides
      // with the newer version instead of overwriting it.
      const seen = await repos.conversations.readForTurn('telegram', 'p1');
      expect(seen?.version).toBe(2);
      await expect(
        repos.conversations.write('telegram', 'p1', state({ misunderstood: 1 }), seen?.version ?? null, 'm3'),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      // The retry reads the latest.
      // The full read: not marked unconfirmed.
      expect(await repos.conversations.readForTurn('telegram', 'p1')).toEqual({
        state: state({ lang: 'en' }),
        version: 3,
        handled: ['m1', 'm2'],
        messageId: 'm2b',
      });
      expect(await repos.conversations.write('telegram', 'p1', state(), 3, 'm3')).toBe(4);
    });

    it('should sweep only the chats it wrote, keeping a newer version another process wrote, and sweep a failed chat again', async () => {
      const other = createMongoRepositories(db.conn(), testCipher);
      const versions = async (chatId: string) =>
        (
          await db
            .conn()
            .collection<{ version: number }>('conversations')
            .find({ channel: 'terminal', chatId })
            .toArray()
        )
          .map((v) => v.version)
          .sort();
      // This process wrote w1 up to version 2; the other wrote version 3 of it, and all of w2.
      await repos.conversations.write('terminal', 'w1', state(), null, 'a1');
      await repos.conversations.write('terminal', 'w1', state(), 1, 'a2');
      await other.conversations.write('terminal', 'w1', state({ lang: 'en' }), 2, 'a3');
      await other.conversations.write('terminal', 'w2', state(), null, 'b1');
      await other.conversations.write('terminal', 'w2', state(), 1, 'b2');
      await repos.sweepConversations(later());
      // w1's latest is the other's version 3, read at sweep time; w2 is the other's to sweep.
      expect(await versions('w1')).toEqual([3]);
      expect(await versions('w2')).toEqual([1, 2]);
      expect(await other.sweepConversations(later())).toBe(1);
      expect(await versions('w2')).toEqual([2]);
      expect(await other.sweepConversations(later())).toBe(0);

      // A sweep that fails (here: marking the messages done) keeps its chats for the next one.
      await repos.conversations.write('terminal', 'w3', state(), null, 'c1');
      await repos.conversations.write('terminal', 'w3', state(), 1, 'c2');
      const store = repos.conversations as MongoConversationStore;
      await expect(
        store.sweep(() => Promise.reject(new Error('database went away')), later()),
      ).rejects.toThrow();
      expect(await versions('w3')).toEqual([1, 2]);
      expect(await repos.sweepConversations(later())).toBe(1);
      expect(await versions('w3')).toEqual([2]);
    });

    it('should keep a version superseded less than SUPERSEDED_KEPT_MS ago, so a turn still holding it fails to save instead of being lost', async () => {
      const other = createMongoRepositories(db.conn(), testCipher);
      const versions = async () =>
        (
          await db
            .conn()
            .collection<{ version: number }>('conversations')
            .find({ chatId: 'stale-1' })
            .toArray()
        )
          .map((v) => v.version)
          .sort();
      // This process's turn read version 1 and is still running; the other process saves two
      // turns of the chat meanwhile, and sweeps.
      await repos.conversations.write('telegram', 'stale-1', state(), null, 's-1');
      const held = await repos.conversations.readForTurn('telegram', 'stale-1');
      expect(held?.version).toBe(1);
      await other.conversations.read('telegram', 'stale-1');
      await other.conversations.write('telegram', 'stale-1', state({ consent: true }), 1, 's-2');
      await other.conversations.write('telegram', 'stale-1', state({ lang: 'en' }), 2, 's-3');
      expect(await other.sweepConversations()).toBe(0);
      expect(await versions()).toEqual([1, 2, 3]);
      // Version 2 is still there: the held turn's save collides with it.
      await expect(
        repos.conversations.write('telegram', 'stale-1', state({ misunderstood: 1 }), 1, 's-4'),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      // Version 1 was superseded when version 2 was written, version 2 when version 3 was: once
      // those are old enough, the chat's next sweep (it was kept for one) removes them.
      expect(await other.sweepConversations(later())).toBe(2);
      expect(await versions()).toEqual([3]);
    });

    it('should find the latest version when the one it remembers was swept', async () => {
      const other = createMongoRepositories(db.conn(), testCipher).conversations;
      await repos.conversations.write('telegram', 'p2', state(), null, 'n1');
      await other.write('telegram', 'p2', state({ consent: true }), 1, 'n2');
      await other.write('telegram', 'p2', state({ lang: 'en' }), 2, 'n3');
      await repos.sweepConversations(later());
      expect((await repos.conversations.readForTurn('telegram', 'p2'))?.version).toBe(3);
    });

    it('should not bring back a conversation another process deleted', async () => {
      const other = createMongoRepositories(db.conn(), testCipher).conversations;
      await repos.conversations.write('whatsapp', 'p3', state({ consent: true }), null, 'k1');
      expect((await repos.conversations.read('whatsapp', 'p3'))?.version).toBe(1);
      await other.delete('whatsapp', 'p3');
      expect(await repos.conversations.readForTurn('whatsapp', 'p3')).toBeUndefined();
      expect(await repos.conversations.write('whatsapp', 'p3', state(), null, 'k2')).toBe(1);
      expect((await repos.conversations.read('whatsapp', 'p3'))?.state.consent).toBeNull();
    });
  });

  it('should forget a deleted conversation and start again at version 1', async () => {
    await repos.conversations.write('telegram', 'c5', state(), null);
    await repos.conversations.write('telegram', 'c5', state({ consent: false }), 1);
    await repos.conversations.delete('telegram', 'c5');
    expect(await repos.conversations.read('telegram', 'c5')).toBeUndefined();
    expect(await repos.conversations.write('telegram', 'c5', state(), null)).toBe(1);
    expect(await repos.conversations.write('telegram', 'c5', state({ consent: true }), 1)).toBe(2);
  });
});
