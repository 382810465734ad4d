import { Schema, type Connection, type Model } from 'mongoose';
import type { StatusProofAttempts, WrongProof, WrongProofCounts } from '../../ports/status-proof-attempts.js';
import { modelOn } from './mongo-utils.js';

/**
 * How long a wrong answer is kept: longer than any limit window, short because the row names a
 * chat (personal data) and is worth nothing once the window has passed.
 */
const KEPT_SECONDS = 24 * 60 * 60;

const schema = new Schema<WrongProof>(
  {
    chat: { type: String, required: true },
    trackingNumber: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ chat: 1, at: 1 });
schema.index({ trackingNumber: 1, at: 1 });

/** The `status_proof_failures` collection: one row per wrong answer, pruned after a day. */
export function statusProofModel(conn: Connection): Model<WrongProof> {
  return modelOn(conn, 'StatusProofFailure', schema, 'status_proof_failures');
}

/** StatusProofAttempts on MongoDB/FerretDB: rows counted per chat and per number. */
export class MongoStatusProofAttempts implements StatusProofAttempts {
  constructor(private readonly model: Model<WrongProof>) {}

  async countWrong(chat: string, trackingNumber: string, since: Date): Promise<WrongProofCounts> {
    const [byChat, byNumber] = await Promise.all([
      this.model.countDocuments({ chat, at: { $gte: since } }),
      this.model.countDocuments({ trackingNumber, at: { $gte: since } }),
    ]);
    return { byChat, byNumber };
  }

  async recordWrong(attempt: WrongProof): Promise<void> {
    await this.model.create({ chat: attempt.chat, trackingNumber: attempt.trackingNumber, at: attempt.at });
    // No TTL index (FerretDB has none): each write prunes the rows older than a day.
    await this.model.deleteMany({ at: { $lt: new Date(attempt.at.getTime() - KEPT_SECONDS * 1000) } });
  }
}
