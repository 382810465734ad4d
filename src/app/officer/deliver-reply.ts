import type { SystemEvent } from '../../dialogue/types.js';
import type { HandoffTicket, ReplyDelivery } from '../../ports/handoff-repository.js';
import type { HandoffDeps } from './handoff-deps.js';
import { NotDeliveredError } from './push-conversation-event.js';

/** Longest channel error kept on a line: enough to say why, never a whole response body. */
const MAX_ERROR_LENGTH = 200;

/**
 * Pushes an officer reply (transcript line `index`, recorded as `queued`) to the citizen and
 * records the outcome on the line: `sent` only when the channel accepted it, `failed` with the
 * channel's reason otherwise. Answers whether it was sent; never throws once the line exists,
 * since the reply is kept whatever happens to the send. The outbound path keeps retrying a reply
 * that failed for now and sets the line again when it ends (`settleReplyLine`).
 */
export async function deliverReply(
  deps: HandoffDeps,
  ticket: HandoffTicket,
  index: number,
  event: Extract<SystemEvent, { kind: 'officer_message' }>,
): Promise<boolean> {
  return deliverLine(deps, ticket, index, () =>
    deps.push({ channel: ticket.channel, chatId: ticket.chatId }, event, {
      origin: { handoffId: ticket.id, index },
    }),
  );
}

/**
 * Runs the first try of an officer's line on the outbound path (`send` resolves once it went,
 * throws NotDeliveredError when not) and records how it went on the line, over `queued`; the
 * line's outbox row names it as origin, so its final outcome is recorded there later. Answers
 * whether it was sent; never throws.
 */
export async function deliverLine(
  deps: Pick<HandoffDeps, 'handoffs' | 'now'>,
  ticket: Pick<HandoffTicket, 'id'>,
  index: number,
  send: () => Promise<void>,
): Promise<boolean> {
  let delivery: ReplyDelivery;
  try {
    await send();
    delivery = { state: 'sent', at: deps.now() };
  } catch (err) {
    delivery = { state: 'failed', at: deps.now(), ...failureOf(err) };
  }
  // Only over `queued`: a slower copy of this send must not undo a later retry's outcome.
  await deps.handoffs.setDelivery(ticket.id, index, delivery, ['queued']).catch(() => undefined);
  return delivery.state === 'sent';
}

/** Why a send failed, in the channel's words when it said; an internal error is not shown. */
function failureOf(err: unknown): Pick<ReplyDelivery, 'reason' | 'error'> {
  if (err instanceof NotDeliveredError) {
    return { reason: err.reason, error: err.detail.slice(0, MAX_ERROR_LENGTH) };
  }
  return { reason: 'retry', error: 'internal error' };
}

/**
 * Records the final outcome of an officer's reply (sent later by a retry, or failed for good) on
 * its transcript line: over `queued`, and over `failed` (the first try's), never over `sent`.
 */
export async function settleReplyLine(
  handoffs: HandoffDeps['handoffs'],
  origin: { handoffId: string; index: number },
  delivery: ReplyDelivery,
): Promise<void> {
  await handoffs.setDelivery(origin.handoffId, origin.index, delivery, ['queued', 'failed']);
}
