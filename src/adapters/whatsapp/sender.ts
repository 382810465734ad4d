import type { Logger } from '../../config/logger.js';
import type { Reply } from '../../dialogue/types.js';
import type { ChannelSender, OutgoingFile, SendResult } from '../../ports/channel-sender.js';
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
 * Sends replies to one chat in order through the number's send queue; the first failure stops
 * the rest (a later message must not arrive before an earlier one) and is thrown.
 */
export function makeSendReplies(deps: SendDeps): (chatId: string, replies: Reply[]) => Promise<void> {
  return async (chatId, replies) => {
    const jid = toJid(chatId);
    for (const text of renderReplies(replies)) {
      await deps.queue.run(async () => {
        const sock = deps.socket();
        if (!sock) throw new NotConnectedError();
        deps.recent.remember(await sock.sendMessage(jid, { text }));
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
  send: (chatId: string, replies: Reply[]) => Promise<void>,
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
    send: (chatId, replies) => attempt(chatId, () => send(chatId, replies)),
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
