import path from 'node:path';
import { openConnection, pingDatabase, type DbConnection } from '../adapters/mongo/connection.js';
import { createMongoRepositories, type MongoRepositories } from '../adapters/mongo/repositories.js';
import { resolveDatabase } from '../adapters/mongo/resolve-database.js';
import { createAesGcmCipher } from '../adapters/crypto/aes-gcm-cipher.js';
import { dataKeys } from '../config/data-key.js';
import type { FieldCipher } from '../ports/field-cipher.js';
import { makeHandleInbound } from '../app/handle-inbound.js';
import { settleReplyLine } from '../app/officer/deliver-reply.js';
import { outboundFiles, type OutboundFiles } from '../app/outbound/file-rows.js';
import { makeOutboxFileSource } from '../app/outbound/file-source.js';
import { createOutbound, type Outbound } from '../app/outbound/outbound.js';
import { makePushConversationEvent } from '../app/push-event.js';
import type { HandleInbound } from '../app/inbound.js';
import type { PushConversationEvent } from '../app/officer/push-conversation-event.js';
import { makeEffectRunner } from '../app/run-effects.js';
import { pseudonymousCitizens } from '../app/citizen-actor.js';
import { seedAgencies } from '../app/seed-agencies.js';
import { seedOffices } from '../app/seed-offices.js';
import { loadAreas, UnknownAreaError } from '../catalog/areas.js';
import type { Catalog } from '../catalog/catalog.js';
import { overlayPaths } from '../catalog/catalog-paths.js';
import { loadCatalog } from '../catalog/load.js';
import { ConfigError, type Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';
import { PROJECT_ROOT } from '../config/project-root.js';
import { createEngine, type Engine } from '../dialogue/engine.js';
import { ENGINE_MESSAGE_KEYS } from '../dialogue/message-keys.js';
import type { Channel } from '../domain/application.js';
import { loadIntentData } from '../nlu/intent-data.js';
import { loadNlu } from '../nlu/nlu-cache.js';
import type { Nlu } from '../nlu/nlu.js';
import type { ChannelSender } from '../ports/channel-sender.js';
import { startHousekeeping } from './housekeeping.js';
import { createRuntime, type Runtime, type RuntimeOptions } from './runtime.js';

/** Everything a channel, the console or a test needs from a running Loket, without HTTP. */
export interface Loket {
  config: Config;
  logger: Logger;
  conn: DbConnection;
  repos: MongoRepositories;
  /** Holder id, holidays, clock and leases: built once here, shared by every part of this Loket. */
  runtime: Runtime;
  catalog: Catalog;
  nlu: Nlu;
  engine: Engine;
  handleInbound: HandleInbound;
  /** How each channel reaches a citizen; channels register their sender here when they start. */
  senders: Map<Channel, ChannelSender>;
  /** Officer-side events (joined, message, closed, revision) into a citizen's conversation. */
  push: PushConversationEvent;
  /** The one way out to citizens: every message recorded, then sent in order per chat. */
  outbound: Outbound;
  /** Files on that path (an officer's file, the "data saya" export): named by their rows, read when sent. */
  files: OutboundFiles;
  /** Milliseconds from the call to ready, by part. */
  /** `nlu`: read from DATA_DIR/nlu-cache (`stored`) or trained at this start (`trained`). */
  startup: {
    totalMs: number;
    databaseMs: number;
    catalogMs: number;
    nluMs: number;
    nlu: 'stored' | 'trained';
  };
  stop(): Promise<void>;
}

/** What `createLoket` may be told besides the config. */
export interface CreateLoketOptions {
  /** Reuse an embedded database another Loket process (the server) already runs. */
  shareEmbeddedDb?: boolean;
  /** A fixed holder id or clock (tests). */
  runtime?: RuntimeOptions;
}

/** The field cipher on LOKET_DATA_KEY (or, outside production, the key kept in DATA_DIR). */
export async function openCipher(config: Config, logger: Logger): Promise<FieldCipher> {
  const keys = await dataKeys(config, config.DATA_DIR);
  const cipher = createAesGcmCipher(keys.current, keys.older);
  if (keys.source === 'file')
    logger.info(
      { file: keys.file, keyId: cipher.keyId },
      'LOKET_DATA_KEY not set: personal data is encrypted with a key kept in DATA_DIR (back it up; production needs LOKET_DATA_KEY)',
    );
  return cipher;
}

/** The database with its indexes, how long it took. */
async function openDatabase(uri: string, config: Config, logger: Logger) {
  const t = Date.now();
  const [conn, cipher] = await Promise.all([openConnection(uri), openCipher(config, logger)]);
  const repos = createMongoRepositories(conn, cipher);
  await repos.ensureIndexes();
  return { conn, repos, ms: Date.now() - t };
}

/**
 * The NLU read from DATA_DIR/nlu-cache when NLU_CACHE is on (trained and kept there otherwise),
 * with the overlay's service phrases (CATALOG_DIR/intents/services) over the shipped ones.
 */
async function openNlu(config: Config, logger: Logger) {
  const overlay = config.CATALOG_DIR ? overlayPaths(config.CATALOG_DIR).intentsDir : undefined;
  const intents = await loadIntentData(path.join(PROJECT_ROOT, 'intents'), overlay);
  const t = Date.now();
  const { nlu, source } = await loadNlu(intents, {
    logger,
    ...(config.NLU_CACHE === 'on' ? { dir: path.resolve(config.DATA_DIR, 'nlu-cache') } : {}),
  });
  return { nlu, ms: Date.now() - t, source };
}

/** The use cases on the engine: a citizen's message in, an officer's event into a conversation. */
/** The served region's top office: unrouted conversations keep its counter hours. */
export function queueOffice(config: Pick<Config, 'LOKET_AREAS'>): { queueOfficeId?: string } {
  const first = config.LOKET_AREAS[0];
  return first ? { queueOfficeId: first } : {};
}

function wireUseCases(
  parts: { config: Config; logger: Logger; repos: MongoRepositories; runtime: Runtime; catalog: Catalog },
  nlu: Nlu,
) {
  const { config, logger, repos, catalog } = parts;
  const senders = new Map<Channel, ChannelSender>();
  const outbound = createOutbound({
    outbox: repos.outbox,
    leases: parts.runtime.leases,
    senders,
    workerId: parts.runtime.holder,
    now: parts.runtime.now,
    maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
    files: makeOutboxFileSource({ ...repos, now: parts.runtime.now }),
    onSettled: async (item, settled) => {
      if (!item.origin) return;
      await settleReplyLine(repos.handoffs, item.origin, settled);
    },
  });
  const files = outboundFiles({ outbound, outbox: repos.outbox });
  const engine = createEngine(catalog, { uploadMaxBytes: config.UPLOAD_MAX_BYTES });
  const understand = (text: string) => nlu.understand(text);
  const effects = makeEffectRunner({
    catalog,
    applications: repos.applications,
    events: repos.events,
    handoffs: repos.handoffs,
    officers: repos.officers,
    satisfaction: repos.satisfaction,
    statusProofs: repos.statusProofs,
    documents: repos.documents,
    deletionRequests: repos.deletionRequests,
    files,
    retentionDays: config.RETENTION_DAYS,
    draftDays: config.DRAFT_DAYS,
    logger,
    trackingPrefix: config.TRACKING_PREFIX,
    holidays: parts.runtime.holidays,
    offices: repos.offices,
    holidayStore: repos.holidayStore,
    agencyStore: repos.agencyStore,
    ...queueOffice(config),
    citizenActorId: pseudonymousCitizens(repos.cipher),
  });
  const handleInbound = makeHandleInbound({
    engine,
    understand,
    conversations: repos.conversations,
    inbound: repos.inbound,
    documents: repos.documents,
    effects,
    outbound,
    logger,
    uploadMaxBytes: config.UPLOAD_MAX_BYTES,
    allowedTypes: config.UPLOAD_ALLOWED_TYPES,
    leaseMs: config.INBOUND_LEASE_MS,
  });
  const push = makePushConversationEvent({
    engine,
    understand,
    conversations: repos.conversations,
    effects,
    outbound,
    outbox: repos.outbox,
    logger,
  });
  return { engine, handleInbound, senders, push, outbound, files };
}

/**
 * Composition root without HTTP: the database (MONGODB_URI, or the embedded FerretDB), the
 * runtime, the catalog (checked), the NLU, the engine and the use cases, with this process's
 * housekeeping sweeps running.
 */
export async function createLoket(
  config: Config,
  logger: Logger,
  opts: CreateLoketOptions = {},
): Promise<Loket> {
  const t0 = Date.now();
  const { uri, embedded } = await resolveDatabase(config, logger, { shareEmbeddedDb: opts.shareEmbeddedDb });
  const [db, areas, nlu] = await Promise.all([
    openDatabase(uri, config, logger),
    loadAreas({ areas: config.LOKET_AREAS }),
    openNlu(config, logger),
  ]).catch(async (err: unknown) => {
    // A code in no list is a setting to change: exit as a configuration error, database stopped.
    if (!(err instanceof UnknownAreaError)) throw err;
    if (embedded) await embedded.stop();
    throw new ConfigError([err.message]);
  });
  const tc = Date.now();
  const catalog = await loadCatalog({
    root: PROJECT_ROOT,
    ...(config.CATALOG_DIR ? { overlayDir: config.CATALOG_DIR } : {}),
    kelurahan: areas.kelurahan,
    requiredKeys: ENGINE_MESSAGE_KEYS,
  });
  const catalogMs = Date.now() - tc;
  const { conn, repos } = db;
  logger.info(
    { db: conn.name, host: conn.host, services: catalog.flows.size, catalogDir: config.CATALOG_DIR },
    'database connected, catalog loaded',
  );

  const runtime = await createRuntime(config, conn, opts.runtime);
  await seedOffices(
    { offices: repos.offices, leases: runtime.leases, holder: runtime.holder },
    areas.offices,
  );
  // The catalog's agencies the database lacks; an admin's edit of a stored one stays (decision 0013).
  await seedAgencies({ agencyStore: repos.agencyStore }, catalog.agencies);
  const useCases = wireUseCases({ config, logger, repos, runtime, catalog }, nlu.nlu);
  const housekeeping = startHousekeeping(repos, logger, runtime.now, {
    retention: config.RETENTION_DAYS,
    outbox: config.OUTBOX_DAYS,
  });

  let stopping: Promise<void> | undefined;
  return {
    config,
    logger,
    conn,
    repos,
    runtime,
    catalog,
    nlu: nlu.nlu,
    ...useCases,
    startup: { totalMs: Date.now() - t0, databaseMs: db.ms, catalogMs, nluMs: nlu.ms, nlu: nlu.source },
    stop: () =>
      (stopping ??= (async () => {
        await housekeeping.stop();
        // Once more at shutdown so a restart leaves no superseded chats behind; not while the
        // database is away (stopping would wait for it; they are swept when next written).
        if (await pingDatabase(conn, 1000))
          await repos.sweepConversations().catch((err: unknown) => {
            logger.warn({ err }, 'conversation sweep at shutdown failed');
          });
        await conn.close();
        if (embedded) await embedded.stop();
      })()),
  };
}
