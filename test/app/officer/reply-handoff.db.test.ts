import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { claimHandoff } from '../../../src/app/officer/claim-handoff.js';
import { replyHandoff } from '../../../src/app/officer/reply-handoff.js';
import { useTestDatabase } from '../../support/db.js';
import { handoffDeps, waitingTicket } from './handoff-fixture.js';
import { ani, budi, sari } from './support.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('reply_handoff');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

describe('replyHandoff', () => {
  it('should append to the transcript and relay the message to the citizen', async () => {
    const t = await waitingTicket(repos, { transcript: [{ from: 'citizen', text: 'halo', at: new Date() }] });
    await claimHandoff(handoffDeps(repos), budi, t.id);
    const d = handoffDeps(repos);
    const res = await replyHandoff(d, budi, t.id, '  Baik Bu, saya cek dulu.  ');
    expect(res.ticket.transcript.map((l) => [l.from, l.text])).toEqual([
      ['citizen', 'halo'],
      ['officer', 'Baik Bu, saya cek dulu.'],
    ]);
    expect(d.push.calls).toEqual([
      {
        address: { channel: 'telegram', chatId: t.chatId },
        event: { kind: 'officer_message', text: 'Baik Bu, saya cek dulu.', officerName: 'Budi Santoso' },
      },
    ]);
  });

  it('should refuse an empty message with a field error, a waiting ticket, and another officer', async () => {
    const t = await waitingTicket(repos);
    await expect(replyHandoff(handoffDeps(repos), budi, t.id, '   ')).rejects.toMatchObject({
      code: 'invalid',
      fields: { text: expect.any(String) },
    });
    await expect(replyHandoff(handoffDeps(repos), budi, t.id, 'halo')).rejects.toMatchObject({
      code: 'conflict',
    });
    await claimHandoff(handoffDeps(repos), budi, t.id);
    await expect(replyHandoff(handoffDeps(repos), ani, t.id, 'halo')).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(replyHandoff(handoffDeps(repos), sari, t.id, 'Saya supervisor')).resolves.toMatchObject({
      notified: true,
    });
  });
});
