import { OfficerActionError } from './errors.js';
import type { HandoffResult } from './claim-handoff.js';
import { type HandoffDeps, ticketFor, tryPush } from './handoff-deps.js';
import { actorOf, type OfficerActor } from './officer-actor.js';

/**
 * Ends a conversation (answered, or nothing more to do). A waiting ticket may be closed too (a
 * spam or duplicate request); a claimed one only by its officer or a supervisor.
 */
export async function closeHandoff(
  deps: HandoffDeps,
  officer: OfficerActor,
  id: string,
): Promise<HandoffResult> {
  const current = await ticketFor(deps, officer, id);
  if (current.status === 'claimed' && current.officerId !== officer.id && officer.role === 'officer') {
    throw new OfficerActionError(
      'forbidden',
      'Percakapan ini sedang dilayani petugas lain (held by another officer).',
    );
  }
  const at = deps.now();
  const ticket = await deps.handoffs.close(id, at);
  if (!ticket) throw new OfficerActionError('conflict', 'Percakapan sudah ditutup (conversation closed).');
  await deps.events.append({
    type: 'handoff.closed',
    actor: actorOf(officer),
    at,
    officeId: ticket.officeId ?? officer.officeId,
    before: { status: current.status, officerId: current.officerId ?? null },
    after: { status: ticket.status, officerId: ticket.officerId ?? null },
    data: { handoffId: ticket.id, wasStatus: current.status },
  });
  // A conversation an officer served ends with the satisfaction question about it.
  const notified = await tryPush(deps, ticket, {
    kind: 'handoff_closed',
    byOfficer: true,
    ...(ticket.officerId ? { ticketId: ticket.id } : {}),
  });
  return { ticket, notified };
}
