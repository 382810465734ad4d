import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from '@jest/globals';
import mongoose from 'mongoose';
import { openConnection, type DbConnection } from '../../src/adapters/mongo/connection.js';
import { createMongoLeases } from '../../src/adapters/mongo/mongo-lease.js';
import { createMongoRepositories, type MongoRepositories } from '../../src/adapters/mongo/repositories.js';
import type { LeaseRepository } from '../../src/ports/lease.js';
import { TEST_DATA_KEY, testCipher } from './cipher.js';

/**
 * Gives a test file its own database on the real server (FerretDB from the global set-up, or
 * MONGODB_URI), so files run in parallel; drops it afterwards. Name files `*.db.test.ts`.
 */
export function useTestDatabase(label: string): { conn: () => DbConnection } {
  let conn: DbConnection | undefined;
  const name = `t_${label.replace(/[^a-z0-9]/gi, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  beforeAll(async () => {
    const uri = process.env.MONGODB_URI;
    if (!uri) throw new Error('MONGODB_URI is not set: the jest global set-up should have started FerretDB');
    conn = await openConnection(uri, name);
  });
  afterAll(async () => {
    if (!conn) return;
    await conn.dropDatabase().catch(() => undefined);
    await conn.close();
  });
  return {
    conn: () => {
      if (!conn) throw new Error('database not open yet: call conn() inside a test or hook');
      return conn;
    },
  };
}

/**
 * The environment for a whole server started in a test (`start(loadConfig(serverEnv(...)))`):
 * its own database, any free port on loopback, and fixed console secrets so nothing is written
 * under ./data.
 */
export function serverEnv(label: string, extra: Record<string, string> = {}): Record<string, string> {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: the jest global set-up should have started FerretDB');
  return {
    MONGODB_URI: `${uri}t_${label.replace(/[^a-z0-9]/gi, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`,
    PORT: '0',
    HOST: '127.0.0.1',
    SESSION_SECRET: 's'.repeat(40),
    CSRF_SECRET: 'c'.repeat(40),
    LOKET_DATA_KEY: TEST_DATA_KEY,
    ...extra,
  };
}

/**
 * A second connection to `conn`'s database that counts the operations of every write command it
 * sends (`insert`, `update`, `delete`): how a test sees that a big write goes in batches.
 */
export async function openCountingConnection(
  conn: DbConnection,
): Promise<{ conn: DbConnection; opsPerCommand: number[]; close: () => Promise<void> }> {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: the jest global set-up should have started FerretDB');
  const counting = mongoose.createConnection(uri, { dbName: conn.name, monitorCommands: true });
  await counting.asPromise();
  const opsPerCommand: number[] = [];
  counting.getClient().on('commandStarted', (e) => {
    const ops = (e.command.documents ?? e.command.updates ?? e.command.deletes) as unknown[] | undefined;
    if (['insert', 'update', 'delete'].includes(e.commandName) && ops) opsPerCommand.push(ops.length);
  });
  return { conn: counting, opsPerCommand, close: () => counting.close() };
}

/** The repositories and the leases on `conn`, with their indexes: what the periodic jobs' tests use. */
export async function openRepositoriesWithLeases(
  conn: DbConnection,
): Promise<{ repos: MongoRepositories; leases: LeaseRepository }> {
  const repos = createMongoRepositories(conn, testCipher);
  await repos.ensureIndexes();
  const leases = createMongoLeases(conn);
  await leases.ensureIndexes();
  return { repos, leases };
}
