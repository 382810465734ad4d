import type { HandleInbound, InboundMessage } from '../../app/inbound.js';
import type { QueuedItemHandler } from '../../app/inbound-queue.js';
import type { Logger } from '../../config/logger.js';
import type { CloudChatLog } from '../../ports/cloud-chat-log.js';
import type { NewQueuedInbound } from '../../ports/inbound-queue.js';
import type { NewOutboxItem } from '../../ports/outbox.js';
import { createGraphClient, type GraphClient } from './graph.js';
import { bilingual, CLOUD_MESSAGES } from './messages.js';
import { parseWebhook, type CloudInbound, type CloudStatus } from './parse.js';
import { decodeItem, describeItem, queueItems } from './queue-items.js';
import { createCloudSender, WA_CLOUD, type CloudSender, type StatusTemplate } from './sender.js';
import { answer, makeVerifyHandler, verifiedBody, type CloudHandler } from './webhook.js';

/** Everything the Cloud API channel needs; the composition root fills it from the config. */
export interface CloudChannelOptions {
  token: string;
  phoneNumberId: string;
  appSecret: string;
  verifyToken: string;
  /** The versioned Graph root (WHATSAPP_CLOUD_API_ROOT); tests point it at a fake. */
  apiRoot: string;
  handleInbound: HandleInbound;
  logger: Logger;
  downloadTimeoutMs: number;
  /** The template for status notices outside the 24-hour window; absent, they fail there. */
  statusTemplate?: StatusTemplate;
  /** Told of each delivery receipt (sent, delivered, read, failed); absent, receipts are only logged. */
  onStatus?: (status: CloudStatus) => Promise<void>;
  /**
   * Stores the items of a verified webhook call durably (the inbound queue) before it is
   * answered; a worker hands them to `queueHandler` later. A rejection answers 500.
   */
  enqueue: (items: NewQueuedInbound[]) => Promise<void>;
  /** Records and sends what the adapter itself says to a citizen (the outbound path). */
  deliver: (items: readonly NewOutboxItem[]) => Promise<void>;
  /**
   * Per-number marks: each message handled records when the citizen wrote (the window's start),
   * and the sender reads it before a send. Absent, the sender learns the window from Meta.
   */
  chats?: Pick<CloudChatLog, 'wrote' | 'marks'>;
  now?: () => Date;
}

/** The running Cloud API channel: a sender, the two webhook routes, and the queue's item handler. */
export interface CloudChannel {
  sender: CloudSender;
  graph: GraphClient;
  /** GET /webhooks/whatsapp-cloud: Meta's verification of the URL. */
  verifyHandler: CloudHandler;
  /** POST /webhooks/whatsapp-cloud: messages and receipts; the body must be left raw. */
  webhookHandler: CloudHandler;
  /** Handles one stored webhook item (src/app/inbound-queue.ts runs it). */
  queueHandler: QueuedItemHandler;
}

/** Where Meta calls; README "Connect WhatsApp Business Platform" names it. */
export const CLOUD_WEBHOOK_PATH = '/webhooks/whatsapp-cloud';

/**
 * Builds the WhatsApp Business Platform channel on Node's fetch. A webhook call is verified,
 * its items stored durably, and answered 200 at once; 500 when the store failed, so Meta
 * delivers it again. The items are handled later from the store (`queueHandler`): a message
 * through the inbound use case (keyed by the wamid, so a redelivery is recognised), a receipt
 * onto its outbound record.
 */
