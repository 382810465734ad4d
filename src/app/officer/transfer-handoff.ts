import type { OfficeRepository } from '../../ports/office-repository.js';
import type { Officer, OfficerRepository } from '../../ports/officer-repository.js';
import type { HandoffTicket, TransferTarget } from '../../ports/handoff-repository.js';
import { OfficerActionError } from './errors.js';
import type { HandoffResult } from './claim-handoff.js';
import { auditHandoff, assertHolder, type HandoffDeps, ticketFor, tryPush } from './handoff-deps.js';
import { checkNote, noteBy } from './note-handoff.js';
import type { OfficerActor } from './officer-actor.js';
import { isWithinOffice } from './scope.js';

/** Transfers also look up the receiving officer or office. */
export interface TransferDeps extends HandoffDeps {
  officers: Pick<OfficerRepository, 'findById'>;
  offices: Pick<OfficeRepository, 'get'>;
}

/** Exactly one target, and why: the note the receiving officer reads first. */
export interface TransferRequest {
  toOfficerId?: string;
  toOfficeId?: string;
  note: string;
}

function refuse(field: string, message: string): never {
  throw new OfficerActionError('invalid', 'Tujuan pengalihan tidak valid (invalid transfer target).', {
    [field]: message,
  });
}

/**
 * The officer taking over: active, not the current holder, in the transferring officer's office
 * subtree, able to see the ticket's office, and a supervisor when the ticket is a complaint.
 */
async function receivingOfficer(
  deps: TransferDeps,
  officer: OfficerActor,
  ticket: HandoffTicket,
  id: string,
): Promise<Officer> {
  const to = await deps.officers.findById(id);
  if (!to || !to.active || !isWithinOffice(to.officeId, officer.officeId)) {
    refuse('toOfficerId', 'Pilih petugas aktif di wilayah Anda.');
  }
  if (to.id === ticket.officerId) refuse('toOfficerId', 'Petugas ini sudah memegang percakapan.');
  if (ticket.officeId !== undefined && !isWithinOffice(ticket.officeId, to.officeId)) {
    refuse('toOfficerId', 'Petugas ini tidak melayani kantor percakapan ini.');
  }
  if (ticket.priority && to.role === 'officer') {
    refuse('toOfficerId', 'Pengaduan hanya dapat dialihkan ke supervisor.');
  }
  return to;
}

async function targetOf(
  deps: TransferDeps,
  officer: OfficerActor,
  ticket: HandoffTicket,
  req: TransferRequest,
): Promise<{ target: TransferTarget; officer?: Officer }> {
  if (req.toOfficerId && req.toOfficeId) refuse('toOfficerId', 'Pilih petugas atau kantor, bukan keduanya.');
  if (req.toOfficerId) {
    const to = await receivingOfficer(deps, officer, ticket, req.toOfficerId);
    return { target: { toOfficerId: to.id }, officer: to };
  }
  if (req.toOfficeId) {
    const office = await deps.offices.get(req.toOfficeId);
    if (!office || !isWithinOffice(office.id, officer.officeId)) {
      refuse('toOfficeId', 'Pilih kantor di wilayah Anda.');
    }
    return { target: { toOfficeId: office.id } };
  }
  return refuse('toOfficerId', 'Pilih petugas atau kantor tujuan.');
}

/**
 * Passes a claimed conversation on, with a note: to another officer (it stays claimed, and the
 * citizen hears who joined) or to another office's queue (it waits there, in its old place by
 * age). Only the holder, or a supervisor, may transfer; targets stay within the office scope.
 */
export async function transferHandoff(
  deps: TransferDeps,
  officer: OfficerActor,
  id: string,
  req: TransferRequest,
): Promise<HandoffResult> {
  const text = checkNote(req.note, 'note');
  const current = await ticketFor(deps, officer, id);
  assertHolder(officer, current);
  const { target, officer: to } = await targetOf(deps, officer, current, req);
  const at = deps.now();
  const note = { ...noteBy(officer, text, at), transfer: target };
  const ticket = await deps.handoffs.transfer(
    id,
    target,
    note,
    officer.role === 'officer' ? officer.id : undefined,
  );
  if (!ticket)
    throw new OfficerActionError('conflict', 'Percakapan sudah berubah; muat ulang (changed meanwhile).');
  await auditHandoff(deps, officer, current, 'handoff.transferred', {
    at,
    // The note's text stays on the ticket only, like replies.
    before: {
      status: current.status,
      officerId: current.officerId ?? null,
      officeId: current.officeId ?? null,
    },
    after: { status: ticket.status, officerId: ticket.officerId ?? null, officeId: ticket.officeId ?? null },
    data: { ...target, noteLength: text.length },
  });
  const notified = to
    ? await tryPush(deps, ticket, { kind: 'officer_joined', officerName: to.displayName })
    : true;
  return { ticket, notified };
}
