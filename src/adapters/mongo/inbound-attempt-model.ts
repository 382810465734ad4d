import { Schema, type Connection, type Model } from 'mongoose';
import { modelOn } from './mongo-utils.js';

/**
 * The tries at one inbound message. `_id` is a blind index of `<channel>:<messageId>` (a
 * WhatsApp message id encodes the sender's number), so each message has one row and no id is
 * kept in plain text.
 */
export interface InboundAttemptRecord {
  _id: string;
  channel: string;
  /** Tries begun, less those taken back (the database was away, or busy elsewhere). */
  attempts: number;
  firstAt: Date;
  lastAt: Date;
}

const schema = new Schema<InboundAttemptRecord>(
  {
    _id: { type: String, required: true },
    channel: { type: String, required: true },
    attempts: { type: Number, required: true },
    firstAt: { type: Date, required: true },
    lastAt: { type: Date, required: true },
  },
  { versionKey: false },
);

// No TTL index (FerretDB has none): see purgeBefore.
schema.index({ lastAt: 1 });

/** The `inbound_attempts` collection. */
export function inboundAttemptModel(conn: Connection): Model<InboundAttemptRecord> {
  return modelOn(conn, 'InboundAttempt', schema, 'inbound_attempts');
}
