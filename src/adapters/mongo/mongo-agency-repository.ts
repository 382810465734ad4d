import type { Model } from 'mongoose';
import type { Agency } from '../../domain/agency.js';
import type { AgencyRepository } from '../../ports/agency-repository.js';
import type { AgencyRecord } from './agency-model.js';
import { compact, isDuplicateKeyError } from './mongo-utils.js';

function toDomain(r: AgencyRecord): Agency {
  return compact<Agency>({
    id: r._id,
    name: r.name,
    shortName: r.shortName,
    contact: r.contact,
    task: r.task?.id && r.task.en ? { id: r.task.id, en: r.task.en } : undefined,
    active: r.active,
  });
}

function toPersistence(a: Agency): AgencyRecord {
  return compact<AgencyRecord>({
    _id: a.id,
    name: a.name,
    shortName: a.shortName,
    contact: a.contact,
    task: a.task ? { id: a.task.id, en: a.task.en } : undefined,
    active: a.active !== false,
  });
}

/** The agencies on MongoDB (or FerretDB). */
export class MongoAgencyRepository implements AgencyRepository {
  constructor(private readonly model: Model<AgencyRecord>) {}

  async list(): Promise<Agency[]> {
    const rows = await this.model.find({}).sort({ _id: 1 }).lean<AgencyRecord[]>().exec();
    return rows.map(toDomain);
  }

  async get(id: string): Promise<Agency | undefined> {
    const r = await this.model.findById(id).lean<AgencyRecord>().exec();
    return r ? toDomain(r) : undefined;
  }

  async create(agency: Agency): Promise<boolean> {
    try {
      await this.model.create(toPersistence(agency));
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  async save(agency: Agency): Promise<boolean> {
    const r = await this.model.replaceOne({ _id: agency.id }, toPersistence(agency)).exec();
    return r.matchedCount > 0;
  }

  async insertMissing(agencies: readonly Agency[]): Promise<number> {
    let stored = 0;
    // One at a time: a short list, and two processes starting together only collide on a
    // duplicate key, which means the other one stored it.
    for (const agency of agencies) {
      if (await this.create(agency)) stored++;
    }
    return stored;
  }
}
