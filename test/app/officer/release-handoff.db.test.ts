import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { claimHandoff } from '../../../src/app/officer/claim-handoff.js';
import { releaseHandoff } from '../../../src/app/officer/release-handoff.js';
import { useTestDatabase } from '../../support/db.js';
import { handoffDeps, waitingTicket } from './handoff-fixture.js';
import { ani, budi } from './support.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('release_handoff');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

describe('releaseHandoff', () => {
  it('should put the conversation back in the queue and hand the chat back to the bot', async () => {
    const t = await waitingTicket(repos);
    await claimHandoff(handoffDeps(repos), budi, t.id);
    await expect(releaseHandoff(handoffDeps(repos), ani, t.id)).rejects.toMatchObject({ code: 'forbidden' });
    const d = handoffDeps(repos);
    const res = await releaseHandoff(d, budi, t.id);
    expect(res.ticket.status).toBe('waiting');
    expect(res.ticket.officerId).toBeUndefined();
    expect(d.push.calls.map((c) => c.event)).toEqual([{ kind: 'handoff_closed', byOfficer: true }]);
    expect((await repos.handoffs.listWaiting()).map((w) => w.id)).toContain(t.id);
    await expect(releaseHandoff(handoffDeps(repos), budi, t.id)).rejects.toMatchObject({ code: 'conflict' });
  });
});
