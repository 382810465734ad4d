import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { testCipher } from '../../support/cipher.js';
import { createMongoRetentionStore } from '../../../src/adapters/mongo/mongo-retention-store.js';
import {
  forgetIdleConversations,
  type ConversationRetentionDeps,
} from '../../../src/app/officer/retention-conversations.js';
import type { ConversationState } from '../../../src/dialogue/types.js';
import type { LeaseRepository } from '../../../src/ports/lease.js';
import { openRepositoriesWithLeases, useTestDatabase } from '../../support/db.js';

const db = useTestDatabase('retention_conversations');
const DAY = 86_400_000;

let repos: MongoRepositories;
let leases: LeaseRepository;

beforeAll(async () => {
  ({ repos, leases } = await openRepositoriesWithLeases(db.conn()));
});

/** The job `days` days from now (the store dates versions by the wall clock). */
function deps(days: number): ConversationRetentionDeps {
  const at = new Date(Date.now() + days * DAY);
  return {
    retention: createMongoRetentionStore(db.conn(), testCipher),
    conversations: repos.conversations,
    leases,
    retentionDays: 365,
    holder: 'test-a',
    now: () => at,
  };
}

const state = (mode: 'bot' | 'handoff' = 'bot'): ConversationState => ({
  lang: 'id',
  consent: true,
  mode,
  misunderstood: 0,
  recent: [{ from: 'citizen', text: 'nama saya Siti', at: new Date().toISOString() }],
});

describe('conversation retention (RETENTION_DAYS without a message)', () => {
  it('should forget an idle conversation, every version, but not one an officer still has', async () => {
    await repos.conversations.write('whatsapp', '6281234500011', state(), null, 'a1');
    await repos.conversations.write('whatsapp', '6281234500011', state(), 1, 'a2');
    await repos.conversations.write('whatsapp', '6281234500012', state('handoff'), null, 'b1');

    expect(await forgetIdleConversations(deps(10))).toEqual({ ran: true, forgotten: 0 });
    expect(await forgetIdleConversations(deps(366))).toEqual({ ran: true, forgotten: 1 });
    expect(await db.conn().collection('conversations').countDocuments({ chatId: '6281234500011' })).toBe(0);
    expect(await repos.conversations.read('whatsapp', '6281234500012')).toBeDefined();
    expect(await forgetIdleConversations(deps(366))).toEqual({ ran: true, forgotten: 0 });
  });

  it('should keep a version written after the one found idle: the citizen came back', async () => {
    const retention = createMongoRetentionStore(db.conn(), testCipher);
    await repos.conversations.write('telegram', 'back', state(), null, 'c1');
    const [idle] = (await retention.listIdleConversations(new Date(Date.now() + DAY), 100)).filter(
      (c) => c.chatId === 'back',
    );
    expect(idle).toEqual({ channel: 'telegram', chatId: 'back', version: 1 });
    await repos.conversations.write('telegram', 'back', state(), 1, 'c2');
    await retention.forgetConversation(idle!);
    expect((await repos.conversations.read('telegram', 'back'))?.version).toBe(2);
  });
});
