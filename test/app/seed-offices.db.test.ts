import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openConnection, type DbConnection } from '../../src/adapters/mongo/connection.js';
import { createMongoLeases } from '../../src/adapters/mongo/mongo-lease.js';
import { createMongoRepositories } from '../../src/adapters/mongo/repositories.js';
import { SEED_OFFICES_LEASE, seedOffices, type SeedOfficesDeps } from '../../src/app/seed-offices.js';
import { loadAreas } from '../../src/catalog/areas.js';
import type { Office } from '../../src/ports/office-repository.js';
import { useTestDatabase } from '../support/db.js';
import { testCipher } from '../support/cipher.js';

const db = useTestDatabase('seed_offices');
let offices: Office[];
/** One connection per "server process", all on the same database. */
let conns: DbConnection[] = [];

beforeAll(async () => {
  offices = (await loadAreas()).offices;
  conns = await Promise.all(
    Array.from({ length: 4 }, () => openConnection(process.env.MONGODB_URI!, db.conn().name)),
  );
});

afterAll(async () => {
  await Promise.all(conns.map((c) => c.close()));
});

/** What createLoket does in each process before seeding: the indexes, its own holder name. */
async function startingProcess(conn: DbConnection, i: number): Promise<SeedOfficesDeps> {
  const repos = createMongoRepositories(conn, testCipher);
  const leases = createMongoLeases(conn);
  await repos.ensureIndexes();
  await leases.ensureIndexes();
  return { offices: repos.offices, leases, holder: `test-host:${i}`, pollMs: 50 };
}

const stored = () =>
  db
    .conn()
    .collection('offices')
    .find({}, { projection: { _id: 1 } })
    .toArray();

describe('seedOffices', () => {
  it('should store each office once when four processes start at once on a new database', async () => {
    const processes = await Promise.all(conns.map(startingProcess));
    await Promise.all(processes.map((p) => seedOffices(p, offices)));

    const rows = await stored();
    expect(rows).toHaveLength(offices.length);
    expect(new Set(rows.map((r) => String(r._id)))).toEqual(new Set(offices.map((o) => o.id)));
    const byId = new Map(offices.map((o) => [o.id, o]));
    for (const o of await processes[0]!.offices.all()) expect(o).toEqual(byId.get(o.id));
    // The lease is given back: the next start-up need not wait for it to lapse.
    expect((await processes[0]!.leases.current(SEED_OFFICES_LEASE))!.expiresAt.getTime()).toBeLessThanOrEqual(
      Date.now(),
    );
  });

  it('should add offices of a new area list once when four processes start at once again', async () => {
    const processes = await Promise.all(conns.map(startingProcess));
    const more: Office[] = [
      ...offices,
      ...Array.from({ length: 120 }, (_, i) => ({
        id: `32.01.01.${2000 + i}`,
        name: `Desa ${i}`,
        level: 'kelurahan' as const,
        parentId: '32.01.01',
        hours: offices[0]!.hours,
      })),
    ];
    await Promise.all(processes.map((p) => seedOffices(p, more)));
    expect(await stored()).toHaveLength(more.length);
  });

  it('should wait for a process that is seeding, and take over once its lease lapsed', async () => {
    const [waiting] = await Promise.all([startingProcess(conns[0]!, 0)]);
    const tree = [...offices, { ...offices.at(-1)!, id: '32.01.01.9999', name: 'Desa Baru' }];
    // A process that took the lease and died: held for 1.5 s more.
    await waiting.leases.acquire(SEED_OFFICES_LEASE, 'dead-process', 1500, new Date());
    const t0 = Date.now();
    await seedOffices(waiting, tree);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
    expect(await waiting.offices.get('32.01.01.9999')).toBeDefined();
  });

  it('should add the offices of a widened LOKET_AREAS and leave every stored office as it is', async () => {
    const [p] = await Promise.all([startingProcess(conns[0]!, 0)]);
    await db.conn().collection('offices').deleteMany({});
    const cibinong = (await loadAreas({ areas: ['32.01.01'] })).offices;
    await seedOffices(p, cibinong);
    expect(await stored()).toHaveLength(cibinong.length);
    // An admin edits the desa office and the kabupaten above it in the console.
    const desa = cibinong.find((o) => o.level === 'kelurahan')!;
    const edited = { ...desa, name: `${desa.name} (diedit)`, address: 'Jl. Raya 1' };
    await db
      .conn()
      .collection('offices')
      .updateOne({ _id: desa.id as never }, { $set: { name: edited.name, address: edited.address } });
    await db
      .conn()
      .collection('offices')
      .updateOne({ _id: '32.01' as never }, { $set: { name: 'Pemkab Bogor' } });

    const wider = (await loadAreas({ areas: ['32.01.01', '32.01.02'] })).offices;
    await seedOffices(p, wider);

    expect(await stored()).toHaveLength(wider.length);
    expect(await p.offices.get(desa.id)).toEqual(edited);
    expect((await p.offices.get('32.01'))?.name).toBe('Pemkab Bogor');
    const added = wider.filter((o) => o.id.startsWith('32.01.02'));
    expect(added.length).toBeGreaterThan(1);
    for (const o of added) expect(await p.offices.get(o.id)).toEqual(o);

    // Narrowed again: nothing is removed or rewritten.
    await seedOffices(p, cibinong);
    expect(await stored()).toHaveLength(wider.length);
    expect(await p.offices.get(desa.id)).toEqual(edited);
  });
});
