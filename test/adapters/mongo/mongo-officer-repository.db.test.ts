import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { DuplicateError } from '../../../src/ports/errors.js';
import type { Officer } from '../../../src/ports/officer-repository.js';
import { useTestDatabase } from '../../support/db.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('officers');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

function officer(username: string, overrides: Partial<Omit<Officer, 'id'>> = {}): Omit<Officer, 'id'> {
  return {
    username,
    displayName: 'Dewi Lestari',
    role: 'officer',
    officeId: '31.71.01.1001',
    passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA',
    active: true,
    failedLogins: 0,
    ...overrides,
  };
}

describe('MongoOfficerRepository', () => {
  it('should create and find an officer by id and by username, case-insensitively', async () => {
    const created = await repos.officers.create(officer('Dewi'));
    expect(await repos.officers.findById(created.id)).toEqual(created);
    expect(await repos.officers.findByUsername('dewi')).toEqual(created);
    expect(await repos.officers.findByUsername('DEWI ')).toEqual(created);
    expect(await repos.officers.findByUsername('budi')).toBeUndefined();
    expect(await repos.officers.findById('zz')).toBeUndefined();
  });

  it('should refuse a username taken in any letter case', async () => {
    await repos.officers.create(officer('rudi'));
    await expect(repos.officers.create(officer('RUDI'))).rejects.toBeInstanceOf(DuplicateError);
  });

  it('should update fields, set and clear the lock-out', async () => {
    const o = await repos.officers.create(officer('sari'));
    const locked = await repos.officers.update({
      ...o,
      failedLogins: 5,
      lockedUntil: new Date('2025-03-03T03:15:00Z'),
    });
    expect(locked).toMatchObject({ failedLogins: 5, lockedUntil: new Date('2025-03-03T03:15:00Z') });
    const cleared = await repos.officers.update({
      ...o,
      failedLogins: 0,
      lockedUntil: undefined,
      role: 'supervisor',
    });
    expect(cleared).toEqual({ ...o, role: 'supervisor' });
    expect(cleared).not.toHaveProperty('lockedUntil');
  });

  it('should refuse renaming to a taken username and answer undefined for an unknown officer', async () => {
    await repos.officers.create(officer('tono'));
    const o = await repos.officers.create(officer('tini'));
    await expect(repos.officers.update({ ...o, username: 'Tono' })).rejects.toBeInstanceOf(DuplicateError);
    expect(await repos.officers.update({ ...o, id: '65f0000000000000000000bb' })).toBeUndefined();
  });

  it('should list officers of some offices', async () => {
    await repos.officers.create(officer('kec1', { officeId: 'kec-x' }));
    await repos.officers.create(officer('kel1', { officeId: 'kel-y' }));
    expect((await repos.officers.list(['kec-x', 'kel-y'])).map((o) => o.username)).toEqual(['kec1', 'kel1']);
    expect((await repos.officers.list()).length).toBeGreaterThanOrEqual(2);
  });
});
