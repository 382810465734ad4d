import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import type { PendingEffect } from '../../../src/ports/application-repository.js';
import { ConcurrencyError } from '../../../src/ports/errors.js';
import { useTestDatabase } from '../../support/db.js';
import { newApplication, sequentialNumbers } from './fixtures.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('pending_effects');
let repos: MongoRepositories;
const numbers = sequentialNumbers(9100);
const AT = new Date('2027-01-04T02:00:00Z');
const LATER = new Date(AT.getTime() + 60_000);

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

function effect(id: string): PendingEffect {
  return {
    id,
    at: AT,
    audit: { type: 'test.effect', actor: { kind: 'system', id: 't' }, at: AT, data: { id } },
    deleteDocuments: ['65f000000000000000000001'],
  };
}

const pendingOf = async (id: string) =>
  (await repos.applications.listPendingEffects(LATER, 1000)).find((p) => p.applicationId === id)?.effects;

describe('follow-ups stored with an application', () => {
  it('should store them with the save, none when the save loses, and clear them one by one without a new version', async () => {
    const app = await repos.applications.create(newApplication(), numbers);
    const saved = await repos.applications.save({ ...app, status: 'IN_REVIEW' }, 1, {
      effects: [effect('a')],
    });
    await expect(
      repos.applications.save({ ...app, status: 'REJECTED' }, 1, { effects: [effect('lost')] }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    await repos.applications.save({ ...saved, status: 'APPROVED' }, 2, { effects: [effect('b')] });
    expect(await pendingOf(app.id)).toEqual([effect('a'), effect('b')]);
    // Younger than the asked moment: not listed.
    expect((await repos.applications.listPendingEffects(AT, 1000)).map((p) => p.applicationId)).not.toContain(
      app.id,
    );

    await repos.applications.completeEffect(app.id, 'a');
    await repos.applications.completeEffect(app.id, 'a');
    expect(await pendingOf(app.id)).toEqual([effect('b')]);
    await repos.applications.completeEffect(app.id, 'b');
    expect(await pendingOf(app.id)).toBeUndefined();
    const row = await db.conn().collection('applications').findOne({ trackingNumber: app.trackingNumber });
    expect(row).not.toHaveProperty('pendingEffects');
    expect(row).not.toHaveProperty('effectsPending');
    expect((await repos.applications.findById(app.id))?.version).toBe(3);
  });

  it("should store a submission's follow-ups with the create, and refuse keys the database cannot hold", async () => {
    const app = await repos.applications.create(newApplication(), numbers, {
      effects: (a) => [effect(`submitted:${a.id}`)],
    });
    expect(await pendingOf(app.id)).toEqual([effect(`submitted:${app.id}`)]);
    const bad: PendingEffect = { ...effect('x'), audit: { ...effect('x').audit!, data: { 'a.b': 1 } } };
    await expect(repos.applications.save(app, 1, { effects: [bad] })).rejects.toThrow('cannot be stored');
    expect((await repos.applications.findById(app.id))?.version).toBe(1);
  });

  it("should seal the citizen's notice text while it waits, and give it back plain", async () => {
    const notice = {
      key: 'status:n:2',
      channel: 'telegram' as const,
      chatId: '5550001',
      text: 'Catatan: Siti, NIK 3171014708900003',
    };
    const app = await repos.applications.create(newApplication(), numbers, {
      effects: () => [{ ...effect('n'), notice }],
    });
    const row = await db.conn().collection('applications').findOne({ trackingNumber: app.trackingNumber });
    expect(JSON.stringify(row?.pendingEffects)).not.toMatch(/Siti|3171014708900003/);
    expect(await pendingOf(app.id)).toEqual([{ ...effect('n'), notice }]);
  });
});
