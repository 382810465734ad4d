import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from './config/project-root.js';
import { loadConfig, ConfigError, type Config } from './config/config.js';
import { loadEnvFileIfPresent } from './config/env-file.js';
import { createLogger, type Logger } from './config/logger.js';
import { openConnection, pingDatabase, type DbConnection } from './adapters/mongo/connection.js';
import { resolveDatabase } from './adapters/mongo/resolve-database.js';
import { createMongoRepositories, type MongoRepositories } from './adapters/mongo/repositories.js';
import { createHttpApp } from './adapters/http/server.js';
import type { OfficerHttpDeps } from './adapters/http/officer-http-deps.js';
import { createSessionStore } from './adapters/mongo/session-store.js';
import { startNotificationWorker } from './app/officer/deliver-notifications.js';
import { notifyLongWaits } from './app/officer/notify-long-waits.js';
import { startPeriodic, type PeriodicJob } from './app/periodic.js';
import { consoleSecrets } from './config/local-secrets.js';
import { createTelegramChannel, type TelegramChannel } from './adapters/telegram/channel.js';
import type { ChannelSender } from './ports/channel-sender.js';
import type { Channel } from './domain/application.js';
import { loadAreas } from './catalog/areas.js';
import { DEFAULT_HOLIDAY_DATES } from './domain/holidays.js';
import { loadCatalog } from './catalog/load.js';
import type { Catalog } from './catalog/catalog.js';
import { ENGINE_MESSAGE_KEYS } from './dialogue/message-keys.js';
import { createEngine, type Engine } from './dialogue/engine.js';
import type { Nlu } from './nlu/nlu.js';
import { loadNlu } from './nlu/nlu-cache.js';
import { loadIntentData } from './nlu/intent-data.js';
import { makeHandleInbound, makePushConversationEvent } from './app/handle-inbound.js';
import type { PushConversationEvent } from './app/officer/push-conversation-event.js';
import { makeEffectRunner } from './app/run-effects.js';
import type { HandleInbound } from './app/inbound.js';
import { runRetention } from './app/officer/retention.js';
import { noticeOverdue } from './app/officer/notice-overdue.js';
import { sweepOrphanUploads } from './app/orphan-uploads.js';
import { seedOffices } from './app/seed-offices.js';
import { createMongoLeases } from './adapters/mongo/mongo-lease.js';
import { createMongoWhatsAppAuthStore } from './adapters/mongo/whatsapp-auth-store.js';
import { createWhatsAppChannel, type WhatsAppChannel } from './adapters/whatsapp/channel.js';
import type { SocketFactory } from './adapters/whatsapp/socket.js';
import { createMongoRetentionStore } from './adapters/mongo/mongo-retention-store.js';

