import type { HandoffRepository } from '../../ports/handoff-repository.js';
import { queueCounterHours, type QueueHoursDeps } from '../counter-hours.js';
import type { PushConversationEvent } from './push-conversation-event.js';

/** What the long-wait check needs. */
export interface LongWaitDeps extends QueueHoursDeps {
  handoffs: HandoffRepository;
  push: PushConversationEvent;
  now: () => Date;
  /** How long a citizen waits unclaimed before being told (HANDOFF_WAIT_NOTICE_MINUTES). */
  waitMs: number;
}

/**
 * Tells each citizen who has waited `waitMs` without an officer taking them that they are still
 * in the queue, their place, and when someone will answer; once per ticket, whichever process
 * gets there first. The ticket stays in the queue: nothing is dropped. Returns how many were told.
 */
export async function notifyLongWaits(deps: LongWaitDeps): Promise<number> {
  const now = deps.now();
  let told = 0;
  for (const ticket of await deps.handoffs.listWaiting()) {
    if (ticket.waitNoticeAt || now.getTime() - ticket.createdAt.getTime() < deps.waitMs) continue;
    const marked = await deps.handoffs.noteLongWait(ticket.id, now);
    if (!marked) continue;
    const position = (await deps.handoffs.position(ticket.id)) ?? 1;
    await deps.push(
      { channel: ticket.channel, chatId: ticket.chatId },
      {
        kind: 'handoff_waiting',
        position,
        waitedMinutes: Math.floor((now.getTime() - ticket.createdAt.getTime()) / 60_000),
        ...(await queueCounterHours(deps, now, ticket.officeId)),
      },
    );
    told++;
  }
  return told;
}
