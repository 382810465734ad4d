import type { Server } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig, ConfigError, type Config } from './config/config.js';
import { createLogger, type Logger } from './config/logger.js';
import { openConnection, pingDatabase, type DbConnection } from './adapters/mongo/connection.js';
import { startEmbeddedFerretDb, type EmbeddedDb } from './adapters/mongo/embedded-ferretdb.js';
import { createHttpApp } from './adapters/http/server.js';

const VERSION = '0.1.0';

/** A running Loket: the parts tests and the signal handlers need to reach. */
export interface Running {
  config: Config;
  logger: Logger;
  conn: DbConnection;
  server: Server;
  port: number;
  stop(): Promise<void>;
}

/** Composition root: connects the database (or starts the embedded one), then serves HTTP. */
export async function start(
  config: Config = loadConfig(),
  logger: Logger = createLogger(config.LOG_LEVEL),
): Promise<Running> {
  const t0 = Date.now();
  let embedded: EmbeddedDb | undefined;
  let uri = config.MONGODB_URI;
  if (!uri) {
    const dataDir = path.resolve(config.DATA_DIR, 'ferretdb');
    logger.info(
      { dataDir, port: config.EMBEDDED_DB_PORT },
      'MONGODB_URI not set: starting the embedded FerretDB database',
    );
    embedded = await startEmbeddedFerretDb({
      dataDir,
      port: config.EMBEDDED_DB_PORT,
      onLog: (line) => logger.debug({ ferretdb: line }, 'ferretdb'),
    });
    uri = `${embedded.uri}loket`;
    logger.info({ binary: embedded.binary }, 'embedded FerretDB is up');
  }
  const conn = await openConnection(uri);
  logger.info({ db: conn.name, host: conn.host }, 'database connected');

  const app = createHttpApp({
    logger,
    isReady: () => pingDatabase(conn),
    trustProxy: config.TRUST_PROXY,
    version: VERSION,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info({ port, ms: Date.now() - t0 }, `Loket siap di http://localhost:${port}`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info('shutting down: no new work, finishing what is in flight');
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, config.SHUTDOWN_GRACE_MS).unref();
      });
      await conn.close();
      if (embedded) await embedded.stop();
      logger.info('stopped');
    })());
  return { config, logger, conn, server, port, stop };
}

async function runFromCommandLine(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const running = await start(config, logger).catch((err: unknown) => {
    logger.fatal({ err }, 'start-up failed');
    process.exit(1);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'signal received');
      running.stop().then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runFromCommandLine();
}
