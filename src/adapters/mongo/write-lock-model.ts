import { Schema, type Connection, type Model } from 'mongoose';
import { modelOn } from './mongo-utils.js';

/** A short-lived lock row: `_id` = `<collection>:<document id>:<target version>`. */
export interface WriteLockRecord {
  _id: string;
  at: Date;
  /** Held for one bookkeeping write that keeps the version (`mutateInPlace`): worth waiting for. */
  brief?: boolean;
}

const schema = new Schema<WriteLockRecord>(
  { _id: { type: String, required: true }, at: { type: Date, required: true }, brief: Boolean },
  { versionKey: false },
);

/** The `write_locks` collection (see write-lock.ts for why it exists). */
export function writeLockModel(conn: Connection): Model<WriteLockRecord> {
  return modelOn(conn, 'WriteLock', schema, 'write_locks');
}