const VERSION = '0.1.0';
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
  /** How each channel reaches a citizen; channels register their sender here when they start. */
  senders: Map<Channel, ChannelSender>;
  /** Officer-side events (joined, message, closed, revision) into a citizen's conversation. */
  push: PushConversationEvent;
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
  const { uri, embedded } = await resolveDatabase(config, logger, opts);
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
      const intents = await loadIntentData(path.join(PROJECT_ROOT, 'intents'));
      const t1 = Date.now();
      const { nlu, source } = await loadNlu(intents, {
        logger,
        ...(config.NLU_CACHE === 'on' ? { dir: path.resolve(config.DATA_DIR, 'nlu-cache') } : {}),
      });
      return { intents, nlu, nluMs: Date.now() - t1, nluSource: source, t };
    })(),
  ]);
  const tc = Date.now();
  const catalog = await loadCatalog({
    root: PROJECT_ROOT,
    kelurahan: areas.kelurahan,
    requiredKeys: ENGINE_MESSAGE_KEYS,
  });
  const catalogMs = Date.now() - tc;
  const { conn, repos } = db;
  logger.info(
    { db: conn.name, host: conn.host, services: catalog.flows.size },
    'database connected, catalog loaded',
  );

  const leases = createMongoLeases(conn);
  await leases.ensureIndexes();
  await seedOffices(
    {
      offices: repos.offices,
      leases,
      holder: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    },
    areas.offices,
  );

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
    leaseMs: config.INBOUND_LEASE_MS,
  });

  const senders = new Map<Channel, ChannelSender>();
  const push = makePushConversationEvent({
    engine,
    understand: (text) => nlu.understand(text),
    conversations: repos.conversations,
    effects,
    senders,
    logger,
  });

  // TTL-style clean-up of processed message ids (FerretDB has no TTL indexes).
  const purge = setInterval(() => {
    repos.inbound.purgeCompletedBefore(new Date(Date.now() - INBOUND_RETENTION_MS)).catch((err: unknown) => {
      logger.warn({ err }, 'inbound purge failed');
    });
  }, 3600_000);
  purge.unref();
  // Left off the hot path for these sweeps (round trips per message saved): locks of finished
  // guarded writes, and the superseded versions of the chats this process wrote (once more when
  // it stops, so a restart leaves none behind).
  const sweep = startPeriodic(
    async () => {
      await Promise.all([repos.sweepLocks(), repos.sweepConversations()]);
    },
    { intervalMs: 60_000, onError: (err) => logger.warn({ err }, 'write-lock or conversation sweep failed') },
  );

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
    senders,
    push,
    startup: {
      totalMs: Date.now() - t0,
      databaseMs: db.ms,
      catalogMs,
      nluMs: catalogAndNlu.nluMs,
      nlu: catalogAndNlu.nluSource,
    },
    stop: () =>
      (stopping ??= (async () => {
        clearInterval(purge);
        await sweep.stop();
        // Not while the database is away: stopping would wait for it (they are swept when the
        // chats are next written).
        if (await pingDatabase(conn, 1000))
          await repos.sweepConversations().catch((err: unknown) => {
            logger.warn({ err }, 'conversation sweep at shutdown failed');
          });
        await conn.close();
        if (embedded) await embedded.stop();
      })()),
  };
}

/**
 * The Telegram channel from the config (none without a token), its sender registered in
 * `loket.senders` so officer replies and notifications reach Telegram citizens. Receiving
 * updates is a separate step (`startBackground`), so a process can send without polling.
 */
export function wireTelegram(loket: Loket): TelegramChannel | undefined {
  const { config, logger } = loket;
  if (!config.TELEGRAM_BOT_TOKEN) {
    logger.info('Telegram: off (TELEGRAM_BOT_TOKEN is empty; see README "Connect Telegram")');
    return undefined;
  }
  const telegram = createTelegramChannel({
    token: config.TELEGRAM_BOT_TOKEN,
    ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
    handleInbound: loket.handleInbound,
    logger: logger.child({ channel: 'telegram' }),
    uploadMaxBytes: config.UPLOAD_MAX_BYTES,
    downloadTimeoutMs: config.TELEGRAM_DOWNLOAD_TIMEOUT_MS,
    ...(config.TELEGRAM_WEBHOOK_SECRET ? { webhook: { secretToken: config.TELEGRAM_WEBHOOK_SECRET } } : {}),
  });
  loket.senders.set('telegram', telegram.sender);
  return telegram;
}

/**
 * How a process takes Telegram updates: long polling, the webhook (the HTTP server mounts the
 * handler), or not at all (the server while `npm run worker` polls: one bot, one poller).
 */
export type TelegramReceive = 'polling' | 'webhook' | 'none';

/** The background work of a process: receiving Telegram updates and delivering the outbox. */
export interface Background {
  stop(): Promise<void>;
}

/**
 * Starts what the server and the worker share: the command menu and update receiving for
 * Telegram, then the notification worker (outbox rows are leased, so several processes may
 * run it). `stop` stops receiving first, then waits for the delivery pass in flight.
 */
