import type { Model } from 'mongoose';
import type { Channel } from '../../domain/application.js';
import type { ErasableHandoff } from '../../ports/handoff-repository.js';
import type { FieldCipher } from '../../ports/field-cipher.js';
import { chatKeysOf } from './handoff-mapper.js';
import type { HandoffRecord } from './handoff-model.js';
import { toObjectId } from './mongo-utils.js';
import { mutate } from './write-lock.js';
import type { WriteLockRecord } from './write-lock-model.js';

/** What an erased handoff's chat id becomes: no phone number, and no chat's tickets match it. */
export const ERASED_CHAT = '[dihapus]';

/** A handoff as the erasure reads it: its marks, never its text. */
export type HandoffHead = Pick<HandoffRecord, '_id' | 'closedAt' | 'officeId'> & {
  transcript: Array<{ attachment?: { documentId: string } }>;
};

/** The fields `HandoffHead` reads: whoever lists handoffs to erase reads no sealed text. */
export const HANDOFF_HEAD = { _id: 1, closedAt: 1, officeId: 1, 'transcript.attachment.documentId': 1 };

/** Closed and not erased yet: what every listing of handoffs to erase asks first. */
export const ERASABLE = { status: 'closed', erasedAt: { $exists: false } } as const;

/** A listed handoff as the erasure's port gives it. */
export function toErasable(r: HandoffHead): ErasableHandoff {
  return {
    id: r._id.toHexString(),
    closedAt: r.closedAt!,
    ...(r.officeId ? { officeId: r.officeId } : {}),
    documentIds: r.transcript.flatMap((l) => (l.attachment ? [l.attachment.documentId] : [])),
    lines: r.transcript.length,
  };
}

/**
 * The chat's closed tickets not erased yet: found by the chat's keys, or by the plain chat of a
 * ticket stored before sealing (as `listByChat` finds them), so a deletion request misses none.
 */
export async function listErasableOfChat(
  model: Model<HandoffRecord>,
  cipher: FieldCipher,
  channel: Channel,
  chatId: string,
): Promise<ErasableHandoff[]> {
  const rows = await model
    .find({
      ...ERASABLE,
      $or: [
        { chatKey: { $in: chatKeysOf(cipher, String(channel), String(chatId)) } },
        { channel: String(channel), chatId: String(chatId) },
      ],
    })
    .select(HANDOFF_HEAD)
    .sort({ closedAt: 1 })
    .lean<HandoffHead[]>()
    .exec();
  return rows.map(toErasable);
}

/**
 * The one erasure of a closed ticket (retention and a deletion request alike): transcript, notes
 * and display name go, and the chat id and its key are replaced so the ticket, and the
 * satisfaction answer keyed by it, no longer lead to the citizen; `erasedAt` says when. Under the
 * write lock like every handoff write, so a delivery update racing it finds no line rather than
 * writing one back. False when it is not closed or already erased.
 */
export async function eraseClosedHandoff(
  model: Model<HandoffRecord>,
  locks: Model<WriteLockRecord>,
  id: string,
  at: Date,
): Promise<boolean> {
  const oid = toObjectId(id);
  if (!oid) return false;
  const res = await mutate(locks, model, oid, (current) =>
    current.status === 'closed' && !current.erasedAt
      ? {
          $set: { transcript: [], chatId: ERASED_CHAT, erasedAt: at },
          $unset: { citizenName: '', notes: '', chatKey: '' },
        }
      : undefined,
  );
  return res.updated;
}
