import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { modelOn } from './mongo-utils.js';

/**
 * An event as stored. `data`/`before`/`after` are free-form objects, each sealed as one string
 * (sealed-fields.ts `sealJson`); events written before sealing keep the plain object.
 */
export interface EventRecord {
  _id: Types.ObjectId;
  type: string;
  applicationId?: string;
  trackingNumber?: string;
  officeId?: string;
  actor: { kind: string; id: string };
  at: Date;
  data?: string | Record<string, unknown>;
  before?: string | Record<string, unknown>;
  after?: string | Record<string, unknown>;
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
