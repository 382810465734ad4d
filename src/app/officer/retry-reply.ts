import type { HandoffResult } from './claim-handoff.js';
import { deliverReply } from './deliver-reply.js';
import { OfficerActionError } from './errors.js';
import { auditHandoff, assertHolder, type HandoffDeps, ticketFor } from './handoff-deps.js';
import { deliverFileLine, fileKey, type HandoffFileSettings } from './handoff-files.js';
import type { OfficerActor } from './officer-actor.js';

/**
 * Sends a failed officer reply (transcript line `index`) again, as the officer who holds the
 * conversation: its text, or for a file line its file (a new outbox row, as the officer asked
 * again). The line goes from `failed` to `queued` atomically, so of two presses at once exactly
 * one sends; the retry is audited, then the outcome recorded on the line as for a reply.
 */
export async function retryReply(
  deps: HandoffDeps & { handoffFiles?: Pick<HandoffFileSettings, 'outbound'> | undefined },
  officer: OfficerActor,
  id: string,
  index: number,
): Promise<HandoffResult> {
  const current = await ticketFor(deps, officer, id);
  assertHolder(officer, current);
  const line = current.transcript[index];
  if (!line || line.from !== 'officer') {
    throw new OfficerActionError('not_found', 'Pesan tidak ditemukan (message not found).');
  }
  const files = deps.handoffFiles;
  if (line.attachment && !files)
    throw new OfficerActionError('not_found', 'Pengiriman berkas tidak aktif (file sending is off).');
  const at = deps.now();
  const ticket = await deps.handoffs.setDelivery(id, index, { state: 'queued', at }, ['failed']);
  if (!ticket) {
    throw new OfficerActionError(
      'conflict',
      'Pesan ini tidak sedang gagal terkirim (only a failed message can be sent again).',
    );
  }
  await auditHandoff(deps, officer, ticket, 'handoff.reply_retried', {
    at,
    before: { delivery: 'failed', reason: line.delivery?.reason },
    after: { delivery: 'queued' },
    data: { line: index },
  });
  const notified =
    line.attachment && files
      ? await deliverFileLine({ ...deps, files }, ticket, index, line.attachment, fileKey(id, index, at))
      : await deliverReply(deps, ticket, index, {
          kind: 'officer_message',
          text: line.text,
          officerName: officer.displayName,
        });
  return { ticket, notified };
}
