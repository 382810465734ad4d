import { Schema, type Connection, type Model } from 'mongoose';
import { modelOn } from './mongo-utils.js';

/** An admin-added holiday for every office; `_id` is the date, so a day is listed once. */
export interface HolidayRecord {
  _id: string;
  name: string;
}

const schema = new Schema<HolidayRecord>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
  },
  { versionKey: false },
);

/** The `holidays` collection. */
export function holidayModel(conn: Connection): Model<HolidayRecord> {
  return modelOn(conn, 'Holiday', schema, 'holidays');
}
