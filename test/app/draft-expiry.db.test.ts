import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { testCipher } from '../support/cipher.js';
import { createMongoRetentionStore } from '../../src/adapters/mongo/mongo-retention-store.js';
import { pseudonymousCitizens } from '../../src/app/citizen-actor.js';
import { expireDrafts, type DraftExpiryDeps } from '../../src/app/draft-expiry.js';
import type { InboundMessage } from '../../src/app/inbound.js';
import { sweepDiscardedUploads } from '../../src/app/orphan-uploads.js';
import { makePushConversationEvent } from '../../src/app/push-event.js';
import { makeEffectRunner } from '../../src/app/run-effects.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import type { ConversationState, Reply } from '../../src/dialogue/types.js';
import { createLoket, type Loket } from '../../src/main.js';
import type { RetentionStore } from '../../src/ports/retention-store.js';

const DAY = 86_400_000;
/** When the citizens started their drafts (a Monday morning in Jakarta). */
const T0 = new Date('2026-11-23T02:00:00Z').getTime();
const day = (n: number) => new Date(T0 + n * DAY);

let loket: Loket;
let retention: RetentionStore;
/** The job's clock (and the pushes'), moved by the tests. */
let now = day(0);
const sent: Array<{ chatId: string; text: string }> = [];
let seq = 0;

beforeAll(async () => {
  const db = `t_drafts_${randomBytes(4).toString('hex')}`;
  loket = await createLoket(
    loadConfig({ MONGODB_URI: `${process.env.MONGODB_URI}${db}`, LOG_LEVEL: 'silent' }),
    createLogger('silent'),
  );
  loket.senders.set('telegram', {
    channel: 'telegram',
    send: (chatId: string, replies: Reply[]) => {
      for (const r of replies) sent.push({ chatId, text: r.text });
      return Promise.resolve({ ok: true });
    },
  });
  retention = createMongoRetentionStore(loket.conn, testCipher);
});
afterAll(async () => {
  await loket.conn.dropDatabase().catch(() => undefined);
  await loket.stop();
});

/** The job's deps on the real conversation, engine and outbound path, at the test's clock. */
function deps(): DraftExpiryDeps {
  const { repos, runtime } = loket;
  const push = makePushConversationEvent({
    engine: loket.engine,
    understand: (text) => loket.nlu.understand(text),
    conversations: repos.conversations,
    effects: makeEffectRunner({
      ...repos,
      catalog: loket.catalog,
      logger: createLogger('silent'),
      trackingPrefix: 'PTSP',
      holidays: [],
      citizenActorId: pseudonymousCitizens(repos.cipher),
    }),
    outbound: loket.outbound,
    outbox: repos.outbox,
    logger: createLogger('silent'),
    now: () => now,
  });
  return {
    retention,
    conversations: repos.conversations,
    push,
    draftDays: 30,
    leases: runtime.leases,
    holder: 'test-drafts',
    now: () => now,
  };
}

/** One citizen message at `at` through the real inbound path. */
async function citizen(chatId: string, text: string | { file: string }, at: Date): Promise<void> {
  const msg: InboundMessage = {
    channel: 'telegram',
    chatId,
    messageId: `m${++seq}`,
    at,
    content:
      typeof text === 'string'
        ? { kind: 'text', text }
        : {
            kind: 'file',
            file: {
              filename: text.file,
              fetch: () =>
                Promise.resolve(readFileSync(new URL(`../fixtures/files/${text.file}`, import.meta.url))),
            },
          },
  };
  await loket.handleInbound(msg);
}

/** A "KTP hilang" draft with answers and one upload, last touched at `at`. */
async function draftOf(chatId: string, at: Date): Promise<void> {
  for (const turn of [
    'ktp saya hilang mau bikin lagi',
    'setuju',
    'hilang',
    'Siti Rahmawati',
    '3171 0155 0592 0003',
    '081298765432',
    'kebon kelapa',
    '3171010101900002',
  ])
    await citizen(chatId, turn, at);
  await citizen(chatId, { file: 'surat.pdf' }, at);
}

async function stateOf(chatId: string): Promise<ConversationState | undefined> {
  return (await loket.repos.conversations.read('telegram', chatId))?.state;
}

const saidTo = (chatId: string) => sent.filter((s) => s.chatId === chatId).map((s) => s.text);

