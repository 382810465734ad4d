import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { claimHandoff } from '../../../src/app/officer/claim-handoff.js';
import { useTestDatabase } from '../../support/db.js';
import { handoffDeps, waitingTicket } from './handoff-fixture.js';
import { ani, budi, joko, sari } from './support.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('claim_handoff');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

describe('claimHandoff', () => {
  it('should give a waiting conversation to the officer, audit it and tell the citizen', async () => {
    const t = await waitingTicket(repos);
    const d = handoffDeps(repos);
    const res = await claimHandoff(d, budi, t.id);
    expect(res).toMatchObject({ notified: true, ticket: { status: 'claimed', officerId: budi.id } });
    expect(d.push.calls).toEqual([
      {
        address: { channel: 'telegram', chatId: t.chatId },
        event: { kind: 'officer_joined', officerName: 'Budi Santoso' },
      },
    ]);
    const events = await repos.events.search({ type: 'handoff.claimed', actorId: budi.id }, { limit: 10 });
    expect(events.items[0]?.data).toMatchObject({ handoffId: t.id, waitedMs: 300_000 });
  });

  it('should give a conversation to exactly one of two officers clicking at once', async () => {
    const t = await waitingTicket(repos);
    const d = handoffDeps(repos);
    const results = await Promise.allSettled([claimHandoff(d, budi, t.id), claimHandoff(d, ani, t.id)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict' } });
    expect(d.push.calls).toHaveLength(1);
  });

  it('should keep complaints for supervisors and tickets within the office subtree', async () => {
    const complaint = await waitingTicket(repos, { reason: 'complaint', priority: true });
    await expect(claimHandoff(handoffDeps(repos), budi, complaint.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(claimHandoff(handoffDeps(repos), sari, complaint.id)).resolves.toMatchObject({
      ticket: { officerId: sari.id },
    });
    const t = await waitingTicket(repos);
    await expect(claimHandoff(handoffDeps(repos), joko, t.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(claimHandoff(handoffDeps(repos), budi, '65f00000000000000000dead')).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('should keep the claim when the push fails, and say so', async () => {
    const t = await waitingTicket(repos);
    const res = await claimHandoff(handoffDeps(repos, true), budi, t.id);
    expect(res.notified).toBe(false);
    expect((await repos.handoffs.get(t.id))?.status).toBe('claimed');
  });

  it('should refuse a claim past the per-officer limit with an Indonesian conflict', async () => {
    const held = await repos.handoffs.countClaimedBy(ani.id);
    const limit = { ...handoffDeps(repos), handoffMaxPerOfficer: held + 2 };
    await claimHandoff(limit, ani, (await waitingTicket(repos)).id);
    await claimHandoff(limit, ani, (await waitingTicket(repos)).id);
    const third = await waitingTicket(repos);
    await expect(claimHandoff(limit, ani, third.id)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^Anda sudah melayani \d+ percakapan \(batas \d+\)/),
    });
    expect((await repos.handoffs.get(third.id))?.status).toBe('waiting');
    expect(await repos.handoffs.countClaimedBy(ani.id)).toBe(held + 2);
  });
});
