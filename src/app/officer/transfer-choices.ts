import type { HandoffTicket } from '../../ports/handoff-repository.js';
import type { Office, OfficeRepository } from '../../ports/office-repository.js';
import type { OfficerRepository } from '../../ports/officer-repository.js';
import type { OfficerActor } from './officer-actor.js';
import { isWithinOffice } from './scope.js';

/** Who and where a conversation may be transferred to, for the transfer form's list. */
export interface TransferChoices {
  officers: Array<{ id: string; displayName: string; officeId: string }>;
  offices: Array<Pick<Office, 'id' | 'name'>>;
  /** Every officer's display name by id, so a transfer note can say to whom. */
  names: Record<string, string>;
}

/**
 * The same rules transferHandoff checks, applied ahead so the form only offers what will be
 * accepted: active officers in the officer's subtree who serve the ticket's office (supervisors
 * only, for a complaint), and every office in the subtree.
 */
export async function transferChoices(
  deps: { officers: Pick<OfficerRepository, 'list'>; offices: Pick<OfficeRepository, 'all'> },
  officer: OfficerActor,
  ticket: HandoffTicket,
): Promise<TransferChoices> {
  const offices = (await deps.offices.all()).filter((o) => isWithinOffice(o.id, officer.officeId));
  const everyone = await deps.officers.list();
  const officers = everyone.filter(
    (o) =>
      o.active &&
      o.id !== ticket.officerId &&
      isWithinOffice(o.officeId, officer.officeId) &&
      (ticket.officeId === undefined || isWithinOffice(ticket.officeId, o.officeId)) &&
      (!ticket.priority || o.role !== 'officer'),
  );
  return {
    officers: officers.map((o) => ({ id: o.id, displayName: o.displayName, officeId: o.officeId })),
    offices: offices.map((o) => ({ id: o.id, name: o.name })),
    names: Object.fromEntries(everyone.map((o) => [o.id, o.displayName])),
  };
}
