import { pingDatabase } from '../adapters/mongo/connection.js';
import { createCloudChannel, type CloudChannel } from '../adapters/whatsapp-cloud/channel.js';
import type { CloudSender } from '../adapters/whatsapp-cloud/sender.js';
import { makeInboundQueueWorker } from '../app/inbound-queue.js';
import { startPeriodic, type PeriodicJob } from '../app/periodic.js';
import type { ApplicationRepository } from '../ports/application-repository.js';
import type { CloudChatLog } from '../ports/cloud-chat-log.js';
import { applicationIdOfKey } from '../app/officer/list-undelivered.js';
import { formatDate } from '../dialogue/dates.js';
import { describeStatus } from '../domain/status.js';
import type { Loket } from './loket.js';
import type { NewNumberNotice } from './whatsapp-failover.js';

/** The Cloud API channel as the server runs it: its webhook routes, sender and queue worker. */
export interface WiredCloud extends CloudChannel {
  /** Stops the worker of stored webhook items, waiting for the pass in flight. */
  stop(): Promise<void>;
}

/** Failures with the database healthy after which a stored webhook item is parked. */
const QUEUE_MAX_ATTEMPTS = 5;
/** How often stored webhook items are looked at besides the pass each webhook call asks for. */
const QUEUE_INTERVAL_MS = 2_000;
const DB_PROBE_TIMEOUT_MS = 1500;

/**
 * The WhatsApp Business Platform channel when its four credentials are set (README "Connect
 * WhatsApp Business Platform"), its sender registered in `loket.senders` under `wa_cloud` so
 * replies, notices and officer messages to its chats go out through the Cloud API. The HTTP
 * server mounts its webhook; the webhook stores each call's items in the inbound queue, and the
 * worker started here handles them (a pass at once after each call, and every few seconds).
 */
export function wireWhatsAppCloud(loket: Loket): WiredCloud | undefined {
  const { config, logger, repos, runtime } = loket;
  const token = config.WHATSAPP_CLOUD_TOKEN;
  const phoneNumberId = config.WHATSAPP_CLOUD_PHONE_NUMBER_ID;
  const appSecret = config.WHATSAPP_CLOUD_APP_SECRET;
  const verifyToken = config.WHATSAPP_CLOUD_VERIFY_TOKEN;
  if (!token || !phoneNumberId || !appSecret || !verifyToken) return undefined;
  const log = logger.child({ channel: 'wa_cloud' });
  let kick = (): void => undefined;
  const cloud = createCloudChannel({
    token,
    phoneNumberId,
    appSecret,
    verifyToken,
    apiRoot: config.WHATSAPP_CLOUD_API_ROOT,
    handleInbound: loket.handleInbound,
    logger: log,
    downloadTimeoutMs: config.WHATSAPP_DOWNLOAD_TIMEOUT_MS,
    statusTemplate: {
      name: config.WHATSAPP_CLOUD_TEMPLATE_STATUS,
      lang: config.WHATSAPP_CLOUD_TEMPLATE_LANG,
      paramsFor: (messageId) => statusTemplateParams(repos.applications, messageId),
    },
    // Receipts land on the outbound record that sent the message (by its wamid).
    onStatus: async (s) => {
      await repos.outbox.recordReceipt(s.id, {
        state: s.state,
        at: s.at,
        ...(s.error ? { error: s.error } : {}),
      });
    },
    enqueue: async (items) => {
      await repos.inboundQueue.add(items, runtime.now());
      kick();
    },
    deliver: (items) => loket.outbound.deliver(items),
    chats: repos.cloudChats,
    now: runtime.now,
  });
  const worker = makeInboundQueueWorker(
    {
      queue: repos.inboundQueue,
      leases: runtime.leases,
      deadLetters: repos.deadLetters,
      attempts: repos.inboundAttempts,
      deliver: (items) => loket.outbound.deliver(items),
      databaseHealthy: () => pingDatabase(loket.conn, DB_PROBE_TIMEOUT_MS),
      holder: runtime.holder,
      now: runtime.now,
      logger: log,
      maxAttempts: QUEUE_MAX_ATTEMPTS,
    },
    cloud.queueHandler,
  );
  let stopped = false;
  kick = () => {
    if (!stopped) worker.kick();
  };
  const job: PeriodicJob = startPeriodic(
    async () => {
      await worker.pass();
    },
    {
      intervalMs: QUEUE_INTERVAL_MS,
      firstDelayMs: 0,
      onError: (err) => log.error({ err }, 'whatsapp cloud queue pass failed'),
    },
  );
  loket.senders.set('wa_cloud', cloud.sender);
  logger.info('WhatsApp Business Platform: on (webhook /webhooks/whatsapp-cloud)');
  return {
    ...cloud,
    async stop() {
      stopped = true;
      await job.stop();
      await worker.idle();
    },
  };
}

/**
 * The new-number notice of the failover (WHATSAPP_CLOUD_TEMPLATE_NEW_NUMBER, no parameters),
 * sent through the Cloud API sender; whether a number was told is kept in `chats`.
 */
export function newNumberNotice(
  loket: Pick<Loket, 'config' | 'runtime'>,
  sender: Pick<CloudSender, 'sendTemplate'>,
  chats: Pick<CloudChatLog, 'marks' | 'toldNewNumber'>,
): NewNumberNotice {
  const { config, runtime } = loket;
  const template = {
    name: config.WHATSAPP_CLOUD_TEMPLATE_NEW_NUMBER,
    lang: config.WHATSAPP_CLOUD_TEMPLATE_LANG,
  };
  return {
    told: async (number) => (await chats.marks(number)).newNumberToldAt !== undefined,
    send: (number) => sender.sendTemplate(number, template, []),
    mark: (number) => chats.toldNewNumber(number, runtime.now()),
  };
}

/**
 * The body parameters of the status template for an outbound record: {{1}} tracking number,
 * {{2}} the status in Indonesian, {{3}} the due date. Only status notices (`status:<id>:<version>`,
 * src/app/officer/change-status.ts) have them.
 */
export async function statusTemplateParams(
  applications: Pick<ApplicationRepository, 'findById'>,
  messageId: string,
): Promise<string[] | undefined> {
  const id = applicationIdOfKey(messageId);
  const app = id ? await applications.findById(id) : undefined;
  if (!app) return undefined;
  // The due date as a day in Jakarta's calendar, in Indonesian.
  return [app.trackingNumber, describeStatus(app.status, 'id'), formatDate(app.slaDueAt.toISOString(), 'id')];
}
