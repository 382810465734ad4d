import type { Channel } from '../domain/application.js';
import type { Lang, Reply } from '../dialogue/types.js';

/** A file as a channel received it: bytes are fetched only when the use case needs them. */
export interface InboundFile {
  filename: string;
  /** Size the channel announced before download, when it knows it (Telegram, WhatsApp do). */
  announcedSize?: number;
  /** Downloads the bytes, with the channel's own size limit and time-out. */
  fetch(maxBytes: number): Promise<Buffer>;
  caption?: string;
  /**
   * A voice note or audio message. Loket cannot listen to it: it is kept only for an officer
   * conversation (the officer plays it in the console); otherwise the citizen is asked to type.
   */
  voice?: true;
}

/**
 * One message from a citizen, channel-neutral: what every channel adapter produces. The
 * `messageId` is the channel's own id (Telegram update id, WhatsApp message key id): the
 * idempotency key.
 */
export interface InboundMessage {
  channel: Channel;
  chatId: string;
  messageId: string;
  at: Date;
  sender?: { name?: string; phone?: string };
  /** The language the channel knows the citizen prefers (Telegram's language_code, the --lang flag); used for a new conversation. */
  lang?: Lang;
  content:
    | { kind: 'text'; text: string }
    | { kind: 'choice'; value: string }
    | { kind: 'command'; command: 'start' | 'menu' | 'status' | 'officer' | 'cancel' | 'language' | 'help' }
    | { kind: 'file'; file: InboundFile };
}

/** The outcome a channel adapter acts on: send `replies`; on `busy`, do not acknowledge (retry later). */
export type HandleResult =
  | { status: 'processed'; replies: Reply[] }
  | { status: 'duplicate'; replies: [] }
  | { status: 'busy'; replies: [] };

/** The use case every channel calls with each citizen message (src/app/handle-inbound.ts). */
export type HandleInbound = (msg: InboundMessage) => Promise<HandleResult>;
