import type { Model } from 'mongoose';
import type { Channel } from '../../domain/application.js';
import type { ErasedHandoffs } from '../../ports/handoff-repository.js';
import type { FieldCipher } from '../../ports/field-cipher.js';
import { chatKeysOf } from './handoff-mapper.js';
import type { HandoffRecord } from './handoff-model.js';
import { ERASED_CHAT } from './mongo-retention-store.js';
import { mutate } from './write-lock.js';
import type { WriteLockRecord } from './write-lock-model.js';

/**
 * Clears the closed tickets of one chat (a citizen's approved deletion request): transcript,
 * notes and display name go, and the chat id is replaced so the ticket, and the satisfaction
 * answer keyed by it, no longer lead to the citizen. Open tickets are left alone: an officer is
 * still talking to the citizen there. Each ticket goes through the write lock like every handoff
 * write, so a delivery update racing it finds no line rather than writing one back. Answers the
 * files the transcripts carried, to delete.
 */
export async function eraseClosedHandoffsOfChat(
  model: Model<HandoffRecord>,
  locks: Model<WriteLockRecord>,
  cipher: FieldCipher,
  channel: Channel,
  chatId: string,
): Promise<ErasedHandoffs> {
  const keys = chatKeysOf(cipher, String(channel), String(chatId));
  const rows = await model
    .find({ chatKey: { $in: keys }, status: 'closed' })
    .lean<HandoffRecord[]>()
    .exec();
  const erased: ErasedHandoffs = { ticketIds: [], documentIds: [] };
  for (const row of rows) {
    const res = await mutate(locks, model, row._id, (current) =>
      current.status === 'closed' && current.chatKey !== undefined && keys.includes(current.chatKey)
        ? {
            $set: { transcript: [], notes: [], chatId: ERASED_CHAT },
            $unset: { citizenName: '', chatKey: '' },
          }
        : undefined,
    );
    if (!res.updated) continue;
    erased.ticketIds.push(row._id.toHexString());
    // The files of the transcript as it was just before the erasure.
    for (const line of row.transcript)
      if (line.attachment) erased.documentIds.push(line.attachment.documentId);
  }
  return erased;
}
