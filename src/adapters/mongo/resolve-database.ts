import { connect } from 'node:net';
import path from 'node:path';
import type { Config } from '../../config/config.js';
import type { Logger } from '../../config/logger.js';
import { startEmbeddedFerretDb, type EmbeddedDb } from './embedded-ferretdb.js';

/** Whether something accepts connections on this loopback port. */
export async function portListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port }, () => {
      s.end();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

/**
 * Where the database is: MONGODB_URI, or the embedded FerretDB (started here, or shared with a
 * server process already running it when `shareEmbeddedDb`; see
 * docs/decisions/0003-ferretdb-embedded-default.md). The caller stops `embedded`.
 */
export async function resolveDatabase(
  config: Config,
  logger: Logger,
  opts: { shareEmbeddedDb?: boolean } = {},
): Promise<{ uri: string; embedded?: EmbeddedDb }> {
  if (config.MONGODB_URI) return { uri: config.MONGODB_URI };
  if (opts.shareEmbeddedDb && (await portListening(config.EMBEDDED_DB_PORT)))
    return { uri: `mongodb://127.0.0.1:${config.EMBEDDED_DB_PORT}/loket` };
  const dataDir = path.resolve(config.DATA_DIR, 'ferretdb');
  logger.info(
    { dataDir, port: config.EMBEDDED_DB_PORT },
    'MONGODB_URI not set: starting the embedded FerretDB database',
  );
  const embedded = await startEmbeddedFerretDb({
    dataDir,
    port: config.EMBEDDED_DB_PORT,
    onLog: (line) => logger.debug({ ferretdb: line }, 'ferretdb'),
  });
  logger.info({ binary: embedded.binary }, 'embedded FerretDB is up');
  return { uri: `${embedded.uri}loket`, embedded };
}
