import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

/** A free loopback port for this run's database. */
async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts FerretDB for the whole run unless MONGODB_URI points at a database already. Jest
 * loads this file outside its transform, so the TypeScript launcher comes in through tsx.
 */
export default async function globalSetup() {
  if (process.env.MONGODB_URI) {
    process.env.LOKET_TEST_DB = `MONGODB_URI (${process.env.MONGODB_URI.replace(/\/\/[^@]*@/, '//***@')})`;
    return;
  }
  const { startEmbeddedFerretDb } = await tsImport(
    '../../src/adapters/mongo/embedded-ferretdb.ts',
    import.meta.url,
  );
  const dir = await mkdtemp(path.join(tmpdir(), 'loket-test-db-'));
  const port = await freePort();
  const t0 = Date.now();
  const db = await startEmbeddedFerretDb({ dataDir: dir, port });
  const version = path.basename(db.binary).replace(/^ferretdb-/, '');
  const desc = `FerretDB ${version} (SQLite backend) on 127.0.0.1:${port}`;
  console.log(`\n[test-db] started ${desc}, data in ${dir}, in ${Date.now() - t0} ms`);
  process.env.MONGODB_URI = db.uri;
  process.env.LOKET_TEST_DB = desc;
  globalThis.__loketTestDb = db;
}
