import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { modelOn } from './mongo-utils.js';

/** A canned reply as stored. */
export interface CannedReplyRecord {
  _id: Types.ObjectId;
  officeId: string;
  text: string;
  /** Order within the office: the order the supervisor added them. */
  seq: number;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<CannedReplyRecord>(
  {
    officeId: { type: String, required: true },
    text: { type: String, required: true },
    seq: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

schema.index({ officeId: 1, seq: 1 });

/** The `canned_replies` collection. */
export function cannedReplyModel(conn: Connection): Model<CannedReplyRecord> {
  return modelOn(conn, 'CannedReply', schema, 'canned_replies');
}
