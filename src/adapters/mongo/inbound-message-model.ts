import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { CHANNELS } from '../../domain/application.js';
import { modelOn } from './mongo-utils.js';

/** One inbound message id seen, and whether its handling finished. */
export interface InboundMessageRecord {
  _id: Types.ObjectId;
  channel: string;
  messageId: string;
  status: 'processing' | 'done';
  /** While processing: after this, the claimer is presumed dead and another may take over. */
  leaseUntil: Date;
  /** Claims so far (1 + takeovers), for the log when a message keeps crashing its handler. */
  attempts: number;
  claimedAt: Date;
  completedAt?: Date;
  version: number;
}

const schema = new Schema<InboundMessageRecord>(
  {
    channel: { type: String, enum: CHANNELS, required: true },
    messageId: { type: String, required: true },
    status: { type: String, enum: ['processing', 'done'], required: true },
    leaseUntil: { type: Date, required: true },
    attempts: { type: Number, required: true },
    claimedAt: { type: Date, required: true },
    completedAt: Date,
    version: { type: Number, required: true },
  },
  { versionKey: false },
);

// First claim wins by this index. No TTL index (FerretDB has none): see purgeCompletedBefore.
schema.index({ channel: 1, messageId: 1 }, { unique: true });
schema.index({ status: 1, completedAt: 1 });
schema.index({ status: 1, leaseUntil: 1 });

/** The `inbound_messages` collection. */
export function inboundMessageModel(conn: Connection): Model<InboundMessageRecord> {
  return modelOn(conn, 'InboundMessage', schema, 'inbound_messages');
}
