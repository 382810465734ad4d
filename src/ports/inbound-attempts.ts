import type { Channel } from '../domain/application.js';

/**
 * How often a channel began handling one inbound message, recorded before each try and kept in
 * the database, so a count survives a restart and includes a try that never finished (the
 * process ran out of memory, or the handler never returned). A channel that redelivers
 * unconfirmed messages (Telegram) parks a message once this reaches its limit, instead of
 * crashing on it after every restart. Keyed by channel and message id only: no chat, no content.
 */
export interface InboundAttemptLog {
  /**
   * Records one more try at the message, before it is handed to the use case, and answers the
   * tries so far including this one. `excused`: earlier tries found not to count (they ended
   * while the database was away, or another process held the message) whose take-back could
   * not be written then; they are taken back in the same write.
   */
  begin(channel: Channel, messageId: string, now: Date, excused?: number): Promise<number>;
  /** Takes back one recorded try that does not count (the database was away, or busy elsewhere). */
  excuse(channel: Channel, messageId: string): Promise<void>;
  /** The message was handled: its tries are forgotten. */
  forget(channel: Channel, messageId: string): Promise<void>;
  /**
   * The TTL-style clean-up (FerretDB has no TTL indexes): forgets messages last tried before
   * `date` (parked ones, and ones whose forgetting failed). Returns how many.
   */
  purgeBefore(date: Date): Promise<number>;
}
