import type { HandoffTicket } from '../../ports/handoff-repository.js';
import { OfficerActionError } from './errors.js';
import { auditHandoff, type HandoffDeps, ticketFor, tryPush } from './handoff-deps.js';
import type { OfficerActor } from './officer-actor.js';

/** The claimed ticket and whether the citizen was told an officer joined. */
export interface HandoffResult {
  ticket: HandoffTicket;
  notified: boolean;
}

/** Handoff deps plus the per-officer limit (HANDOFF_MAX_PER_OFFICER); absent, no limit. */
export type ClaimDeps = HandoffDeps & { handoffMaxPerOfficer?: number | undefined };

/**
 * Refuses a claim past the officer's limit, so one officer cannot hoard the queue while the
 * citizens they hold wait. Counted before the claim: two claims by the same officer in the same
 * instant may both pass, which overshoots by one at most per click and is acceptable for a cap
 * meant to spread work.
 */
async function assertBelowLimit(deps: ClaimDeps, officer: OfficerActor): Promise<void> {
  const max = deps.handoffMaxPerOfficer;
  if (max === undefined) return;
  const held = await deps.handoffs.countClaimedBy(officer.id);
  if (held >= max) {
    throw new OfficerActionError(
      'conflict',
      `Anda sudah melayani ${held} percakapan (batas ${max}). Tutup atau kembalikan salah satu ke antrean dulu (too many open conversations).`,
    );
  }
}

/**
 * Takes a waiting conversation for the officer. The repository's claim is atomic: of two
 * officers clicking at once exactly one gets it, the other a conflict. The citizen hears who joined.
 */
export async function claimHandoff(
  deps: ClaimDeps,
  officer: OfficerActor,
  id: string,
): Promise<HandoffResult> {
  await ticketFor(deps, officer, id);
  await assertBelowLimit(deps, officer);
  const at = deps.now();
  const ticket = await deps.handoffs.claim(id, officer.id, at);
  if (!ticket) {
    throw new OfficerActionError(
      'conflict',
      'Percakapan sudah diambil petugas lain atau ditutup (already taken).',
    );
  }
  await auditHandoff(deps, officer, ticket, 'handoff.claimed', {
    at,
    before: { status: 'waiting' },
    after: { status: ticket.status, officerId: officer.id },
    data: {
      channel: ticket.channel,
      reason: ticket.reason,
      waitedMs: at.getTime() - ticket.createdAt.getTime(),
    },
  });
  const notified = await tryPush(deps, ticket, { kind: 'officer_joined', officerName: officer.displayName });
  return { ticket, notified };
}
