import { OfficerActionError } from './errors.js';
import type { HandoffResult } from './claim-handoff.js';
import { auditHandoff, assertHolder, type HandoffDeps, ticketFor, tryPush } from './handoff-deps.js';
import type { OfficerActor } from './officer-actor.js';

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
  await auditHandoff(deps, officer, ticket, 'handoff.released', {
    before: { status: current.status, officerId: current.officerId ?? null },
    after: { status: ticket.status, officerId: ticket.officerId ?? null },
    data: { previousOfficerId: current.officerId ?? null },
  });
  const notified = await tryPush(deps, ticket, { kind: 'handoff_closed', byOfficer: true });
  return { ticket, notified };
}
