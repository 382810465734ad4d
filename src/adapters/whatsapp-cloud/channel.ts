import type { HandleInbound, InboundMessage } from '../../app/inbound.js';
import type { Logger } from '../../config/logger.js';
import type { ChannelSender } from '../../ports/channel-sender.js';
import { createGraphClient, type GraphClient } from './graph.js';
import { bilingual, CLOUD_MESSAGES } from './messages.js';
import { parseWebhook, type CloudInbound, type CloudStatus } from './parse.js';
import { createCloudSender, WA_CLOUD, type StatusTemplate } from './sender.js';
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
}

/** The running Cloud API channel: a sender, and the two webhook routes the HTTP server mounts. */
export interface CloudChannel {
  sender: ChannelSender;
  graph: GraphClient;
  /** GET /webhooks/whatsapp-cloud: Meta's verification of the URL. */
  verifyHandler: CloudHandler;
  /** POST /webhooks/whatsapp-cloud: messages and receipts; the body must be left raw. */
  webhookHandler: CloudHandler;
}

/** Where Meta calls; README "Connect WhatsApp Business Platform" names it. */
export const CLOUD_WEBHOOK_PATH = '/webhooks/whatsapp-cloud';

/**
 * Builds the WhatsApp Business Platform channel on Node's fetch. A webhook call is answered 200
 * only once every message in it went through the inbound use case (whose inbound log and
 * conversation versions are the durable record, keyed by the wamid) and every receipt was
 * recorded; otherwise 500, so Meta delivers it again and the repeat is recognised.
 */
export function createCloudChannel(opts: CloudChannelOptions): CloudChannel {
  const graph = createGraphClient({
    apiRoot: opts.apiRoot,
    token: opts.token,
    timeoutMs: opts.downloadTimeoutMs,
  });
  const sender = createCloudSender(graph, opts.phoneNumberId, opts.logger, opts.statusTemplate);
  const handleOne = makeHandleOne(graph, sender, opts);
  return {
    sender,
    graph,
    verifyHandler: makeVerifyHandler(opts.verifyToken, opts.logger),
    webhookHandler: async (req, res) => {
      const body = verifiedBody(req, res, opts.appSecret, opts.logger);
      if (body === undefined) return;
      const { messages, statuses } = parseWebhook(body);
      try {
        for (const status of statuses) await opts.onStatus?.(status);
        let busy = false;
        for (const m of messages) busy = (await handleOne(m)) || busy;
        if (busy) return answer(res, 503, { ok: false, error: 'busy' });
        answer(res, 200, { ok: true });
      } catch (err) {
        opts.logger.warn(
          { err: { message: (err as Error).message } },
          'whatsapp cloud webhook not processed',
        );
        answer(res, 500, { ok: false, error: 'not processed' });
      }
    },
  };
}

/** Handles one message; answers true when another process holds it (the call must be redelivered). */
function makeHandleOne(
  graph: GraphClient,
  sender: ChannelSender,
  opts: CloudChannelOptions,
): (m: CloudInbound) => Promise<boolean> {
  return async (m) => {
    const c = m.content;
    if (c.kind === 'reaction' || c.kind === 'unsupported') {
      // Best effort: nothing was stored, so a failed answer is not worth a redelivery.
      const text = bilingual(CLOUD_MESSAGES[c.kind]);
      await sender.send(m.from, [{ kind: 'text', text }]).catch(() => undefined);
      return false;
    }
    const result = await opts.handleInbound(toInboundMessage(graph, m, c));
    return result.status === 'busy';
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
