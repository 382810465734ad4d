import type { ChatAddress } from '../../domain/application.js';
import type { SystemEvent } from '../../dialogue/types.js';

/**
 * Runs the citizen's conversation engine with an event (officer joined, officer message,
 * handoff closed, revision requested) and sends the replies to the citizen's channel. Provided
 * by the composition root; officer use cases only know this function.
 */
export type PushConversationEvent = (address: ChatAddress, event: SystemEvent) => Promise<void>;
