import { Schema, type Connection, type Model } from 'mongoose';
import { CHANNELS, type Channel } from '../../domain/application.js';
import type { FieldCipher } from '../../ports/field-cipher.js';
import type { InboundQueue, NewQueuedInbound, QueuedInbound } from '../../ports/inbound-queue.js';
import { isDuplicateKeyError, modelOn } from './mongo-utils.js';

/** The blind-index purpose of a lane (a chat) in this collection. */
const LANE_PURPOSE = 'inbound-queue-lane';

/**
 * A webhook item as stored. `payload` is sealed (it holds the citizen's number and words); the
 * lane is a keyed digest of the chat, never the chat itself.
 */
export interface InboundQueueRecord {
  _id: string;
  channel: string;
  lane: string;
  payload: string;
  order: number;
  attempts: number;
  dueAt: Date;
  receivedAt: Date;
}

const schema = new Schema<InboundQueueRecord>(
  {
    _id: { type: String, required: true },
    channel: { type: String, enum: CHANNELS, required: true },
    lane: { type: String, required: true },
    payload: { type: String, required: true },
    order: { type: Number, required: true },
    attempts: { type: Number, required: true },
    dueAt: { type: Date, required: true },
    receivedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
// What is due (the worker's pass), and one lane's items in order.
schema.index({ channel: 1, dueAt: 1 });
schema.index({ channel: 1, lane: 1, order: 1 });

/** The `inbound_queue` collection. */
export function inboundQueueModel(conn: Connection): Model<InboundQueueRecord> {
  return modelOn(conn, 'InboundQueue', schema, 'inbound_queue');
}

/**
 * InboundQueue on MongoDB/FerretDB. Only the holder of a lane's lease updates its records
 * (src/app/inbound-queue.ts), so plain updates are safe here as they are for the outbox.
 */
export class MongoInboundQueue implements InboundQueue {
  constructor(
    private readonly model: Model<InboundQueueRecord>,
    private readonly cipher: FieldCipher,
  ) {}

  async add(items: readonly NewQueuedInbound[], now: Date): Promise<number> {
    if (items.length === 0) return 0;
    const docs = items.map((i) => ({
      _id: i.id,
      channel: i.channel,
      lane: this.cipher.blindIndex(LANE_PURPOSE, `${i.channel}:${i.chat}`),
      payload: this.cipher.seal(i.payload),
      order: i.order,
      attempts: 0,
      dueAt: now,
      receivedAt: now,
    }));
    try {
      const res = await this.model.collection.insertMany(docs as never[], { ordered: false });
      return res.insertedCount;
    } catch (err) {
      // A redelivery of items already stored: those keep their record, the others are in.
      if (!isDuplicateKeyError(err)) throw err;
      return (err as { insertedCount?: number; result?: { insertedCount?: number } }).insertedCount ?? 0;
    }
  }

  async dueLanes(channel: Channel, now: Date, limit: number): Promise<string[]> {
    const rows = await this.model
      .find({ channel, dueAt: { $lte: now } }, { lane: 1 })
      .sort({ dueAt: 1 })
      .limit(limit * 4)
      .lean<Array<{ lane: string }>>()
      .exec();
    return [...new Set(rows.map((r) => r.lane))].slice(0, limit);
  }

  async listLane(channel: Channel, lane: string, limit: number): Promise<QueuedInbound[]> {
    const rows = await this.model
      .find({ channel, lane })
      // Meta's times are whole seconds: messages of one second keep the order they arrived in.
      .sort({ order: 1, receivedAt: 1 })
      .limit(limit)
      .lean<InboundQueueRecord[]>()
      .exec();
    return rows.map((r) => ({
      id: r._id,
      channel: r.channel as Channel,
      lane: r.lane,
      payload: this.cipher.open(r.payload),
      order: r.order,
      attempts: r.attempts,
      dueAt: r.dueAt,
      receivedAt: r.receivedAt,
    }));
  }

  async remove(id: string): Promise<void> {
    await this.model.deleteOne({ _id: id }).exec();
  }

  async retry(id: string, dueAt: Date, attempts: number): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { dueAt, attempts } }).exec();
  }

  async purgeReceivedBefore(date: Date): Promise<number> {
    const res = await this.model.deleteMany({ receivedAt: { $lt: date } }).exec();
    return res.deletedCount;
  }
}
