import { OfficerActionError } from './errors.js';
import type { HandoffResult } from './claim-handoff.js';
import { deliverReply } from './deliver-reply.js';
import { auditHandoff, assertHolder, type HandoffDeps, ticketFor } from './handoff-deps.js';
import type { OfficerActor } from './officer-actor.js';

/** Longest officer message: Telegram's limit is 4096, WhatsApp's larger; stay below both. */
export const MAX_REPLY_LENGTH = 4000;

/**
 * Sends an officer's message to the citizen holding the conversation: kept in the transcript
 * first (so nothing said is lost), then relayed through the citizen's conversation; the line
 * shows its delivery (queued, then sent or failed).
 */
export async function replyHandoff(
  deps: HandoffDeps,
  officer: OfficerActor,
  id: string,
  text: string,
): Promise<HandoffResult> {
  const body = text.trim();
  if (!body || body.length > MAX_REPLY_LENGTH) {
    throw new OfficerActionError('invalid', 'Pesan kosong atau terlalu panjang (empty or too long).', {
      text: `Tulis 1 sampai ${MAX_REPLY_LENGTH} karakter.`,
    });
  }
  assertHolder(officer, await ticketFor(deps, officer, id));
  const at = deps.now();
  const added = await deps.handoffs.appendLine(id, {
    from: 'officer',
    text: body,
    at,
    delivery: { state: 'queued', at },
  });
  if (!added) throw new OfficerActionError('conflict', 'Percakapan sudah ditutup (conversation closed).');
  const { ticket, index } = added;
  await auditHandoff(deps, officer, ticket, 'handoff.replied', {
    at,
    // The text stays in the transcript only: the audit log must not copy personal data around.
    data: { length: body.length },
  });
  const notified = await deliverReply(deps, ticket, index, {
    kind: 'officer_message',
    text: body,
    officerName: officer.displayName,
  });
  return { ticket, notified };
}
