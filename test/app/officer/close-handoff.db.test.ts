import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { claimHandoff } from '../../../src/app/officer/claim-handoff.js';
import { closeHandoff } from '../../../src/app/officer/close-handoff.js';
import { useTestDatabase } from '../../support/db.js';
import { handoffDeps, waitingTicket } from './handoff-fixture.js';
import { ani, budi, sari } from './support.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('close_handoff');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

describe('closeHandoff', () => {
  it('should close a claimed conversation for its officer and tell the citizen', async () => {
    const t = await waitingTicket(repos);
    await claimHandoff(handoffDeps(repos), budi, t.id);
    await expect(closeHandoff(handoffDeps(repos), ani, t.id, 'answered')).rejects.toMatchObject({
      code: 'forbidden',
    });
    const d = handoffDeps(repos);
    const res = await closeHandoff(d, budi, t.id, 'application_filed');
    expect(res.ticket).toMatchObject({
      status: 'closed',
      closedAt: new Date('2025-03-04T02:05:00.000Z'),
      resolution: 'application_filed',
    });
    expect(await repos.handoffs.get(t.id)).toMatchObject({ resolution: 'application_filed' });
    expect(d.push.calls.map((c) => c.event)).toEqual([
      { kind: 'handoff_closed', byOfficer: true, ticketId: t.id },
    ]);
    expect(await repos.handoffs.findOpenByChat('telegram', t.chatId)).toBeUndefined();
    await expect(closeHandoff(handoffDeps(repos), budi, t.id, 'answered')).rejects.toMatchObject({
      code: 'conflict',
    });
    const audit = await repos.events.search({ type: 'handoff.closed' }, { limit: 5 });
    expect(audit.items[0]).toMatchObject({
      actor: { id: budi.id },
      data: { handoffId: t.id, wasStatus: 'claimed', resolution: 'application_filed' },
    });
  });

  it('should let a supervisor close a conversation another officer holds', async () => {
    const t = await waitingTicket(repos);
    await claimHandoff(handoffDeps(repos), budi, t.id);
    await expect(closeHandoff(handoffDeps(repos), sari, t.id, 'no_response')).resolves.toMatchObject({
      ticket: { status: 'closed' },
    });
  });

  it('should require a known resolution and change nothing without one', async () => {
    const t = await waitingTicket(repos);
    await claimHandoff(handoffDeps(repos), budi, t.id);
    for (const bad of [undefined, '', 'handed_back', 'dibakar']) {
      await expect(closeHandoff(handoffDeps(repos), budi, t.id, bad)).rejects.toMatchObject({
        code: 'invalid',
        fields: { resolution: expect.any(String) },
      });
    }
    expect(await repos.handoffs.get(t.id)).toMatchObject({ status: 'claimed' });
  });

  it('should name the conversation for the satisfaction question only when an officer served it', async () => {
    const t = await waitingTicket(repos);
    const d = handoffDeps(repos);
    await closeHandoff(d, sari, t.id, 'answered');
    expect(d.push.calls.map((c) => c.event)).toEqual([{ kind: 'handoff_closed', byOfficer: true }]);
  });
});
