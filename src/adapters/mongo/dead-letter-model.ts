import { Schema, type Connection, type Model } from 'mongoose';
import { modelOn } from './mongo-utils.js';

/** A parked message as stored; `_id` is `<channel>:<messageId>`, so parking twice keeps one. */
export interface DeadLetterRecord {
  _id: string;
  channel: string;
  messageId: string;
  chatId?: string;
  kind: string;
  error: string;
  attempts: number;
  parkedAt: Date;
  notifiedAt?: Date;
}

const schema = new Schema<DeadLetterRecord>(
  {
    _id: { type: String, required: true },
    channel: { type: String, required: true },
    messageId: { type: String, required: true },
    chatId: String,
    kind: { type: String, required: true },
    error: { type: String, required: true },
    attempts: { type: Number, required: true },
    parkedAt: { type: Date, required: true },
    notifiedAt: Date,
  },
  { versionKey: false },
);

schema.index({ parkedAt: -1 });

/** The `dead_letters` collection. */
export function deadLetterModel(conn: Connection): Model<DeadLetterRecord> {
  return modelOn(conn, 'DeadLetter', schema, 'dead_letters');
}
