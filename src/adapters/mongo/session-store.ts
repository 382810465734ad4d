import MongoStore from 'connect-mongo';
import type { Store } from 'express-session';
import type { Connection } from 'mongoose';

/** Options of the console's session store. */
export interface SessionStoreOptions {
  /** Session lifetime in seconds (also the cookie's). */
  ttlSeconds: number;
  /** How often expired sessions are swept, in minutes. */
  sweepMinutes?: number;
}

/**
 * Officer console sessions in the application's database, so any process behind the load
 * balancer knows a logged-in officer. FerretDB has no TTL indexes: expired sessions are swept
 * on an interval instead (`autoRemove: 'interval'`).
 */
export function createSessionStore(conn: Connection, opts: SessionStoreOptions): Store {
  return MongoStore.create({
    client: conn.getClient(),
    dbName: conn.name,
    collectionName: 'sessions',
    ttl: opts.ttlSeconds,
    autoRemove: 'interval',
    autoRemoveInterval: opts.sweepMinutes ?? 10,
    // Sessions hold only the officer id and language: no reason to rewrite them on every request.
    touchAfter: 60,
  });
}
