import type { HandoffRepository, HandoffTicket } from '../../ports/handoff-repository.js';
import type { OfficerActor } from './officer-actor.js';
import { isWithinOffice } from './scope.js';

/** What the live queue needs. */
export interface ListQueueDeps {
  handoffs: HandoffRepository;
}

/**
 * The waiting conversations an officer may take: in their office subtree or not routed to any
 * office yet ("every counter serves every customer"); complaints only for supervisors and admins.
 */
export async function listQueue(deps: ListQueueDeps, officer: OfficerActor): Promise<HandoffTicket[]> {
  const waiting = await deps.handoffs.listWaiting();
  return waiting.filter(
    (t) =>
      (t.officeId === undefined || isWithinOffice(t.officeId, officer.officeId)) &&
      (!t.priority || officer.role !== 'officer'),
  );
}

/** The conversations the officer holds: claimed by them, or transferred to them. */
export function listHeld(deps: ListQueueDeps, officer: OfficerActor): Promise<HandoffTicket[]> {
  return deps.handoffs.listClaimedBy(officer.id);
}
