import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import type { Office } from '../../../src/ports/office-repository.js';
import { DEFAULT_HOURS } from '../../../src/domain/office.js';
import { openCountingConnection, useTestDatabase } from '../../support/db.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('offices');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

const hours = { mon: [{ open: '08:00', close: '15:00' }], sat: [] };
const tree: Office[] = [
  { id: '31', name: 'DKI Jakarta', level: 'provinsi', parentId: null, hours: DEFAULT_HOURS },
  {
    id: '31.71',
    name: 'Kota Administrasi Jakarta Pusat',
    level: 'kota',
    parentId: '31',
    hours: DEFAULT_HOURS,
  },
  { id: '31.71.01', name: 'Gambir', level: 'kecamatan', parentId: '31.71', hours: DEFAULT_HOURS },
  {
    id: '31.71.01.1002',
    name: 'Kebon Kelapa',
    level: 'kelurahan',
    parentId: '31.71.01',
    address: 'Jl. Batu Tulis',
    hours,
  },
  {
    id: '31.71.01.1001',
    name: 'Gambir',
    level: 'kelurahan',
    parentId: '31.71.01',
    address: 'Jl. Tanah Abang I',
    hours: DEFAULT_HOURS,
  },
];

describe('MongoOfficeRepository', () => {
  it('should store the tree and read it back by id, children and all', async () => {
    await repos.offices.upsertMany(tree);
    expect(await repos.offices.get('31.71.01.1002')).toEqual(tree[3]);
    expect(await repos.offices.get('31')).toEqual(tree[0]);
    expect(await repos.offices.get('99')).toBeUndefined();
    expect((await repos.offices.children('31.71.01')).map((o) => o.name)).toEqual(['Gambir', 'Kebon Kelapa']);
    expect(await repos.offices.all()).toHaveLength(5);
  });

  it('should replace on a second import, not duplicate', async () => {
    await repos.offices.upsertMany([{ ...tree[4]!, name: 'Gambir (Kelurahan)', address: undefined }]);
    expect(await repos.offices.all()).toHaveLength(5);
    expect(await repos.offices.get('31.71.01.1001')).toEqual({
      id: '31.71.01.1001',
      name: 'Gambir (Kelurahan)',
      level: 'kelurahan',
      parentId: '31.71.01',
      hours: DEFAULT_HOURS,
    });
  });

  it('should import more offices than one batch', async () => {
    const many: Office[] = Array.from({ length: 450 }, (_, i) => ({
      id: `32.01.01.${2000 + i}`,
      name: `Desa ${i}`,
      level: 'kelurahan',
      parentId: '32.01.01',
      hours: DEFAULT_HOURS,
    }));
    await repos.offices.upsertMany(many);
    expect(await repos.offices.children('32.01.01')).toHaveLength(450);
  });

  it('should write 150 offices in commands of at most 50', async () => {
    const counting = await openCountingConnection(db.conn());
    try {
      const offices = createMongoRepositories(counting.conn, testCipher).offices;
      const many: Office[] = Array.from({ length: 150 }, (_, i) => ({
        id: `33.01.01.${2000 + i}`,
        name: `Desa ${i}`,
        level: 'kelurahan',
        parentId: '33.01.01',
        hours: DEFAULT_HOURS,
      }));
      await offices.upsertMany(many);
      expect(counting.opsPerCommand).toEqual([50, 50, 50]);
      expect(await offices.children('33.01.01')).toHaveLength(150);
      // Importing the same list again writes nothing; one changed office is one write.
      await offices.upsertMany(many);
      expect(counting.opsPerCommand).toEqual([50, 50, 50]);
      await offices.upsertMany([...many.slice(1), { ...many[0]!, name: 'Desa Baru' }]);
      expect(counting.opsPerCommand).toEqual([50, 50, 50, 1]);
      expect((await offices.get(many[0]!.id))?.name).toBe('Desa Baru');
    } finally {
      await counting.close();
    }
  });
});

describe('MongoOfficeRepository.save', () => {
  it("should keep an admin's edit: phone, hours with a break, local holidays, services and SLA", async () => {
    const edited: Office = {
      id: '34.71.01.1001',
      name: 'Kelurahan Uji',
      level: 'kelurahan',
      parentId: null,
      phone: '0274 123456',
      hours: {
        fri: [
          { open: '08:00', close: '11:30' },
          { open: '13:00', close: '15:30' },
        ],
      },
      holidays: [{ date: '2027-10-07', name: 'Hari jadi kota' }],
      services: ['ktp', 'kk'],
      sla: { ktp: 7 },
    };
    expect(await repos.offices.save(edited)).toBe(false);
    await repos.offices.upsertMany([{ ...edited, phone: undefined, holidays: undefined }]);
    expect(await repos.offices.save(edited)).toBe(true);
    expect(await repos.offices.get(edited.id)).toEqual(edited);
    // Clearing the lists leaves them out rather than stored empty.
    const cleared = { ...edited, holidays: [], sla: {} };
    await repos.offices.save(cleared);
    const back = await repos.offices.get(edited.id);
    expect(back).not.toHaveProperty('holidays');
    expect(back).not.toHaveProperty('sla');
  });
});

describe('MongoOfficeRepository.chain', () => {
  it('should read an office with those above it, nearest first, also where a parent is not its code prefix', async () => {
    await repos.offices.upsertMany(tree);
    expect((await repos.offices.chain('31.71.01.1002')).map((o) => o.id)).toEqual([
      '31.71.01.1002',
      '31.71.01',
      '31.71',
      '31',
    ]);
    expect(await repos.offices.chain('99.01')).toEqual([]);
    // An office filed under a parent its code does not start with is still walked by parentId.
    await repos.offices.upsertMany([
      { id: 'pos-1', name: 'Pos Pelayanan', level: 'kelurahan', parentId: '31.71.01', hours },
    ]);
    expect((await repos.offices.chain('pos-1')).map((o) => o.id)).toEqual([
      'pos-1',
      '31.71.01',
      '31.71',
      '31',
    ]);
  });
});
