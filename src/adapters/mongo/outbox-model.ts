import { Schema, type Connection, type Model } from 'mongoose';
import { CHANNELS } from '../../domain/application.js';
import { modelOn } from './mongo-utils.js';

/** An outbound message as stored; `_id` is its deterministic key. */
export interface OutboxRecord {
  _id: string;
  channel: string;
  chatId: string;
  /**
   * The reply as a JSON string, sealed by the field cipher: it holds citizen-facing text and menu
   * options (names, echoed answers), which nothing queries, and FerretDB spends CPU on every
   * stored array element at each read and write. A file row keeps here, the same way, the file it
   * names (`{ kind: 'file', file }`), never its bytes.
   */
  reply: string;
  order: number;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'unreachable';
  attempts: number;
  nextAttemptAt: Date;
  /** The last delivery error, scrubbed of digit runs (mongo-outbox.ts `scrubError`). */
  lastError?: string;
  origin?: { handoffId: string; index: number };
  createdAt: Date;
  sentAt?: Date;
  /** The channel's message ids (Cloud API wamids): its receipts find the row by them. */
  providerIds?: string[];
  /** The furthest receipt; `rank` orders them (sent 1, failed 2, delivered 3, read 4). */
  receipt?: { state: string; at: Date; rank: number; code?: number; title?: string };
}

const schema = new Schema<OutboxRecord>(
  {
    _id: { type: String, required: true },
    channel: { type: String, enum: CHANNELS, required: true },
    chatId: { type: String, required: true },
    reply: { type: String, required: true },
    order: { type: Number, required: true },
    status: { type: String, enum: ['pending', 'sending', 'sent', 'failed', 'unreachable'], required: true },
    attempts: { type: Number, required: true },
    nextAttemptAt: { type: Date, required: true },
    lastError: String,
    origin: { type: new Schema({ handoffId: String, index: Number }, { _id: false }), required: false },
    createdAt: { type: Date, required: true },
    sentAt: Date,
    providerIds: { type: [String], default: undefined },
    receipt: {
      type: new Schema(
        { state: String, at: Date, rank: Number, code: Number, title: String },
        { _id: false },
      ),
      required: false,
    },
  },
  { versionKey: false },
);

// What is due (the worker's pass), and one chat's unsent rows in order (its lane).
schema.index({ status: 1, nextAttemptAt: 1 });
schema.index({ channel: 1, chatId: 1, order: 1 });
// A delivery receipt names the channel's message id.
schema.index({ providerIds: 1 });

/** The `outbox` collection. */
export function outboxModel(conn: Connection): Model<OutboxRecord> {
  return modelOn(conn, 'Outbox', schema, 'outbox');
}
