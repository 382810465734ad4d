import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { claimHandoff } from '../../../src/app/officer/claim-handoff.js';
import { NotDeliveredError } from '../../../src/app/officer/push-conversation-event.js';
import { replyHandoff } from '../../../src/app/officer/reply-handoff.js';
import { retryReply } from '../../../src/app/officer/retry-reply.js';
import { officerTyping } from '../../../src/app/officer/show-typing.js';
import type { ChatAddress } from '../../../src/domain/application.js';
import { useTestDatabase } from '../../support/db.js';
import { handoffDeps, waitingTicket } from './handoff-fixture.js';
import { ani, budi, joko } from './support.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('reply_delivery');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

/** Handoff deps whose push fails as the channel says while `failing` is set. */
function flakyDeps() {
  const state = { failing: true, calls: 0 };
  const deps = {
    ...handoffDeps(repos),
    push: () => {
      state.calls++;
      return state.failing
        ? Promise.reject(new NotDeliveredError('failed', 'Bad Request: message is too long'))
        : Promise.resolve();
    },
  };
  return { deps, state };
}

describe('delivery state of officer replies', () => {
  it('should mark a reply sent only once the channel took it', async () => {
    const t = await waitingTicket(repos, { transcript: [{ from: 'citizen', text: 'halo', at: new Date() }] });
    await claimHandoff(handoffDeps(repos), budi, t.id);
    await replyHandoff(handoffDeps(repos), budi, t.id, 'Baik Bu.');
    const line = (await repos.handoffs.get(t.id))!.transcript[1]!;
    expect(line).toMatchObject({ from: 'officer', text: 'Baik Bu.', delivery: { state: 'sent' } });
    expect((await repos.handoffs.get(t.id))!.transcript[0]!.delivery).toBeUndefined();
  });

  it('should keep a failed reply with its reason, and send it again on retry, audited', async () => {
    const t = await waitingTicket(repos);
    const { deps, state } = flakyDeps();
    await claimHandoff(handoffDeps(repos), budi, t.id);
    const res = await replyHandoff(deps, budi, t.id, 'Berkas Anda sudah kami terima.');
    expect(res.notified).toBe(false);
    const failed = (await repos.handoffs.get(t.id))!.transcript[0]!;
    expect(failed.delivery).toMatchObject({
      state: 'failed',
      reason: 'failed',
      error: 'Bad Request: message is too long',
    });

    await expect(retryReply(deps, ani, t.id, 0)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(retryReply(deps, joko, t.id, 0)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(retryReply(deps, budi, t.id, 7)).rejects.toMatchObject({ code: 'not_found' });
    state.failing = false;
    const retried = await retryReply(deps, budi, t.id, 0);
    expect(retried.notified).toBe(true);
    expect((await repos.handoffs.get(t.id))!.transcript[0]!.delivery).toMatchObject({ state: 'sent' });
    expect((await repos.handoffs.get(t.id))!.transcript[0]!.delivery?.reason).toBeUndefined();
    // Only a failed message goes again.
    await expect(retryReply(deps, budi, t.id, 0)).rejects.toMatchObject({ code: 'conflict' });
    expect(state.calls).toBe(2);

    const audit = await repos.events.search({ type: 'handoff.reply_retried' }, { limit: 10, offset: 0 });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      actor: { kind: 'officer', id: budi.id },
      data: { handoffId: t.id, line: 0 },
      before: { delivery: 'failed', reason: 'failed' },
    });
    expect(JSON.stringify(audit.items[0])).not.toContain('Berkas Anda');
  });

  it('should send one of two retries at once', async () => {
    const t = await waitingTicket(repos);
    const { deps, state } = flakyDeps();
    await claimHandoff(handoffDeps(repos), budi, t.id);
    await replyHandoff(deps, budi, t.id, 'Mohon ditunggu.');
    state.failing = false;
    const results = await Promise.allSettled([
      retryReply(deps, budi, t.id, 0),
      retryReply(deps, budi, t.id, 0),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(state.calls).toBe(2);
  });

  it('should show typing to the citizen for the holder only', async () => {
    const t = await waitingTicket(repos);
    const shown: ChatAddress[] = [];
    const deps = {
      handoffs: repos.handoffs,
      typing: (a: ChatAddress) => {
        shown.push(a);
        return Promise.resolve();
      },
    };
    await expect(officerTyping(deps, budi, t.id)).rejects.toMatchObject({ code: 'conflict' });
    await claimHandoff(handoffDeps(repos), budi, t.id);
    await expect(officerTyping(deps, ani, t.id)).rejects.toMatchObject({ code: 'forbidden' });
    await officerTyping(deps, budi, t.id);
    expect(shown).toEqual([{ channel: 'telegram', chatId: t.chatId }]);
  });
});
