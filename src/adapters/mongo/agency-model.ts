import { Schema, type Connection, type Model } from 'mongoose';
import { modelOn } from './mongo-utils.js';

/**
 * An agency (dinas); `_id` is its slug. Nothing here is a citizen's personal data: the contact
 * is the agency's desk, so nothing is sealed.
 */
export interface AgencyRecord {
  _id: string;
  name: string;
  shortName: string;
  contact?: string;
  task?: { id: string; en: string };
  active: boolean;
}

const schema = new Schema<AgencyRecord>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    shortName: { type: String, required: true },
    contact: { type: String },
    task: { type: { _id: false, id: String, en: String }, required: false },
    active: { type: Boolean, required: true },
  },
  { versionKey: false },
);

/** The `agencies` collection. */
export function agencyModel(conn: Connection): Model<AgencyRecord> {
  return modelOn(conn, 'Agency', schema, 'agencies');
}