export async function startBackground(
  loket: Loket,
  telegram: TelegramChannel | undefined,
  receive: TelegramReceive,
  opts: { notifications?: boolean } = {},
): Promise<Background> {
  const { config, logger } = loket;
  if (telegram && receive !== 'none') {
    await telegram.registerCommands();
    if (receive === 'webhook' && config.TELEGRAM_WEBHOOK_URL) {
      await telegram.bot.init(); // getMe: polling does this itself, a webhook-only bot must ask
      await telegram.bot.api.setWebhook(config.TELEGRAM_WEBHOOK_URL, {
        ...(config.TELEGRAM_WEBHOOK_SECRET ? { secret_token: config.TELEGRAM_WEBHOOK_SECRET } : {}),
        allowed_updates: ['message', 'callback_query'],
      });
      logger.info({ path: new URL(config.TELEGRAM_WEBHOOK_URL).pathname }, 'Telegram: webhook set');
    } else {
      await telegram.start();
      logger.info('Telegram: long polling');
    }
  } else if (telegram) {
    logger.info('Telegram: TELEGRAM_MODE=worker, updates are received by npm run worker; sending only');
  }
  const notifications =
    (opts.notifications ?? true)
      ? startNotificationWorker(
          {
            outbox: loket.repos.outbox,
            senders: [...loket.senders.values()],
            workerId: `${hostname()}:${process.pid}`,
            now: () => new Date(),
            maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
          },
          config.OUTBOX_INTERVAL_MS,
          (err) => logger.error({ err }, 'notification worker pass failed'),
        )
      : undefined;
  // Citizens waiting long for an officer hear that they are still queued (once per ticket, by
  // an atomic mark, so every process may run it).
  const longWaits = startPeriodic(
    async () => {
      const told = await notifyLongWaits({
        handoffs: loket.repos.handoffs,
        push: loket.push,
        now: () => new Date(),
        holidays: [...DEFAULT_HOLIDAY_DATES, ...config.HOLIDAYS],
        waitMs: config.HANDOFF_WAIT_NOTICE_MINUTES * 60_000,
      });
      if (told > 0) logger.info({ told }, 'queue: citizens told they are still waiting');
    },
    { intervalMs: 60_000, onError: (err) => logger.error({ err }, 'long-wait check failed') },
  );
  return {
    async stop() {
      if (telegram) await telegram.stop();
      await longWaits.stop();
      await notifications?.stop();
    },
  };
}

/** A running Loket with its HTTP server: the parts tests and the signal handlers need to reach. */
export interface Running {
  loket: Loket;
  /** How each channel reaches a citizen: status pushes and officer replies go through these. */
  senders: Map<Channel, ChannelSender>;
  telegram?: TelegramChannel;
  /** The WhatsApp channel when WHATSAPP_ENABLED. */
  whatsapp?: WhatsAppChannel;
  config: Config;
  logger: Logger;
  conn: DbConnection;
  server: Server;
  port: number;
  stop(): Promise<void>;
}

/**
 * The jobs one process at a time must run, each under its lease (every server process starts
 * them): retention (RETENTION_DAYS) erases documents and personal data of finished applications;
 * the orphan-upload sweep (ORPHAN_UPLOAD_DAYS) deletes uploads of abandoned drafts, never one still
 * in a draft; the SLA check (SLA_CHECK_MINUTES) records and tells citizens of applications past their due date.
 */
