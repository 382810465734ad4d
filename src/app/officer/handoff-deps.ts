import type { EventLog, NewEvent } from '../../ports/event-log.js';
import type { HandoffRepository, HandoffTicket } from '../../ports/handoff-repository.js';
import { OfficerActionError } from './errors.js';
import { actorOf, type OfficerActor } from './officer-actor.js';
import type { PushConversationEvent } from './push-conversation-event.js';
import { assertInScope } from './scope.js';

/** What every handoff use case needs. */
export interface HandoffDeps {
  handoffs: HandoffRepository;
  events: EventLog;
  push: PushConversationEvent;
  now: () => Date;
}

/**
 * Loads a ticket the officer may touch: in their office subtree, and complaints (priority
 * tickets, e.g. pungli reports) only for supervisors and admins, as the issue asks.
 */
export async function ticketFor(
  deps: Pick<HandoffDeps, 'handoffs'>,
  officer: OfficerActor,
  id: string,
): Promise<HandoffTicket> {
  const ticket = await deps.handoffs.get(id);
  if (!ticket)
    throw new OfficerActionError('not_found', 'Percakapan tidak ditemukan (conversation not found).');
  assertInScope(officer, ticket.officeId);
  if (ticket.priority && officer.role === 'officer') {
    throw new OfficerActionError(
      'forbidden',
      'Pengaduan hanya ditangani supervisor (complaints go to supervisors).',
    );
  }
  return ticket;
}

/** Refuses acting on a conversation another officer holds (supervisors and admins may take over). */
export function assertHolder(officer: OfficerActor, ticket: HandoffTicket): void {
  if (ticket.status === 'closed') {
    throw new OfficerActionError('conflict', 'Percakapan sudah ditutup (conversation closed).');
  }
  if (ticket.status === 'waiting') {
    throw new OfficerActionError('conflict', 'Ambil percakapan ini dulu (claim it first).');
  }
  if (ticket.officerId !== officer.id && officer.role === 'officer') {
    throw new OfficerActionError(
      'forbidden',
      'Percakapan ini sedang dilayani petugas lain (held by another officer).',
    );
  }
}

/** Tells the citizen's conversation; a failed push is reported, never thrown after the state changed. */
export async function tryPush(
  deps: HandoffDeps,
  ticket: HandoffTicket,
  event: Parameters<PushConversationEvent>[1],
): Promise<boolean> {
  try {
    await deps.push({ channel: ticket.channel, chatId: ticket.chatId }, event);
    return true;
  } catch {
    return false;
  }
}

/** What an officer's action on a conversation adds to its audit event. */
export type HandoffAudit = Pick<NewEvent, 'before' | 'after'> & {
  /** When it happened; now when not given. */
  at?: Date;
  /** Beside the ticket's id; never a message's text (the transcript keeps that). */
  data?: Record<string, unknown>;
};

/**
 * Audits an officer's action on a conversation: the officer, the time, and the ticket's office,
 * or the officer's own for a conversation not routed yet (it is audited where it was served).
 */
export async function auditHandoff(
  deps: Pick<HandoffDeps, 'events' | 'now'>,
  officer: OfficerActor,
  ticket: Pick<HandoffTicket, 'id' | 'officeId'>,
  type: string,
  audit: HandoffAudit = {},
): Promise<void> {
  await deps.events.append({
    type,
    actor: actorOf(officer),
    at: audit.at ?? deps.now(),
    officeId: ticket.officeId ?? officer.officeId,
    ...(audit.before ? { before: audit.before } : {}),
    ...(audit.after ? { after: audit.after } : {}),
    data: { handoffId: ticket.id, ...audit.data },
  });
}
