import { OfficerActionError } from './errors.js';
import type { HandoffResult } from './claim-handoff.js';
import { assertHolder, type HandoffDeps, ticketFor, tryPush } from './handoff-deps.js';
import { actorOf, type OfficerActor } from './officer-actor.js';

/**
 * Gives a conversation back: the ticket returns to the queue for another officer, and the
 * citizen's chat goes back to the bot until someone claims it again.
 */
export async function releaseHandoff(
  deps: HandoffDeps,
  officer: OfficerActor,
  id: string,
): Promise<HandoffResult> {
  const current = await ticketFor(deps, officer, id);
  assertHolder(officer, current);
  const ticket = await deps.handoffs.release(id, officer.role === 'officer' ? officer.id : undefined);
  if (!ticket)
    throw new OfficerActionError('conflict', 'Percakapan sudah berubah; muat ulang (changed meanwhile).');
  await deps.events.append({
    type: 'handoff.released',
    actor: actorOf(officer),
    at: deps.now(),
    officeId: ticket.officeId ?? officer.officeId,
    before: { status: current.status, officerId: current.officerId ?? null },
    after: { status: ticket.status, officerId: ticket.officerId ?? null },
    data: { handoffId: ticket.id, previousOfficerId: current.officerId ?? null },
  });
  const notified = await tryPush(deps, ticket, { kind: 'handoff_closed', byOfficer: true });
  return { ticket, notified };
}