async function startLeasedJobs(loket: Loket, now: () => Date): Promise<PeriodicJob> {
  const { config, logger, repos } = loket;
  const leases = createMongoLeases(loket.conn);
  await leases.ensureIndexes();
  const holder = `${hostname()}:${process.pid}`;
  /** Every `minutes` (the first run within a minute of start-up); a failed run is logged. */
  const every = <R>(minutes: number, name: string, run: () => Promise<R>, done: (report: R) => void) =>
    startPeriodic(() => run().then(done), {
      intervalMs: minutes * 60_000,
      firstDelayMs: Math.min(minutes * 60_000, 60_000),
      onError: (err) => logger.error({ err }, `${name} failed`),
    });
  const jobs = [
    every(
      config.RETENTION_INTERVAL_MINUTES,
      'retention run',
      () =>
        runRetention({
          applications: repos.applications,
          retention: createMongoRetentionStore(loket.conn),
          documents: repos.documents,
          events: repos.events,
          leases,
          flows: loket.catalog.flows,
          retentionDays: config.RETENTION_DAYS,
          holder,
          now,
        }),
      (r) => {
        if (r.erased > 0 || r.skipped > 0) logger.info({ retention: r }, 'retention: personal data erased');
      },
    ),
    every(
      config.RETENTION_INTERVAL_MINUTES,
      'orphan-upload sweep',
      () =>
        sweepOrphanUploads({
          documents: repos.documents,
          conversations: repos.conversations,
          applications: repos.applications,
          events: repos.events,
          leases,
          orphanDays: config.ORPHAN_UPLOAD_DAYS,
          holder,
          now,
        }),
      (r) => {
        if (r.deleted > 0 || r.attached > 0) logger.info({ orphanUploads: r }, 'orphan uploads swept');
      },
    ),
    every(
      config.SLA_CHECK_MINUTES,
      'SLA check',
      () =>
        noticeOverdue({
          applications: repos.applications,
          events: repos.events,
          outbox: repos.outbox,
          conversations: repos.conversations,
          leases,
          holder,
          now,
        }),
      (r) => {
        if (r.noticed > 0) logger.info({ sla: r }, 'SLA check: applications past their due date recorded');
      },
    ),
  ];
  return {
    async stop() {
      await Promise.all(jobs.map((j) => j.stop()));
    },
  };
}

/**
 * The WhatsApp channel when WHATSAPP_ENABLED (README "Connect WhatsApp"): login in the database,
 * the number owned through a lease, its sender registered in `loket.senders` so status pushes
 * and officer replies reach WhatsApp citizens. Connecting is `start()`, after the HTTP server.
 */
export async function wireWhatsApp(
  loket: Loket,
  socketFactory?: SocketFactory,
): Promise<WhatsAppChannel | undefined> {
  const { config, logger } = loket;
  if (!config.WHATSAPP_ENABLED) return undefined;
  const store = createMongoWhatsAppAuthStore(loket.conn, config.WHATSAPP_SESSION);
  const leases = createMongoLeases(loket.conn);
  await store.ensureIndexes();
  await leases.ensureIndexes();
  const whatsapp = createWhatsAppChannel({
    handleInbound: loket.handleInbound,
    logger: logger.child({ channel: 'whatsapp' }),
    conversations: loket.repos.conversations,
    store,
    leases,
    session: config.WHATSAPP_SESSION,
    ...(socketFactory ? { socketFactory } : {}),
    ...(config.WHATSAPP_PAIRING_NUMBER ? { pairingNumber: config.WHATSAPP_PAIRING_NUMBER } : {}),
    leaseTtlMs: config.WHATSAPP_LEASE_TTL_MS,
    reconnect: { maxAttempts: config.WHATSAPP_MAX_RECONNECTS },
    sendIntervalMs: config.WHATSAPP_SEND_INTERVAL_MS,
    sendJitterMs: Math.round(config.WHATSAPP_SEND_INTERVAL_MS / 2),
    chatRateLimit: { limit: config.WHATSAPP_CHAT_RATE_LIMIT, windowMs: config.WHATSAPP_CHAT_RATE_WINDOW_MS },
    downloadTimeoutMs: config.WHATSAPP_DOWNLOAD_TIMEOUT_MS,
  });
  loket.senders.set('whatsapp', whatsapp.sender);
  return whatsapp;
}

