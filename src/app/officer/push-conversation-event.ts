import type { ChatAddress } from '../../domain/application.js';
import type { SystemEvent } from '../../dialogue/types.js';
import type { OutboxOrigin } from '../../ports/outbox.js';

/** What a push may name: whom the final outcome of its last message is reported to. */
export interface PushOptions {
  origin?: OutboxOrigin;
  /**
   * The turn's message id, when the push must be idempotent (a job that may run it twice): its
   * replies' outbox keys derive from it, so the citizen hears it once. A fresh one otherwise.
   */
  messageId?: string;
}

/**
 * Runs the citizen's conversation engine with an event (officer joined, officer message,
 * handoff closed, revision requested) and sends the replies to the citizen's channel through
 * the outbound path. Provided
 * by the composition root; officer use cases only know this function.
 */
export type PushConversationEvent = (
  address: ChatAddress,
  event: SystemEvent,
  options?: PushOptions,
) => Promise<void>;

/**
 * What a push throws when the channel did not take the replies: the channel's classification
 * and its own words, so an officer's reply can show why it failed.
 */
export class NotDeliveredError extends Error {
  override readonly name = 'NotDeliveredError';
  constructor(
    readonly reason: 'unreachable' | 'retry' | 'failed',
    readonly detail: string,
  ) {
    super(`not delivered: ${reason}`);
  }
}
