import { Schema, type Connection, type Model } from 'mongoose';
import type { LocalHoliday, OpeningHours } from '../../domain/office.js';
import { modelOn } from './mongo-utils.js';

/** An office as stored; `_id` is the office id (the Kemendagri area code). */
export interface OfficeRecord {
  _id: string;
  name: string;
  level: string;
  parentId: string | null;
  address?: string;
  phone?: string;
  hours: OpeningHours;
  holidays?: LocalHoliday[];
  services?: string[];
  sla?: Record<string, number>;
}

const schema = new Schema<OfficeRecord>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    level: { type: String, enum: ['kelurahan', 'kecamatan', 'kota', 'provinsi'], required: true },
    parentId: { type: String, default: null },
    address: String,
    phone: String,
    holidays: { type: [{ _id: false, date: String, name: String }], default: undefined },
    services: { type: [String], default: undefined },
    sla: Schema.Types.Mixed,
    hours: { type: Schema.Types.Mixed, required: true },
  },
  { versionKey: false, minimize: false },
);

schema.index({ parentId: 1, name: 1 });

/** The `offices` collection. */
export function officeModel(conn: Connection): Model<OfficeRecord> {
  return modelOn(conn, 'Office', schema, 'offices');
}
