import type { Channel } from '../domain/application.js';

/**
 * What a claim on an inbound message answered: `claimed` (process it now), `done` (handled
 * before: a redelivery, ignore it), `busy` (another process holds a live lease on it).
 */
export type ClaimResult = 'claimed' | 'done' | 'busy';

/**
 * Idempotency of inbound messages: Telegram and WhatsApp redeliver, and several processes may
 * receive the same update; each message is handled once. A message counts as done once its turn
 * saved the conversation with its id (`ConversationStore.write`): there is no separate completion.
 */
export interface InboundLog {
  /**
   * The first claim wins. A claim whose lease lapsed (its process crashed) is taken over by
   * exactly one later claimer. `chatId` is the message's chat: whether its turn was saved is
   * looked up among that chat's conversation versions.
   */
  claim(
    channel: Channel,
    messageId: string,
    leaseMs: number,
    now: Date,
    chatId: string,
  ): Promise<ClaimResult>;
  /**
   * Processing failed: a retry may claim again at once. With `claimedAt` (the `now` the claim
   * was made with) only that claim is released, never one another process took over since.
   */
  release(channel: Channel, messageId: string, claimedAt?: Date): Promise<void>;
  /**
   * The TTL-style clean-up, run periodically (FerretDB has no TTL indexes): forgets messages
   * completed before `date` and claims abandoned (lease lapsed) before it. Returns how many.
   */
  purgeCompletedBefore(date: Date): Promise<number>;
}
