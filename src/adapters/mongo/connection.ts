import mongoose, { type Connection } from 'mongoose';

/** The database handle the rest of the program passes around without importing mongoose. */
export type DbConnection = Connection;

/** One Mongoose connection per process (or per test file), never the global default. */
export async function openConnection(uri: string, dbName?: string): Promise<Connection> {
  const conn = mongoose.createConnection(uri, {
    ...(dbName ? { dbName } : {}),
    serverSelectionTimeoutMS: 5000,
    // FerretDB and standalone servers have no sessions to end; autoIndex builds our unique indexes.
    autoIndex: true,
  });
  await conn.asPromise();
  return conn;
}

/** Answers whether the database answers a ping within `timeoutMs`. */
export async function pingDatabase(conn: Connection, timeoutMs = 2000): Promise<boolean> {
  if (conn.readyState !== mongoose.ConnectionStates.connected || !conn.db) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    const ping = conn.db.admin().ping();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('ping timed out')), timeoutMs);
    });
    await Promise.race([ping, timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