describe('draft expiry (DRAFT_DAYS untouched, one reminder 3 days before)', () => {
  it('should remind once, remove a still untouched draft with its upload, and keep one touched after the reminder', async () => {
    await draftOf('d-stale', day(0));
    await draftOf('d-touched', day(0));
    await draftOf('d-fresh', day(10));
    const upload = Object.values((await stateOf('d-stale'))!.flow!.draft.documents).flat()[0]!;
    sent.length = 0;

    // Day 27.5: the untouched ones are reminded, once, however often the job runs.
    now = new Date(T0 + 27.5 * DAY);
    expect(await expireDrafts(deps())).toEqual({ ran: true, reminded: 2, removed: 0 });
    expect(await expireDrafts(deps())).toEqual({ ran: true, reminded: 0, removed: 0 });
    expect(saidTo('d-stale')).toEqual([
      expect.stringMatching(
        /^⏳ Pengajuan .+ Anda belum selesai dan akan dihapus dalam 3 hari\. Ketik \*lanjut\*/,
      ),
    ]);
    expect(saidTo('d-fresh')).toEqual([]);
    const keys = await loket.conn
      .collection('outbox')
      .find({ chatId: 'd-stale' })
      .project({ _id: 1 })
      .toArray();
    expect(keys.map((k) => String(k._id))).toContain(`turn:telegram:d-stale:draft_expiring:${T0}:0`);

    // Day 29: one citizen goes on with it.
    await citizen('d-touched', 'lanjut', day(29));
    expect(saidTo('d-touched').join('\n')).toContain('kita lanjutkan pengajuan');

    // Day 31: the untouched one goes, its upload with it; the touched one stays.
    now = day(31);
    expect(await expireDrafts(deps())).toEqual({ ran: true, reminded: 0, removed: 1 });
    expect((await stateOf('d-stale'))?.flow).toBeUndefined();
    expect(saidTo('d-stale').at(-1)).toContain('sudah dihapus');
    expect((await stateOf('d-touched'))?.flow?.draft.answers).toMatchObject({ nama: 'Siti Rahmawati' });
    expect((await stateOf('d-fresh'))?.flow).toBeDefined();
    const latest = await loket.conn
      .collection('conversations')
      .find({ chatId: 'd-stale' })
      .sort({ version: -1 })
      .limit(1)
      .next();
    expect(latest).not.toHaveProperty('draftTouchedAt');
    // The discard sweep deletes the upload the removed draft let go of, once its grace is over.
    const graceLater = new Date(now.getTime() + 120_000);
    const swept = await sweepDiscardedUploads({
      ...loket.repos,
      leases: loket.runtime.leases,
      holder: 'test-drafts',
      now: () => graceLater,
    });
    expect(swept).toMatchObject({ ran: true, deleted: 1 });
    expect(await loket.repos.documents.get(upload.documentId)).toBeUndefined();

    // Told once: a run again says nothing more.
    const count = sent.length;
    expect(await expireDrafts(deps())).toEqual({ ran: true, reminded: 0, removed: 0 });
    expect(sent).toHaveLength(count);
  });

  it('should count only the latest version of a conversation', async () => {
    const { conversations } = loket.repos;
    const withDraft: ConversationState = {
      lang: 'id',
      consent: true,
      mode: 'bot',
      misunderstood: 0,
      flow: { draft: { serviceId: 'ktp', answers: {}, documents: {} }, at: { step: 'nama' } },
    };
    const without: ConversationState = { lang: 'id', consent: true, mode: 'bot', misunderstood: 0 };
    // An old draft superseded by a version without one (cancelled): not idle.
    await conversations.write('telegram', 'v-cancelled', withDraft, null, 'v1', [], undefined, {
      touchedAt: day(0),
    });
    await conversations.write('telegram', 'v-cancelled', without, 1, 'v2');
    // An old draft superseded by a newer touch: not idle yet.
    await conversations.write('telegram', 'v-touched', withDraft, null, 'v1', [], undefined, {
      touchedAt: day(0),
    });
    await conversations.write('telegram', 'v-touched', withDraft, 1, 'v2', [], undefined, {
      touchedAt: day(40),
    });
    // A draft in the latest version only.
    await conversations.write('telegram', 'v-idle', without, null, 'v1');
    await conversations.write('telegram', 'v-idle', withDraft, 1, 'v2', [], undefined, { touchedAt: day(1) });

    const idle = await retention.listIdleDrafts({ touchedBefore: day(35) }, 100);
    const chats = idle.map((d) => d.chatId);
    expect(chats).toContain('v-idle');
    expect(chats).not.toContain('v-cancelled');
    expect(chats).not.toContain('v-touched');
    expect(idle.find((d) => d.chatId === 'v-idle')).toEqual({
      channel: 'telegram',
      chatId: 'v-idle',
      version: 2,
      touchedAt: day(1),
    });
  });
});
