import type { Channel } from '../domain/application.js';
import type { Reply } from '../dialogue/types.js';

/** Why a send did not go through; `unreachable` (the citizen blocked the bot) is never retried. */
export type SendFailure = { ok: false; reason: 'unreachable' | 'retry' | 'failed'; error: string };
/**
 * A send that went through; `providerIds` are the ids the channel gave the messages (WhatsApp
 * Cloud API wamids), so its delivery receipts can find the outbound record.
 */
export type SendResult = { ok: true; providerIds?: string[] } | SendFailure;

/** What a durable sender tells a channel about one send. */
export interface SendOptions {
  /**
   * The outbound record's id, the same on every retry of it: a channel that can name its own
   * messages (WhatsApp) derives their ids from it, so a retry after a crash is recognised.
   */
  messageId?: string;
}

/**
 * Sends bot replies, status notifications and officer messages to a citizen's chat. Each channel
 * adapter (Telegram, WhatsApp, terminal) implements it; the outbox worker and the handoff relay
 * use it without knowing which channel it is.
 */
export interface ChannelSender {
  readonly channel: Channel;
  /**
   * Whether this process can send on the channel now (default: always). The outbox worker claims
   * no rows of a channel that is not ready, so they wait, untouched, for a process that is.
   */
  ready?(): boolean;
  send(chatId: string, replies: Reply[], options?: SendOptions): Promise<SendResult>;
  /**
   * Shows "typing…" in the chat for a few seconds (an officer is writing a reply). Optional: a
   * channel without it shows nothing. Best effort; callers ignore a rejection.
   */
  typing?(chatId: string): Promise<void>;
  /**
   * Sends one file (an officer's blank form, a photo, a "data saya" export) to the chat: an image
   * as a photo, anything else as a document with its name. Channels that cannot carry files leave
   * it out. `options` as for `send` (the outbox row's id, the same on every retry).
   */
  sendFile?(chatId: string, file: OutgoingFile, options?: SendOptions): Promise<SendResult>;
}

/** A file for a citizen's chat, its type already checked from its bytes by the document store. */
export interface OutgoingFile {
  bytes: Buffer;
  filename: string;
  contentType: string;
  /** Shown under the file (Telegram, WhatsApp); plain text. */
  caption?: string;
}
