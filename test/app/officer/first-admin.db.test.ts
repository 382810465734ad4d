import { createHash } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import {
  checkSetupToken,
  createFirstAdmin,
  issueSetupToken,
  SETUP_TOKEN_TTL_MS,
  type FirstAdminDeps,
} from '../../../src/app/officer/first-admin.js';
import type { OfficerActionError } from '../../../src/app/officer/errors.js';
import { passwordWeakness, verifyPassword } from '../../../src/app/officer/passwords.js';
import { DEFAULT_HOURS } from '../../../src/domain/office.js';
import { useTestDatabase } from '../../support/db.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('first_admin');
let repos: MongoRepositories;
let clock = new Date('2026-03-04T01:00:00.000Z');
const deps = (): FirstAdminDeps => ({ ...repos, now: () => clock });
const ADMIN = {
  username: 'admin',
  displayName: 'Admin Kelurahan',
  password: 'pohon-mangga-di-balai-desa',
  officeId: '31.71.01.1001',
};

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
  await repos.offices.upsertMany([
    { id: '31.71.01.1001', name: 'Gambir', level: 'kelurahan', parentId: '31.71.01', hours: DEFAULT_HOURS },
  ]);
});
beforeEach(async () => {
  clock = new Date('2026-03-04T01:00:00.000Z');
  await db.conn().collection('officers').deleteMany({});
  await repos.setupTokens.clear();
});

/** Issues a token as a start-up would; a test failure names the kind when none came. */
async function issued(): Promise<string> {
  const r = await issueSetupToken(deps());
  if (r.kind !== 'issued') throw new Error(`no token: ${r.kind}`);
  return r.token;
}

describe('issueSetupToken', () => {
  it('should issue a random base64url token while no officer exists, storing only its sha256', async () => {
    const token = await issued();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await db.conn().collection('setup_tokens').find({}).toArray();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(await checkSetupToken(deps(), token)).toBe(true);
  });

  it('should issue nothing once an officer exists, and drop a pending token', async () => {
    const token = await issued();
    await createFirstAdmin(deps(), token, ADMIN);
    expect((await issueSetupToken(deps())).kind).toBe('officers-exist');
    expect(await db.conn().collection('setup_tokens').countDocuments()).toBe(0);
  });

  it('should let only one of several processes starting together show a token', async () => {
    const results = await Promise.all([1, 2, 3].map(() => issueSetupToken(deps())));
    expect(results.filter((r) => r.kind === 'issued')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'issued-elsewhere')).toHaveLength(2);
  });

  it('should kill the old link when a later restart issues a new one', async () => {
    const old = await issued();
    clock = new Date(clock.getTime() + 60_000);
    const fresh = await issued();
    expect(await checkSetupToken(deps(), old)).toBe(false);
    expect(await checkSetupToken(deps(), fresh)).toBe(true);
  });
});

describe('checkSetupToken', () => {
  it('should refuse a wrong token, and a good one after 24 hours', async () => {
    const token = await issued();
    expect(await checkSetupToken(deps(), 'salah')).toBe(false);
    expect(await checkSetupToken(deps(), '')).toBe(false);
    clock = new Date(clock.getTime() + SETUP_TOKEN_TTL_MS - 1000);
    expect(await checkSetupToken(deps(), token)).toBe(true);
    clock = new Date(clock.getTime() + 2000);
    expect(await checkSetupToken(deps(), token)).toBe(false);
    await expect(createFirstAdmin(deps(), token, ADMIN)).rejects.toMatchObject({ code: 'unauthorized' });
  });
});

describe('createFirstAdmin', () => {
  it('should create an admin with an argon2 hash, audit it and consume the token once', async () => {
    const token = await issued();
    const admin = await createFirstAdmin(deps(), token, ADMIN);
    expect(admin).toMatchObject({ username: 'admin', role: 'admin', officeId: '31.71.01.1001' });
    const stored = await repos.officers.findByUsername('admin');
    expect(await verifyPassword(stored!.passwordHash, ADMIN.password)).toBe(true);
    const audit = await repos.events.search({ type: 'officer.created' }, { limit: 5 });
    expect(audit.items[0]).toMatchObject({ actor: { kind: 'system', id: 'first-run-setup' } });
    await expect(createFirstAdmin(deps(), token, { ...ADMIN, username: 'admin2' })).rejects.toMatchObject({
      code: 'unauthorized',
    });
    expect(await db.conn().collection('setup_tokens').countDocuments()).toBe(0);
  });

  it('should let exactly one of two concurrent submissions win', async () => {
    const token = await issued();
    const results = await Promise.allSettled([
      createFirstAdmin(deps(), token, ADMIN),
      createFirstAdmin(deps(), token, { ...ADMIN, username: 'admin-kedua' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect((refused?.reason as OfficerActionError).code).toBe('unauthorized');
    expect(await repos.officers.list()).toHaveLength(1);
  });

  it('should refuse weak passwords and missing fields without consuming the token', async () => {
    const token = await issued();
    const err = (await createFirstAdmin(deps(), token, {
      username: '',
      displayName: ' ',
      password: 'password1234',
      officeId: '99.99',
    }).catch((e: unknown) => e)) as OfficerActionError;
    expect(err.code).toBe('invalid');
    expect(Object.keys(err.fields ?? {}).sort()).toEqual(['displayName', 'officeId', 'password', 'username']);
    expect(await checkSetupToken(deps(), token)).toBe(true);
  });
});

describe('passwordWeakness', () => {
  it.each([
    'pendek',
    'password1234',
    '123456789012',
    'aaaaaaaaaaaa',
    'abcabcabcabc',
    'Katasandi2026!',
    'qwertyuiopas',
  ])('should refuse %s', (pw) => expect(passwordWeakness(pw)).toBeDefined());
  it.each(['pohon-mangga-di-balai-desa', 'Kopi tubruk pagi 7x'])('should accept %s', (pw) =>
    expect(passwordWeakness(pw)).toBeUndefined(),
  );
});
