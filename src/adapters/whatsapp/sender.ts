import { createHash } from 'node:crypto';
import type { Logger } from '../../config/logger.js';
import type { Reply } from '../../dialogue/types.js';
import type { ChannelSender, OutgoingFile, SendOptions, SendResult } from '../../ports/channel-sender.js';
import { mask } from './inbound.js';
import type { RecentMessages } from './recent-messages.js';
import { renderReplies } from './render.js';
import type { SendQueue } from './send-queue.js';
import type { WhatsAppContent, WhatsAppSocket } from './socket.js';

/** Thrown when there is no open connection to send with. */
export class NotConnectedError extends Error {
  override readonly name = 'NotConnectedError';
  constructor() {
    super('whatsapp is not connected');
  }
}

/** What sending needs. */
export interface SendDeps {
  socket: () => WhatsAppSocket | undefined;
  queue: SendQueue;
  recent: RecentMessages;
}

/** A chat id as WhatsApp addresses it: ours are full ids already; bare numbers get the user domain. */
export function toJid(chatId: string): string {
  return chatId.includes('@') ? chatId : `${chatId.replace(/\D/g, '')}@s.whatsapp.net`;
}

/**
 * The WhatsApp message id of part `part` of the outbound record `recordId`: the same on every
 * retry, so WhatsApp and this process recognise a message sent before. Shaped like the ids
 * Baileys generates itself (`3EB0` and 18 upper-case hex digits), which every client accepts.
 */
export function partMessageId(recordId: string, part: number): string {
  const hash = createHash('sha256').update(`${recordId}:${part}`).digest('hex');
  return `3EB0${hash.toUpperCase().slice(0, 18)}`;
}

/** Sends replies to one chat; `options.messageId` names them (see `makeSendReplies`). */
export type SendReplies = (chatId: string, replies: Reply[], options?: SendOptions) => Promise<void>;

/**
 * Sends replies to one chat in order through the number's send queue; the first failure stops
 * the rest (a later message must not arrive before an earlier one) and is thrown. With an
 * outbound record id each part gets its derived id, and a retry skips the parts this process
 * already sent, so a send broken off halfway is finished without repeating its start.
 */
export function makeSendReplies(deps: SendDeps): SendReplies {
  return async (chatId, replies, options) => {
    const jid = toJid(chatId);
    for (const [part, text] of renderReplies(replies).entries()) {
      const messageId = options?.messageId === undefined ? undefined : partMessageId(options.messageId, part);
      if (messageId !== undefined && deps.recent.has(messageId)) continue;
      await deps.queue.run(async () => {
        const sock = deps.socket();
        if (!sock) throw new NotConnectedError();
        deps.recent.remember(await sock.sendMessage(jid, { text }, messageId ? { messageId } : undefined));
      });
    }
  };
}

/**
 * Sends one file through the number's send queue: a JPEG or PNG as an image (shown inline on the
 * phone), anything else as a document that keeps its name.
 */
export function makeSendFile(deps: SendDeps): (chatId: string, file: OutgoingFile) => Promise<void> {
  return async (chatId, file) => {
    const jid = toJid(chatId);
    const caption = file.caption ? { caption: file.caption } : {};
    const content: WhatsAppContent = file.contentType.startsWith('image/')
      ? { image: file.bytes, mimetype: file.contentType, ...caption }
      : { document: file.bytes, mimetype: file.contentType, fileName: file.filename, ...caption };
    await deps.queue.run(async () => {
      const sock = deps.socket();
      if (!sock) throw new NotConnectedError();
      deps.recent.remember(await sock.sendMessage(jid, content));
    });
  };
}

/**
 * The WhatsApp side of the channel-sender port: status notifications and officer messages in a
 * handoff reach the citizen's chat with the bot's rendering. `ready` is whether this process has
 * the number's connection open: the outbox worker claims WhatsApp rows only then, so a process
 * without the lease (or while reconnecting) leaves them to the one that can send. A send that
 * still finds no connection answers `retry`.
 */
export function createWhatsAppSender(
  send: SendReplies,
  logger: Logger,
  ready: () => boolean,
  typing?: (chatId: string) => Promise<void>,
  sendFile?: (chatId: string, file: OutgoingFile) => Promise<void>,
): ChannelSender {
  const attempt = async (chatId: string, run: () => Promise<void>): Promise<SendResult> => {
    try {
      await run();
      return { ok: true };
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      logger.warn({ err, chat: mask(chatId) }, 'whatsapp send failed');
      return { ok: false, reason: 'retry', error };
    }
  };
  return {
    channel: 'whatsapp',
    ready,
    ...(typing ? { typing } : {}),
    send: (chatId, replies, options) => attempt(chatId, () => send(chatId, replies, options)),
    ...(sendFile ? { sendFile: (chatId, file) => attempt(chatId, () => sendFile(chatId, file)) } : {}),
  };
}

/** How long "typing…" stays after the officer's last keystroke reached us. */
const COMPOSING_MS = 6000;

/**
 * "Typing…" in a citizen's chat while an officer writes: a `composing` presence, then `paused`
 * once no new call came for a while, so a citizen never sees an officer typing who has stopped.
 * Presence is not a message: it skips the send queue. Without a connection it does nothing.
 */
export function makeComposing(socket: () => WhatsAppSocket | undefined): (chatId: string) => Promise<void> {
  const pauses = new Map<string, ReturnType<typeof setTimeout>>();
  return async (chatId) => {
    const jid = toJid(chatId);
    clearTimeout(pauses.get(jid));
    const pause = setTimeout(() => {
      pauses.delete(jid);
      socket()
        ?.sendPresenceUpdate('paused', jid)
        .catch(() => undefined);
    }, COMPOSING_MS);
    pause.unref();
    pauses.set(jid, pause);
    await socket()?.sendPresenceUpdate('composing', jid);
  };
}
