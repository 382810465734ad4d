import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { createOfficer } from '../../../src/app/officer/create-officer.js';
import { verifyPassword } from '../../../src/app/officer/passwords.js';
import { useTestDatabase } from '../../support/db.js';
import { at } from './support.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('create_officer');
let repos: MongoRepositories;
const system = { kind: 'system' as const, id: 'cli' };

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

describe('createOfficer', () => {
  it('should store an argon2id hash, never the password, and audit the creation', async () => {
    const deps = { ...repos, now: at('2025-03-04T01:00:00.000Z') };
    const created = await createOfficer(
      deps,
      {
        username: 'admin',
        displayName: 'Admin Kota',
        password: 'rahasia-sekali-123',
        role: 'admin',
        officeId: '31.71',
      },
      system,
    );
    expect(created).not.toHaveProperty('passwordHash');
    const stored = await repos.officers.findByUsername('ADMIN');
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored?.passwordHash).not.toContain('rahasia');
    expect(await verifyPassword(stored?.passwordHash ?? '', 'rahasia-sekali-123')).toBe(true);
    const audit = await repos.events.search({ type: 'officer.created' }, { limit: 5 });
    expect(audit.items[0]).toMatchObject({ actor: system, after: { username: 'admin', role: 'admin' } });
    expect(JSON.stringify(audit.items)).not.toContain('rahasia');
  });

  it('should name every bad field, and refuse a taken username', async () => {
    const deps = { ...repos, now: at('2025-03-04T01:00:00.000Z') };
    await expect(
      createOfficer(
        deps,
        { username: 'a', displayName: ' ', password: 'short', role: 'officer', officeId: '3171' },
        system,
      ),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: {
        username: expect.any(String),
        displayName: expect.any(String),
        password: expect.any(String),
        officeId: expect.any(String),
      },
    });
    const input = {
      username: 'dup',
      displayName: 'D',
      password: 'panjang-sekali-1',
      role: 'officer' as const,
      officeId: '31.71.01.1001',
    };
    await createOfficer(deps, input, system);
    await expect(createOfficer(deps, { ...input, username: 'DUP' }, system)).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});
