import type { SystemEvent } from '../../dialogue/types.js';
import type { EffectContext, EffectDeps, EffectOf } from './effect-deps.js';

/**
 * The citizen rated the conversation an officer just closed. The answer is stored with the
 * conversation, its officer and office only: no chat id or name, so the dashboard's index never
 * holds personal data. A ticket of another chat, one still open or one no officer served is
 * ignored: the state named it, but the state is only trusted as far as the ticket agrees.
 */
export async function recordSatisfaction(
  deps: Pick<EffectDeps, 'handoffs' | 'officers' | 'satisfaction' | 'logger'>,
  effect: EffectOf<'record_satisfaction'>,
  { msg }: EffectContext,
): Promise<SystemEvent[]> {
  const ticket = await deps.handoffs.get(effect.ticketId);
  const ours = ticket?.channel === msg.channel && ticket.chatId === msg.chatId;
  if (!ticket || !ours || ticket.status !== 'closed' || !ticket.officerId) {
    deps.logger.warn(
      { ticketId: effect.ticketId },
      'satisfaction answer for a conversation it cannot be about',
    );
    return [];
  }
  // An unrouted conversation counts for the office of the officer who served it, as its audit does.
  const officeId = ticket.officeId ?? (await deps.officers.findById(ticket.officerId))?.officeId;
  if (!officeId) {
    deps.logger.warn({ ticketId: ticket.id }, 'satisfaction answer for an officer no longer known');
    return [];
  }
  await deps.satisfaction.record({
    ticketId: ticket.id,
    officerId: ticket.officerId,
    officeId,
    score: effect.score,
    ...(effect.comment ? { comment: effect.comment } : {}),
    answeredAt: msg.at,
  });
  return [];
}
