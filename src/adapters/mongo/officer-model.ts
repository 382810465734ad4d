import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { modelOn } from './mongo-utils.js';

/** An officer as stored. */
export interface OfficerRecord {
  _id: Types.ObjectId;
  username: string;
  /**
   * Lower-cased username, unique: case-insensitive uniqueness without a collation index
   * (FerretDB has no collation).
   */
  usernameKey: string;
  displayName: string;
  role: string;
  officeId: string;
  agencyId?: string;
  passwordHash: string;
  active: boolean;
  failedLogins: number;
  lockedUntil?: Date;
  available?: boolean;
}

const schema = new Schema<OfficerRecord>(
  {
    username: { type: String, required: true },
    usernameKey: { type: String, required: true },
    displayName: { type: String, required: true },
    role: { type: String, enum: ['officer', 'supervisor', 'admin', 'agency'], required: true },
    officeId: { type: String, required: true },
    agencyId: String,
    passwordHash: { type: String, required: true },
    active: { type: Boolean, required: true },
    failedLogins: { type: Number, default: 0 },
    lockedUntil: Date,
    available: Boolean,
  },
  { versionKey: false },
);

schema.index({ usernameKey: 1 }, { unique: true });
schema.index({ officeId: 1 });

/** The `officers` collection. */
export function officerModel(conn: Connection): Model<OfficerRecord> {
  return modelOn(conn, 'Officer', schema, 'officers');
}
