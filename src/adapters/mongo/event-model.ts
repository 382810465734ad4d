import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { modelOn } from './mongo-utils.js';

/**
 * An event as stored. Its free-form `data`/`before`/`after` objects are sealed together in
 * `sealed` (sealed-fields.ts `sealJson`); only events written before sealing keep them plain.
 */
export interface EventRecord {
  _id: Types.ObjectId;
  type: string;
  applicationId?: string;
  trackingNumber?: string;
  officeId?: string;
  actor: { kind: string; id: string };
  at: Date;
  /** `{ data, before, after }` as one sealed JSON string. */
  sealed?: string;
  data?: Record<string, unknown>;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

const schema = new Schema<EventRecord>(
  {
    type: { type: String, required: true },
    applicationId: String,
    trackingNumber: String,
    officeId: String,
    actor: {
      type: new Schema(
        { kind: { type: String, required: true }, id: { type: String, required: true } },
        { _id: false },
      ),
      required: true,
    },
    at: { type: Date, required: true },
    sealed: String,
    data: Schema.Types.Mixed,
    before: Schema.Types.Mixed,
    after: Schema.Types.Mixed,
  },
  { versionKey: false, minimize: false },
);

schema.index({ applicationId: 1, at: 1 });
schema.index({ type: 1, at: -1 });
schema.index({ 'actor.id': 1, at: -1 });
schema.index({ officeId: 1, at: -1 });
schema.index({ at: -1 });

/** The `events` collection: append-only. */
export function eventModel(conn: Connection): Model<EventRecord> {
  return modelOn(conn, 'Event', schema, 'events');
}