/** What a test may swap in `start` (production passes nothing). */
export interface StartOptions {
  /** A fake WhatsApp socket instead of Baileys' makeWASocket (offline tests). */
  whatsappSocketFactory?: SocketFactory;
}

/** Starts everything: the core, then the HTTP server (health checks, console, API, webhooks). */
export async function start(
  config: Config = loadConfig(),
  logger: Logger = createLogger(config.LOG_LEVEL),
  startOptions: StartOptions = {},
): Promise<Running> {
  const loket = await createLoket(config, logger);
  const senders = loket.senders;
  const telegram = wireTelegram(loket);
  // Registered before the notification worker starts: it reads the senders once.
  const whatsapp = await wireWhatsApp(loket, startOptions.whatsappSocketFactory);
  const secrets = await consoleSecrets(config, config.DATA_DIR);
  if (secrets.source === 'file')
    logger.warn(
      { file: path.resolve(config.DATA_DIR, 'secrets.json') },
      'SESSION_SECRET/CSRF_SECRET not set: using random ones kept under DATA_DIR (set them in production)',
    );
  const now = () => new Date();
  const officer: OfficerHttpDeps = {
    logger: logger.child({ part: 'console' }),
    applications: loket.repos.applications,
    events: loket.repos.events,
    handoffs: loket.repos.handoffs,
    officers: loket.repos.officers,
    offices: loket.repos.offices,
    outbox: loket.repos.outbox,
    documents: loket.repos.documents,
    push: loket.push,
    conversations: loket.repos.conversations,
    sessionStore: createSessionStore(loket.conn, { ttlSeconds: config.SESSION_TTL_HOURS * 3600 }),
    sessionSecret: secrets.sessionSecret,
    csrfSecret: secrets.csrfSecret,
    sessionTtlMs: config.SESSION_TTL_HOURS * 3_600_000,
    secureCookies: config.COOKIE_SECURE,
    loginRateLimit: config.LOGIN_RATE_LIMIT,
    queuePollMs: config.QUEUE_POLL_MS,
    cannedReplies: config.CANNED_REPLIES,
    now,
    intake: {
      catalog: loket.catalog,
      trackingPrefix: config.TRACKING_PREFIX,
      holidays: [...DEFAULT_HOLIDAY_DATES, ...config.HOLIDAYS],
      uploadMaxBytes: config.UPLOAD_MAX_BYTES,
    },
    ...(whatsapp ? { whatsapp: whatsapp.session } : {}),
  };
  const webhookPath = config.TELEGRAM_WEBHOOK_URL ? new URL(config.TELEGRAM_WEBHOOK_URL).pathname : undefined;
  const app = createHttpApp({
    logger,
    isReady: () => pingDatabase(loket.conn),
    trustProxy: config.TRUST_PROXY,
    version: VERSION,
    officer,
    ...(telegram && webhookPath
      ? { webhooks: [{ path: webhookPath, handler: (req, res) => telegram.webhookHandler(req, res) }] }
      : {}),
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const background = await startBackground(
    loket,
    telegram,
    config.TELEGRAM_MODE === 'worker' ? 'none' : config.TELEGRAM_WEBHOOK_URL ? 'webhook' : 'polling',
  );
  const leasedJobs = await startLeasedJobs(loket, now);
  if (whatsapp) await whatsapp.start();
  logger.info({ port, startup: loket.startup }, `Loket siap di http://localhost:${port}`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info('shutting down: no new work, finishing what is in flight');
      if (whatsapp) await whatsapp.stop();
      await background.stop();
      await leasedJobs.stop();
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
  return {
    loket,
    senders,
    ...(telegram ? { telegram } : {}),
    ...(whatsapp ? { whatsapp } : {}),
    config,
    logger,
    conn: loket.conn,
    server,
    port,
    stop,
  };
}
async function runFromCommandLine(): Promise<void> {
  let config: Config;
  try {
    loadEnvFileIfPresent();
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
