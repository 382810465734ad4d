import { isDeepStrictEqual } from 'node:util';
import type { Model } from 'mongoose';
import type { Office, OfficeLevel, OfficeRepository } from '../../ports/office-repository.js';
import type { OfficeRecord } from './office-model.js';
import { compact, inBatches } from './mongo-utils.js';

function toDomain(r: OfficeRecord): Office {
  return compact<Office>({
    id: r._id,
    name: r.name,
    level: r.level as OfficeLevel,
    parentId: r.parentId ?? null,
    address: r.address,
    phone: r.phone,
    hours: r.hours,
    holidays: r.holidays?.length ? r.holidays.map((h) => ({ date: h.date, name: h.name })) : undefined,
    services: r.services ? [...r.services] : undefined,
    sla: r.sla && Object.keys(r.sla).length ? { ...r.sla } : undefined,
  });
}

function toPersistence(o: Office): OfficeRecord {
  return compact<OfficeRecord>({
    _id: o.id,
    name: o.name,
    level: o.level,
    parentId: o.parentId,
    address: o.address,
    phone: o.phone,
    hours: o.hours,
    holidays: o.holidays?.length ? o.holidays.map((h) => ({ date: h.date, name: h.name })) : undefined,
    services: o.services ? [...o.services] : undefined,
    sla: o.sla && Object.keys(o.sla).length ? { ...o.sla } : undefined,
  });
}

/** The office tree on MongoDB (or FerretDB). */
/** Deeper than any office tree (provinsi, kota, kecamatan, kelurahan): a guard against a cycle. */
const MAX_CHAIN = 8;

export class MongoOfficeRepository implements OfficeRepository {
  constructor(private readonly model: Model<OfficeRecord>) {}

  async upsertMany(offices: Office[]): Promise<void> {
    // New offices are plain inserts (a fresh database: one command per batch, where an upsert is
    // a find plus an insert per office on FerretDB); existing ones are replaced only when changed.
    const stored = new Map((await this.model.find({}).lean<OfficeRecord[]>().exec()).map((r) => [r._id, r]));
    const fresh: OfficeRecord[] = [];
    const changed: OfficeRecord[] = [];
    for (const o of offices) {
      const record = toPersistence(o);
      const current = stored.get(o.id);
      if (!current) fresh.push(record);
      else if (!isDeepStrictEqual(toPersistence(toDomain(current)), record)) changed.push(record);
    }
    await inBatches(fresh, (batch) => this.model.insertMany(batch, { ordered: false }));
    await inBatches(changed, (batch) =>
      this.model.bulkWrite(
        batch.map((r) => ({ replaceOne: { filter: { _id: r._id }, replacement: r, upsert: true } })),
        { ordered: false },
      ),
    );
  }

  async insertMissing(offices: Office[]): Promise<number> {
    const stored = new Set(await this.storedIds());
    const fresh = offices.filter((o) => !stored.has(o.id)).map(toPersistence);
    await inBatches(fresh, (batch) => this.model.insertMany(batch, { ordered: false }));
    return fresh.length;
  }

  async missingIds(ids: readonly string[]): Promise<string[]> {
    const stored = new Set(await this.storedIds());
    return ids.filter((id) => !stored.has(id));
  }

  /** Every stored id and nothing else: the whole national tree is a few megabytes of ids. */
  private async storedIds(): Promise<string[]> {
    const rows = await this.model.find({}, { _id: 1 }).lean<Array<{ _id: string }>>().exec();
    return rows.map((r) => r._id);
  }

  async get(id: string): Promise<Office | undefined> {
    const r = await this.model.findById(id).lean<OfficeRecord>().exec();
    return r ? toDomain(r) : undefined;
  }

  async chain(id: string): Promise<Office[]> {
    // Office ids are Kemendagri codes, so the ancestors' ids are the code's prefixes: one read.
    // The walk follows each parentId, reading any parent the prefixes did not hold.
    const parts = id.split('.');
    const ids = parts.map((_, i) => parts.slice(0, i + 1).join('.'));
    const rows = await this.model
      .find({ _id: { $in: ids } })
      .lean<OfficeRecord[]>()
      .exec();
    const known = new Map(rows.map((r) => [r._id, toDomain(r)]));
    const out: Office[] = [];
    for (let next: string | null = id; next !== null && out.length <= MAX_CHAIN;) {
      const office: Office | undefined = known.get(next) ?? (await this.get(next));
      if (!office || out.some((o) => o.id === office.id)) break;
      out.push(office);
      next = office.parentId;
    }
    return out;
  }

  async save(office: Office): Promise<boolean> {
    const res = await this.model.replaceOne({ _id: office.id }, toPersistence(office)).exec();
    return res.matchedCount === 1;
  }

  async children(id: string): Promise<Office[]> {
    const rows = await this.model.find({ parentId: id }).sort({ name: 1 }).lean<OfficeRecord[]>().exec();
    return rows.map(toDomain);
  }

  count(): Promise<number> {
    return this.model.countDocuments({}).exec();
  }

  async all(): Promise<Office[]> {
    const rows = await this.model.find({}).sort({ _id: 1 }).lean<OfficeRecord[]>().exec();
    return rows.map(toDomain);
  }
}
