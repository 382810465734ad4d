import type { Channel } from '../domain/application.js';
import type { Page, PageResult } from './page.js';

/**
 * A citizen's message the bot could not handle however often it tried while the database was
 * healthy (a "poison" update), parked so it stops holding back the chat and staff can follow
 * it up. It names the message and what went wrong, never what the citizen wrote.
 */
export interface DeadLetter {
  channel: Channel;
  /** The channel's id of the message (Telegram's update id). */
  messageId: string;
  /** The chat it came from, as the conversation store already keeps it; absent when it had none. */
  chatId?: string;
  /** What kind of content it was (`text`, `photo`, `document`, `button`, `other`), not the content. */
  kind: string;
  /** The last error's message, cut short. */
  error: string;
  /** How many times it was tried with the database healthy. */
  attempts: number;
  /** When it was parked. */
  parkedAt: Date;
  /** When the citizen was told to contact an officer; absent until then. */
  notifiedAt?: Date;
}

/** The parked messages: written by a channel adapter, listed in the console. */
export interface DeadLetterStore {
  /**
   * Parks a message once: a second call for the same channel and message id (a redelivery after
   * a restart) keeps the first record. Answers the stored record, so the caller sees whether
   * the citizen was already told.
   */
  park(letter: Omit<DeadLetter, 'notifiedAt'>): Promise<DeadLetter>;
  /** Records that the citizen was told, so a redelivery does not tell them again. */
  markNotified(channel: Channel, messageId: string, at: Date): Promise<void>;
  /** Newest first, for the console. */
  list(page: Page): Promise<PageResult<DeadLetter>>;
}
