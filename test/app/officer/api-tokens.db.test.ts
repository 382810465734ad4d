import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import {
  authenticateApiToken,
  hashApiToken,
  issueApiToken,
  listApiTokens,
  revokeApiToken,
  type ApiTokenDeps,
} from '../../../src/app/officer/api-tokens.js';
import { createOfficer } from '../../../src/app/officer/create-officer.js';
import type { PublicOfficer } from '../../../src/app/officer/create-officer.js';
import { useTestDatabase } from '../../support/db.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('api_tokens');
let repos: MongoRepositories;
let clock = new Date('2025-03-04T01:00:00.000Z');
let deps: ApiTokenDeps;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
  deps = { ...repos, now: () => clock, apiTokenDays: 90 };
});

async function officer(username: string, role: 'officer' | 'admin' = 'officer'): Promise<PublicOfficer> {
  return createOfficer(
    deps,
    { username, displayName: username, password: 'panjang-sekali-1', role, officeId: '31.71.01.1001' },
    { kind: 'system', id: 'test' },
  );
}

describe('issueApiToken', () => {
  it('should return a random token once and keep only its SHA-256 hash', async () => {
    const o = await officer('api');
    const token = await issueApiToken(deps, o);
    const second = await issueApiToken(deps, o);
    expect(token).toMatch(/^lkt_[A-Za-z0-9_-]{43}$/);
    expect(second).not.toBe(token);
    const rows = await db.conn().db!.collection('api_tokens').find({ officerId: o.id }).toArray();
    expect(rows.map((r) => r['hash'] as string).sort()).toEqual(
      [hashApiToken(token), hashApiToken(second)].sort(),
    );
    expect(JSON.stringify(rows)).not.toContain(token);
    const check = await authenticateApiToken(deps, token);
    expect(check.ok && check.officer.id).toBe(o.id);
    expect(await authenticateApiToken(deps, 'lkt_wrong')).toEqual({ ok: false, reason: 'unknown' });
    const stored = await repos.officers.findById(o.id);
    await repos.officers.update({
      ...(stored ?? (await Promise.reject(new Error('missing')))),
      active: false,
    });
    expect(await authenticateApiToken(deps, token)).toEqual({ ok: false, reason: 'inactive' });
  });

  it('should refuse a token once API_TOKEN_DAYS have passed', async () => {
    const o = await officer('expiring');
    clock = new Date('2025-03-04T01:00:00.000Z');
    const token = await issueApiToken(deps, o);
    clock = new Date('2025-06-01T01:00:00.000Z');
    expect((await authenticateApiToken(deps, token)).ok).toBe(true);
    clock = new Date('2025-06-02T01:00:00.001Z');
    expect(await authenticateApiToken(deps, token)).toEqual({ ok: false, reason: 'expired' });
    clock = new Date('2025-03-04T01:00:00.000Z');
  });

  it('should revoke one token while another of the same officer keeps working, and audit it', async () => {
    const o = await officer('two.tokens');
    const first = await issueApiToken(deps, o);
    const second = await issueApiToken(deps, o);
    const listed = await listApiTokens(deps, o, o.id);
    expect(listed).toHaveLength(2);
    expect(JSON.stringify(listed)).not.toMatch(/hash/);
    const firstRow = listed.find((t) => first.startsWith(t.prefix));
    expect(firstRow?.state).toBe('active');
    await revokeApiToken(deps, o, firstRow?.id ?? '');
    expect(await authenticateApiToken(deps, first)).toEqual({ ok: false, reason: 'revoked' });
    expect((await authenticateApiToken(deps, second)).ok).toBe(true);
    // The payload is sealed at rest: read it through the event log.
    const { items: events } = await repos.events.search({ type: 'officer.token_revoked' }, { limit: 10 });
    expect(events.some((e) => JSON.stringify(e).includes(firstRow?.id ?? '-'))).toBe(true);
    await expect(revokeApiToken(deps, o, firstRow?.id ?? '')).rejects.toMatchObject({ code: 'conflict' });
  });

  it("should not let another officer see or revoke someone's tokens", async () => {
    const owner = await officer('owner');
    const other = await officer('other');
    await issueApiToken(deps, owner);
    await expect(listApiTokens(deps, other, owner.id)).rejects.toMatchObject({ code: 'forbidden' });
    const [row] = await repos.apiTokens.listByOfficer(owner.id);
    await expect(revokeApiToken(deps, other, row?.id ?? '')).rejects.toMatchObject({ code: 'forbidden' });
  });
});
