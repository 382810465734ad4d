import type { Channel } from '../../domain/application.js';
import type { ConversationStore, TurnOutbound } from '../../ports/conversation-store.js';
import { outboxOrder, type NewOutboxItem } from '../../ports/outbox.js';
import type { Outbound } from './outbound.js';

/**
 * The outbox rows of a turn's messages. Keys name the chat and the message whose turn decided
 * them (unique for good, unlike a version number, which starts again when a conversation is
 * forgotten), so recording them again after a crash adds nothing.
 */
export function turnRows(
  channel: Channel,
  chatId: string,
  messageId: string,
  outbound: TurnOutbound,
): NewOutboxItem[] {
  const last = outbound.replies.length - 1;
  return outbound.replies.map((reply, i) => ({
    key: `turn:${channel}:${chatId}:${messageId}:${i}`,
    channel,
    chatId,
    reply,
    order: outboxOrder(outbound.at, i),
    createdAt: outbound.at,
    ...(i === last && outbound.origin ? { origin: outbound.origin } : {}),
  }));
}

/**
 * How far back the reconciler looks for turns whose messages may not be recorded: a periodic run
 * (another process died recently), and the run at start-up (this deployment was down a while).
 */
export const RECONCILE_WINDOW_MS = 30 * 60_000;
export const RECONCILE_AT_START_MS = 24 * 3_600_000;

/**
 * Records the messages of recent turns that a process saved but did not get into the outbox
 * (it died, or the database failed, between the two writes) and sends them. Answers how many
 * rows were new.
 */
export async function reconcileTurns(
  deps: { conversations: Pick<ConversationStore, 'listOutbound'>; outbound: Outbound; now: () => Date },
  windowMs = RECONCILE_WINDOW_MS,
  limit = 5_000,
): Promise<number> {
  const since = new Date(deps.now().getTime() - windowMs);
  const versions = await deps.conversations.listOutbound(since, limit);
  let created = 0;
  for (const v of versions)
    created += await deps.outbound.record(turnRows(v.channel, v.chatId, v.messageId, v.outbound));
  if (created > 0) await deps.outbound.pass();
  return created;
}
