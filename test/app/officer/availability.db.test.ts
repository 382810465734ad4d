import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { readAvailability, setAvailability } from '../../../src/app/officer/availability.js';
import type { OfficerActor } from '../../../src/app/officer/officer-actor.js';
import { DEFAULT_HOURS } from '../../../src/domain/office.js';
import { useTestDatabase } from '../../support/db.js';
import { at } from './support.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('officer_availability');
let repos: MongoRepositories;

async function officer(username: string, officeId: string, role: OfficerActor['role'] = 'officer') {
  const o = await repos.officers.create({
    username,
    displayName: username.toUpperCase(),
    role,
    officeId,
    passwordHash: 'x',
    active: true,
    failedLogins: 0,
  });
  return { id: o.id, username, displayName: o.displayName, role, officeId } satisfies OfficerActor;
}

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
  await repos.offices.upsertMany([
    { id: '31.71.01', name: 'Gambir', level: 'kecamatan', parentId: '31.71', hours: DEFAULT_HOURS },
    { id: '31.71.01.1001', name: 'Gambir', level: 'kelurahan', parentId: '31.71.01', hours: DEFAULT_HOURS },
    { id: '31.71.01.1002', name: 'Cideng', level: 'kelurahan', parentId: '31.71.01', hours: DEFAULT_HOURS },
  ]);
});

describe('setAvailability', () => {
  it('should start away, flip to available and back, audit each change, and count per office subtree', async () => {
    const deps = { ...repos, now: at('2026-11-23T02:00:00.000Z') };
    const budi = await officer('budi', '31.71.01.1001');
    const cici = await officer('cici', '31.71.01.1002');
    const sari = await officer('sari', '31.71.01', 'supervisor');

    expect(await readAvailability(deps, budi)).toEqual({ available: false, availableInScope: 0 });
    expect(await setAvailability(deps, budi, true)).toEqual({ available: true, availableInScope: 1 });
    await setAvailability(deps, cici, true);
    // Budi sees his kelurahan only; the supervisor sees the kecamatan and both kelurahan.
    expect(await readAvailability(deps, budi)).toEqual({ available: true, availableInScope: 1 });
    expect(await readAvailability(deps, sari)).toEqual({ available: false, availableInScope: 2 });

    expect(await setAvailability(deps, budi, false)).toEqual({ available: false, availableInScope: 0 });
    // Saying "away" twice changes nothing and is not audited twice.
    await setAvailability(deps, budi, false);
    const events = await repos.events.search(
      { type: 'officer.availability_changed', actorId: budi.id },
      { limit: 10 },
    );
    expect(events.items.map((e) => [e.before, e.after])).toEqual([
      [{ available: true }, { available: false }],
      [{ available: false }, { available: true }],
    ]);
    expect(events.items[0]).toMatchObject({ officeId: '31.71.01.1001', data: { officerId: budi.id } });
  });

  it("should keep availability when an admin edits the officer's record", async () => {
    const deps = { ...repos, now: at('2026-11-23T02:00:00.000Z') };
    const dodi = await officer('dodi', '31.71.01.1001');
    const before = await repos.officers.findById(dodi.id);
    await setAvailability(deps, dodi, true);
    await repos.officers.update({ ...before!, displayName: 'Dodi Baru' });
    expect(await repos.officers.findById(dodi.id)).toMatchObject({
      displayName: 'Dodi Baru',
      available: true,
    });
  });

  it('should refuse an officer that does not exist', async () => {
    const deps = { ...repos, now: at('2026-11-23T02:00:00.000Z') };
    const ghost: OfficerActor = {
      id: '65f00000000000000000dead',
      username: 'hantu',
      displayName: 'Hantu',
      role: 'officer',
      officeId: '31.71.01.1001',
    };
    await expect(setAvailability(deps, ghost, true)).rejects.toMatchObject({ code: 'not_found' });
  });
});
