import type { SystemEvent } from '../../dialogue/types.js';
import { queueCounterHours } from '../counter-hours.js';
import { citizenOf, type EffectContext, type EffectDeps, type EffectOf } from './effect-deps.js';

/**
 * The citizen asked for an officer (or the bot gave up understanding them, or it is a complaint):
 * open a ticket in the officers' queue, or join the chat's open one, so a chat never waits twice.
 * The ticket starts with the bot conversation so far, marked as before the handoff, so the
 * officer sees what the citizen already asked. The engine tells the citizen their place in the
 * queue, whether the counter is open now, and whether any officer is available to answer.
 */
export async function openHandoff(
  deps: Pick<
    EffectDeps,
    | 'handoffs'
    | 'events'
    | 'holidays'
    | 'holidayStore'
    | 'officers'
    | 'offices'
    | 'queueOfficeId'
    | 'citizenActorId'
  >,
  effect: EffectOf<'open_handoff'>,
  { msg }: EffectContext,
): Promise<SystemEvent[]> {
  const existing = await deps.handoffs.findOpenByChat(msg.channel, msg.chatId);
  const ticket =
    existing ??
    (
      await deps.handoffs.open({
        channel: msg.channel,
        chatId: msg.chatId,
        ...(msg.sender?.name ? { citizenName: msg.sender.name } : {}),
        reason: effect.reason,
        priority: effect.priority,
        createdAt: msg.at,
        transcript: effect.history.map((l) => ({
          from: l.from,
          text: l.text,
          at: Number.isNaN(Date.parse(l.at)) ? msg.at : new Date(l.at),
          beforeHandoff: true as const,
        })),
      })
    ).ticket;
  await deps.events.append({
    type: 'handoff.opened',
    actor: citizenOf(deps, msg),
    at: msg.at,
    data: { ticketId: ticket.id, reason: effect.reason, priority: effect.priority },
  });
  const position = await deps.handoffs.position(ticket.id);
  // A new ticket is not routed to an office: every available officer may take it.
  const availableOfficers = await deps.officers.countAvailable();
  return [
    {
      kind: 'handoff_opened',
      position: position ?? 1,
      ...(await queueCounterHours(deps, msg.at, ticket.officeId)),
      availableOfficers,
    },
  ];
}
