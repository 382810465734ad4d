import { Schema, type Connection, type Model } from 'mongoose';
import { modelOn } from './mongo-utils.js';

/** A survey answer as stored; `_id` is the conversation (ticket) id: one answer per conversation. */
export interface SatisfactionRecord {
  _id: string;
  officerId: string;
  officeId: string;
  score: number;
  comment?: string;
  answeredAt: Date;
}

const schema = new Schema<SatisfactionRecord>(
  {
    _id: { type: String, required: true },
    officerId: { type: String, required: true },
    officeId: { type: String, required: true },
    score: { type: Number, required: true, min: 1, max: 4 },
    comment: String,
    answeredAt: { type: Date, required: true },
  },
  { versionKey: false },
);

schema.index({ answeredAt: -1 });

/** The `satisfaction_answers` collection. */
export function satisfactionModel(conn: Connection): Model<SatisfactionRecord> {
  return modelOn(conn, 'SatisfactionAnswer', schema, 'satisfaction_answers');
}
