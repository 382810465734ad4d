import type { Model } from 'mongoose';
import type { LocalHoliday } from '../../domain/office.js';
import type { HolidayRepository } from '../../ports/holiday-repository.js';
import type { HolidayRecord } from './holiday-model.js';
import { isDuplicateKeyError } from './mongo-utils.js';

/** The admins' holidays on MongoDB (or FerretDB). */
export class MongoHolidayRepository implements HolidayRepository {
  constructor(private readonly model: Model<HolidayRecord>) {}

  async list(): Promise<LocalHoliday[]> {
    const rows = await this.model.find({}).sort({ _id: 1 }).lean<HolidayRecord[]>().exec();
    return rows.map((r) => ({ date: r._id, name: r.name }));
  }

  async add(holiday: LocalHoliday): Promise<boolean> {
    try {
      await this.model.create({ _id: holiday.date, name: holiday.name });
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  async remove(date: string): Promise<LocalHoliday | undefined> {
    const r = await this.model.findByIdAndDelete(date).lean<HolidayRecord>().exec();
    return r ? { date: r._id, name: r.name } : undefined;
  }
}
