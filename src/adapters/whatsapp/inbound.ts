import type { BaileysEventMap, WAMessage } from '@whiskeysockets/baileys';
import type { HandleInbound } from '../../app/inbound.js';
import type { Logger } from '../../config/logger.js';
import type { Lang, Reply } from '../../dialogue/types.js';
import { createChatChains } from './chat-chains.js';
import type { ChatRateLimiter } from './chat-rate-limit.js';
import { MediaDownloadError } from './download.js';
import { attemptUntilSettled, type LastAttempt } from './inbound-attempts.js';
import { toInboundMessage } from './inbound-message.js';
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

/**
 * The path from a WhatsApp message to the use case: private chats only, the per-chat flood
 * limit, a read receipt, "typing…" while the engine works, replies through the send queue. One
 * chat's messages are handled in order, different chats side by side (see `createChatChains`).
 */
export function makeInboundHandler(deps: InboundDeps): InboundHandler {
  const chains = createChatChains((err) => {
    deps.logger.error({ err }, 'whatsapp message handling failed');
  });
  return {
    onUpsert(upsert) {
      for (const { raw, msg } of citizenMessages(upsert, deps.logger)) {
        chains.enqueue(msg.chatId, () => handleMessage(deps, raw, msg));
      }
    },
    idle: () => chains.idle(),
  };
}

/**
 * The new messages of an upsert that a citizen sent in a private chat; the rest (groups, status,
 * our own) is logged and skipped. Lazy, so each message is queued as soon as it is read.
 */
function* citizenMessages(
  { messages, type }: BaileysEventMap['messages.upsert'],
  logger: Logger,
): Generator<{ raw: WAMessage; msg: ParsedMessage }> {
  // 'append' is history and our own echoes; only new messages get an answer.
  if (type !== 'notify') return;
  for (const raw of messages) {
    const parsed = parseMessage(raw);
    if ('ignore' in parsed) logger.debug({ reason: parsed.ignore }, 'whatsapp message ignored');
    else yield { raw, msg: parsed };
  }
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
