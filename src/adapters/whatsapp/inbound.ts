import type { BaileysEventMap, WAMessage } from '@whiskeysockets/baileys';
import type { HandleInbound, HandleResult, InboundMessage } from '../../app/inbound.js';
import type { Logger } from '../../config/logger.js';
import type { Lang, Reply } from '../../dialogue/types.js';
import type { ChatRateLimiter } from './chat-rate-limit.js';
import { MediaDownloadError } from './download.js';
import { WHATSAPP_MESSAGES } from './messages.js';
import { parseMessage, type ParsedMessage } from './parse-message.js';
import type { WhatsAppSocket } from './socket.js';

/** What turning WhatsApp messages into use-case calls needs. */
export interface InboundDeps {
  handleInbound: HandleInbound;
  logger: Logger;
  limiter: ChatRateLimiter;
  /** The open socket, for read receipts and "typing…"; undefined while disconnected. */
  socket: () => WhatsAppSocket | undefined;
  /** Sends replies to a chat through the send queue; throws when they did not go out. */
  send: (jid: string, replies: Reply[]) => Promise<void>;
  /** Downloads a media message (size limit, time-out). */
  download: (m: WAMessage, maxBytes: number) => Promise<Buffer>;
  /** A message could not be decrypted (counted on the health page). */
  onUndecryptable: (error: string) => void;
  /** Pauses before handling a failed or busy message again; after the last, the citizen is told. */
  retryDelaysMs: number[];
  /** The chat's conversation language, for the adapter's own texts; read only when one is sent. */
  langOf: (chatId: string) => Promise<Lang>;
}

/** Handles Baileys' `messages.upsert`; `idle()` resolves when every message seen so far is done. */
export interface InboundHandler {
  onUpsert(upsert: BaileysEventMap['messages.upsert']): void;
  idle(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The path from a WhatsApp message to the use case: private chats only, the per-chat flood
 * limit, a read receipt, "typing…" while the engine works, replies through the send queue. One
 * chat's messages are handled in order, different chats side by side. The message key id is the
 * idempotency key; a failed attempt (a media download that broke) was released by the use case,
 * so it is tried again, and the citizen is asked to resend only when every attempt failed.
 */
export function makeInboundHandler(deps: InboundDeps): InboundHandler {
  const chains = new Map<string, Promise<void>>();

  const enqueue = (chatId: string, work: () => Promise<void>) => {
    const prev = chains.get(chatId) ?? Promise.resolve();
    const next = prev.then(work).catch((err: unknown) => {
      deps.logger.error({ err }, 'whatsapp message handling failed');
    });
    chains.set(chatId, next);
    void next.then(() => {
      if (chains.get(chatId) === next) chains.delete(chatId);
    });
  };

  /** One of the adapter's own texts, in the citizen's language. */
  const say = async (chatId: string, key: keyof typeof WHATSAPP_MESSAGES) => {
    const lang = await deps.langOf(chatId);
    await deps.send(chatId, [{ kind: 'text', text: WHATSAPP_MESSAGES[key][lang] }]);
  };

  async function handle(raw: WAMessage, msg: ParsedMessage): Promise<void> {
    const c = msg.content;
    if (c.kind === 'silent') return;
    if (c.kind === 'undecryptable') {
      deps.onUndecryptable(c.error);
      return;
    }
    const decision = deps.limiter.check(msg.chatId);
    if (decision === 'drop') return;
    if (decision === 'warn') {
      deps.logger.warn({ chat: mask(msg.chatId) }, 'whatsapp chat rate-limited');
      await say(msg.chatId, 'rateLimited');
      return;
    }
    const sock = deps.socket();
    await sock?.readMessages([raw.key]).catch((err: unknown) => {
      deps.logger.debug({ err }, 'read receipt not sent');
    });
    if (c.kind === 'unsupported') {
      await say(msg.chatId, 'unsupported');
      return;
    }
    const inbound: InboundMessage = {
      channel: 'whatsapp',
      chatId: msg.chatId,
      messageId: msg.messageId,
      at: msg.at,
      ...(msg.name || msg.phone
        ? { sender: { ...(msg.name ? { name: msg.name } : {}), ...(msg.phone ? { phone: msg.phone } : {}) } }
        : {}),
      content:
        c.kind === 'text'
          ? { kind: 'text', text: c.text }
          : {
              kind: 'file',
              file: {
                filename: c.filename,
                ...(c.announcedSize !== undefined ? { announcedSize: c.announcedSize } : {}),
                ...(c.caption ? { caption: c.caption } : {}),
                fetch: (maxBytes) => deps.download(raw, maxBytes),
              },
            },
    };
    await sock?.sendPresenceUpdate('composing', msg.chatId).catch(() => undefined);
    let result: HandleResult | undefined;
    let failure: unknown;
    for (let attempt = 0; attempt <= deps.retryDelaysMs.length; attempt++) {
      if (attempt > 0) await sleep(deps.retryDelaysMs[attempt - 1] ?? 0);
      try {
        result = await deps.handleInbound(inbound);
        failure = undefined;
        if (result.status !== 'busy') break;
      } catch (err) {
        failure = err;
        deps.logger.warn({ err, messageId: msg.messageId, attempt }, 'whatsapp message not processed');
      }
    }
    await deps
      .socket()
      ?.sendPresenceUpdate('paused', msg.chatId)
      .catch(() => undefined);
    if (failure !== undefined || result === undefined || result.status === 'busy') {
      await say(msg.chatId, failure instanceof MediaDownloadError ? 'fileRetry' : 'retry');
      return;
    }
    if (result.status === 'processed' && result.replies.length > 0) {
      // The message is already marked processed: a failed send is logged, not retried by redelivery.
      await deps.send(msg.chatId, result.replies).catch((err: unknown) => {
        deps.logger.error({ err, messageId: msg.messageId }, 'whatsapp replies not sent');
      });
    }
  }

  return {
    onUpsert({ messages, type }) {
      // 'append' is history and our own echoes; only new messages get an answer.
      if (type !== 'notify') return;
      for (const raw of messages) {
        const parsed = parseMessage(raw);
        if ('ignore' in parsed) {
          deps.logger.debug({ reason: parsed.ignore }, 'whatsapp message ignored');
          continue;
        }
        enqueue(parsed.chatId, () => handle(raw, parsed));
      }
    },
    async idle() {
      while (chains.size > 0) await Promise.all([...chains.values()]);
    },
  };
}

/** A chat id for logs: the last four digits only (phone numbers are personal data). */
export function mask(chatId: string): string {
  const user = chatId.split('@')[0] ?? '';
  return `…${user.slice(-4)}`;
}
