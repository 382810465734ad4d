import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { CHANNELS } from '../../domain/application.js';
import { modelOn } from './mongo-utils.js';

/** A notification as stored. */
export interface OutboxRecord {
  _id: Types.ObjectId;
  key: string;
  channel: string;
  chatId: string;
  payload: { text: string };
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'unreachable';
  attempts: number;
  nextAttemptAt: Date;
  leaseUntil?: Date;
  workerId?: string;
  lastError?: string;
  createdAt: Date;
  version: number;
}

const schema = new Schema<OutboxRecord>(
  {
    key: { type: String, required: true },
    channel: { type: String, enum: CHANNELS, required: true },
    chatId: { type: String, required: true },
    payload: { type: new Schema({ text: { type: String, required: true } }, { _id: false }), required: true },
    status: { type: String, enum: ['pending', 'sending', 'sent', 'failed', 'unreachable'], required: true },
    attempts: { type: Number, required: true },
    nextAttemptAt: { type: Date, required: true },
    leaseUntil: Date,
    workerId: String,
    lastError: String,
    createdAt: { type: Date, required: true },
    version: { type: Number, required: true },
  },
  { versionKey: false },
);

// The idempotency key: the same notification enqueued twice is one row.
schema.index({ key: 1 }, { unique: true });
schema.index({ status: 1, nextAttemptAt: 1 });
schema.index({ status: 1, leaseUntil: 1 });

/** The `outbox` collection. */
export function outboxModel(conn: Connection): Model<OutboxRecord> {
  return modelOn(conn, 'Outbox', schema, 'outbox');
}