export function createCloudChannel(opts: CloudChannelOptions): CloudChannel {
  const graph = createGraphClient({
    apiRoot: opts.apiRoot,
    token: opts.token,
    timeoutMs: opts.downloadTimeoutMs,
  });
  const now = opts.now ?? (() => new Date());
  const chats = opts.chats;
  const window = chats
    ? { lastInbound: async (to: string) => (await chats.marks(to)).lastInboundAt, now }
    : undefined;
  const sender = createCloudSender(graph, opts.phoneNumberId, opts.logger, opts.statusTemplate, window);
  return {
    sender,
    graph,
    verifyHandler: makeVerifyHandler(opts.verifyToken, opts.logger),
    webhookHandler: async (req, res) => {
      const body = verifiedBody(req, res, opts.appSecret, opts.logger);
      if (body === undefined) return;
      try {
        await opts.enqueue(queueItems(parseWebhook(body)));
      } catch (err) {
        opts.logger.warn(
          { err: { message: (err as Error).message } },
          'whatsapp cloud webhook not stored; Meta delivers it again',
        );
        return answer(res, 500, { ok: false, error: 'not stored' });
      }
      answer(res, 200, { ok: true });
    },
    queueHandler: makeQueueHandler(graph, opts, now),
  };
}

/** Handles one stored item: a receipt, a message the engine cannot read (a kind answer), or a message. */
function makeQueueHandler(graph: GraphClient, opts: CloudChannelOptions, now: () => Date): QueuedItemHandler {
  return {
    channel: WA_CLOUD,
    describe: describeItem,
    parkedNotice(payload) {
      const item = decodeItem(payload);
      if (!('message' in item)) return undefined;
      return kindAnswer(item.message, 'parked', now());
    },
    async handle(payload) {
      const item = decodeItem(payload);
      if ('status' in item) {
        await opts.onStatus?.(item.status);
        return 'done';
      }
      const m = item.message;
      // Any message opens the 24-hour window, a reaction too.
      await opts.chats?.wrote(m.from, m.at);
      const c = m.content;
      if (c.kind === 'reaction' || c.kind === 'unsupported') {
        await opts.deliver([kindAnswer(m, c.kind, now())]);
        return 'done';
      }
      const result = await opts.handleInbound(toInboundMessage(graph, m, c));
      return result.status === 'busy' ? 'busy' : 'done';
    },
  };
}

/** A text of the adapter's own, as an outbound record keyed by the wamid: a redelivery adds nothing. */
function kindAnswer(m: CloudInbound, what: 'reaction' | 'unsupported' | 'parked', at: Date): NewOutboxItem {
  return {
    key: `wa-cloud-${what}:${m.id}`,
    channel: WA_CLOUD,
    chatId: m.from,
    reply: { kind: 'text', text: bilingual(CLOUD_MESSAGES[what]) },
    createdAt: at,
  };
}

/** The channel-neutral message; a file's bytes are fetched (id → URL → bytes) only when the use case asks. */
function toInboundMessage(
  graph: GraphClient,
  m: CloudInbound,
  c: Exclude<CloudInbound['content'], { kind: 'reaction' | 'unsupported' }>,
): InboundMessage {
  const base = {
    channel: WA_CLOUD,
    chatId: m.from,
    messageId: m.id,
    at: m.at,
    sender: { ...(m.name ? { name: m.name } : {}), phone: m.from },
  };
  if (c.kind !== 'media') return { ...base, content: c };
  return {
    ...base,
    content: {
      kind: 'file',
      file: {
        filename: c.filename,
        ...(c.caption ? { caption: c.caption } : {}),
        ...(c.voice ? { voice: true as const } : {}),
        fetch: (maxBytes) => downloadMedia(graph, c.mediaId, maxBytes),
      },
    },
  };
}

/** `GET /{media-id}` gives a short-lived URL (and the size); the bytes need the token too. */
async function downloadMedia(graph: GraphClient, mediaId: string, maxBytes: number): Promise<Buffer> {
  const info = (await graph.get(`/${encodeURIComponent(mediaId)}`)) as { url?: unknown; file_size?: unknown };
  if (typeof info?.url !== 'string') throw new Error('media answered without a url');
  if (typeof info.file_size === 'number' && info.file_size > maxBytes)
    throw Object.assign(new Error(`media over ${maxBytes} bytes`), { code: 'TOO_BIG' });
  return graph.download(info.url, maxBytes);
}
