import { CLOSE_RESOLUTIONS, type CloseResolution } from '../../ports/handoff-repository.js';
import { OfficerActionError } from './errors.js';
import type { HandoffResult } from './claim-handoff.js';
import { auditHandoff, type HandoffDeps, ticketFor, tryPush } from './handoff-deps.js';
import type { OfficerActor } from './officer-actor.js';

/** Whether a form or API value is one of the close choices. */
export function isCloseResolution(value: unknown): value is CloseResolution {
  return typeof value === 'string' && (CLOSE_RESOLUTIONS as readonly string[]).includes(value);
}

/**
 * Ends a conversation with what came of it (answered, application filed, referred elsewhere, no
 * response): a required choice, kept on the ticket and in the audit event so the dashboard can
 * count outcomes. A waiting ticket may be closed too (a spam or duplicate request); a claimed one
 * only by its officer or a supervisor.
 */
export async function closeHandoff(
  deps: HandoffDeps,
  officer: OfficerActor,
  id: string,
  resolution: unknown,
): Promise<HandoffResult> {
  if (!isCloseResolution(resolution)) {
    throw new OfficerActionError('invalid', 'Pilih hasil percakapan (choose a resolution).', {
      resolution: 'Pilih salah satu hasil percakapan.',
    });
  }
  const current = await ticketFor(deps, officer, id);
  if (current.status === 'claimed' && current.officerId !== officer.id && officer.role === 'officer') {
    throw new OfficerActionError(
      'forbidden',
      'Percakapan ini sedang dilayani petugas lain (held by another officer).',
    );
  }
  const at = deps.now();
  const ticket = await deps.handoffs.close(id, at, resolution);
  if (!ticket) throw new OfficerActionError('conflict', 'Percakapan sudah ditutup (conversation closed).');
  await auditHandoff(deps, officer, ticket, 'handoff.closed', {
    at,
    before: { status: current.status, officerId: current.officerId ?? null },
    after: { status: ticket.status, officerId: ticket.officerId ?? null },
    data: { wasStatus: current.status, resolution },
  });
  // A conversation an officer served ends with the satisfaction question about it.
  const notified = await tryPush(deps, ticket, {
    kind: 'handoff_closed',
    byOfficer: true,
    ...(ticket.officerId ? { ticketId: ticket.id } : {}),
  });
  return { ticket, notified };
}
