/** Stops the FerretDB that the global set-up started, if it started one. */
export default async function globalTeardown() {
  const db = globalThis.__loketTestDb;
  if (db) {
    await db.stop();
    console.log('[test-db] FerretDB stopped');
  }
}
