import type { HandoffTicket } from '../../ports/handoff-repository.js';
import { OfficerActionError } from './errors.js';
import { type HandoffDeps, ticketFor, tryPush } from './handoff-deps.js';
import { actorOf, type OfficerActor } from './officer-actor.js';

/** The claimed ticket and whether the citizen was told an officer joined. */
export interface HandoffResult {
  ticket: HandoffTicket;
  notified: boolean;
}

/**
 * Takes a waiting conversation for the officer. The repository's claim is atomic: of two
 * officers clicking at once exactly one gets it, the other a conflict. The citizen hears who joined.
 */
export async function claimHandoff(
  deps: HandoffDeps,
  officer: OfficerActor,
  id: string,
): Promise<HandoffResult> {
  await ticketFor(deps, officer, id);
  const at = deps.now();
  const ticket = await deps.handoffs.claim(id, officer.id, at);
  if (!ticket) {
    throw new OfficerActionError(
      'conflict',
      'Percakapan sudah diambil petugas lain atau ditutup (already taken).',
    );
  }
  await deps.events.append({
    type: 'handoff.claimed',
    actor: actorOf(officer),
    at,
    // An unrouted conversation is audited under the office of the officer who took it.
    officeId: ticket.officeId ?? officer.officeId,
    before: { status: 'waiting' },
    after: { status: ticket.status, officerId: officer.id },
    data: {
      handoffId: ticket.id,
      channel: ticket.channel,
      reason: ticket.reason,
      waitedMs: at.getTime() - ticket.createdAt.getTime(),
    },
  });
  const notified = await tryPush(deps, ticket, { kind: 'officer_joined', officerName: officer.displayName });
  return { ticket, notified };
}
