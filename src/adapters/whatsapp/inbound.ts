import type { BaileysEventMap, WAMessage } from '@whiskeysockets/baileys';
import type { HandleInbound } from '../../app/inbound.js';
import type { Logger } from '../../config/logger.js';
import type { Lang, Reply } from '../../dialogue/types.js';
import { createChatChains } from './chat-chains.js';
import type { ChatRateLimiter } from './chat-rate-limit.js';
import { MediaDownloadError } from './download.js';
import { attemptUntilSettled, type LastAttempt } from './inbound-attempts.js';
import { createInboundFilter } from './inbound-filter.js';
import { toInboundMessage } from './inbound-message.js';
import { WHATSAPP_MESSAGES } from './messages.js';
import type { ParsedMessage } from './parse-message.js';
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
  /** How old a message kept by the server while we were offline may be and still be answered. */
  backlogMaxAgeMs: number;
}

/** Handles Baileys' `messages.upsert`; `idle()` resolves when every message seen so far is done. */
export interface InboundHandler {
  onUpsert(upsert: BaileysEventMap['messages.upsert']): void;
  idle(): Promise<void>;
}

/**
 * The path from a WhatsApp message to the use case: private chats only, live or kept while we
 * were offline, each once (see `createInboundFilter`), the per-chat flood limit, a read receipt,
 * "typing…" while the engine works, replies through the send queue. One chat's messages are
 * handled in order, different chats side by side (see `createChatChains`).
 */
export function makeInboundHandler(deps: InboundDeps): InboundHandler {
  const chains = createChatChains((err) => {
    deps.logger.error({ err }, 'whatsapp message handling failed');
  });
  const citizenMessages = createInboundFilter({ logger: deps.logger, backlogMaxAgeMs: deps.backlogMaxAgeMs });
  return {
    onUpsert(upsert) {
      for (const { raw, msg } of citizenMessages(upsert)) {
        chains.enqueue(msg.chatId, () => handleMessage(deps, raw, msg));
      }
    },
    idle: () => chains.idle(),
  };
}

/**
 * One citizen message, start to end. Silent and undecryptable messages get neither a read receipt
 * nor an answer, a chat over its flood limit gets no read receipt, and what the engine cannot read
 * gets a "please type" instead of reaching the use case.
 */
async function handleMessage(deps: InboundDeps, raw: WAMessage, msg: ParsedMessage): Promise<void> {
  const c = msg.content;
  if (c.kind === 'silent') return;
  if (c.kind === 'undecryptable') {
    deps.onUndecryptable(c.error);
    return;
  }
  if (!(await withinFloodLimit(deps, msg.chatId))) return;
  const sock = deps.socket();
  await sock?.readMessages([raw.key]).catch((err: unknown) => {
    deps.logger.debug({ err }, 'read receipt not sent');
  });
  if (c.kind === 'unsupported') {
    await say(deps, msg.chatId, 'unsupported');
    return;
  }
  const inbound = toInboundMessage(msg, c, (maxBytes) => deps.download(raw, maxBytes));
  await sock?.sendPresenceUpdate('composing', msg.chatId).catch(() => undefined);
  const last = await attemptUntilSettled(deps, inbound);
  // The attempts can outlast a reconnect: "typing…" ends on the socket open now.
  await deps
    .socket()
    ?.sendPresenceUpdate('paused', msg.chatId)
    .catch(() => undefined);
  await answer(deps, msg, last);
}

/** The flood limit: a chat over it is told once, then ignored until its window has passed. */
async function withinFloodLimit(deps: InboundDeps, chatId: string): Promise<boolean> {
  const decision = deps.limiter.check(chatId);
  if (decision === 'warn') {
    deps.logger.warn({ chat: mask(chatId) }, 'whatsapp chat rate-limited');
    await say(deps, chatId, 'rateLimited');
  }
  return decision === 'ok';
}

/**
 * Asks the citizen to send again when even the last attempt failed or found the chat busy
 * (WhatsApp never delivers a message twice). The replies of a handled message went out on the
 * outbound path (recorded with the turn, sent in order, retried).
 */
async function answer(deps: InboundDeps, msg: ParsedMessage, last: LastAttempt): Promise<void> {
  if (!('result' in last) || last.result.status === 'busy') {
    const fileBroke = 'failure' in last && last.failure instanceof MediaDownloadError;
    await say(deps, msg.chatId, fileBroke ? 'fileRetry' : 'retry');
  }
}

/** One of the adapter's own texts, in the citizen's language. */
async function say(deps: InboundDeps, chatId: string, key: keyof typeof WHATSAPP_MESSAGES): Promise<void> {
  const lang = await deps.langOf(chatId);
  await deps.send(chatId, [{ kind: 'text', text: WHATSAPP_MESSAGES[key][lang] }]);
}

/** A chat id for logs: the last four digits only (phone numbers are personal data). */
export function mask(chatId: string): string {
  const user = chatId.split('@')[0] ?? '';
  return `…${user.slice(-4)}`;
}
