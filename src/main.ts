import type { Server } from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadConfig, ConfigError, type Config } from './config/config.js';
import { createLogger, type Logger } from './config/logger.js';
import { openConnection, pingDatabase, type DbConnection } from './adapters/mongo/connection.js';
import { startEmbeddedFerretDb, type EmbeddedDb } from './adapters/mongo/embedded-ferretdb.js';
import { createMongoRepositories, type MongoRepositories } from './adapters/mongo/repositories.js';
import { createHttpApp } from './adapters/http/server.js';
import { loadAreas } from './catalog/areas.js';
import { DEFAULT_HOLIDAY_DATES } from './domain/holidays.js';
import { loadCatalog } from './catalog/load.js';
import type { Catalog } from './catalog/catalog.js';
import { ENGINE_MESSAGE_KEYS } from './dialogue/message-keys.js';
import { createEngine, type Engine } from './dialogue/engine.js';
import { createNlu, type Nlu } from './nlu/nlu.js';
import { loadIntentData } from './nlu/intent-data.js';
import { makeHandleInbound } from './app/handle-inbound.js';
import { makeEffectRunner } from './app/run-effects.js';
import type { HandleInbound } from './app/inbound.js';

const VERSION = '0.1.0';
/** The repository root: flows/, intents/, locales/ are read from here whatever the working directory. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const INBOUND_RETENTION_MS = 7 * 24 * 3600_000;

/** Everything a channel, the console or a test needs from a running Loket, without HTTP. */
export interface Loket {
  config: Config;
  logger: Logger;
  conn: DbConnection;
  repos: MongoRepositories;
  catalog: Catalog;
  nlu: Nlu;
  engine: Engine;
  handleInbound: HandleInbound;
  /** Milliseconds from the call to ready, by part. */
  startup: { totalMs: number; databaseMs: number; catalogMs: number; nluMs: number };
  stop(): Promise<void>;
}

async function portListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port }, () => {
      s.end();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

/**
 * Composition root without HTTP: the database (MONGODB_URI, or the embedded FerretDB), the
 * catalog (checked), the NLU (trained), the engine and the use cases.
 * `shareEmbeddedDb`: reuse an embedded database another Loket process (the server) already runs.
 */
export async function createLoket(
  config: Config,
  logger: Logger,
  opts: { shareEmbeddedDb?: boolean } = {},
): Promise<Loket> {
  const t0 = Date.now();
  let embedded: EmbeddedDb | undefined;
  let uri = config.MONGODB_URI;
  if (!uri) {
    if (opts.shareEmbeddedDb && (await portListening(config.EMBEDDED_DB_PORT))) {
      uri = `mongodb://127.0.0.1:${config.EMBEDDED_DB_PORT}/loket`;
    } else {
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
  }
  const [db, areas, catalogAndNlu] = await Promise.all([
    (async () => {
      const t = Date.now();
      const conn = await openConnection(uri);
      const repos = createMongoRepositories(conn);
      await repos.ensureIndexes();
      return { conn, repos, ms: Date.now() - t };
    })(),
    loadAreas(),
    (async () => {
      const t = Date.now();
      const intents = await loadIntentData(path.join(ROOT, 'intents'));
      const t1 = Date.now();
      const nlu = createNlu({ intents });
      return { intents, nlu, nluMs: Date.now() - t1, t };
    })(),
  ]);
  const tc = Date.now();
  const catalog = await loadCatalog({
    root: ROOT,
    kelurahan: areas.kelurahan,
    requiredKeys: ENGINE_MESSAGE_KEYS,
  });
  const catalogMs = Date.now() - tc;
  const { conn, repos } = db;
  logger.info(
    { db: conn.name, host: conn.host, services: catalog.flows.size },
    'database connected, catalog loaded',
  );

  if ((await repos.offices.all()).length !== areas.offices.length)
    await repos.offices.upsertMany(areas.offices);

  const engine = createEngine(catalog, { uploadMaxBytes: config.UPLOAD_MAX_BYTES });
  const nlu = catalogAndNlu.nlu;
  const effects = makeEffectRunner({
    catalog,
    applications: repos.applications,
    events: repos.events,
    handoffs: repos.handoffs,
    documents: repos.documents,
    logger,
    trackingPrefix: config.TRACKING_PREFIX,
    holidays: [...DEFAULT_HOLIDAY_DATES, ...config.HOLIDAYS],
  });
  const handleInbound = makeHandleInbound({
    engine,
    understand: (text) => nlu.understand(text),
    conversations: repos.conversations,
    inbound: repos.inbound,
    documents: repos.documents,
    effects,
    logger,
    uploadMaxBytes: config.UPLOAD_MAX_BYTES,
    allowedTypes: config.UPLOAD_ALLOWED_TYPES,
  });

  // TTL-style clean-up of processed message ids (FerretDB has no TTL indexes).
  const purge = setInterval(() => {
    repos.inbound.purgeCompletedBefore(new Date(Date.now() - INBOUND_RETENTION_MS)).catch((err: unknown) => {
      logger.warn({ err }, 'inbound purge failed');
    });
  }, 3600_000);
  purge.unref();

  let stopping: Promise<void> | undefined;
  return {
    config,
    logger,
    conn,
    repos,
    catalog,
    nlu,
    engine,
    handleInbound,
    startup: { totalMs: Date.now() - t0, databaseMs: db.ms, catalogMs, nluMs: catalogAndNlu.nluMs },
    stop: () =>
      (stopping ??= (async () => {
        clearInterval(purge);
        await conn.close();
        if (embedded) await embedded.stop();
      })()),
  };
}

/** A running Loket with its HTTP server: the parts tests and the signal handlers need to reach. */
export interface Running {
  loket: Loket;
  config: Config;
  logger: Logger;
  conn: DbConnection;
  server: Server;
  port: number;
  stop(): Promise<void>;
}

/** Starts everything: the core, then the HTTP server (health checks, console, API, webhooks). */
export async function start(
  config: Config = loadConfig(),
  logger: Logger = createLogger(config.LOG_LEVEL),
): Promise<Running> {
  const loket = await createLoket(config, logger);
  const app = createHttpApp({
    logger,
    isReady: () => pingDatabase(loket.conn),
    trustProxy: config.TRUST_PROXY,
    version: VERSION,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info({ port, startup: loket.startup }, `Loket siap di http://localhost:${port}`);

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
      await loket.stop();
      logger.info('stopped');
    })());
  return { loket, config, logger, conn: loket.conn, server, port, stop };
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
