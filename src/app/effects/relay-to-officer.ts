import type { SystemEvent } from '../../dialogue/types.js';
import type { EffectContext, EffectDeps, EffectOf } from './effect-deps.js';

/**
 * A citizen's message while an officer handles (or will handle) their chat: added to the ticket's
 * transcript, a file as its name. Nothing when the chat has no open ticket (an officer closed it
 * meanwhile). The bot stays quiet: the citizen hears nothing of it.
 */
export async function relayToOfficer(
  deps: Pick<EffectDeps, 'handoffs'>,
  effect: EffectOf<'relay_to_officer'>,
  { msg }: EffectContext,
): Promise<SystemEvent[]> {
  const ticket = await deps.handoffs.findOpenByChat(msg.channel, msg.chatId);
  if (ticket) {
    const text = effect.text ?? (effect.file ? `[berkas: ${effect.file.filename}]` : '');
    await deps.handoffs.appendMessage(ticket.id, { from: 'citizen', text, at: msg.at });
  }
  return [];
}
