import type { Model } from 'mongoose';
import type { Channel } from '../../domain/application.js';
import type { ErasedHandoffs } from '../../ports/handoff-repository.js';
import type { HandoffRecord } from './handoff-model.js';

/** What a closed ticket's chat becomes once erased: no longer found by the chat, nor naming it. */
export const ERASED_CHAT = 'dihapus';

/**
 * Clears the closed tickets of one chat (a citizen's approved deletion request): transcript,
 * notes and display name go, and the chat id is replaced so the ticket, and the satisfaction
 * answer keyed by it, no longer lead to the citizen. Open tickets are left alone: an officer is
 * still talking to the citizen there. Answers the files the transcripts carried, to delete.
 */
export async function eraseClosedHandoffsOfChat(
  model: Model<HandoffRecord>,
  channel: Channel,
  chatId: string,
): Promise<ErasedHandoffs> {
  const rows = await model
    .find({ channel: String(channel), chatId: String(chatId), status: 'closed' })
    .lean<HandoffRecord[]>()
    .exec();
  if (rows.length === 0) return { ticketIds: [], documentIds: [] };
  const documentIds = rows.flatMap((r) => r.transcript.flatMap((l) => l.attachment?.documentId ?? []));
  await model
    .updateMany(
      { _id: { $in: rows.map((r) => r._id) }, status: 'closed' },
      { $set: { transcript: [], notes: [], chatId: ERASED_CHAT }, $unset: { citizenName: '' } },
    )
    .exec();
  return { ticketIds: rows.map((r) => r._id.toHexString()), documentIds };
}
