import type { Server } from 'node:http';
import path from 'node:path';
import { pingDatabase } from '../adapters/mongo/connection.js';
import { createSessionStore } from '../adapters/mongo/session-store.js';
import type { OfficerHttpDeps } from '../adapters/http/officer-http-deps.js';
import { createHttpApp, type HttpDeps } from '../adapters/http/server.js';
import type { TelegramChannel } from '../adapters/telegram/channel.js';
import type { WhatsAppChannel } from '../adapters/whatsapp/channel.js';
import { CLOUD_WEBHOOK_PATH, type CloudChannel } from '../adapters/whatsapp-cloud/channel.js';
import { typingVia } from '../app/officer/show-typing.js';
import { consoleSecrets } from '../config/local-secrets.js';
import type { ChannelSender } from '../ports/channel-sender.js';
import type { WhatsAppSession } from '../ports/whatsapp-session.js';
import type { Loket } from './loket.js';
import type { FailoverSender } from './whatsapp-failover.js';

/** Reported on /healthz. */
const VERSION = '0.1.0';

/** The HTTP server of a Loket, listening. */
export interface HttpServer {
  server: Server;
  /** The port it listens on (PORT=0 picks a free one). */
  port: number;
  /** Stops taking connections; after SHUTDOWN_GRACE_MS the ones still open are cut. */
  close(): Promise<void>;
}

/** The officer console and API on this Loket's repositories, session store and secrets. */
async function officerDeps(loket: Loket, whatsapp: WhatsAppChannel | undefined): Promise<OfficerHttpDeps> {
  const { config, logger, repos, runtime } = loket;
  const secrets = await consoleSecrets(config, config.DATA_DIR);
  if (secrets.source === 'file')
    logger.info(
      { file: path.resolve(config.DATA_DIR, 'secrets.json') },
      'SESSION_SECRET/CSRF_SECRET not set: using random ones kept in DATA_DIR (every process behind one address needs the same)',
    );
  return {
    logger: logger.child({ part: 'console' }),
    applications: repos.applications,
    events: repos.events,
    handoffs: repos.handoffs,
    officers: repos.officers,
    satisfaction: repos.satisfaction,
    offices: repos.offices,
    holidayStore: repos.holidayStore,
    agencyStore: repos.agencyStore,
    outbox: repos.outbox,
    deadLetters: repos.deadLetters,
    deletionRequests: repos.deletionRequests,
    setupTokens: repos.setupTokens,
    documents: repos.documents,
    push: loket.push,
    conversations: repos.conversations,
    sessionStore: createSessionStore(loket.conn, { ttlSeconds: config.SESSION_TTL_HOURS * 3600 }),
    sessionSecret: secrets.sessionSecret,
    csrfSecret: secrets.csrfSecret,
    sessionTtlMs: config.SESSION_TTL_HOURS * 3_600_000,
    secureCookies: config.COOKIE_SECURE,
    loginRateLimit: config.LOGIN_RATE_LIMIT,
    rateLimits: repos.rateLimits,
    apiTokens: repos.apiTokens,
    apiTokenDays: config.API_TOKEN_DAYS,
    queuePollMs: config.QUEUE_POLL_MS,
    cannedReplies: config.CANNED_REPLIES,
    cannedReplyStore: repos.cannedReplyStore,
    catalog: loket.catalog,
    holidays: runtime.holidays,
    now: runtime.now,
    handoffMaxPerOfficer: config.HANDOFF_MAX_PER_OFFICER,
    intake: {
      catalog: loket.catalog,
      trackingPrefix: config.TRACKING_PREFIX,
      holidays: runtime.holidays,
      uploadMaxBytes: config.UPLOAD_MAX_BYTES,
    },
    handoffFiles: {
      uploadMaxBytes: config.UPLOAD_MAX_BYTES,
      allowedTypes: config.UPLOAD_ALLOWED_TYPES,
      outbound: loket.files,
    },
    ...(whatsapp ? { whatsapp: withSendPath(whatsapp.session, loket.senders.get('whatsapp')) } : {}),
    typing: typingVia(loket.senders),
  };
}

/**
 * The Express server on HOST:PORT: health checks, the officer console and API, and the Telegram
 * webhook when TELEGRAM_WEBHOOK_URL is set. Resolves once it listens.
 */
export async function startHttp(
  loket: Loket,
  channels: {
    telegram?: TelegramChannel | undefined;
    whatsapp?: WhatsAppChannel | undefined;
    cloud?: CloudChannel | undefined;
  },
): Promise<HttpServer> {
  const { config, logger } = loket;
  const { telegram, cloud } = channels;
  const webhookPath = config.TELEGRAM_WEBHOOK_URL ? new URL(config.TELEGRAM_WEBHOOK_URL).pathname : undefined;
  const webhooks: Array<NonNullable<HttpDeps['webhooks']>[number]> = [];
  if (telegram && webhookPath)
    webhooks.push({ path: webhookPath, handler: (req, res) => telegram.webhookHandler(req, res) });
  // Meta signs the raw body, so it is left unparsed; a GET on the same path is its URL check.
  if (cloud)
    webhooks.push({
      path: CLOUD_WEBHOOK_PATH,
      raw: true,
      handler: cloud.webhookHandler,
      verify: cloud.verifyHandler,
    });
  const app = createHttpApp({
    logger,
    isReady: () => pingDatabase(loket.conn),
    trustProxy: config.TRUST_PROXY,
    version: VERSION,
    officer: await officerDeps(loket, channels.whatsapp),
    webhooks,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => {
        server.closeAllConnections();
        resolve();
      }, config.SHUTDOWN_GRACE_MS).unref();
    });
  return { server, port, close };
}

/** The session as the console reads it, naming the path messages take when a failover is wired. */
function withSendPath(session: WhatsAppSession, sender: ChannelSender | undefined): WhatsAppSession {
  const path = (sender as Partial<FailoverSender> | undefined)?.path;
  if (typeof path !== 'function') return session;
  return {
    status: () => ({ ...session.status(), sendPath: path() }),
    requestPairingCode: (phone) => session.requestPairingCode(phone),
    restart: () => session.restart(),
    unpair: () => session.unpair(),
  };
}
