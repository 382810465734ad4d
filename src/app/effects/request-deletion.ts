import type { SystemEvent } from '../../dialogue/types.js';
import { inProgress } from '../privacy/chat-data.js';
import { citizenOf, type EffectContext, type EffectDeps, type EffectOf } from './effect-deps.js';

/** UU 27/2022: a data subject's request is answered within three times twenty-four hours. */
export const DELETION_DUE_HOURS = 72;

/**
 * "hapus data saya", confirmed: stores the request for a supervisor to decide, due 72 hours
 * later; a chat with one pending is told its deadline instead of opening another. The
 * applications still in progress are named: processing them needs their data. Audited without
 * personal data.
 */
export async function requestDeletion(
  deps: Pick<EffectDeps, 'applications' | 'deletionRequests' | 'events' | 'citizenActorId'>,
  _effect: EffectOf<'request_deletion'>,
  { msg }: EffectContext,
): Promise<SystemEvent[]> {
  const chat = { channel: msg.channel, chatId: msg.chatId };
  const { request, created } = await deps.deletionRequests.open({
    ...chat,
    createdAt: msg.at,
    dueAt: new Date(msg.at.getTime() + DELETION_DUE_HOURS * 3_600_000),
  });
  const kept = inProgress(await deps.applications.listByContact(chat)).map((a) => a.trackingNumber);
  if (created) {
    await deps.events.append({
      type: 'privacy.deletion_requested',
      actor: citizenOf(deps, msg),
      at: msg.at,
      data: { requestId: request.id, dueAt: request.dueAt.toISOString(), inProgress: kept.length },
    });
  }
  return [
    { kind: 'deletion_requested', dueAt: request.dueAt.toISOString(), already: !created, inProgress: kept },
  ];
}
