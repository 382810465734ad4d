import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import type { Officer } from '../../../src/ports/officer-repository.js';
import { useTestDatabase } from '../../support/db.js';
import { testCipher } from '../../support/cipher.js';

/** The repository methods behind availability, the per-officer limit and the satisfaction survey. */
const db = useTestDatabase('workload_repositories');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

function officer(username: string, officeId: string, active = true): Omit<Officer, 'id'> {
  return {
    username,
    displayName: username,
    role: 'officer',
    officeId,
    passwordHash: 'x',
    active,
    failedLogins: 0,
    // Ignored on create: only setAvailable writes it.
    available: true,
  };
}

describe('availability on the officer record', () => {
  it('should start away, count only active available officers, per office when asked', async () => {
    const a = await repos.officers.create(officer('a', '31.71.01.1001'));
    const b = await repos.officers.create(officer('b', '31.71.01.1002'));
    const c = await repos.officers.create(officer('c', '31.71.01.1001', false));
    expect(await repos.officers.countAvailable()).toBe(0);
    expect((await repos.officers.setAvailable(a.id, true))?.available).toBe(true);
    await repos.officers.setAvailable(b.id, true);
    await repos.officers.setAvailable(c.id, true);
    expect(await repos.officers.countAvailable()).toBe(2);
    expect(await repos.officers.countAvailable(['31.71.01.1001'])).toBe(1);
    expect(await repos.officers.setAvailable('65f00000000000000000dead', true)).toBeUndefined();
    expect(await repos.officers.setAvailable('bukan-id', true)).toBeUndefined();
  });
});

describe('conversations held per officer', () => {
  it('should count and list claimed tickets only, not waiting or closed ones', async () => {
    const open = (chatId: string) =>
      repos.handoffs.open({
        channel: 'telegram',
        chatId,
        reason: 'asked',
        priority: false,
        createdAt: new Date(),
      });
    const officerId = '65f0000000000000000000b1';
    const [t1, t2, t3] = await Promise.all([open('h1'), open('h2'), open('h3')]);
    await repos.handoffs.claim(t1.ticket.id, officerId, new Date());
    await repos.handoffs.claim(t2.ticket.id, officerId, new Date());
    expect(await repos.handoffs.countClaimedBy(officerId)).toBe(2);
    expect((await repos.handoffs.listClaimedBy(officerId)).map((t) => t.id)).toEqual([
      t1.ticket.id,
      t2.ticket.id,
    ]);
    await repos.handoffs.close(t2.ticket.id, new Date());
    expect(await repos.handoffs.countClaimedBy(officerId)).toBe(1);
    expect((await repos.handoffs.listClaimedBy(officerId)).map((t) => t.id)).toEqual([t1.ticket.id]);
    expect(t3.ticket.status).toBe('waiting');
    expect(await repos.handoffs.countClaimedBy('65f0000000000000000000b2')).toBe(0);
  });
});

describe('satisfaction answers', () => {
  it('should keep one answer per ticket, add a comment later, and list a window newest first', async () => {
    const base = { officerId: 'o1', officeId: '31.71.01.1001' };
    await repos.satisfaction.record({
      ...base,
      ticketId: 't1',
      score: 2,
      answeredAt: new Date('2026-11-23T01:00:00Z'),
    });
    await repos.satisfaction.record({
      ...base,
      ticketId: 't2',
      score: 4,
      answeredAt: new Date('2026-11-23T02:00:00Z'),
    });
    await repos.satisfaction.record({
      ...base,
      ticketId: 't1',
      score: 2,
      comment: 'Antre lama',
      answeredAt: new Date('2026-11-23T01:05:00Z'),
    });
    await repos.satisfaction.record({
      ...base,
      ticketId: 't3',
      score: 1,
      answeredAt: new Date('2026-12-05T00:00:00Z'),
    });
    const rows = await repos.satisfaction.listWindow(
      { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') },
      10,
    );
    expect(rows.map((r) => [r.ticketId, r.score, r.comment])).toEqual([
      ['t2', 4, undefined],
      ['t1', 2, 'Antre lama'],
    ]);
    expect(
      await repos.satisfaction.listWindow({ from: new Date(0), to: new Date('2030-01-01') }, 1),
    ).toHaveLength(1);
  });
});
