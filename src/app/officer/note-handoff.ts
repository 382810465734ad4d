import { maskNik } from '../../domain/nik.js';
import type { HandoffTicket, InternalNote } from '../../ports/handoff-repository.js';
import { OfficerActionError } from './errors.js';
import { auditHandoff, assertHolder, type HandoffDeps, ticketFor } from './handoff-deps.js';
import type { OfficerActor } from './officer-actor.js';

/** Longest internal note: a few sentences for a colleague, not a document. */
export const MAX_NOTE_LENGTH = 1000;

/**
 * The note as kept: trimmed, and any NIK-length digit run masked, because notes are read by
 * every officer in scope and a full NIK must never be stored outside the application.
 */
export function cleanNote(text: string): string {
  return text.trim().replace(/\d{16}/g, (nik) => maskNik(nik));
}

/** Refuses an empty or overlong note, naming the field the console and API show. */
export function checkNote(text: string, field = 'text'): string {
  const body = cleanNote(text);
  if (!body || body.length > MAX_NOTE_LENGTH) {
    throw new OfficerActionError('invalid', 'Catatan kosong atau terlalu panjang (empty or too long).', {
      [field]: `Tulis 1 sampai ${MAX_NOTE_LENGTH} karakter.`,
    });
  }
  return body;
}

/** A note written now by `officer`. */
export function noteBy(officer: OfficerActor, text: string, at: Date): InternalNote {
  return { officerId: officer.id, officerName: officer.displayName, text, at };
}

/**
 * Leaves an officers-only note on a claimed conversation (what was checked, what to do next):
 * the citizen never sees it. Like a reply, only its holder (or a supervisor) writes one; whoever
 * takes it over reads them.
 */
export async function noteHandoff(
  deps: HandoffDeps,
  officer: OfficerActor,
  id: string,
  text: string,
): Promise<HandoffTicket> {
  const body = checkNote(text);
  assertHolder(officer, await ticketFor(deps, officer, id));
  const at = deps.now();
  const ticket = await deps.handoffs.addNote(id, noteBy(officer, body, at));
  if (!ticket) throw new OfficerActionError('conflict', 'Percakapan sudah ditutup (conversation closed).');
  await auditHandoff(deps, officer, ticket, 'handoff.noted', {
    at,
    // The text stays on the ticket only: the audit log must not copy personal data around.
    data: { length: body.length },
  });
  return ticket;
}
