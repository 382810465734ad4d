import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { authenticateApiToken, hashApiToken, issueApiToken } from '../../../src/app/officer/api-tokens.js';
import { createOfficer } from '../../../src/app/officer/create-officer.js';
import { useTestDatabase } from '../../support/db.js';

const db = useTestDatabase('api_tokens');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn());
  await repos.ensureIndexes();
});

describe('issueApiToken', () => {
  it('should return a random token once and keep only its SHA-256 hash', async () => {
    const deps = { ...repos, now: () => new Date('2025-03-04T01:00:00.000Z') };
    const officer = await createOfficer(
      deps,
      {
        username: 'api',
        displayName: 'API',
        password: 'panjang-sekali-1',
        role: 'officer',
        officeId: '31.71.01.1001',
      },
      { kind: 'system', id: 'test' },
    );
    const token = await issueApiToken(deps, officer);
    const second = await issueApiToken(deps, officer);
    expect(token).toMatch(/^lkt_[A-Za-z0-9_-]{43}$/);
    expect(second).not.toBe(token);
    const stored = await repos.officers.findById(officer.id);
    expect(stored?.apiTokenHashes).toEqual([hashApiToken(token), hashApiToken(second)]);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await authenticateApiToken(repos.officers, token))?.id).toBe(officer.id);
    expect(await authenticateApiToken(repos.officers, 'lkt_wrong')).toBeUndefined();
    await repos.officers.update({
      ...(stored ?? (await Promise.reject(new Error('missing')))),
      active: false,
    });
    expect(await authenticateApiToken(repos.officers, token)).toBeUndefined();
  });
});
