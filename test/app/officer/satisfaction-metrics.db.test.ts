import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { computeSatisfaction } from '../../../src/app/officer/satisfaction-metrics.js';
import { DEFAULT_HOURS } from '../../../src/domain/office.js';
import type { SkmScore } from '../../../src/domain/skm.js';
import { useTestDatabase } from '../../support/db.js';
import { budi, joko, sari } from './support.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('satisfaction_metrics');
let repos: MongoRepositories;
const AT = new Date('2026-11-23T03:00:00Z');
const WINDOW = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };

let n = 0;
async function answer(officerId: string, officeId: string, score: SkmScore, at = AT) {
  n++;
  await repos.satisfaction.record({
    ticketId: `65f0000000000000000001${String(n).padStart(2, '0')}`,
    officerId,
    officeId,
    score,
    answeredAt: at,
  });
}

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
  await repos.offices.upsertMany([
    { id: '31.71.01', name: 'Kec. Gambir', level: 'kecamatan', parentId: '31.71', hours: DEFAULT_HOURS },
    { id: '31.71.01.1001', name: 'Gambir', level: 'kelurahan', parentId: '31.71.01', hours: DEFAULT_HOURS },
    { id: '31.71.01.1002', name: 'Cideng', level: 'kelurahan', parentId: '31.71.01', hours: DEFAULT_HOURS },
  ]);
  await answer(budi.id, '31.71.01.1001', 4);
  await answer(budi.id, '31.71.01.1001', 3);
  await answer('65f0000000000000000000f1', '31.71.01.1002', 2);
  // Another kota, and an answer outside the window: neither counts for Sari's October view.
  await answer(joko.id, '32.73.01.1001', 1);
  await answer(budi.id, '31.71.01.1001', 1, new Date('2026-10-15T03:00:00Z'));
});

describe('computeSatisfaction', () => {
  it('should give the IKM (mean × 25) with its count per officer and per office of the subtree', async () => {
    const m = await computeSatisfaction(repos, sari, WINDOW);
    expect(m.overall).toEqual({ count: 3, ikm: 75, grade: 'C' });
    expect(m.officers.map((o) => [o.officerId, o.count, o.ikm, o.grade])).toEqual([
      [budi.id, 2, 87.5, 'B'],
      ['65f0000000000000000000f1', 1, 50, 'D'],
    ]);
    expect(m.offices).toEqual([
      { officeId: '31.71.01.1001', officeName: 'Gambir', count: 2, ikm: 87.5, grade: 'B' },
      { officeId: '31.71.01.1002', officeName: 'Cideng', count: 1, ikm: 50, grade: 'D' },
    ]);
    expect(m.truncated).toBe(false);
  });

  it('should narrow to one office and have nothing for an empty window', async () => {
    const one = await computeSatisfaction(repos, sari, { ...WINDOW, officeId: '31.71.01.1002' });
    expect(one.overall).toEqual({ count: 1, ikm: 50, grade: 'D' });
    const none = await computeSatisfaction(repos, sari, {
      from: new Date('2025-01-01T00:00:00Z'),
      to: new Date('2025-02-01T00:00:00Z'),
    });
    expect(none).toEqual({ overall: null, officers: [], offices: [], truncated: false });
  });

  it('should be for supervisors and admins, within their subtree only', async () => {
    await expect(computeSatisfaction(repos, budi, WINDOW)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      computeSatisfaction(repos, sari, { ...WINDOW, officeId: '32.73.01.1001' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
