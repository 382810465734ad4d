import { OfficerActionError } from './errors.js';
import type { HandoffResult } from './claim-handoff.js';
import { auditHandoff, assertHolder, type HandoffDeps, ticketFor, tryPush } from './handoff-deps.js';
import type { OfficerActor } from './officer-actor.js';

/**
 * Gives the citizen back to the bot with their application draft intact: the ticket ends (as
 * `handed_back`, counted apart from the close resolutions) and the citizen's conversation leaves
 * handoff mode and asks the step they were on again.
 */
export async function handBackHandoff(
  deps: HandoffDeps,
  officer: OfficerActor,
  id: string,
): Promise<HandoffResult> {
  const current = await ticketFor(deps, officer, id);
  assertHolder(officer, current);
  const at = deps.now();
  const ticket = await deps.handoffs.close(id, at, 'handed_back');
  if (!ticket) throw new OfficerActionError('conflict', 'Percakapan sudah ditutup (conversation closed).');
  await auditHandoff(deps, officer, ticket, 'handoff.handed_back', {
    at,
    before: { status: current.status, officerId: current.officerId ?? null },
    after: { status: ticket.status, officerId: ticket.officerId ?? null },
    data: { resolution: 'handed_back' },
  });
  const notified = await tryPush(deps, ticket, { kind: 'handed_back', officerName: officer.displayName });
  return { ticket, notified };
}
