import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHttpApp } from '../../../src/adapters/http/server.js';
import { openConnection, type DbConnection } from '../../../src/adapters/mongo/connection.js';
import { createMongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { Client, useHttpApp } from './http-fixture.js';
import { testCipher } from '../../support/cipher.js';

const LIMIT = 4;
const app = useHttpApp('login_limit_shared', { loginRateLimit: LIMIT });

/** A second server process on the same database: its own connection, repositories and routers. */
let second: { base: string; server: Server; conn: DbConnection } | undefined;

beforeAll(async () => {
  const f = app();
  const conn = await openConnection(process.env.MONGODB_URI!, f.conn.name);
  const repos = createMongoRepositories(conn, testCipher);
  const express = createHttpApp({
    logger: f.deps.logger,
    isReady: () => Promise.resolve(true),
    trustProxy: false,
    version: 'test',
    officer: { ...f.deps, ...repos },
  });
  const server = express.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  second = { base: `http://127.0.0.1:${port}`, server, conn };
});

afterAll(async () => {
  second?.server.closeAllConnections();
  await new Promise<void>((resolve) => (second ? second.server.close(() => resolve()) : resolve()));
  await second?.conn.close();
});

/** One wrong-password attempt through the console form of the server at `base`. */
async function attempt(base: string): Promise<number> {
  const c = new Client(base);
  await c.page('/console/login');
  return (await c.form('/console/login', { username: 'budi', password: 'salah-sekali-123' })).status;
}

describe('the login rate limit', () => {
  it('should be shared by two server processes on one database', async () => {
    const bases = [app().base, second!.base];
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push(await attempt(bases[i % 2]!));
    expect(statuses.every((s) => s !== 429)).toBe(true);
    // The next attempt is refused on either server: each has seen only half of the attempts.
    expect(await attempt(bases[0]!)).toBe(429);
    expect(await attempt(bases[1]!)).toBe(429);
    const rows = await app().conn.db!.collection('rate_limits').find({}).toArray();
    expect(rows).toHaveLength(1);
    expect(String(rows[0]?.['_id'])).toMatch(/^login:/);
  });

  it('should sweep windows that have ended', async () => {
    const repos = createMongoRepositories(app().conn, testCipher);
    await repos.rateLimits.increment('sweep-me', 1000, new Date('2025-01-01T00:00:00Z'));
    expect(await repos.rateLimits.get('sweep-me', new Date('2025-01-01T00:00:00.500Z'))).toMatchObject({
      hits: 1,
    });
    expect(await repos.rateLimits.sweep(new Date('2025-01-01T00:00:02Z'))).toBeGreaterThanOrEqual(1);
    expect(
      await app()
        .conn.db!.collection('rate_limits')
        .countDocuments({ _id: 'sweep-me' as never }),
    ).toBe(0);
  });
});
