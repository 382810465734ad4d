import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { createOfficer } from '../../../src/app/officer/create-officer.js';
import { LOCKOUT_MS, verifyLogin } from '../../../src/app/officer/verify-login.js';
import { useTestDatabase } from '../../support/db.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('verify_login');
let repos: MongoRepositories;
const t0 = new Date('2025-03-04T01:00:00.000Z');

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
  const deps = { ...repos, now: () => t0 };
  const base = {
    displayName: 'Petugas',
    password: 'benar-sekali-123',
    role: 'officer' as const,
    officeId: '31.71.01.1001',
  };
  await createOfficer(deps, { ...base, username: 'rina' }, { kind: 'system', id: 'test' });
  await createOfficer(deps, { ...base, username: 'dodi' }, { kind: 'system', id: 'test' });
});

describe('verifyLogin', () => {
  it('should accept the right password and refuse a wrong one or an unknown user alike', async () => {
    const deps = { ...repos, now: () => t0 };
    await expect(verifyLogin(deps, 'Rina', 'benar-sekali-123')).resolves.toMatchObject({
      ok: true,
      officer: { username: 'rina' },
    });
    await expect(verifyLogin(deps, 'rina', 'salah')).resolves.toEqual({ ok: false, reason: 'invalid' });
    await expect(verifyLogin(deps, 'siapa', 'salah')).resolves.toEqual({ ok: false, reason: 'invalid' });
  });

  it('should lock after five failures for fifteen minutes, even for the right password', async () => {
    let now = t0;
    const deps = { ...repos, now: () => now };
    for (let i = 0; i < 4; i++) expect((await verifyLogin(deps, 'dodi', 'salah')).ok).toBe(false);
    const fifth = await verifyLogin(deps, 'dodi', 'salah');
    expect(fifth).toEqual({ ok: false, reason: 'locked', lockedUntil: new Date(t0.getTime() + LOCKOUT_MS) });
    await expect(verifyLogin(deps, 'dodi', 'benar-sekali-123')).resolves.toMatchObject({
      ok: false,
      reason: 'locked',
    });
    now = new Date(t0.getTime() + LOCKOUT_MS + 1);
    await expect(verifyLogin(deps, 'dodi', 'benar-sekali-123')).resolves.toMatchObject({ ok: true });
    expect(await repos.officers.findByUsername('dodi')).toMatchObject({ failedLogins: 0 });
    expect((await repos.officers.findByUsername('dodi'))?.lockedUntil).toBeUndefined();
    const locked = await repos.events.search({ type: 'officer.locked' }, { limit: 5 });
    expect(locked.total).toBe(1);
  });
});
