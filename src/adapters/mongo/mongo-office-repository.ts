import type { Model } from 'mongoose';
import type { Office, OfficeLevel, OfficeRepository } from '../../ports/office-repository.js';
import type { OfficeRecord } from './office-model.js';
import { compact, inBatches } from './mongo-utils.js';
import { DEFAULT_HOURS, type OpeningHours } from '../../domain/office.js';

function toDomain(r: OfficeRecord): Office {
  return compact<Office>({
    id: r._id,
    name: r.name,
    level: r.level as OfficeLevel,
    parentId: r.parentId ?? null,
    address: r.address,
    // Offices stored before hours were kept get the common counter hours.
    hours: (r.hours as OpeningHours | undefined) ?? DEFAULT_HOURS,
  });
}

function toPersistence(o: Office): OfficeRecord {
  return compact<OfficeRecord>({
    _id: o.id,
    name: o.name,
    level: o.level,
    parentId: o.parentId,
    address: o.address,
    hours: o.hours,
  });
}

/** The office tree on MongoDB (or FerretDB). */
export class MongoOfficeRepository implements OfficeRepository {
  constructor(private readonly model: Model<OfficeRecord>) {}

  async upsertMany(offices: Office[]): Promise<void> {
    await inBatches(offices, (batch) =>
      this.model.bulkWrite(
        batch.map((o) => ({
          replaceOne: { filter: { _id: o.id }, replacement: toPersistence(o), upsert: true },
        })),
        { ordered: false },
      ),
    );
  }

  async get(id: string): Promise<Office | undefined> {
    const r = await this.model.findById(id).lean<OfficeRecord>().exec();
    return r ? toDomain(r) : undefined;
  }

  async children(id: string): Promise<Office[]> {
    const rows = await this.model.find({ parentId: id }).sort({ name: 1 }).lean<OfficeRecord[]>().exec();
    return rows.map(toDomain);
  }

  async all(): Promise<Office[]> {
    const rows = await this.model.find({}).sort({ _id: 1 }).lean<OfficeRecord[]>().exec();
    return rows.map(toDomain);
  }
}
