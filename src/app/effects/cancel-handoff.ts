import type { SystemEvent } from '../../dialogue/types.js';
import type { EffectContext, EffectDeps, EffectOf } from './effect-deps.js';

/** The citizen no longer wants an officer: their open ticket (if any) leaves the queue. */
export async function cancelHandoff(
  deps: Pick<EffectDeps, 'handoffs'>,
  _effect: EffectOf<'cancel_handoff'>,
  { msg }: EffectContext,
): Promise<SystemEvent[]> {
  const ticket = await deps.handoffs.findOpenByChat(msg.channel, msg.chatId);
  if (ticket) await deps.handoffs.close(ticket.id, msg.at);
  return [];
}
