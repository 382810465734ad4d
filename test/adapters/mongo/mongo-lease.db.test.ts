import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoLeases } from '../../../src/adapters/mongo/mongo-lease.js';
import type { LeaseRepository } from '../../../src/ports/lease.js';
import { useTestDatabase } from '../../support/db.js';

const db = useTestDatabase('mongo_lease');
let a: LeaseRepository;
let b: LeaseRepository;
const T0 = new Date('2026-11-23T02:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

beforeAll(async () => {
  const repo = createMongoLeases(db.conn());
  await repo.ensureIndexes();
  a = repo;
  // A second repository object on the same database: what another process would have.
  b = createMongoLeases(db.conn());
});

describe('MongoLeaseRepository', () => {
  it('should give a free lease to the first taker and refuse a second holder while it lives', async () => {
    expect(await a.acquire('job:one', 'server-a', 1000, at(0))).toMatchObject({
      acquired: true,
      lease: { holder: 'server-a', expiresAt: at(1000) },
    });
    expect(await b.acquire('job:one', 'server-b', 1000, at(500))).toMatchObject({
      acquired: false,
      lease: { holder: 'server-a' },
    });
    // The holder taking it again just extends it.
    expect((await a.acquire('job:one', 'server-a', 1000, at(600))).acquired).toBe(true);
    expect((await a.current('job:one'))?.expiresAt).toEqual(at(1600));
  });

  it('should keep the lease with a renewing holder and hand it over once it lapses', async () => {
    expect((await a.acquire('whatsapp:x', 'server-a', 1000, at(0))).acquired).toBe(true);
    expect(await a.renew('whatsapp:x', 'server-a', 1000, at(900))).toBe(true);
    expect((await b.acquire('whatsapp:x', 'server-b', 1000, at(1500))).acquired).toBe(false);
    // server-a stops renewing (crash): at 1901+ the lease has lapsed.
    expect(await b.acquire('whatsapp:x', 'server-b', 1000, at(2000))).toMatchObject({
      acquired: true,
      lease: { holder: 'server-b' },
    });
    // The old holder notices on its next renewal and must stop.
    expect(await a.renew('whatsapp:x', 'server-a', 1000, at(2100))).toBe(false);
    expect((await a.current('whatsapp:x'))?.holder).toBe('server-b');
    // Releasing a lease one does not hold changes nothing.
    await a.release('whatsapp:x', 'server-a', at(2200));
    expect((await a.current('whatsapp:x'))?.expiresAt).toEqual(at(3000));
  });

  it("should show the holder's note to the others, and drop it when another process takes over", async () => {
    expect((await a.acquire('whatsapp:note', 'server-a', 1000, at(0))).acquired).toBe(true);
    expect(await a.renew('whatsapp:note', 'server-a', 1000, at(500), 'logged_out')).toBe(true);
    expect(await b.acquire('whatsapp:note', 'server-b', 1000, at(600))).toMatchObject({
      acquired: false,
      lease: { holder: 'server-a', note: 'logged_out' },
    });
    // A renewal without a note keeps the last one; the holder taking its own lease again too.
    expect(await a.renew('whatsapp:note', 'server-a', 1000, at(700))).toBe(true);
    expect((await a.acquire('whatsapp:note', 'server-a', 1000, at(800))).acquired).toBe(true);
    expect((await b.current('whatsapp:note'))?.note).toBe('logged_out');
    // server-a stops; server-b takes the lapsed lease: server-a's state is not server-b's.
    expect((await b.acquire('whatsapp:note', 'server-b', 1000, at(2000))).acquired).toBe(true);
    expect(await a.current('whatsapp:note')).not.toHaveProperty('note');
  });

  it('should let another process take a released lease at once', async () => {
    await a.acquire('job:two', 'server-a', 60_000, at(0));
    await a.release('job:two', 'server-a', at(10));
    expect((await b.acquire('job:two', 'server-b', 60_000, at(20))).acquired).toBe(true);
  });

  it('should give a lapsed lease to exactly one of several racing processes', async () => {
    await a.acquire('job:race', 'server-0', 100, at(0));
    const holders = Array.from({ length: 6 }, (_, i) => `server-${i + 1}`);
    const claims = await Promise.all(
      holders.map((h, i) => (i % 2 ? a : b).acquire('job:race', h, 60_000, at(1000))),
    );
    const winners = claims.filter((c) => c.acquired);
    expect(winners).toHaveLength(1);
    expect((await a.current('job:race'))?.holder).toBe(winners[0]!.lease.holder);
  });

  it('should give a never-held lease to exactly one of several racing processes', async () => {
    const claims = await Promise.all(
      ['p1', 'p2', 'p3', 'p4'].map((h, i) => (i % 2 ? a : b).acquire('job:fresh', h, 60_000, at(0))),
    );
    expect(claims.filter((c) => c.acquired)).toHaveLength(1);
  });
});
